import { addDays, compareDates, type IsoDate, type Region, type Role, seoulDate } from '@ieum/domain';
import { and, asc, count, eq, isNull, ne } from 'drizzle-orm';
import { createApplication, moveApplication } from '../modules/jobs/applications';
import { changeEnrolment, enrolPerson, saveCourse } from '../modules/jobs/courses';
import { saveEmployer } from '../modules/jobs/employers';
import { addEmploymentRecord } from '../modules/jobs/employment';
import { savePosting } from '../modules/jobs/postings';
import { employers as employersTable, employmentRecords, seekerProfiles } from '../modules/jobs/schema';
import { saveSeekerProfile } from '../modules/jobs/seeker-profile';
import { protectionProfiles } from '../modules/protection/schema';
import { personOfficers, persons } from '../modules/registry/schema';
import { appendAudit } from '../platform/audit/audit-log';
import { type Actor, runWithContext } from '../platform/context';
import { newId } from '../platform/db/ids';
import { organizations, users } from '../platform/db/schema';
import type { Deps } from '../platform/deps';
import { actorOf, at } from './demo-casework';
import { completeRetentionChecks, payIncentives, recordEarlyEnds } from './demo-jobs-follow-up';
import { DEMO_JOBS, planDemoJobs } from './demo-jobs-plan';
import { minDate } from './demo-jobs-tables';
import { demoOrganizationIds } from './demo-organizations';
import { seededRandom } from './prng';

export {
  DEMO_JOBS,
  type DemoJobsPlan,
  type JobsPlanOptions,
  type JobsPlanPerson,
  planDemoJobs,
} from './demo-jobs-plan';
export { findJobsShowcase, type JobsShowcase } from './demo-jobs-showcase';

/** What the jobs demo added: all zero when it found jobs data and left it alone. */
export interface DemoJobsResult {
  employers: number;
  priorityPurchasing: number;
  postings: number;
  closedPostings: number;
  courses: number;
  profiles: number;
  officerPersons: number;
  employmentRecords: number;
  applications: number;
  placements: number;
  earlyEnds: number;
  enrolments: number;
  payments: number;
}

/**
 * The plan for this database's population and demo accounts as of today, with what running it needs; null
 * without the demo employment officer or any person. Exported for the test, which plans twice.
 */
export async function prepareDemoJobs(deps: Deps, seed: number) {
  const staff = await deps.db
    .select({
      id: users.id,
      username: users.username,
      organizationId: users.organizationId,
      roles: users.roles,
    })
    .from(users)
    .where(eq(users.active, true))
    .orderBy(asc(users.username));
  const named = (username: string) => {
    const user = staff.find((candidate) => candidate.username === username);
    return user ? actorOf({ ...user, roles: user.roles as Role[] }) : null;
  };
  const officer = named('demo-employment-officer');
  if (!officer) return null;
  const caseWorker = named('demo-case-worker');
  const manager = named('demo-center-manager');
  const workerAt = new Map<string, Actor>();
  for (const user of staff)
    if (user.roles.includes('case_worker') && !workerAt.has(user.organizationId))
      workerAt.set(user.organizationId, actorOf({ ...user, roles: user.roles as Role[] }));

  const population = await deps.db
    .select({
      id: persons.id,
      center: persons.hanaCenterId,
      sex: persons.sex,
      birthYear: persons.birthYear,
      decision: persons.protectionDecisionDate,
      residenceStart: persons.residenceStartDate,
      region: persons.residenceRegion,
    })
    .from(persons)
    .where(and(isNull(persons.mergedIntoId), ne(persons.status, 'erased')))
    // Registration order (ids are time-ordered): the same population is planned the same in any database.
    .orderBy(asc(persons.id));
  if (population.length === 0) return null;
  const categories = new Map(
    (
      await deps.db
        .select({ personId: protectionProfiles.personId, categories: protectionProfiles.categories })
        .from(protectionProfiles)
    ).map((row) => [row.personId, row.categories as string[]]),
  );
  const keyOf = new Map([...(await demoOrganizationIds(deps.db))].map(([key, id]) => [id, key]));
  const center = (organizationId: string) => keyOf.get(organizationId) ?? organizationId;
  const [officerOrganization] = await deps.db
    .select({ region: organizations.region })
    .from(organizations)
    .where(eq(organizations.id, officer.organizationId));
  const today = seoulDate(deps.now());
  const plan = planDemoJobs({
    seed,
    today,
    persons: population.map((row) => ({
      center: center(row.center),
      sex: row.sex,
      birthYear: row.birthYear,
      decision: row.decision,
      residenceStart: row.residenceStart,
      region: row.region as Region | null,
      categories: categories.get(row.id) ?? [],
    })),
    workerCenters: [...workerAt.keys()].map(center),
    officerCenter: caseWorker ? center(caseWorker.organizationId) : null,
    officerRegion: (officerOrganization?.region as Region | null | undefined) ?? null,
  });

  return { plan, population, officer, caseWorker, manager, workerAt, today };
}

