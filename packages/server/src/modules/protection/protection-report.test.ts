import type { AlertLevel, AlertOutcome } from '@ieum/domain';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../platform/db/ids';
import { createTestPlatform, type TestPlatform, type TestSession } from '../../testing';
import { persons } from '../registry/schema';
import { insertAlert } from './alerts.repository';
import { protectionAlerts, protectionServices } from './schema';
import { registerPerson, userIdOf } from './test-fixtures';

/** Korea time, as people write it. */
const kst = (local: string) => new Date(`${local}+09:00`);
const HOUR = 3600_000;

describe('the protection report', () => {
  let platform: TestPlatform;
  // Monday 2026-03-02, 10:00 in Seoul.
  const clock = new Date('2026-03-02T01:00:00Z');
  let manager: TestSession;
  let planManager: TestSession;
  let workerId: string;

  /** An alert as the report reads it: opened, perhaps reached, closed with an outcome, all at given times. */
  async function alert(options: {
    personId: string;
    level: AlertLevel;
    openedAt: Date;
    reachedAfterHours?: number;
    closed?: { at: Date; outcome: AlertOutcome } | null;
  }) {
    const row = await insertAlert(platform.deps.db, {
      personId: options.personId,
      organizationId: await centerOf(options.personId),
      level: options.level,
      score: 75,
      rulesVersion: '2020-12',
      reasons: [],
      openedAt: options.openedAt,
      dueAt: new Date(options.openedAt.getTime() + 24 * HOUR),
    });
    const closed =
      options.closed === undefined
        ? { at: kst('2026-03-01T09:00:00'), outcome: 'supported' }
        : options.closed;
    await platform.deps.db
      .update(protectionAlerts)
      .set({
        firstContactAt:
          options.reachedAfterHours === undefined
            ? null
            : new Date(options.openedAt.getTime() + options.reachedAfterHours * HOUR),
        ...(closed
          ? { status: 'closed', closedAt: closed.at, outcome: closed.outcome, closedBy: workerId }
          : {}),
      })
      .where(eq(protectionAlerts.id, row.id));
    return row.id;
  }

  async function centerOf(personId: string): Promise<string> {
    const [row] = await platform.deps.db
      .select({ id: persons.hanaCenterId })
      .from(persons)
      .where(eq(persons.id, personId));
    return row?.id as string;
  }

  const report = (session: TestSession, from = '2026-02-01', to = '2026-02-28') =>
    session.request('GET', `/api/protection/reports?from=${from}&to=${to}`);

  beforeAll(async () => {
    platform = await createTestPlatform({ now: () => clock });
    const worker = await platform.signIn('demo-case-worker');
    const otherCenterWorker = await platform.signIn('demo-case-worker-2');
    manager = await platform.signIn('demo-center-manager');
    planManager = await platform.signIn('demo-plan-manager');
    workerId = await userIdOf(platform, 'demo-case-worker');
    const inSeoul = await registerPerson(worker, {
      name: '서울가',
      birthDate: '1980-01-01',
      residenceRegion: 'seoul',
    });
    const inBusan = await registerPerson(worker, {
      name: '부산나',
      birthDate: '1981-01-01',
      residenceRegion: 'busan',
    });
    const unknown = await registerPerson(worker, { name: '미상다', birthDate: '1982-01-01' });
    const otherCenter = await registerPerson(otherCenterWorker, {
      name: '타센라',
      birthDate: '1983-01-01',
      residenceRegion: 'seoul',
    });

    const feb = (day: number) => kst(`2026-02-${String(day).padStart(2, '0')}T10:00:00`);
    const inFebruary = (outcome: AlertOutcome) => ({ at: kst('2026-02-28T12:00:00'), outcome });
    // The center's February: 3 crisis in Seoul, 6 in Busan (the last late on the 28th, Korea time, reached
    // after 30 hours), 5 high in Seoul reached within 10 hours and closed supported, 2 watch of unknown region
    // closed finding no crisis.
    for (const day of [2, 3, 4]) await alert({ personId: inSeoul, level: 'crisis', openedAt: feb(day) });
    for (const day of [5, 6, 7, 8, 9])
      await alert({ personId: inBusan, level: 'crisis', openedAt: feb(day) });
    await alert({
      personId: inBusan,
      level: 'crisis',
      openedAt: kst('2026-02-28T23:30:00'),
      reachedAfterHours: 30,
    });
    for (const day of [10, 11, 12, 13, 14]) {
      await alert({
        personId: inSeoul,
        level: 'high',
        openedAt: feb(day),
        reachedAfterHours: 10,
        closed: inFebruary('supported'),
      });
    }
    for (const day of [15, 16]) {
      await alert({
        personId: unknown,
        level: 'watch',
        openedAt: feb(day),
        closed: inFebruary('no_crisis_found'),
      });
    }
    // Outside the period: the last evening of January in Korea; and one opened on 1 March, overdue now.
    await alert({ personId: inSeoul, level: 'crisis', openedAt: kst('2026-01-31T23:30:00') });
    await alert({ personId: inSeoul, level: 'watch', openedAt: kst('2026-03-01T00:00:00'), closed: null });
    // Another center's February: 4 crisis in Seoul.
    for (const day of [2, 3, 4, 5])
      await alert({ personId: otherCenter, level: 'crisis', openedAt: feb(day) });

    const [firstBusan] = await platform.deps.db
      .select({ id: protectionAlerts.id })
      .from(protectionAlerts)
      .where(eq(protectionAlerts.personId, inBusan))
      .limit(1);
    const service = (provider: string, providedOn: string) => ({
      id: newId(),
      alertId: firstBusan?.id as string,
      personId: inBusan,
      kind: 'emergency_welfare',
      provider,
      outcome: 'provided',
      providedOn,
      recordedBy: workerId,
    });
    await platform.deps.db
      .insert(protectionServices)
      .values([
        ...['2026-02-05', '2026-02-06', '2026-02-07'].map((day) => service('foundation', day)),
        ...['2026-02-05', '2026-02-06', '2026-02-07', '2026-02-08', '2026-02-28'].map((day) =>
          service('local_government', day),
        ),
        service('private', '2026-03-01'),
      ]);
  });
  afterAll(() => platform.close());

  it('gives a center manager their center, with every count from 1 to 4 hidden', async () => {
    const response = await report(manager);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({
      from: '2026-02-01',
      to: '2026-02-28',
      scope: 'center',
      alertsByLevel: { watch: null, high: 5, crisis: 9 },
      // Seoul's 3 crisis alerts are hidden, and Busan's 6 with them: the column's total (9) is published.
      alertsByRegion: [
        { region: 'seoul', crisis: null, high: 5, watch: 0 },
        { region: 'busan', crisis: null, high: 0, watch: 0 },
        { region: 'unknown', crisis: 0, high: 0, watch: null },
      ],
      firstContact: { reached: 6, medianHours: 10, withinDeadlineShare: 0.313 },
      outcomes: {
        supported: 5,
        no_crisis_found: null,
        case_management: 0,
        declined_support: 0,
        unreachable_police_notified: 0,
        moved_away: 0,
        deceased: 0,
      },
      servicesByProvider: { local_government: 5, foundation: null, private: 0, hana_center: 0, other: 0 },
      openOverdue: null,
    });
  });

  it('gives a plan manager the country', async () => {
    const national = (await report(planManager)).json();
    expect(national).toMatchObject({
      scope: 'national',
      alertsByLevel: { watch: null, high: 5, crisis: 13 },
      alertsByRegion: [
        { region: 'seoul', crisis: 7, high: 5, watch: 0 },
        { region: 'busan', crisis: 6, high: 0, watch: 0 },
        { region: 'unknown', crisis: 0, high: 0, watch: null },
      ],
      firstContact: { reached: 6, medianHours: 10, withinDeadlineShare: 0.25 },
    });
  });

  it('hides the contact figures with the count they come from, and refuses a backwards period', async () => {
    const march = (await report(manager, '2026-03-01', '2026-03-02')).json();
    expect(march.firstContact).toEqual({ reached: 0, medianHours: null, withinDeadlineShare: 0 });
    const lateFebruary = (await report(manager, '2026-02-27', '2026-02-28')).json();
    expect(lateFebruary.firstContact).toEqual({
      reached: null,
      medianHours: null,
      withinDeadlineShare: null,
    });
    expect((await report(manager, '2026-02-28', '2026-02-01')).statusCode).toBe(400);
  });

  it('is refused to everyone without protection.reports', async () => {
    for (const username of [
      'demo-case-worker',
      'demo-residence-officer',
      'demo-admin',
      'demo-privacy-auditor',
    ]) {
      const session = await platform.signIn(username);
      expect((await report(session)).statusCode, username).toBe(403);
    }
  });
});
