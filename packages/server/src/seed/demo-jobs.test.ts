import { isKnownReference, parseRrn, type Region } from '@ieum/domain';
import { and, count, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  employers,
  employmentRecords,
  incentivePayments,
  jobApplications,
  jobPostings,
  seekerProfiles,
  trainingCourses,
  trainingEnrolments,
} from '../modules/jobs/schema';
import { personOfficers, persons } from '../modules/registry/schema';
import { tasks } from '../modules/timeline/schema';
import { auditLog, users } from '../platform/db/schema';
import { createTestPlatform, type TestPlatform } from '../testing';
import {
  type DemoJobsResult,
  findJobsShowcase,
  insertDemoJobs,
  type JobsPlanPerson,
  planDemoJobs,
  prepareDemoJobs,
} from './demo-jobs';
import { demoOrganizationIds } from './demo-organizations';
import { insertDemoPopulation } from './demo-population';
import { generatePopulation } from './population';

const POPULATION = { persons: 1100, seed: 7 } as const;
const NOW = new Date('2026-11-20T01:00:00Z');
/** 10,320 won an hour in 2026, for 209 hours. */
const MINIMUM_MONTHLY_WAGE_2026 = 2_156_880;

describe('demo jobs', () => {
  let platform: TestPlatform;
  let first: DemoJobsResult;
  let seconds: number;

  beforeAll(async () => {
    platform = await createTestPlatform({ now: () => NOW });
    await insertDemoPopulation(platform.deps, { ...POPULATION, batchSize: 200 });
    const started = performance.now();
    first = await insertDemoJobs(platform.deps);
    seconds = (performance.now() - started) / 1000;
    console.log(`demo jobs: ${seconds.toFixed(1)} s for ${POPULATION.persons} persons`, first);
  }, 600_000);
  afterAll(() => platform.close());

  const get = async (username: string) => {
    const session = await platform.signIn(username);
    return async (path: string) => {
      const response = await session.request('GET', path);
      expect(response.statusCode, `${path}: ${response.body}`).toBe(200);
      return response.json() as unknown;
    };
  };

  it('registers about 60 made-up firms, a third for priority purchasing, with about 200 postings and 11 courses', async () => {
    const { db } = platform.deps;
    expect(first.employers).toBe(60);
    expect(first.priorityPurchasing).toBe(20);
    const firms = await db.select().from(employers);
    expect(firms).toHaveLength(60);
    expect(firms.every((firm) => firm.name.endsWith('(예시)'))).toBe(true);
    const numbers = firms.flatMap((firm) => (firm.businessNumber ? [firm.businessNumber] : []));
    expect(numbers.length).toBeGreaterThan(25);
    expect(numbers.every((number) => /^000-00-\d{5}$/.test(number))).toBe(true);
    expect(new Set(numbers).size).toBe(numbers.length);
    const capital = firms.filter((firm) => ['seoul', 'gyeonggi', 'incheon'].includes(firm.region)).length;
    expect(capital).toBeGreaterThanOrEqual(35);

    const postings = await db.select().from(jobPostings);
    expect(postings).toHaveLength(first.postings);
    expect(first.postings).toBeGreaterThanOrEqual(170);
    expect(first.postings).toBeLessThanOrEqual(240);
    const closed = postings.filter((posting) => posting.status === 'closed');
    expect(closed).toHaveLength(first.closedPostings);
    expect(closed.length / postings.length).toBeGreaterThan(0.08);
    expect(closed.length / postings.length).toBeLessThan(0.25);
    const today = '2026-11-20';
    for (const posting of postings) {
      expect(posting.status === 'open' ? posting.closingOn >= today : posting.closingOn < today).toBe(true);
      expect(isKnownReference('occupation', posting.occupation)).toBe(true);
      for (const skill of [...posting.requiredSkills, ...posting.preferredSkills])
        expect(isKnownReference('skill', skill)).toBe(true);
      for (const certificate of [...posting.requiredCertificates, ...posting.preferredCertificates])
        expect(isKnownReference('certificate', certificate)).toBe(true);
      expect(posting.openings).toBeGreaterThanOrEqual(1);
      expect(posting.openings).toBeLessThanOrEqual(5);
      // Full-time work pays at least the 2026 minimum wage; part-time a good deal less.
      if (posting.hours === 'full_time')
        expect(posting.monthlyWage).toBeGreaterThanOrEqual(MINIMUM_MONTHLY_WAGE_2026);
      else expect(posting.monthlyWage).toBeLessThan(1_500_000);
    }
    const courses = await db.select().from(trainingCourses);
    expect(courses).toHaveLength(11);
    expect(courses.filter((course) => course.certificate !== null).length).toBeGreaterThan(5);
    expect(courses.every((course) => course.provider.endsWith('(예시)'))).toBe(true);
  });

  it('records seeker profiles for about 40% of the working-age persons, in their region of residence', async () => {
    const { db } = platform.deps;
    const [workingAge] = await db
      .select({ n: count() })
      .from(persons)
      .where(sql`${persons.birthYear} between 2026 - 64 and 2026 - 18`);
    const profiles = await db
      .select({ profile: seekerProfiles, region: persons.residenceRegion })
      .from(seekerProfiles)
      .innerJoin(persons, eq(persons.id, seekerProfiles.personId));
    expect(profiles).toHaveLength(first.profiles);
    const share = profiles.length / (workingAge?.n ?? 1);
    expect(share).toBeGreaterThan(0.33);
    expect(share).toBeLessThan(0.5);
    expect(profiles.every(({ profile, region }) => profile.region === region)).toBe(true);
    const statuses = new Set(profiles.map(({ profile }) => profile.status));
    expect(statuses).toEqual(new Set(['seeking', 'employed', 'not_seeking']));
    const constraints = profiles.flatMap(({ profile }) => profile.constraints);
    expect(constraints).toContain('childcare');
    expect(constraints).toContain('health');
    expect(profiles.filter(({ profile }) => profile.childbirths.length > 0).length).toBeGreaterThan(3);
    for (const { profile } of profiles) {
      for (const code of profile.occupations) expect(isKnownReference('occupation', code)).toBe(true);
      for (const code of profile.skills) expect(isKnownReference('skill', code)).toBe(true);
      for (const code of profile.certificates) expect(isKnownReference('certificate', code)).toBe(true);
    }
  });

  it('assigns the demo employment officer about 40 persons of the demo case worker’s center, and the officer sees their jobs', async () => {
    const { db } = platform.deps;
    const [officer] = await db.select().from(users).where(eq(users.username, 'demo-employment-officer'));
    const [worker] = await db.select().from(users).where(eq(users.username, 'demo-case-worker'));
    const assigned = await db
      .select({ center: persons.hanaCenterId, region: persons.residenceRegion })
      .from(personOfficers)
      .innerJoin(persons, eq(persons.id, personOfficers.personId))
      .where(
        and(
          eq(personOfficers.userId, officer?.id ?? ''),
          eq(personOfficers.kind, 'employment'),
          isNull(personOfficers.until),
        ),
      );
    expect(assigned).toHaveLength(first.officerPersons);
    expect(first.officerPersons).toBeGreaterThanOrEqual(35);
    expect(first.officerPersons).toBeLessThanOrEqual(40);
    // All at the demo case worker's center, but for one in Seoul whose childbirths extend the incentive period.
    expect(assigned.filter((row) => row.center !== worker?.organizationId).length).toBeLessThanOrEqual(1);
    expect(assigned.every((row) => row.region === 'seoul')).toBe(true);

    const asOfficer = await get('demo-employment-officer');
    const seekers = (await asOfficer('/api/jobs/seekers?pageSize=100')) as {
      total: number;
      items: { person: { id: string } }[];
    };
    expect(seekers.total).toBe(first.officerPersons);
    const jobs = (await asOfficer(`/api/persons/${seekers.items[0]?.person.id}/jobs`)) as {
      profile: unknown;
    };
    expect(jobs.profile).not.toBeNull();
  });

  it('takes applications through every stage, placements into employment with retention checks, and follows up short jobs', async () => {
    const { db } = platform.deps;
    const applications = await db.select().from(jobApplications);
    expect(applications).toHaveLength(first.applications);
    expect(new Set(applications.map((row) => row.stage))).toEqual(
      new Set(['recommended', 'applied', 'interview', 'offer', 'placed', 'withdrawn', 'rejected']),
    );
    for (const row of applications)
      expect(row.reason !== null).toBe(row.stage === 'withdrawn' || row.stage === 'rejected');
    expect(applications.filter((row) => row.score !== null)).toHaveLength(applications.length);

    const placed = applications.filter((row) => row.stage === 'placed');
    expect(placed).toHaveLength(first.placements);
    expect(first.placements).toBeGreaterThanOrEqual(4);
    const [fromPlacements] = await db
      .select({ n: count() })
      .from(employmentRecords)
      .where(isNotNull(employmentRecords.applicationId));
    expect(fromPlacements?.n).toBe(first.placements);
    const placedStatus = await db
      .select({ status: seekerProfiles.status })
      .from(seekerProfiles)
      .where(
        sql`${seekerProfiles.personId} in (${sql.join(
          placed.map((row) => sql`${row.personId}`),
          sql`, `,
        )})`,
      );
    expect(placedStatus.every((row) => row.status === 'employed')).toBe(true);

    const checks = await db
      .select({ status: tasks.status, n: count() })
      .from(tasks)
      .where(eq(tasks.kind, 'retention_check'))
      .groupBy(tasks.status);
    const byStatus = Object.fromEntries(checks.map((row) => [row.status, row.n]));
    expect(byStatus.open).toBeGreaterThan(0);
    expect(byStatus.done).toBeGreaterThan(0);
    expect(byStatus.cancelled).toBeGreaterThan(0);

    expect(first.earlyEnds).toBeGreaterThanOrEqual(3);
    const [followedUp] = await db
      .select({ n: count() })
      .from(tasks)
      .where(and(eq(tasks.kind, 'employment_ended_early'), eq(tasks.status, 'done')));
    expect(followedUp?.n).toBe(first.earlyEnds);
    // History entered today raises no follow-up for work that ended after the person's period was over.
    const [stillOpen] = await db
      .select({ n: count() })
      .from(tasks)
      .where(and(eq(tasks.kind, 'employment_ended_early'), eq(tasks.status, 'open')));
    expect(stillOpen?.n).toBe(0);

    const [records] = await db.select({ n: count() }).from(employmentRecords);
    expect(records?.n).toBe(first.employmentRecords);
    const [ended] = await db
      .select({ n: count() })
      .from(employmentRecords)
      .where(isNotNull(employmentRecords.endOn));
    expect(ended?.n).toBeGreaterThan(100);
  });

  it('completes courses with certificates, and records incentive payments for lines that fell due', async () => {
    const { db } = platform.deps;
    const enrolments = await db.select().from(trainingEnrolments);
    expect(enrolments).toHaveLength(first.enrolments);
    const statuses = new Set(enrolments.map((row) => row.status));
    expect(statuses.has('enrolled') && statuses.has('completed')).toBe(true);
    expect(enrolments.some((row) => row.certificateObtained !== null)).toBe(true);

    const payments = await db.select().from(incentivePayments);
    expect(payments).toHaveLength(first.payments);
    expect(first.payments).toBeGreaterThan(5);
    for (const payment of payments) {
      expect(payment.claimedOn <= payment.paidOn).toBe(true);
      expect(payment.line.startsWith('employment_')).toBe(true);
      // Recorded when it was paid, as the officer would have.
      expect(payment.recordedAt.toISOString().slice(0, 10) >= payment.paidOn).toBe(true);
    }
  });

  it('shows the demo case worker seekers with good recommendations and a person with an incentive due, through the API', async () => {
    const showcase = await findJobsShowcase(await get('demo-case-worker'));
    console.log(
      'demo-case-worker:',
      `recommendations ≥ 60: ${showcase.recommended.map((each) => `${each.code} (${each.score})`).join(', ')};`,
      `incentive due: ${showcase.incentiveDue.map((each) => `${each.code} ${each.line} ${each.amount}`).join(', ')}`,
    );
    expect(showcase.recommended.length).toBe(3);
    expect(showcase.incentiveDue.length).toBeGreaterThanOrEqual(1);
  });

  it('shows the demo officer a statement with paid, due and upcoming lines (childbirths extend the period)', async () => {
    const asOfficer = await get('demo-employment-officer');
    const seekers = (await asOfficer('/api/jobs/seekers?pageSize=100')) as {
      items: { person: { id: string; code: string } }[];
    };
    const found: string[] = [];
    for (const { person } of seekers.items) {
      const statement = (await asOfficer(`/api/persons/${person.id}/incentives`)) as {
        lines: { status: string }[];
        childbirthsCounted: number;
      };
      const statuses = new Set(statement.lines.map((line) => line.status));
      if (statuses.has('paid') && statuses.has('due') && statuses.has('upcoming')) {
        expect(statement.childbirthsCounted).toBe(2);
        found.push(person.code);
      }
    }
    console.log(`demo-employment-officer: paid, due and upcoming lines for ${found.join(', ')}`);
    expect(found.length).toBeGreaterThanOrEqual(1);
  });

  it('does everything as its actor, audited with the persons as subjects', async () => {
    const { db } = platform.deps;
    const actors = await db
      .selectDistinct({ username: auditLog.actorUsername })
      .from(auditLog)
      .where(eq(auditLog.requestId, 'demo-jobs'));
    expect(new Set(actors.map((row) => row.username))).toEqual(
      new Set(['demo-employment-officer', 'demo-case-worker', 'demo-case-worker-2', 'demo-center-manager']),
    );
    const [placements] = await db
      .select({ n: count() })
      .from(auditLog)
      .where(
        and(
          eq(auditLog.entityType, 'job_application'),
          sql`${auditLog.detail}->>'to' = 'placed'`,
          isNotNull(auditLog.subjectId),
        ),
      );
    expect(placements?.n).toBe(first.placements);
  });

  it('plans the same from the same population and seed, in this database or from the generator, and otherwise for another seed', async () => {
    const again = await prepareDemoJobs(platform.deps, 2026);
    const other = await prepareDemoJobs(platform.deps, 2027);
    expect(again).not.toBeNull();
    const plan = again?.plan;
    expect(plan?.profiles).toHaveLength(first.profiles);
    expect(plan?.postings).toHaveLength(first.postings);
    expect(plan?.applications).toHaveLength(first.applications);
    expect(JSON.stringify(other?.plan.profiles)).not.toBe(JSON.stringify(plan?.profiles));

    // The persons in the order of their ids are the generator's persons in its order: the plan does not depend
    // on the random ids and codes of one database.
    const organizationIds = await demoOrganizationIds(platform.deps.db);
    const centerKeys = new Map([...organizationIds].map(([key, id]) => [id, key]));
    const generated: JobsPlanPerson[] = generatePopulation(POPULATION).persons.map((person) => {
      const rrn = person.intake.rrn ? parseRrn(person.intake.rrn) : null;
      const birthDate = rrn?.ok ? rrn.value.birthDate : (person.intake.birthDate ?? null);
      return {
        center: person.hanaCenterKey,
        sex: rrn?.ok ? rrn.value.sex : (person.intake.sex ?? null),
        birthYear: birthDate ? Number(birthDate.slice(0, 4)) : null,
        decision: person.intake.protectionDecisionDate ?? null,
        residenceStart: person.intake.residenceStartDate ?? null,
        region: (person.intake.residenceRegion as Region | undefined) ?? null,
        categories: [],
      };
    });
    const [worker] = await platform.deps.db
      .select()
      .from(users)
      .where(eq(users.username, 'demo-case-worker'));
    expect(centerKeys.get(worker?.organizationId ?? '')).toBe('hana-3');
    const fromGenerator = planDemoJobs({
      seed: 2026,
      today: '2026-11-20',
      persons: generated,
      workerCenters: ['hana-3', 'hana-5'],
      officerCenter: 'hana-3',
      officerRegion: 'seoul',
    });
    expect(JSON.stringify(fromGenerator)).toBe(JSON.stringify(plan));
  });

  it('adds nothing when run again', async () => {
    const before = await platform.deps.db.select({ n: count() }).from(employmentRecords);
    const again = await insertDemoJobs(platform.deps);
    expect(again.employers + again.profiles + again.applications + again.payments).toBe(0);
    expect(await platform.deps.db.select({ n: count() }).from(employmentRecords)).toEqual(before);
  });
});
