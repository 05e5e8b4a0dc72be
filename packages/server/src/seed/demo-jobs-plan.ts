import {
  addDays,
  addMonths,
  CAPITAL_REGION,
  type CourseInput,
  compareDates,
  daysBetween,
  type IsoDate,
  periodEnd,
  type Region,
  rulesFor,
  type SeekerStatus,
} from '@ieum/domain';
import {
  extensionCandidate,
  extensionDue,
  INCENTIVE_RATES_FROM,
  seekerBasics,
  soughtOccupation,
  southExperience,
  spellDates,
  staffSpells,
  statusWeights,
  workingAge,
} from './demo-jobs-people';
import { pastAttempt, placementStory, planEnrolments, seekerApplications } from './demo-jobs-stories';
import {
  COMPANY_FORMS,
  COURSES,
  EMPLOYER_REGIONS,
  INDUSTRIES,
  maxDate,
  minDate,
  NAME_WORDS,
  OPENINGS,
  occupationOf,
  POSTINGS_PER_EMPLOYER,
  wageIn,
} from './demo-jobs-tables';
import type {
  DemoJobsPlan,
  JobsPlanOptions,
  PlannedApplication,
  PlannedEmployer,
  PlannedEnrolment,
  PlannedPosting,
  PlannedProfile,
  PlannedWork,
} from './demo-jobs-types';
import { type Random, seededRandom } from './prng';

export type {
  DemoJobsPlan,
  JobsPlanOptions,
  JobsPlanPerson,
  PlannedApplication,
  PlannedEmployer,
  PlannedEnrolment,
  PlannedPosting,
  PlannedProfile,
  PlannedWork,
} from './demo-jobs-types';

/**
 * The jobs demo as a plan: what happens to whom and when, from the seed, today's date and the population
 * alone (no database, no random ids), so the same population gets the same demo in any database.
 */
export const DEMO_JOBS = {
  seed: 2026,
  employers: 60,
  /** Working-age persons with a seeker profile: at the demo case workers' centers, and elsewhere. */
  profileShare: { served: 0.55, elsewhere: 0.38 },
  /** Persons of the demo case worker's center whose employment protection officer is the demo officer. */
  officerPersons: 40,
} as const;

const MAX_EARLY_ENDS = 8;

function planEmployers(random: Random, total: number): PlannedEmployer[] {
  const quota = EMPLOYER_REGIONS.flatMap(([region, n]) => Array.from({ length: n }, () => region));
  const names = new Set<string>();
  const employers: PlannedEmployer[] = [];
  for (let i = 0; i < total; i++) {
    const region = quota[i % quota.length] as Region;
    const rural =
      !CAPITAL_REGION.has(region) && !['busan', 'daegu', 'gwangju', 'daejeon', 'ulsan'].includes(region);
    const industry = random.weighted(
      INDUSTRIES.filter((kind) => rural || !kind.rural).map((kind) => [kind, kind.weight] as const),
    );
    let name = '';
    while (name === '' || names.has(name)) {
      const base = `${random.pick(NAME_WORDS)}${random.pick(industry.suffixes)}`;
      const form = industry.form === 'company' ? random.weighted(COMPANY_FORMS) : '';
      name = `${form}${base}(예시)`;
    }
    names.add(name);
    employers.push({
      name,
      // Tax offices' codes start at 101: 000 marks a number that cannot be anyone's.
      businessNumber: random.chance(0.65) ? `000-00-${String(i + 1).padStart(5, '0')}` : null,
      region,
      // A third: the firms employing defectors that qualify for priority purchasing.
      priorityPurchasing: i % 3 === 1,
      occupations: industry.occupations,
    });
  }
  return employers;
}

