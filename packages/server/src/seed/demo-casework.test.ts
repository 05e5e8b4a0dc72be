import { and, count, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appointments } from '../modules/appointments/schema';
import { assessments, caseEvents, caseNotes, cases, goals } from '../modules/cases/schema';
import { consents, referrals } from '../modules/referrals/schema';
import { persons } from '../modules/registry/schema';
import { auditLog, users } from '../platform/db/schema';
import { createTestPlatform, type TestPlatform } from '../testing';
import { findPlaintext } from '../testing/raw-scan';
import { type DemoCaseworkResult, insertDemoCasework } from './demo-casework';
import { demoOrganizationIds } from './demo-organizations';
import { insertDemoPopulation } from './demo-population';

describe('demo case work', () => {
  let platform: TestPlatform;
  let first: DemoCaseworkResult;
  let workerCenters: Set<string>;

  beforeAll(async () => {
    platform = await createTestPlatform();
    await insertDemoPopulation(platform.deps, { persons: 400, seed: 7, batchSize: 200 });
    first = await insertDemoCasework(platform.deps, { seed: 7, casesPerWorker: 6 });
    const workers = await platform.deps.db
      .select({ organizationId: users.organizationId })
      .from(users)
      .where(sql`'case_worker' = any(${users.roles})`);
    workerCenters = new Set(workers.map((row) => row.organizationId));
  }, 300_000);
  afterAll(() => platform.close());

  it('opens the quota of cases at each center with case workers, and none elsewhere', async () => {
    const byCenter = await platform.deps.db
      .select({ center: cases.hanaCenterId, n: count() })
      .from(cases)
      .groupBy(cases.hanaCenterId);
    expect(byCenter.length).toBeGreaterThan(0);
    for (const row of byCenter) {
      expect(workerCenters.has(row.center)).toBe(true);
      expect(row.n).toBeLessThanOrEqual(6);
    }
    expect(first.cases).toBe(byCenter.reduce((sum, row) => sum + row.n, 0));
    expect(first.centersWithoutWorkers).toBeGreaterThan(0);
  });

  it('takes cases along the lifecycle: several statuses, each step recorded in order', async () => {
    const statuses = await platform.deps.db.selectDistinct({ status: cases.status }).from(cases);
    expect(statuses.length).toBeGreaterThanOrEqual(3);
    const events = await platform.deps.db
      .select({ caseId: caseEvents.caseId, status: caseEvents.status, at: caseEvents.at })
      .from(caseEvents)
      .orderBy(caseEvents.caseId, caseEvents.at);
    const rows = await platform.deps.db.select({ id: cases.id, status: cases.status }).from(cases);
    for (const row of rows) {
      const trail = events.filter((event) => event.caseId === row.id).map((event) => event.status);
      expect(trail[0]).toBe('intake');
      expect(trail.at(-1)).toBe(row.status);
    }
    const [closedWithoutDate] = await platform.deps.db
      .select({ n: count() })
      .from(cases)
      .where(and(eq(cases.status, 'closed'), sql`${cases.closedOn} is null`));
    expect(closedWithoutDate?.n).toBe(0);
  });

  it('dates the history in the past, never ahead of today', async () => {
    const [latest] = await platform.deps.db
      .select({ at: sql<string>`max(${caseEvents.at})` })
      .from(caseEvents);
    expect(new Date(latest?.at as string).getTime()).toBeLessThanOrEqual(platform.deps.now().getTime());
    const [earliest] = await platform.deps.db
      .select({ on: sql<string>`min(${cases.openedOn})::text` })
      .from(cases);
    expect((earliest?.on as string) < platform.deps.now().toISOString().slice(0, 10)).toBe(true);
  });

  it('writes assessments, goals, notes, consents and referrals through the real paths, sealed', async () => {
    const counts = async (table: typeof assessments | typeof goals | typeof caseNotes) =>
      (await platform.deps.db.select({ n: count() }).from(table))[0]?.n;
    expect(await counts(assessments)).toBe(first.assessments);
    expect(await counts(goals)).toBe(first.goals);
    expect(await counts(caseNotes)).toBe(first.notes);
    expect(first.notes).toBeGreaterThan(first.cases);
    const [consentCount] = await platform.deps.db.select({ n: count() }).from(consents);
    const [referralCount] = await platform.deps.db.select({ n: count() }).from(referrals);
    expect(consentCount?.n).toBe(first.consents);
    expect(referralCount?.n).toBe(first.referrals);
    // Every referral is covered by the consent recorded for it.
    const uncovered = await platform.deps.db
      .select({ id: referrals.id })
      .from(referrals)
      .where(sql`${referrals.consentId} is null`);
    expect(uncovered).toEqual([]);
    const [appointmentCount] = await platform.deps.db.select({ n: count() }).from(appointments);
    expect(appointmentCount?.n).toBe(first.appointments);
    expect(first.appointments).toBeGreaterThan(0);
    expect(await findPlaintext(platform.deps.db, ['초기상담 실시', '채무 관련 법률상담을 요청'])).toEqual([]);
  });

  it('records each case opening in the audit log as the worker, with the person as subject', async () => {
    const rows = await platform.deps.db.select({ id: cases.id, personId: cases.personId }).from(cases);
    const audited = await platform.deps.db
      .select({ entityId: auditLog.entityId, subjectId: auditLog.subjectId })
      .from(auditLog)
      .where(
        and(
          eq(auditLog.entityType, 'case'),
          eq(auditLog.action, 'create'),
          inArray(
            auditLog.entityId,
            rows.map((row) => row.id),
          ),
        ),
      );
    expect(audited.length).toBe(rows.length);
    for (const entry of audited)
      expect(entry.subjectId).toBe(rows.find((row) => row.id === entry.entityId)?.personId);
  });

  it('adds nothing when run again (the quota counts the cases already there)', async () => {
    const again = await insertDemoCasework(platform.deps, { seed: 7, casesPerWorker: 6 });
    expect(again.cases).toBe(0);
  });

  it('picks the most recently arrived persons of a center first', async () => {
    const ids = await demoOrganizationIds(platform.deps.db);
    const center = ids.get('hana-1') as string;
    const withCase = await platform.deps.db
      .select({ arrival: persons.arrivalDate })
      .from(persons)
      .innerJoin(cases, eq(cases.personId, persons.id))
      .where(eq(persons.hanaCenterId, center));
    const without = await platform.deps.db
      .select({ arrival: sql<string | null>`max(${persons.arrivalDate})::text` })
      .from(persons)
      .where(
        and(
          eq(persons.hanaCenterId, center),
          sql`not exists (select 1 from ${cases} where ${cases.personId} = ${persons.id})`,
        ),
      );
    const oldestWithCase = withCase.map((row) => row.arrival ?? '').sort()[0] ?? '';
    const newestWithout = without[0]?.arrival ?? '';
    if (withCase.length > 0 && newestWithout) expect(oldestWithCase >= newestWithout).toBe(true);
  });
});
