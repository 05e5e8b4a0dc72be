import { count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  protectionAlerts,
  protectionContacts,
  protectionProfiles,
  protectionServices,
  protectionSignals,
  surveyChecks,
} from '../modules/protection/schema';
import { screenPopulation } from '../modules/protection/screen-population';
import { users } from '../platform/db/schema';
import { createTestPlatform, type TestPlatform } from '../testing';
import { insertDemoPopulation } from './demo-population';
import { type DemoProtectionResult, insertDemoProtection } from './demo-protection';

describe('demo crisis protection', () => {
  let platform: TestPlatform;
  let first: DemoProtectionResult;

  beforeAll(async () => {
    platform = await createTestPlatform({ now: () => new Date('2026-11-20T01:00:00Z') });
    await insertDemoPopulation(platform.deps, { persons: 600, seed: 7, batchSize: 200 });
    first = await insertDemoProtection(platform.deps);
  }, 300_000);
  afterAll(() => platform.close());

  it('records profiles and three batches of agency signals, which open alerts at every level', async () => {
    const { db } = platform.deps;
    expect(first.profiles).toBeGreaterThan(150);
    // The agencies' signals; a survey check that finds a crisis adds a signal of its own (via staff).
    const [signals] = await db
      .select({ n: count() })
      .from(protectionSignals)
      .where(eq(protectionSignals.via, 'api'));
    expect(first.signals).toBe(signals?.n);
    const levels = await db.selectDistinct({ level: protectionAlerts.level }).from(protectionAlerts);
    expect(new Set(levels.map((row) => row.level))).toEqual(new Set(['watch', 'high', 'crisis']));
  });

  it('has the demo case workers reach, serve and close the older alerts, and leaves the newest waiting', async () => {
    const { db } = platform.deps;
    expect(first.alertsHandled).toBeGreaterThan(3);
    const [reached] = await db
      .select({ n: count() })
      .from(protectionContacts)
      .where(eq(protectionContacts.reached, true));
    expect(reached?.n).toBe(first.alertsHandled);
    const [services] = await db.select({ n: count() }).from(protectionServices);
    expect(services?.n).toBe(first.alertsHandled);
    const statuses = await db.selectDistinct({ status: protectionAlerts.status }).from(protectionAlerts);
    expect(new Set(statuses.map((row) => row.status))).toEqual(new Set(['open', 'in_progress', 'closed']));
    // Every alert is held by its person's center, where the worker who handled it works.
    const [foreign] = await db
      .select({ n: count() })
      .from(protectionAlerts)
      .innerJoin(users, eq(users.id, protectionAlerts.assigneeId))
      .where(sql`${users.organizationId} <> ${protectionAlerts.organizationId}`);
    expect(foreign?.n).toBe(0);
  });

  it('runs a survey round with part of the checks done', async () => {
    const { db } = platform.deps;
    const [checks] = await db.select({ n: count() }).from(surveyChecks);
    expect(checks?.n).toBeGreaterThan(first.surveyChecksDone);
    expect(first.surveyChecksDone).toBeGreaterThan(0);
  });

  it('adds nothing when run again, and the nightly screening keeps the open alerts as they are', async () => {
    expect(await insertDemoProtection(platform.deps)).toEqual({
      profiles: 0,
      signals: 0,
      alertsHandled: 0,
      surveyChecksDone: 0,
    });
    const before = await platform.deps.db.select({ n: count() }).from(protectionProfiles);
    const run = await screenPopulation(platform.deps, { trigger: 'nightly', actor: null });
    expect(run.persons).toBeGreaterThanOrEqual(600);
    expect(await platform.deps.db.select({ n: count() }).from(protectionProfiles)).toEqual(before);
  });
});