const pause = () => new Promise<void>((done) => setImmediate(done));

/**
 * Jobs for the demo: employers (a third of them firms employing defectors, for priority purchasing), postings
 * over the reference occupations with 2026 wages, training courses, seeker profiles for about 40% of the
 * working-age persons with work histories to match, and — for the persons the demo accounts serve — the work of
 * the year as it happened: profiles, applications at every stage, placements with their retention checks,
 * short jobs followed up, course completions with certificates, and incentive payments. The persons of the
 * centers no demo account works at get their profiles and insurance history written at once, with one audit
 * entry; everything else goes through the use cases the API calls, as its actor, with the clock of the day.
 *
 * The population is entirely past its five years of protection (arrivals end in 2020), so an incentive line
 * can only still fall due for someone whose period childbirths extended; the demo gives one such person to
 * the demo employment officer when the population has one. Every firm, school and course is made up and says
 * so with "(예시)". Runs once: a database that has any employer or seeker profile is left alone.
 *
 * Runs in the order life would have: firms and postings, the officer's persons, profiles, short jobs followed
 * up when they ended, the insurance history, courses, applications (placements make the employment record and
 * its retention checks), postings closed, checks done, incentives paid.
 */
export async function insertDemoJobs(
  deps: Deps,
  options: { seed?: number; signal?: AbortSignal | undefined } = {},
): Promise<DemoJobsResult> {
  const result: DemoJobsResult = {
    employers: 0,
    priorityPurchasing: 0,
    postings: 0,
    closedPostings: 0,
    courses: 0,
    profiles: 0,
    officerPersons: 0,
    employmentRecords: 0,
    applications: 0,
    placements: 0,
    earlyEnds: 0,
    enrolments: 0,
    payments: 0,
  };
  const [employerCount] = await deps.db.select({ n: count() }).from(employersTable);
  const [profileCount] = await deps.db.select({ n: count() }).from(seekerProfiles);
  if ((employerCount?.n ?? 0) > 0 || (profileCount?.n ?? 0) > 0) return result;
  const prepared = await prepareDemoJobs(deps, options.seed ?? DEMO_JOBS.seed);
  if (!prepared) return result;
  const { plan, population, officer, caseWorker, manager, workerAt, today } = prepared;

  const personId = (index: number) => (population[index] as (typeof population)[number]).id;
  const officerPersons = new Set(plan.officer.map((each) => each.person));
  const actorFor = (index: number): Actor | null =>
    officerPersons.has(index) ? officer : (workerAt.get(population[index]?.center ?? '') ?? null);
  const now = deps.now();
  /** 10:00 in Seoul on the day, and some minutes: when the officer recorded what happened; never the future. */
  const clock = (date: IsoDate, minutes = 0): Date =>
    new Date(Math.min(Date.parse(`${date}T01:00:00Z`) + minutes * 60_000, now.getTime()));
  const act = async <T>(actor: Actor, when: Date, task: (clocked: Deps) => Promise<T>): Promise<T> => {
    const value = await runWithContext({ requestId: 'demo-jobs', ip: null, actor }, () =>
      task(at(deps, when)),
    );
    // PGlite answers synchronously: let requests in between the steps.
    await pause();
    return value;
  };
  const stopped = () => options.signal?.aborted === true;

  // Firms, their postings and the courses, as the officer registers them.
  const employerIds: string[] = [];
  for (const [index, employer] of plan.employers.entries()) {
    if (stopped()) return result;
    const firstOpening = plan.postings
      .filter((posting) => posting.employer === index)
      .map((posting) => posting.opensOn)
      .sort(compareDates)[0];
    const { occupations: _occupations, ...input } = employer;
    const view = await act(officer, clock(addDays(firstOpening ?? today, -7)), (clocked) =>
      saveEmployer(clocked, { actor: officer, input }),
    );
    employerIds.push(view.id);
    result.employers += 1;
    if (employer.priorityPurchasing) result.priorityPurchasing += 1;
  }
  const postingViews: { id: string; version: number }[] = [];
  for (const [index, posting] of plan.postings.entries()) {
    if (stopped()) return result;
    const employerId = employerIds[posting.employer] as string;
    const view = await act(officer, clock(posting.opensOn, index % 400), (clocked) =>
      savePosting(clocked, { actor: officer, input: { ...posting.input, employerId } }),
    );
    postingViews.push({ id: view.id, version: view.version });
    result.postings += 1;
  }
  const courseIds: string[] = [];
  for (const course of plan.courses) {
    const view = await act(officer, clock(minDate(addDays(course.startOn, -30), today)), (clocked) =>
      saveCourse(clocked, { actor: officer, input: course }),
    );
    courseIds.push(view.id);
    result.courses += 1;
  }

  // The demo officer's persons; there is no use case for the assignment (it comes from the Employment Center).
  await deps.db.transaction(async (tx) => {
    for (const { person, since } of plan.officer) {
      await tx.insert(personOfficers).values({
        personId: personId(person),
        kind: 'employment',
        userId: officer.userId,
        since,
        until: null,
      });
      await appendAudit(tx, {
        action: 'create',
        entityType: 'person_officer',
        entityId: personId(person),
        subjectId: personId(person),
        actor: null,
        detail: { demo: true, kind: 'employment', since },
      });
    }
  });
  result.officerPersons = plan.officer.length;

  // Profiles and work histories of the persons no demo account serves, as the centers recorded them over the
  // years: written at once, with one audit entry for each table.
  const elsewhere = plan.profiles.filter((profile) => !profile.served);
  const recorded = plan.history.filter((work) => !work.served);
  await deps.db.transaction(async (tx) => {
    for (let start = 0; start < elsewhere.length; start += 500)
      await tx.insert(seekerProfiles).values(
        elsewhere.slice(start, start + 500).map(({ person, savedOn, input }) => ({
          personId: personId(person),
          ...input,
          childbirths: [...new Set(input.childbirths)].sort(),
          updatedBy: null,
          updatedAt: clock(savedOn),
        })),
      );
    for (let start = 0; start < recorded.length; start += 500)
      await tx.insert(employmentRecords).values(
        recorded.slice(start, start + 500).map((work) => ({
          id: newId(),
          personId: personId(work.person),
          employerId: employerIds[work.employer] as string,
          startOn: work.startOn,
          endOn: work.endOn,
          insured: work.insured,
          occupation: work.occupation,
          monthlyWage: work.monthlyWage,
        })),
      );
    await appendAudit(tx, {
      action: 'create',
      entityType: 'seeker_profile',
      actor: null,
      detail: { demo: true, profiles: elsewhere.length },
    });
    await appendAudit(tx, {
      action: 'create',
      entityType: 'employment_record',
      actor: null,
      detail: { demo: true, records: recorded.length },
    });
  });
  result.profiles += elsewhere.length;

  for (const { person, savedOn, input, served } of plan.profiles) {
    const actor = actorFor(person);
    if (!served || !actor) continue;
    if (stopped()) return result;
    await act(actor, clock(savedOn), (clocked) =>
      saveSeekerProfile(clocked, { actor, personId: personId(person), input }),
    );
    result.profiles += 1;
  }

  result.earlyEnds = await recordEarlyEnds(deps, plan, {
    actorFor,
    personId,
    employerIds,
    act,
    clock,
    stopped,
  });

  // The insurance history of the served persons, entered today: no retention check is already late.
  for (const work of plan.history) {
    const actor = actorFor(work.person);
    if (!work.served || !actor) continue;
    if (stopped()) return result;
    const { person, served: _served, employer, ...input } = work;
    await act(actor, clock(today), (clocked) =>
      addEmploymentRecord(clocked, {
        actor,
        personId: personId(person),
        input: { ...input, employerId: employerIds[employer] as string },
      }),
    );
  }

  for (const enrolment of plan.enrolments) {
    const actor = actorFor(enrolment.person);
    if (!actor) continue;
    if (stopped()) return result;
    const view = await act(actor, clock(enrolment.enrolledOn), (clocked) =>
      enrolPerson(clocked, {
        actor,
        personId: personId(enrolment.person),
        courseId: courseIds[enrolment.course] as string,
      }),
    );
    result.enrolments += 1;
    const { outcome } = enrolment;
    if (!outcome) continue;
    await act(actor, clock(outcome.on), (clocked) =>
      changeEnrolment(clocked, {
        actor,
        enrolmentId: view.id,
        change: {
          status: outcome.status,
          attendedHours: outcome.attendedHours,
          completedOn: outcome.completedOn,
          certificateObtained: outcome.certificate?.code ?? null,
          certificateOn: outcome.certificate?.on ?? null,
          version: view.version,
        },
      }),
    );
  }

  // Applications in the order they were made; each step on its day, a little later in the day than the last.
  const byDate = plan.applications
    .map((application, order) => ({ application, order }))
    .sort((a, b) => compareDates(a.application.createdOn, b.application.createdOn) || a.order - b.order);
  const placedPersons: number[] = [];
  for (const { application, order } of byDate) {
    const actor = actorFor(application.person);
    if (!actor) continue;
    if (stopped()) return result;
    const minutes = (order * 37) % 300;
    let view = await act(actor, clock(application.createdOn, minutes), (clocked) =>
      createApplication(clocked, {
        actor,
        personId: personId(application.person),
        postingId: (postingViews[application.posting] as { id: string }).id,
        stage: application.stage,
      }),
    );
    result.applications += 1;
    for (const [k, step] of application.steps.entries()) {
      const version = view.version;
      view = await act(actor, clock(step.on, minutes + 10 * (k + 1)), (clocked) =>
        moveApplication(clocked, { actor, applicationId: view.id, move: { ...step.move, version } }),
      );
      if (step.move.to === 'placed') {
        result.placements += 1;
        placedPersons.push(application.person);
      }
    }
  }

  // Postings that are filled or past their closing day are marked closed (the posting's version grew with none
  // of the above: applications do not change it).
  for (const [index, posting] of plan.postings.entries()) {
    if (posting.closedOn === null) continue;
    if (stopped()) return result;
    const { id, version } = postingViews[index] as { id: string; version: number };
    const employerId = employerIds[posting.employer] as string;
    await act(officer, clock(posting.closedOn), (clocked) =>
      savePosting(clocked, {
        actor: officer,
        postingId: id,
        input: { ...posting.input, employerId, status: 'closed', version },
      }),
    );
    result.closedPostings += 1;
  }

  const random = seededRandom((options.seed ?? DEMO_JOBS.seed) + 1);
  await completeRetentionChecks(deps, { random, placedPersons, personId, actorFor, act, clock, today });
  result.payments = await payIncentives(plan, {
    random,
    centers: population.map((row) => row.center),
    personId,
    officerPersons,
    officer,
    manager,
    officerCenterId: caseWorker?.organizationId ?? null,
    act,
    clock,
    today,
    stopped,
  });
  const [records] = await deps.db.select({ n: count() }).from(employmentRecords);
  result.employmentRecords = records?.n ?? 0;
  return result;
}
