import { computableMetrics, metricDefinition, metricValue } from '@ieum/domain';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../platform/db/ids';
import { organizations } from '../../platform/db/schema';
import { createTestPlatform, type TestPlatform } from '../../testing';
import { cases } from '../cases/schema';
import { employers, employmentRecords } from '../jobs/schema';
import { insertAlert } from '../protection/alerts.repository';
import { protectionContacts } from '../protection/schema';
import { persons } from '../registry/schema';
import { implementedMetricKeys, observeMetric } from './metrics';

/** Synthetic persons with no names (a placeholder where the sealed name would be): counts are all that matter. */
describe('plan metrics computed from the modules’ tables', () => {
  let platform: TestPlatform;
  let centerId: string;
  let userId: string;

  async function person(options: { region: string; birthYear?: number }): Promise<string> {
    const id = newId();
    await platform.deps.db.insert(persons).values({
      id,
      code: `T-${id.slice(-8)}`,
      hanaCenterId: centerId,
      nameSealed: 'synthetic',
      birthYear: options.birthYear ?? 1985,
      residenceRegion: options.region,
    });
    return id;
  }

  beforeAll(async () => {
    platform = await createTestPlatform();
    const [center] = await platform.deps.db
      .select({ id: organizations.id })
      .from(organizations)
      .where(eq(organizations.name, '서울남부하나센터'));
    centerId = center?.id as string;
    const [user] = await platform.deps.db.query.users.findMany({ limit: 1 });
    userId = user?.id as string;
  });
  afterAll(() => platform.close());

  it('has a query for every metric the registry calls computable, and none for the others', () => {
    expect(implementedMetricKeys().sort()).toEqual(
      computableMetrics()
        .map((m) => m.key)
        .sort(),
    );
  });

  it('counts cases opened in the year to date, by region of residence, and the domain withholds a count under 5', async () => {
    const db = platform.deps.db;
    const open = async (region: string, openedOn: string) =>
      db.insert(cases).values({
        id: newId(),
        personId: await person({ region }),
        hanaCenterId: centerId,
        status: 'active',
        openedOn,
      });
    // Seoul: 3 in Q1 and 3 in Q2 of 2020; Busan: 2 in Q2; one in 2019 and one in Q3 fall outside.
    for (const day of ['2020-01-01', '2020-02-15', '2020-03-31', '2020-04-01', '2020-05-05', '2020-06-30']) {
      await open('seoul', day);
    }
    await open('busan', '2020-04-10');
    await open('busan', '2020-06-01');
    await open('seoul', '2019-12-31');
    await open('seoul', '2020-07-01');

    const q1 = await observeMetric(db, 'cases.opened', { year: 2020, quarter: 1, region: null });
    const q2 = await observeMetric(db, 'cases.opened', { year: 2020, quarter: 2, region: null });
    const busan = await observeMetric(db, 'cases.opened', { year: 2020, quarter: 2, region: 'busan' });
    expect(q1).toEqual({ kind: 'count', count: 3 });
    expect(q2).toEqual({ kind: 'count', count: 8 });
    expect(busan).toEqual({ kind: 'count', count: 2 });
    const definition = metricDefinition('cases.opened');
    expect(metricValue(definition, q1 as NonNullable<typeof q1>)).toEqual({ value: null, suppressed: true });
    expect(metricValue(definition, q2 as NonNullable<typeof q2>)).toEqual({ value: 8, suppressed: false });
  });

  it('counts persons with a high or crisis alert reached by its deadline, not those reached late, unreached or on watch', async () => {
    const db = platform.deps.db;
    const opened = new Date('2020-02-10T01:00:00Z');
    const alert = async (
      level: 'watch' | 'high' | 'crisis',
      contact: { hours: number; reached: boolean } | null,
    ) => {
      const personId = await person({ region: 'incheon' });
      const row = await insertAlert(db, {
        personId,
        organizationId: centerId,
        level,
        score: 60,
        rulesVersion: '2020-12',
        reasons: [],
        openedAt: opened,
        dueAt: new Date(opened.getTime() + (level === 'crisis' ? 24 : 14 * 24) * 3600_000),
        assigneeId: null,
      });
      if (contact) {
        await db.insert(protectionContacts).values({
          id: newId(),
          alertId: row.id,
          personId,
          contactedAt: new Date(opened.getTime() + contact.hours * 3600_000),
          method: 'phone',
          reached: contact.reached,
          recordedBy: userId,
        });
      }
    };
    for (let i = 0; i < 4; i += 1) await alert('crisis', { hours: 5, reached: true });
    for (let i = 0; i < 2; i += 1) await alert('high', { hours: 24 * 10, reached: true });
    await alert('crisis', { hours: 30, reached: true }); // late
    await alert('high', { hours: 2, reached: false }); // tried, not reached
    await alert('watch', { hours: 1, reached: true }); // not high or crisis
    await alert('crisis', null);

    const q1 = await observeMetric(db, 'protection.crisis_reached_within_deadline', {
      year: 2020,
      quarter: 1,
      region: 'incheon',
    });
    expect(q1).toEqual({ kind: 'count', count: 6 });
    const opened2020 = await observeMetric(db, 'protection.alerts_opened', {
      year: 2020,
      quarter: 1,
      region: 'incheon',
    });
    expect(opened2020).toEqual({ kind: 'count', count: 10 });
    const before = await observeMetric(db, 'protection.alerts_opened', {
      year: 2019,
      quarter: 4,
      region: 'incheon',
    });
    expect(before).toEqual({ kind: 'count', count: 0 });
  });

  it('takes the employment rate of working-age residents on the quarter’s last day', async () => {
    const db = platform.deps.db;
    const employerId = newId();
    await db.insert(employers).values({ id: employerId, name: '시험 사업체', region: 'daegu' });
    const job = async (personId: string, startOn: string, endOn: string | null) =>
      db
        .insert(employmentRecords)
        .values({ id: newId(), personId, employerId, startOn, endOn, insured: true });
    const working: string[] = [];
    for (let i = 0; i < 10; i += 1) working.push(await person({ region: 'daegu' }));
    // 6 in work on 31 March (one of them from that very day), 1 ended on 30 March, 1 starts in April, 2 never.
    for (const id of working.slice(0, 5)) await job(id, '2019-06-01', null);
    await job(working[5] as string, '2020-03-31', '2020-05-31');
    await job(working[6] as string, '2019-01-01', '2020-03-30');
    await job(working[7] as string, '2020-04-01', null);
    // Too old to count, though in work.
    const retired = await person({ region: 'daegu', birthYear: 1950 });
    await job(retired, '2019-01-01', null);

    const q1 = await observeMetric(db, 'jobs.employment_rate', { year: 2020, quarter: 1, region: 'daegu' });
    expect(q1).toEqual({ kind: 'ratio', numerator: 6, denominator: 10 });
    expect(metricValue(metricDefinition('jobs.employment_rate'), q1 as NonNullable<typeof q1>)).toEqual({
      value: 60,
      suppressed: false,
    });
    const placements = await observeMetric(db, 'jobs.placements', {
      year: 2020,
      quarter: 2,
      region: 'daegu',
    });
    expect(placements).toEqual({ kind: 'count', count: 2 });
  });
});
