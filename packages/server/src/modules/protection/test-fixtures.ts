import type { AlertLevel } from '@ieum/domain';
import { and, eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { auditLog, organizations, users } from '../../platform/db/schema';
import type { TestPlatform, TestSession } from '../../testing';
import { persons } from '../registry/schema';
import { type AlertRow, insertAlert } from './alerts.repository';

/**
 * Fixtures for the protection tests (synthetic persons only). Alerts are inserted directly through the
 * repository, so these tests do not depend on the screening's scores.
 */
export async function registerPerson(session: TestSession, body: Record<string, unknown>): Promise<string> {
  const created = await session.request('POST', '/api/persons', body);
  expect(created.statusCode, created.body).toBe(201);
  return created.json().id as string;
}

export async function userIdOf(platform: TestPlatform, username: string): Promise<string> {
  const [user] = await platform.deps.db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.username, username));
  if (!user) throw new Error(`no user ${username}`);
  return user.id;
}

export async function organizationIdOf(platform: TestPlatform, name: string): Promise<string> {
  const [org] = await platform.deps.db
    .select({ id: organizations.id })
    .from(organizations)
    .where(eq(organizations.name, name));
  if (!org) throw new Error(`no organization ${name}`);
  return org.id;
}

export const signalReason = (signalType: string, points: number) => ({
  code: 'signal',
  points,
  signalType,
  count: 1,
  latestOn: '2026-02-20',
  maxValue: null,
  boosted: false,
});

/** An alert for a person, in their Hana Center's queue, opened at `openedAt` with a deadline `dueHours` later. */
export async function openTestAlert(
  platform: TestPlatform,
  options: {
    personId: string;
    level: AlertLevel;
    openedAt: Date;
    dueHours?: number;
    score?: number;
    assigneeId?: string | null;
    organizationId?: string;
  },
): Promise<AlertRow> {
  const [person] = await platform.deps.db
    .select({ centerId: persons.hanaCenterId })
    .from(persons)
    .where(eq(persons.id, options.personId));
  if (!person) throw new Error('no such person');
  const score = options.score ?? { watch: 35, high: 55, crisis: 75 }[options.level];
  return insertAlert(platform.deps.db, {
    personId: options.personId,
    organizationId: options.organizationId ?? person.centerId,
    level: options.level,
    score,
    rulesVersion: '2020-12',
    reasons: [
      signalReason('water_cutoff', 25),
      signalReason('rent_arrears', 20),
      { code: 'vulnerability', points: 8, category: 'single_parent' },
    ],
    openedAt: options.openedAt,
    dueAt: new Date(options.openedAt.getTime() + (options.dueHours ?? 24) * 3600_000),
    assigneeId: options.assigneeId ?? null,
  });
}

/** The access-log entries of one action about one data subject. */
export function auditEntries(platform: TestPlatform, action: string, subjectId: string) {
  return platform.deps.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.subjectId, subjectId)));
}