function planPostings(
  random: Random,
  employers: readonly PlannedEmployer[],
  today: IsoDate,
): PlannedPosting[] {
  const postings: PlannedPosting[] = [];
  employers.forEach((employer, index) => {
    const n = random.weighted(POSTINGS_PER_EMPLOYER);
    for (let k = 0; k < n; k++) {
      const code = random.chance(0.4)
        ? (employer.occupations[0] as string)
        : random.pick(employer.occupations);
      const work = occupationOf(code);
      const partTime = work.partWage !== null && random.chance(0.2);
      const closed = random.chance(0.15);
      const opensOn = addDays(today, closed ? -random.int(60, 300) : -random.int(3, 45));
      const closingOn = closed ? addDays(opensOn, random.int(20, 45)) : addDays(today, random.int(7, 60));
      postings.push({
        employer: index,
        opensOn,
        closedOn: closed ? addDays(closingOn, 1) : null,
        input: {
          title: random.pick(work.titles),
          occupation: code,
          region: employer.region,
          hours: partTime ? 'part_time' : 'full_time',
          schedule: random.weighted(work.schedules),
          heavyPhysicalWork: random.chance(work.heavy),
          monthlyWage: wageIn(random, code, Number(today.slice(0, 4)), partTime),
          requiredSkills: work.skills.filter(() => random.chance(0.7)),
          preferredSkills: work.preferred.filter(() => random.chance(0.5)),
          requiredCertificates: work.licence.filter(() => random.chance(0.85)),
          preferredCertificates: work.certificates.filter(() => random.chance(0.5)),
          requiredKoreanLevel: random.int(work.korean[0], work.korean[1]),
          openings: random.weighted(OPENINGS),
          closingOn,
          status: 'open',
        },
      });
    }
  });
  return postings;
}

function planCourses(random: Random, today: IsoDate): Omit<CourseInput, 'version'>[] {
  return COURSES.map(
    ([title, provider, code, hours, region, capacity, oneYearCourse, certificate, timing]) => {
      // Six hours a weekday: calendar days are 7/5 of the teaching days.
      const days = Math.ceil(((hours / 6) * 7) / 5);
      const startOn =
        timing === 'past'
          ? addDays(today, -random.int(40, 300) - days)
          : timing === 'running'
            ? addDays(today, -random.int(10, 40))
            : addDays(today, random.int(10, 45));
      const endOn =
        timing === 'running' ? maxDate(addDays(startOn, days), addDays(today, 7)) : addDays(startOn, days);
      return {
        title,
        provider,
        occupation: code,
        hours,
        startOn,
        endOn,
        region,
        capacity,
        oneYearCourse,
        certificate,
      };
    },
  );
}

