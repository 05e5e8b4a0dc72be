import {
  addDays,
  type IsoDate,
  SIGNAL_TYPES,
  SUPPORT_BENEFITS,
  screeningRulesOn,
  VULNERABILITY_CATEGORIES,
} from '@ieum/domain';
import { and, eq, ne, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../platform/db/schema';
import { seededRandom } from '../../seed/prng';
import { createTestPlatform, type TestPlatform } from '../../testing';
import { appointments } from '../appointments/schema';
import { newPersonCode } from '../registry/register-person';
import { persons } from '../registry/schema';
import {
  protectionAlertEvents,
  protectionAlerts,
  protectionProfiles,
  protectionSignals,
  riskScores,
} from './schema';
import { screenPopulation } from './screen-population';
import { scorePersonNaively } from './screening-facts';

const AS_OF: IsoDate = '2026-07-01';

describe('screenPopulation', () => {
  let platform: TestPlatform;
  let centerId: string;
  let workerId: string;
  const ids: string[] = [];

  beforeAll(async () => {
    platform = await createTestPlatform({ now: () => new Date('2026-07-01T03:00:00Z') });
    const { db } = platform.deps;
    const [worker] = await db
      .select({ id: users.id, organizationId: users.organizationId })
      .from(users)
      .where(eq(users.username, 'demo-case-worker'));
    workerId = worker?.id as string;
    centerId = worker?.organizationId as string;

    // 300 persons with random facts on every axis the score reads, including the edges of each window.
    const random = seededRandom(2019);
    const randomDay = (from: IsoDate, spanDays: number) => addDays(from, random.int(0, spanDays));
    for (let i = 0; i < 300; i++) {
      const id = crypto.randomUUID();
      ids.push(id);
      const decidedOn = random.chance(0.9) ? randomDay('2012-01-01', 5000) : null;
      const movedInOn = decidedOn && random.chance(0.8) ? addDays(decidedOn, random.int(60, 200)) : null;
      await db.insert(persons).values({
        id,
        code: newPersonCode(),
        hanaCenterId: centerId,
        nameSealed: 'synthetic',
        protectionDecisionDate: decidedOn,
        residenceStartDate: movedInOn && movedInOn <= AS_OF ? movedInOn : null,
      });
      if (random.chance(0.7)) {
        await db.insert(protectionProfiles).values({
          personId: id,
          categories: Array.from({ length: random.int(0, 5) }, () => random.pick(VULNERABILITY_CATEGORIES)),
          childrenInHousehold: random.chance(0.3) ? random.int(1, 3) : 0,
          benefits: Array.from({ length: random.int(0, 2) }, () => random.pick(SUPPORT_BENEFITS)),
          insuredRegularWorker: random.chance(0.2),
        });
      }
      const signals = random.int(0, 6);
      for (let s = 0; s < signals; s++) {
        await db.insert(protectionSignals).values({
          id: crypto.randomUUID(),
          personId: id,
          type: random.pick(SIGNAL_TYPES),
          observedOn: randomDay('2025-06-01', 420),
          value: random.chance(0.6) ? random.int(0, 12) : null,
          via: 'api',
        });
      }
      if (random.chance(0.5)) {
        await db.insert(appointments).values({
          id: crypto.randomUUID(),
          personId: id,
          organizationId: centerId,
          assigneeId: workerId,
          createdBy: workerId,
          startsAt: new Date(`${randomDay('2025-01-01', 560)}T05:00:00Z`),
          durationMinutes: 60,
          kind: 'counselling',
          status: random.pick(['done', 'scheduled', 'no_show']),
        });
      }
    }
  }, 120_000);
  afterAll(() => platform.close());

  it('gives every person the score and reasons the domain function gives, with the rules of the day', async () => {
    const { deps } = platform;
    const run = await screenPopulation(deps, { trigger: 'manual', asOf: AS_OF, actor: null });
    expect(run.rulesVersion).toBe('2020-12');
    expect(run.persons).toBeGreaterThanOrEqual(300);
    const stored = new Map(
      (await deps.db.select().from(riskScores)).map((row) => [row.personId, row] as const),
    );
    const rules = screeningRulesOn(AS_OF);
    let withReasons = 0;
    for (const id of ids) {
      const expected = await scorePersonNaively(deps.db, id, rules, AS_OF);
      const row = stored.get(id);
      if (!expected || expected.reasons.length === 0) {
        expect(row).toBeUndefined();
        continue;
      }
      withReasons++;
      expect({ id, score: row?.score, level: row?.level ?? null, reasons: row?.reasons }).toEqual({
        id,
        score: expected.score,
        level: expected.level,
        reasons: expected.reasons,
      });
    }
    // The random facts reach every level, or the comparison proves little.
    const levels = new Set([...stored.values()].map((row) => row.level));
    expect(levels).toEqual(new Set([null, 'watch', 'high', 'crisis']));
    expect(withReasons).toBeGreaterThan(200);
  });

  it('opens one alert per person at a level, with the deadline of its level, and none twice', async () => {
    const { db } = platform.deps;
    const alerts = await db.select().from(protectionAlerts);
    const atLevel = await db.select().from(riskScores).where(sql`${riskScores.level} is not null`);
    expect(alerts.length).toBe(atLevel.length);
    const crisis = alerts.find((alert) => alert.level === 'crisis');
    expect(crisis?.organizationId).toBe(centerId);
    expect((crisis?.dueAt.getTime() ?? 0) - (crisis?.openedAt.getTime() ?? 0)).toBe(24 * 3_600_000);

    const again = await screenPopulation(platform.deps, { trigger: 'nightly', asOf: AS_OF, actor: null });
    expect(again.alertsOpened).toBe(0);
    expect(again.alertsRaised).toBe(0);
    expect((await db.select().from(protectionAlerts)).length).toBe(alerts.length);
  });

  it('re-scores only the batch, raises an open alert whose level rose, and notes the new signals on it', async () => {
    const { db } = platform.deps;
    const [watch] = await db
      .select()
      .from(protectionAlerts)
      .where(and(eq(protectionAlerts.level, 'watch'), ne(protectionAlerts.status, 'closed')))
      .limit(1);
    expect(watch).toBeDefined();
    const personId = watch?.personId as string;
    const before = await db.select().from(riskScores);

    for (const type of ['water_cutoff', 'power_cutoff', 'call_center_report'] as const) {
      await db.insert(protectionSignals).values({
        id: crypto.randomUUID(),
        personId,
        type,
        observedOn: '2026-06-30',
        via: 'api',
        receivedAt: new Date('2026-07-01T03:00:00Z'),
      });
    }
    const run = await screenPopulation(platform.deps, {
      trigger: 'signals',
      personIds: [personId],
      asOf: AS_OF,
      actor: null,
    });
    expect(run.persons).toBe(1);
    expect(run.alertsRaised).toBe(1);

    const [raised] = await db
      .select()
      .from(protectionAlerts)
      .where(eq(protectionAlerts.id, watch?.id as string));
    expect(raised?.level).toBe('crisis');
    expect(raised?.version).toBe((watch?.version ?? 0) + 1);
    expect(raised?.dueAt.getTime()).toBeLessThan(watch?.dueAt.getTime() ?? 0);
    const events = await db
      .select({ kind: protectionAlertEvents.kind, detail: protectionAlertEvents.detail })
      .from(protectionAlertEvents)
      .where(eq(protectionAlertEvents.alertId, watch?.id as string));
    expect(events.map((e) => e.kind)).toEqual(expect.arrayContaining(['opened', 'level_raised']));

    // Nobody else's score moved.
    const after = new Map((await db.select().from(riskScores)).map((row) => [row.personId, row] as const));
    for (const row of before) {
      if (row.personId !== personId) expect(after.get(row.personId)?.computedAt).toEqual(row.computedAt);
    }
  });

  it('answers an empty batch without a run', async () => {
    const run = await screenPopulation(platform.deps, { trigger: 'signals', personIds: [], actor: null });
    expect(run.persons).toBe(0);
  });
});
