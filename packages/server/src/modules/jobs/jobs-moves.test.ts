import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../platform/db/schema';
import { createTestPlatform, type TestPlatform } from '../../testing';
import { newPersonCode } from '../registry/register-person';
import { persons } from '../registry/schema';
import { jobsRowsStillWith, moveJobsRows } from './jobs-moves';
import {
  employers,
  employmentRecords,
  incentivePayments,
  jobApplications,
  jobPostings,
  seekerProfiles,
  trainingCourses,
  trainingEnrolments,
} from './schema';

/** Synthetic rows only. */
describe('jobs rows on a merge and its undo', () => {
  let platform: TestPlatform;
  const merged = crypto.randomUUID();
  const survivor = crypto.randomUUID();
  const employerId = crypto.randomUUID();
  const postingA = crypto.randomUUID();
  const postingB = crypto.randomUUID();
  const courseId = crypto.randomUUID();
  const ids = {
    clashing: crypto.randomUUID(),
    survivorOpen: crypto.randomUUID(),
    moving: crypto.randomUUID(),
    record: crypto.randomUUID(),
    payment: crypto.randomUUID(),
    enrolmentMerged: crypto.randomUUID(),
    enrolmentSurvivor: crypto.randomUUID(),
  };

  beforeAll(async () => {
    platform = await createTestPlatform();
    const { db } = platform.deps;
    const [worker] = await db
      .select({ organizationId: users.organizationId })
      .from(users)
      .where(eq(users.username, 'demo-case-worker'));
    const centerId = worker?.organizationId as string;
    for (const id of [merged, survivor])
      await db
        .insert(persons)
        .values({ id, code: newPersonCode(), hanaCenterId: centerId, nameSealed: 'synthetic' });
    await db.insert(employers).values({ id: employerId, name: '가상상사', region: 'seoul' });
    const posting = {
      employerId,
      title: '가상 공고',
      occupation: '1351',
      region: 'seoul',
      hours: 'full_time',
      schedule: 'day',
      heavyPhysicalWork: false,
      monthlyWage: 2_100_000,
      requiredKoreanLevel: 2,
      openings: 1,
      closingOn: '2026-12-31',
    };
    await db.insert(jobPostings).values([
      { id: postingA, ...posting },
      { id: postingB, ...posting },
    ]);
    await db.insert(seekerProfiles).values({
      personId: merged,
      status: 'seeking',
      occupations: ['1351'],
      experience: [],
      region: 'seoul',
      maxCommuteMinutes: 60,
      hours: 'either',
      expectedMonthlyWage: 0,
      koreanLevel: 3,
      computerLevel: 2,
    });
    await db.insert(jobApplications).values([
      { id: ids.clashing, personId: merged, postingId: postingA, stage: 'applied' },
      { id: ids.survivorOpen, personId: survivor, postingId: postingA, stage: 'interview' },
      { id: ids.moving, personId: merged, postingId: postingB, stage: 'recommended' },
    ]);
    await db
      .insert(employmentRecords)
      .values({ id: ids.record, personId: merged, employerId, startOn: '2025-01-01', insured: true });
    await db.insert(incentivePayments).values({
      id: ids.payment,
      personId: merged,
      line: 'employment_year1_first',
      amount: 2_000_000,
      claimedOn: '2025-07-05',
      paidOn: '2025-07-20',
    });
    await db.insert(trainingCourses).values({
      id: courseId,
      title: '가상 과정',
      provider: '가상 학교',
      occupation: '1351',
      hours: 100,
      startOn: '2026-01-01',
      endOn: '2026-02-01',
      region: 'seoul',
      capacity: 10,
    });
    await db.insert(trainingEnrolments).values([
      { id: ids.enrolmentMerged, courseId, personId: merged },
      { id: ids.enrolmentSurvivor, courseId, personId: survivor },
    ]);
  });
  afterAll(() => platform.close());

  it('moves everything the survivor can hold, keeps what would clash, and moves it all back on undo', async () => {
    const { db } = platform.deps;
    const moved = await db.transaction((tx) => moveJobsRows(tx, { from: merged, to: survivor }));
    expect(moved).toEqual({
      seekerProfiles: [merged],
      jobApplications: [ids.moving],
      employmentRecords: [ids.record],
      trainingEnrolments: [],
      incentivePayments: [ids.payment],
    });
    const personOf = async (id: string) =>
      (
        await db
          .select({ personId: jobApplications.personId })
          .from(jobApplications)
          .where(eq(jobApplications.id, id))
      )[0]?.personId;
    expect(await personOf(ids.clashing)).toBe(merged);
    expect(await personOf(ids.moving)).toBe(survivor);
    const [profile] = await db.select().from(seekerProfiles).where(eq(seekerProfiles.personId, survivor));
    expect(profile?.occupations).toEqual(['1351']);
    expect(await db.transaction((tx) => jobsRowsStillWith(tx, survivor, moved))).toBe(true);

    const back = await db.transaction((tx) => moveJobsRows(tx, { from: survivor, to: merged, only: moved }));
    expect(back.jobApplications).toEqual([ids.moving]);
    expect(await personOf(ids.moving)).toBe(merged);
    expect(await db.select().from(seekerProfiles).where(eq(seekerProfiles.personId, merged))).toHaveLength(1);
    expect(await db.select().from(seekerProfiles).where(eq(seekerProfiles.personId, survivor))).toHaveLength(
      0,
    );
    const [payment] = await db.select().from(incentivePayments).where(eq(incentivePayments.id, ids.payment));
    expect(payment?.personId).toBe(merged);
  });
});
