import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { organizations } from '../../platform/db/schema';
import { TEST_PASSWORD, type TestPlatform, type TestSession } from '../../testing';

/**
 * What the plan's integration tests need beside the platform: an organization's id by its name (the test
 * platform seeds the demo organizations) and a task reporter of one's own at an organization, signed in.
 */
export function planTestHelpers(platform: () => TestPlatform) {
  const orgId = async (name: string): Promise<string> => {
    const [org] = await platform()
      .deps.db.select({ id: organizations.id })
      .from(organizations)
      .where(eq(organizations.name, name));
    expect(org, `no organization named ${name}`).toBeDefined();
    return org?.id as string;
  };
  const addReporter = async (username: string, organizationId: string): Promise<TestSession> => {
    const admin = await platform().signIn('demo-admin');
    const created = await admin.request('POST', '/api/admin/users', {
      username,
      displayName: `시험 ${username}`,
      organizationId,
      roles: ['task_reporter'],
      password: TEST_PASSWORD,
    });
    expect(created.statusCode, created.body).toBe(201);
    return platform().signIn(username);
  };
  return { orgId, addReporter };
}