export function planDemoJobs(options: JobsPlanOptions): DemoJobsPlan {
  const { today } = options;
  const random = seededRandom(options.seed);
  const year = Number(today.slice(0, 4));
  const employers = planEmployers(random, DEMO_JOBS.employers);
  const postings = planPostings(random, employers, today);
  const courses = planCourses(random, today);
  const profiles: PlannedProfile[] = [];
  const history: PlannedWork[] = [];
  const earlyEnds: PlannedWork[] = [];
  const applications: PlannedApplication[] = [];
  const enrolments: PlannedEnrolment[] = [];
  const officerCandidates: { person: number; since: IsoDate; active: boolean }[] = [];
  const placed = postings.map(() => 0);
  const enrolled = courses.map(() => 0);
  const workerCenters = new Set(options.workerCenters);
  const extended = extensionCandidate(options, year);

  options.persons.forEach((person, index) => {
    const who = workingAge(person, index, year);
    if (!who) return;
    const isExtended = index === extended;
    const served = workerCenters.has(person.center) || isExtended;
    const share = served ? DEMO_JOBS.profileShare.served : DEMO_JOBS.profileShare.elsewhere;
    if (!isExtended && !random.chance(share)) {
      // Not in employment support: their work only as the insurance record shows it.
      const status = random.chance(0.62) ? 'employed' : random.chance(0.4) ? 'not_seeking' : null;
      if (status === null) return;
      const seeker = { occupations: [soughtOccupation(random, who)], hours: 'full_time' as const };
      const spells = spellDates(random, who, status, today, false);
      history.push(...staffSpells(random, who, spells, { employers, today, served: false }, seeker));
      return;
    }
    const status: SeekerStatus = isExtended ? 'employed' : random.weighted(statusWeights(who));
    const { seeker, computerLevel, earlier } = seekerBasics(random, who, year);
    const primary = seeker.occupations[0] as string;
    const keen = served && compareDates(who.decision, INCENTIVE_RATES_FROM) >= 0;
    // The person whose childbirths extend the period: no insured work until the children were small, then one
    // job, whose 36th month is still ahead.
    const due = isExtended ? extensionDue(who.decision, today) : null;
    const spells = due
      ? [{ startOn: addMonths(due, -36), endOn: null }]
      : spellDates(random, who, status, today, keen);
    const work = staffSpells(random, who, spells, { employers, today, served }, seeker).map((each) =>
      isExtended ? { ...each, insured: true } : each,
    );
    const childbirths = isExtended
      ? [addMonths(who.decision, random.int(8, 18)), addMonths(who.decision, random.int(30, 44))]
      : who.sex === 'female' && who.ageAtDecision <= 40 && random.chance(0.12)
        ? [addMonths(who.decision, random.int(8, 58))].filter((date) => compareDates(date, today) < 0)
        : [];
    const profile = (savedOn: IsoDate, certificates: readonly string[], savedStatus: SeekerStatus) => ({
      ...seeker,
      certificates: [...certificates],
      status: savedStatus,
      computerLevel,
      experience: [...earlier, ...southExperience(work, primary, savedOn)],
      childbirths,
    });
    if (!served) {
      history.push(...work);
      const savedOn = maxDate(addDays(today, -random.int(5, 700)), addDays(who.residenceStart, 30));
      profiles.push({ person: index, served, savedOn, input: profile(savedOn, seeker.certificates, status) });
      return;
    }

    // Served by a demo account: the year's work as it happened.
    const protectionEndsOn = periodEnd(who.decision, rulesFor(who.decision).residenceProtectionMonths);
    let placement: PlannedApplication | null = null;
    for (const each of work) {
      if (each.endOn === null && !isExtended && daysBetween(each.startOn, today) <= 365) {
        placement = placementStory(random, who, seeker, each, { postings, placed, today });
        if (placement) continue;
      }
      if (
        each.endOn !== null &&
        earlyEnds.length < MAX_EARLY_ENDS &&
        compareDates(each.startOn, who.decision) >= 0 &&
        compareDates(addDays(each.endOn, 10), protectionEndsOn) <= 0 &&
        daysBetween(each.startOn, each.endOn) < 36 * 30 &&
        random.chance(0.6)
      ) {
        earlyEnds.push(each);
        continue;
      }
      history.push(each);
    }
    const stories: PlannedApplication[] = placement ? [placement] : [];
    if (placement && random.chance(0.35)) {
      const context = { postings, today, avoid: placement.posting, before: placement.createdOn };
      const failed = pastAttempt(random, who, seeker, context);
      if (failed) stories.push(failed);
    }
    if (status === 'seeking') stories.push(...seekerApplications(random, who, seeker, { postings, today }));
    applications.push(...stories);

    const certificates = new Set(seeker.certificates);
    let certifiedOn: IsoDate | null = null;
    const enrolmentContext = { courses, enrolled, today, finishedToo: stories.length === 0 };
    if (!isExtended)
      for (const enrolment of planEnrolments(random, who, seeker, status, enrolmentContext)) {
        enrolments.push(enrolment);
        const certificate = enrolment.outcome?.certificate;
        if (certificate) {
          certificates.add(certificate.code);
          certifiedOn = certificate.on;
        }
      }
    const firstStep = stories.map((story) => story.createdOn).sort(compareDates)[0];
    const savedOn = maxDate(
      firstStep
        ? addDays(firstStep, -random.int(2, 20))
        : certifiedOn
          ? minDate(addDays(certifiedOn, random.int(2, 10)), today)
          : addDays(today, -random.int(3, 200)),
      addDays(who.residenceStart, 30),
    );
    // A person placed through a posting was seeking when the profile was saved; the placement says employed.
    const savedStatus = placement ? 'seeking' : status;
    profiles.push({
      person: index,
      served,
      savedOn,
      input: profile(savedOn, [...certificates], savedStatus),
    });
    if (person.center === options.officerCenter && !isExtended)
      officerCandidates.push({ person: index, since: who.residenceStart, active: status !== 'not_seeking' });
  });

  // The employment protection officer was assigned at the start of residence, as the law has it.
  const extendedPerson = options.persons[extended];
  const officer = [
    ...(extendedPerson?.residenceStart ? [{ person: extended, since: extendedPerson.residenceStart }] : []),
    ...officerCandidates.filter((candidate) => candidate.active),
    ...officerCandidates.filter((candidate) => !candidate.active),
  ]
    .slice(0, DEMO_JOBS.officerPersons)
    .map(({ person, since }) => ({ person, since }));
  return {
    employers,
    postings,
    courses,
    profiles,
    officer,
    history,
    earlyEnds,
    applications,
    enrolments,
    extended: extended >= 0 ? extended : null,
  };
}
