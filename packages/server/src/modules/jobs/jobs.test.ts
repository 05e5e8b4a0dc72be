import { explainMatch } from '@ieum/domain';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform, type TestSession } from '../../testing';
import { registerPerson, userIdOf } from '../protection/test-fixtures';
import { personOfficers } from '../registry/schema';
import { tasks } from '../timeline/schema';

/** A response body, read by path in the assertions (its shape is the API's contract, checked by the routes). */
// biome-ignore lint/suspicious/noExplicitAny: assertions read the JSON by path
type Json = Record<string, any>;

/** Synthetic persons, firms and postings: every name here is made up for tests. */
describe('jobs: profile, recommendations, pipeline, placement, retention and incentives', () => {
  let platform: TestPlatform;
  // 2026-03-02, 10:00 in Seoul.
  let clock = new Date('2026-03-02T01:00:00Z');
  let worker: TestSession;
  let officer: TestSession;
  let otherCenter: TestSession;
  let planner: TestSession;
  let kim: string;
  let park: string;
  let elsewhere: string;
  let employerId: string;
  let cookPosting: string;
  let cleanerPosting: string;

  const profile = (overrides: Record<string, unknown> = {}) => ({
    status: 'seeking',
    occupations: ['1321'],
    skills: ['cooking_korean'],
    certificates: ['korean_cook'],
    experience: [{ place: 'north', occupation: '1321', years: 4 }],
    region: 'seoul',
    willingToMoveTo: [],
    maxCommuteMinutes: 60,
    hours: 'full_time',
    expectedMonthlyWage: 2_300_000,
    koreanLevel: 4,
    computerLevel: 2,
    constraints: [],
    childbirths: [],
    ...overrides,
  });
  const posting = (overrides: Record<string, unknown> = {}) => ({
    employerId,
    title: '한식 조리사 (주간)',
    occupation: '1321',
    region: 'seoul',
    hours: 'full_time',
    schedule: 'day',
    heavyPhysicalWork: false,
    monthlyWage: 2_400_000,
    requiredSkills: ['cooking_korean'],
    preferredSkills: [],
    requiredCertificates: [],
    preferredCertificates: ['korean_cook'],
    requiredKoreanLevel: 3,
    openings: 2,
    closingOn: '2026-06-30',
    ...overrides,
  });
  const ok = async (response: { statusCode: number; body: string; json(): unknown }, status = 200) => {
    expect(response.statusCode, response.body).toBe(status);
    return response.json() as Json;
  };

  beforeAll(async () => {
    platform = await createTestPlatform({ now: () => clock });
    worker = await platform.signIn('demo-case-worker');
    officer = await platform.signIn('demo-employment-officer');
    otherCenter = await platform.signIn('demo-case-worker-2');
    planner = await platform.signIn('demo-plan-manager');
    kim = await registerPerson(worker, {
      name: '김취업',
      birthDate: '1985-03-14',
      sex: 'female',
      protectionDecisionDate: '2024-01-10',
      residenceRegion: 'seoul',
    });
    park = await registerPerson(worker, {
      name: '박구직',
      birthDate: '1992-07-01',
      sex: 'male',
      protectionDecisionDate: '2025-05-20',
      residenceRegion: 'seoul',
    });
    elsewhere = await registerPerson(otherCenter, { name: '정타센', birthDate: '1988-01-21', sex: 'female' });
    const officerId = await userIdOf(platform, 'demo-employment-officer');
    await platform.deps.db
      .insert(personOfficers)
      .values({ personId: kim, kind: 'employment', userId: officerId, since: '2024-01-10' });
    employerId = (
      await ok(
        await officer.request('POST', '/api/jobs/employers', {
          name: '새터한식(주)',
          businessNumber: '1234567890',
          region: 'seoul',
          priorityPurchasing: true,
        }),
        201,
      )
    ).id;
    cookPosting = (await ok(await officer.request('POST', '/api/jobs/postings', posting()), 201)).id;
    cleanerPosting = (
      await ok(
        await officer.request(
          'POST',
          '/api/jobs/postings',
          posting({
            title: '건물 청소원',
            occupation: '1351',
            requiredSkills: [],
            preferredCertificates: [],
            monthlyWage: 2_100_000,
            schedule: 'night',
          }),
        ),
        201,
      )
    ).id;
  });
  afterAll(() => platform.close());

  /** Moves the clock on; sessions end with time, so everybody signs in again. */
  const moveClock = async (iso: string) => {
    clock = new Date(iso);
    worker = await platform.signIn('demo-case-worker');
    officer = await platform.signIn('demo-employment-officer');
    otherCenter = await platform.signIn('demo-case-worker-2');
    planner = await platform.signIn('demo-plan-manager');
  };

  it('refuses a second employer with the same business number, in the reader’s language', async () => {
    const response = await officer.request('POST', '/api/jobs/employers', {
      name: '다른회사',
      businessNumber: '123-45-67890',
      region: 'busan',
      priorityPurchasing: false,
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().detail).toContain('사업자등록번호');
  });

  it('keeps a profile at the version seen and refuses a stale change', async () => {
    const saved = await ok(await worker.request('PUT', `/api/persons/${kim}/jobs/profile`, profile()));
    expect(saved.version).toBe(1);
    expect(saved.updatedBy.displayName).toBeTruthy();
    const changed = await ok(
      await worker.request(
        'PUT',
        `/api/persons/${kim}/jobs/profile`,
        profile({ koreanLevel: 5, version: 1 }),
      ),
    );
    expect(changed.version).toBe(2);
    const stale = await worker.request('PUT', `/api/persons/${kim}/jobs/profile`, profile({ version: 1 }));
    expect(stale.statusCode).toBe(409);
    const bad = await worker.request(
      'PUT',
      `/api/persons/${kim}/jobs/profile`,
      profile({ occupations: ['12'] }),
    );
    expect(bad.statusCode).toBe(400);
  });

  it('recommends the cook posting first, with a reason for every factor', async () => {
    const list = await ok(await worker.request('GET', `/api/persons/${kim}/jobs/recommendations`));
    expect(list.considered).toBe(2);
    expect(list.items[0].posting.id).toBe(cookPosting);
    expect(list.items[0].score).toBeGreaterThan(list.items[1].score);
    const sentences = explainMatch(list.items[0].factors, 'ko');
    expect(sentences).toHaveLength(8);
    expect(sentences[0]).toContain('희망 직종과 구인 직종이 같습니다');
    // The night cleaner job says why it fits less.
    expect(explainMatch(list.items[1].factors, 'ko').join(' ')).toContain('희망 직종과 구인 직종이');
  });

  it('answers a person outside the reader’s scope as not found', async () => {
    expect((await otherCenter.request('GET', `/api/persons/${kim}/jobs`)).statusCode).toBe(404);
    expect((await worker.request('GET', `/api/persons/${elsewhere}/jobs/recommendations`)).statusCode).toBe(
      404,
    );
    // A plan manager sees statistics, never a person.
    expect((await planner.request('GET', `/api/persons/${kim}/jobs`)).statusCode).toBe(403);
  });

  it('ranks candidates for a posting among the reader’s seekers only', async () => {
    await ok(await otherCenter.request('PUT', `/api/persons/${elsewhere}/jobs/profile`, profile()));
    const list = await ok(await worker.request('GET', `/api/jobs/postings/${cookPosting}/candidates`));
    expect(list.items.map((item: { person: { id: string } }) => item.person.id)).toEqual([kim]);
    expect(list.items[0].person.maskedName).toBe('김*업');
  });

  let application: Json;
  it('moves an application only along the pipeline, and refuses a second open one for the same posting', async () => {
    application = await ok(
      await worker.request('POST', `/api/persons/${kim}/jobs/applications`, { postingId: cookPosting }),
      201,
    );
    expect(application.stage).toBe('recommended');
    expect(application.score).toBeGreaterThan(60);
    const twice = await worker.request('POST', `/api/persons/${kim}/jobs/applications`, {
      postingId: cookPosting,
    });
    expect(twice.statusCode).toBe(409);
    const skip = await worker.request('POST', `/api/jobs/applications/${application.id}/move`, {
      to: 'placed',
      startOn: '2026-03-03',
      insured: true,
      version: application.version,
    });
    expect(skip.statusCode).toBe(422);
    const uninsuredUnsaid = await worker.request('POST', `/api/jobs/applications/${application.id}/move`, {
      to: 'placed',
      startOn: '2026-03-03',
      version: application.version,
    });
    expect(uninsuredUnsaid.statusCode).toBe(400);
    const noReason = await worker.request('POST', `/api/jobs/applications/${application.id}/move`, {
      to: 'withdrawn',
      version: application.version,
    });
    expect(noReason.statusCode).toBe(400);
    for (const to of ['applied', 'interview', 'offer']) {
      application = await ok(
        await worker.request('POST', `/api/jobs/applications/${application.id}/move`, {
          to,
          version: application.version,
        }),
      );
    }
    expect(application.events.map((event: { to: string }) => event.to)).toEqual([
      'recommended',
      'applied',
      'interview',
      'offer',
    ]);
  });

  it('places the person: an employment record, the seeker marked employed, retention checks for the officer', async () => {
    const placed = await ok(
      await worker.request('POST', `/api/jobs/applications/${application.id}/move`, {
        to: 'placed',
        startOn: '2026-03-03',
        insured: true,
        version: application.version,
      }),
    );
    expect(placed.stage).toBe('placed');
    const jobs = await ok(await officer.request('GET', `/api/persons/${kim}/jobs`));
    expect(jobs.profile.status).toBe('employed');
    expect(jobs.employment).toHaveLength(1);
    expect(jobs.employment[0]).toMatchObject({
      startOn: '2026-03-03',
      endOn: null,
      insured: true,
      monthlyWage: 2_400_000,
    });
    const checks = await platform.deps.db
      .select()
      .from(tasks)
      .where(and(eq(tasks.personId, kim), eq(tasks.kind, 'retention_check')));
    expect(checks.map((task) => task.dueOn).sort()).toEqual([
      '2026-04-03',
      '2026-06-03',
      '2026-09-03',
      '2027-03-03',
    ]);
    const officerId = await userIdOf(platform, 'demo-employment-officer');
    expect(checks.every((task) => task.assigneeId === officerId)).toBe(true);
    // The person's timeline tells it: the stages, and the work that began.
    const timeline = await ok(await worker.request('GET', `/api/persons/${kim}/timeline?pageSize=100`));
    const kinds = timeline.items.map((item: { kind: string; stage?: string }) =>
      item.kind === 'application_stage' ? `stage:${item.stage}` : item.kind,
    );
    expect(kinds).toEqual(
      expect.arrayContaining(['stage:recommended', 'stage:placed', 'employment_started']),
    );
    expect(timeline.items.find((item: { kind: string }) => item.kind === 'employment_started').employer).toBe(
      '새터한식(주)',
    );
  });

  it('follows up work that ends before six months, and cancels the checks after it', async () => {
    await moveClock('2026-07-01T01:00:00Z');
    const jobs = await ok(await officer.request('GET', `/api/persons/${kim}/jobs`));
    const record = jobs.employment[0];
    const ended = await ok(
      await officer.request('PUT', `/api/jobs/employment/${record.id}`, {
        employerId,
        startOn: record.startOn,
        endOn: '2026-06-30',
        insured: true,
        occupation: '1321',
        monthlyWage: 2_400_000,
        version: record.version,
      }),
    );
    expect(ended.endOn).toBe('2026-06-30');
    const rows = await platform.deps.db.select().from(tasks).where(eq(tasks.personId, kim));
    const checks = rows.filter((task) => task.kind === 'retention_check');
    expect(
      checks
        .filter((task) => task.status === 'cancelled')
        .map((task) => task.dueOn)
        .sort(),
    ).toEqual(['2026-09-03', '2027-03-03']);
    const early = rows.filter((task) => task.kind === 'employment_ended_early');
    expect(early).toHaveLength(1);
    expect(early[0]?.period).toEqual({ start: '2026-03-03', end: '2026-06-30' });
  });

  it('explains the employment incentive: due at 6 months at the same employer, paid through the ledger', async () => {
    await moveClock('2026-09-10T01:00:00Z');
    // Park worked insured from 2025-06-01 and is still there: 6 months reached on 2025-11-30.
    await ok(
      await worker.request('PUT', `/api/persons/${park}/jobs/profile`, profile({ status: 'employed' })),
    );
    await ok(
      await worker.request('POST', `/api/persons/${park}/jobs/employment`, {
        employerId,
        startOn: '2025-06-01',
        endOn: null,
        insured: true,
        occupation: '1321',
        monthlyWage: 2_300_000,
      }),
      201,
    );
    const statement = await ok(await worker.request('GET', `/api/persons/${park}/incentives`));
    expect(statement.missing).toEqual([]);
    const first = statement.lines.find((line: { kind: string }) => line.kind === 'employment_year1_first');
    expect(first).toMatchObject({ status: 'due', amount: 2_000_000, dueOn: '2025-12-01' });
    expect(statement.employerNames[employerId]).toBe('새터한식(주)');
    const rest = statement.lines.find((line: { kind: string }) => line.kind === 'employment_year1_rest');
    expect(rest.status).toBe('due');

    // A case worker reads the statement but does not record payments.
    const refused = await worker.request('POST', `/api/persons/${park}/incentives/payments`, {
      line: 'employment_year1_first',
      amount: 2_000_000,
      paidOn: '2025-12-20',
      claimedOn: '2025-12-05',
    });
    expect(refused.statusCode).toBe(403);
    const manager = await platform.signIn('demo-center-manager');
    const overpaid = await manager.request('POST', `/api/persons/${park}/incentives/payments`, {
      line: 'employment_year1_first',
      amount: 2_500_000,
      paidOn: '2025-12-20',
      claimedOn: '2025-12-05',
    });
    expect(overpaid.statusCode).toBe(422);
    expect(overpaid.json().detail).toContain('미지급액');
    const early = await manager.request('POST', `/api/persons/${park}/incentives/payments`, {
      line: 'employment_year1_first',
      amount: 2_000_000,
      paidOn: '2025-11-20',
      claimedOn: '2025-11-20',
    });
    expect(early.statusCode).toBe(422);
    const paid = await ok(
      await manager.request('POST', `/api/persons/${park}/incentives/payments`, {
        line: 'employment_year1_first',
        amount: 2_000_000,
        paidOn: '2025-12-20',
        claimedOn: '2025-12-05',
      }),
      201,
    );
    expect(paid.lines.find((line: { kind: string }) => line.kind === 'employment_year1_first').status).toBe(
      'paid',
    );
    expect(paid.paidTotal).toBe(2_000_000);
    expect(paid.payments).toHaveLength(1);
    const again = await manager.request('POST', `/api/persons/${park}/incentives/payments`, {
      line: 'employment_year1_first',
      amount: 1,
      paidOn: '2025-12-21',
      claimedOn: '2025-12-05',
    });
    expect(again.statusCode).toBe(422);
  });

  it('says which facts are missing instead of computing a statement without them', async () => {
    const statement = await ok(await otherCenter.request('GET', `/api/persons/${elsewhere}/incentives`));
    expect(statement.missing).toEqual(['protection_decision_date', 'residence_region']);
    expect(statement.lines).toEqual([]);
  });

  it('enrols within capacity and records completion with a certificate', async () => {
    const course = await ok(
      await officer.request('POST', '/api/jobs/courses', {
        title: '한식 조리 기능사 과정',
        provider: '가상 직업전문학교',
        occupation: '1321',
        hours: 600,
        startOn: '2026-09-01',
        endOn: '2026-12-20',
        region: 'seoul',
        capacity: 1,
        oneYearCourse: false,
        certificate: 'korean_cook',
      }),
      201,
    );
    const enrolment = await ok(
      await worker.request('POST', `/api/persons/${kim}/jobs/enrolments`, { courseId: course.id }),
      201,
    );
    const full = await worker.request('POST', `/api/persons/${park}/jobs/enrolments`, {
      courseId: course.id,
    });
    expect(full.statusCode).toBe(422);
    const done = await ok(
      await worker.request('PUT', `/api/jobs/enrolments/${enrolment.id}`, {
        status: 'completed',
        attendedHours: 590,
        completedOn: '2026-12-20',
        certificateObtained: 'korean_cook',
        certificateOn: '2027-01-15',
        version: enrolment.version,
      }),
    );
    expect(done.status).toBe('completed');
    const noDate = await worker.request('PUT', `/api/jobs/enrolments/${enrolment.id}`, {
      status: 'completed',
      attendedHours: 590,
      completedOn: null,
      certificateObtained: null,
      certificateOn: null,
      version: done.version,
    });
    expect(noDate.statusCode).toBe(400);
  });

  it('proposes a job fair whose exact total is at least the greedy one', async () => {
    const result = await ok(
      await worker.request('POST', '/api/jobs/fair', {
        postingIds: [cookPosting, cleanerPosting],
        minScore: 0,
      }),
    );
    expect(result.exact.totalScore).toBeGreaterThanOrEqual(result.greedy.totalScore);
    expect(result.openings).toBe(4);
    for (const placement of result.exact.placements) expect(placement.person.code).toMatch(/^P-/);
  });

  it('reports with small counts withheld, nationally for a plan manager', async () => {
    const report = await ok(await planner.request('GET', '/api/jobs/reports?from=2026-01-01&to=2026-09-10'));
    expect(report.scope).toBe('national');
    // One person in work and three of working age: both below 5, so withheld, and the rate with them.
    expect(report.employed).toBeNull();
    expect(report.employmentRate).toBeNull();
    expect(report.employers).toBe(1);
    expect(report.priorityPurchasingEmployers).toBe(1);
    const manager = await platform.signIn('demo-center-manager');
    const center = await ok(await manager.request('GET', '/api/jobs/reports?from=2026-01-01&to=2026-09-10'));
    expect(center.scope).toBe('center');
    const assigned = await ok(
      await officer.request('GET', '/api/jobs/reports?from=2026-01-01&to=2026-09-10'),
    );
    expect(assigned.scope).toBe('assigned');
    // Case workers work with persons; the figures are the manager's.
    expect((await worker.request('GET', '/api/jobs/reports?from=2026-01-01&to=2026-09-10')).statusCode).toBe(
      403,
    );
  });
});
