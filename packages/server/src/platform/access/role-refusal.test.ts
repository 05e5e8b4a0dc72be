import { permissionsOf, type Role } from '@ieum/domain';
import { desc } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../seed/demo';
import { createTestPlatform, type TestPlatform } from '../../testing';
import { concreteUrl, takesBody } from '../../testing/routes';
import { auditLog } from '../db/schema';

/**
 * Signs in as every demo account and calls every permission route: each call the grant table
 * (ROLE_PERMISSIONS) does not allow must be refused with 403 access.denied and leave a permission_denied
 * entry naming the account and the route; each call it allows must get past the access check.
 */
describe('what each role is refused', () => {
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await createTestPlatform();
  });
  afterAll(() => platform.close());

  const accounts = DEMO_ACCOUNTS.map((account) => account.username);

  it('covers every demo account named in the brief', () => {
    expect(accounts).toEqual([
      'demo-case-worker',
      'demo-case-worker-2',
      'demo-center-manager',
      'demo-residence-officer',
      'demo-employment-officer',
      'demo-safety-officer',
      'demo-partner',
      'demo-foundation-staff',
      'demo-plan-manager',
      'demo-task-reporter',
      'demo-privacy-auditor',
      'demo-admin',
      'demo-agency',
    ]);
  });

  async function lastEntry() {
    const [entry] = await platform.deps.db.select().from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
    return entry;
  }

  for (const account of DEMO_ACCOUNTS) {
    it(`${account.username} (${account.roles.join(', ')}) is refused every permission route it is not granted`, async () => {
      const session = await platform.signIn(account.username);
      const granted = new Set(permissionsOf(account.roles as Role[]));
      const routes = platform.app.registeredRoutes.filter((route) => route.access?.kind === 'permission');
      expect(routes.length).toBeGreaterThanOrEqual(18);
      let refused = 0;
      for (const route of routes) {
        if (route.access?.kind !== 'permission') continue;
        const label = `${account.username}: ${route.method} ${route.url} (${route.access.permission})`;
        const before = await lastEntry();
        const response = await session.request(
          // The session helper is typed for the methods tests usually send; HEAD goes through inject all the same.
          route.method as 'GET',
          concreteUrl(route.url),
          takesBody(route.method) ? {} : undefined,
        );
        if (granted.has(route.access.permission)) {
          expect([401, 403], label).not.toContain(response.statusCode);
          continue;
        }
        refused += 1;
        expect(response.statusCode, label).toBe(403);
        if (route.method !== 'HEAD') {
          expect(response.json(), label).toMatchObject({
            code: 'access.denied',
            title: '이 작업을 할 권한이 없습니다.',
          });
        }
        const entry = await lastEntry();
        expect(entry?.seq, label).toBe((before?.seq ?? 0) + 1);
        expect(entry, label).toMatchObject({
          action: 'permission_denied',
          actorUsername: account.username,
          detail: { method: route.method, route: route.url },
        });
      }
      // Every role but admin is refused something, and admin is refused the audit log.
      expect(refused).toBeGreaterThan(0);
    });
  }

  it('refuses the administrator the access log (separation of duties)', async () => {
    const admin = await platform.signIn('demo-admin');
    for (const url of ['/api/audit/entries', '/api/audit/verify', '/api/audit/reviews']) {
      const response = await admin.request('GET', url);
      expect(response.statusCode, url).toBe(403);
      expect(response.json().code).toBe('access.denied');
    }
    const review = await admin.request('POST', '/api/audit/reviews', {
      month: '2026-01',
      findings: '이상 없음',
    });
    expect(review.statusCode).toBe(403);
  });

  it('refuses the privacy auditor the creation and change of users', async () => {
    const auditor = await platform.signIn('demo-privacy-auditor');
    const users = await auditor.request('GET', '/api/admin/users?q=demo-admin');
    expect(users.statusCode).toBe(200);
    const [demoAdmin] = users.json().items;
    const create = await auditor.request('POST', '/api/admin/users', {
      username: 'auditor-made',
      displayName: '감사관이 만든 계정',
      organizationId: demoAdmin.organization.id,
      roles: ['admin'],
      password: 'a-long-enough-password',
    });
    expect(create.statusCode).toBe(403);
    expect(create.json().code).toBe('access.denied');
    const change = await auditor.request('PATCH', `/api/admin/users/${demoAdmin.id}`, {
      roles: ['privacy_auditor'],
      version: demoAdmin.version,
    });
    expect(change.statusCode).toBe(403);
    const [unchanged] = (await auditor.request('GET', '/api/admin/users?q=demo-admin')).json().items;
    expect(unchanged.roles).toEqual(['admin']);
    expect((await auditor.request('GET', '/api/admin/users?q=auditor-made')).json().total).toBe(0);
  });

  it('does not audit a request refused for want of a session', async () => {
    const before = await lastEntry();
    const response = await platform.app.inject({ method: 'GET', url: '/api/admin/users' });
    expect(response.statusCode).toBe(401);
    expect((await lastEntry())?.seq).toBe(before?.seq);
  });
});
