import {
  type ApplicationMove,
  addDays,
  areNeighbouringRegions,
  CAPITAL_REGION,
  type CourseInput,
  compareDates,
  daysBetween,
  type IsoDate,
  type JobPosting,
  type JobSeeker,
  type SeekerStatus,
  scoreMatch,
} from '@ieum/domain';
import { APPLICATIONS_PER_SEEKER, maxDate, minDate, OUTCOMES } from './demo-jobs-tables';
import type {
  PlannedApplication,
  PlannedEnrolment,
  PlannedPosting,
  PlannedWork,
  Who,
} from './demo-jobs-types';
import type { Random } from './prng';

/**
 * The year's work of the persons the demo accounts serve, as plans: applications at every stage, the way to a
 * job begun lately, one that came to nothing, and courses (some done, with a certificate).
 */
type Outcome = 'recommended' | 'applied' | 'interview' | 'offer' | 'rejected' | 'withdrawn';

const REJECTED_BECAUSE = [
  ['skills', 3],
  ['language', 2],
  ['no_response', 3],
  ['hours', 1],
  ['other', 1],
] as const;

function postingForMatching(posting: PlannedPosting, index: number): JobPosting {
  const { title: _title, closingOn: _closingOn, status: _status, ...fields } = posting.input;
  return { id: String(index), employerId: String(posting.employer), ...fields };
}

/** Opens a posting before its first application and, if it is to close, after its last step. */
function widen(posting: PlannedPosting, from: IsoDate, until: IsoDate, today: IsoDate): void {
  posting.opensOn = minDate(posting.opensOn, addDays(from, -3));
  if (posting.closedOn === null) return;
  posting.input.closingOn = maxDate(posting.input.closingOn, from);
  posting.closedOn = minDate(maxDate(posting.closedOn, addDays(until, 1)), today);
}

/** One application from `createdOn`, a few days a step, to `outcome` or as far as today allows. */
function pipeline(
  random: Random,
  who: Who,
  seeker: Omit<JobSeeker, 'id'>,
  posting: number,
  createdOn: IsoDate,
  outcome: Outcome,
  today: IsoDate,
): PlannedApplication {
  const recommendedFirst = outcome === 'recommended' || random.chance(0.4);
  const path: ApplicationMove['to'][] = [];
  if (outcome === 'withdrawn') {
    if (recommendedFirst ? random.chance(0.5) : true) {
      if (recommendedFirst) path.push('applied');
      if (random.chance(0.3)) path.push('interview');
    }
  } else if (outcome !== 'recommended') {
    if (recommendedFirst) path.push('applied');
    if (outcome === 'interview' || (outcome !== 'applied' && random.chance(outcome === 'offer' ? 0.7 : 0.5)))
      path.push('interview');
  }
  if (outcome === 'offer' || outcome === 'rejected' || outcome === 'withdrawn') path.push(outcome);
  const withdrawnBecause = [
    ['wage', 3],
    ['commute', 3],
    ['hours', 2],
    ['found_other_work', 2],
    ['health', seeker.constraints.includes('health') ? 3 : 1],
    ['childcare', seeker.constraints.includes('childcare') ? 4 : 0],
    ['other', 1],
  ] as const;
  const steps: PlannedApplication['steps'][number][] = [];
  let on = createdOn;
  for (const to of path) {
    on = addDays(on, random.int(1, 6));
    if (compareDates(on, today) > 0) break;
    const reason =
      to === 'rejected'
        ? random.weighted(REJECTED_BECAUSE)
        : to === 'withdrawn'
          ? random.weighted(withdrawnBecause)
          : undefined;
    steps.push({ on, move: reason ? { to, reason } : { to } });
  }
  return {
    person: who.index,
    posting,
    createdOn,
    stage: recommendedFirst ? 'recommended' : 'applied',
    steps,
  };
}

/** The way to the job a served person started lately: through a posting of that work in their region. */
export function placementStory(
  random: Random,
  who: Who,
  seeker: Omit<JobSeeker, 'id'>,
  work: PlannedWork,
  context: { postings: readonly PlannedPosting[]; placed: number[]; today: IsoDate },
): PlannedApplication | null {
  const { postings, placed, today } = context;
  const recent = daysBetween(work.startOn, today) <= 45;
  const free = (i: number) => (placed[i] as number) < (postings[i] as PlannedPosting).input.openings;
  const same = (digits: number) => (posting: PlannedPosting) =>
    seeker.occupations.some((code) => code.slice(0, digits) === posting.input.occupation.slice(0, digits));
  const near = (posting: PlannedPosting) =>
    posting.input.region === who.region || areNeighbouringRegions(posting.input.region, who.region);
  // Best a posting of that very work in the region, still open if the job began within weeks, closed if
  // earlier; else any posting of it; else of the same kind of work nearby.
  const tests: ((posting: PlannedPosting) => boolean)[] = [
    (posting) =>
      posting.input.region === who.region && same(4)(posting) && (posting.closedOn === null) === recent,
    (posting) => posting.input.region === who.region && same(4)(posting),
    (posting) => near(posting) && same(3)(posting),
    (posting) => posting.input.region === who.region && same(2)(posting),
  ];
  let found: number[] = [];
  for (const test of tests) {
    found = postings.flatMap((posting, i) => (free(i) && test(posting) ? [i] : []));
    if (found.length > 0) break;
  }
  if (found.length === 0) return null;
  const posting = random.pick(found);
  const placedOn = addDays(work.startOn, -random.int(1, 7));
  const offerOn = addDays(placedOn, -random.int(0, 4));
  const interviewOn = random.chance(0.75) ? addDays(offerOn, -random.int(2, 7)) : null;
  const appliedOn = addDays(interviewOn ?? offerOn, -random.int(2, 8));
  const recommended = random.chance(0.5);
  const createdOn = recommended ? addDays(appliedOn, -random.int(1, 5)) : appliedOn;
  placed[posting] = (placed[posting] as number) + 1;
  widen(postings[posting] as PlannedPosting, createdOn, placedOn, today);
  return {
    person: who.index,
    posting,
    createdOn,
    stage: recommended ? 'recommended' : 'applied',
    steps: [
      ...(recommended ? [{ on: appliedOn, move: { to: 'applied' as const } }] : []),
      ...(interviewOn ? [{ on: interviewOn, move: { to: 'interview' as const } }] : []),
      { on: offerOn, move: { to: 'offer' } },
      { on: placedOn, move: { to: 'placed', startOn: work.startOn, insured: work.insured } },
    ],
  };
}

/** An application that came to nothing, on a posting now closed, before `before`. */
export function pastAttempt(
  random: Random,
  who: Who,
  seeker: Omit<JobSeeker, 'id'>,
  context: { postings: readonly PlannedPosting[]; today: IsoDate; avoid: number; before: IsoDate | null },
): PlannedApplication | null {
  const { postings, today } = context;
  const found = postings.flatMap((posting, i) =>
    i !== context.avoid &&
    posting.closedOn !== null &&
    (posting.input.region === who.region || areNeighbouringRegions(posting.input.region, who.region)) &&
    seeker.occupations.some((code) => code.slice(0, 2) === posting.input.occupation.slice(0, 2))
      ? [i]
      : [],
  );
  if (found.length === 0) return null;
  const index = random.pick(found);
  const posting = postings[index] as PlannedPosting;
  const createdOn = context.before
    ? addDays(context.before, -random.int(20, 60))
    : addDays(posting.input.closingOn, -random.int(0, 20));
  const application = pipeline(
    random,
    who,
    seeker,
    index,
    createdOn,
    random.chance(0.5) ? 'rejected' : 'withdrawn',
    today,
  );
  widen(posting, createdOn, application.steps.at(-1)?.on ?? createdOn, today);
  return application;
}

/** A seeker's applications of the last weeks: among the open postings that fit best, at every stage. */
export function seekerApplications(
  random: Random,
  who: Who,
  seeker: Omit<JobSeeker, 'id'>,
  context: { postings: readonly PlannedPosting[]; today: IsoDate },
): PlannedApplication[] {
  const { postings, today } = context;
  const n = random.weighted(APPLICATIONS_PER_SEEKER);
  const matcher: JobSeeker = { id: String(who.index), ...seeker };
  const best = postings
    .flatMap((posting, i) =>
      posting.closedOn === null
        ? [{ i, score: scoreMatch(matcher, postingForMatching(posting, i)).score }]
        : [],
    )
    .sort((a, b) => b.score - a.score || a.i - b.i)
    .slice(0, 8);
  const chosen: number[] = [];
  while (chosen.length < Math.min(n, best.length)) {
    const { i } = random.pick(best);
    if (!chosen.includes(i)) chosen.push(i);
  }
  const applications = chosen.map((posting) => {
    const outcome = random.weighted(OUTCOMES);
    const createdOn = addDays(today, -random.int(2, 45));
    widen(postings[posting] as PlannedPosting, createdOn, createdOn, today);
    return pipeline(random, who, seeker, posting, createdOn, outcome, today);
  });
  if (random.chance(0.25)) {
    const past = pastAttempt(random, who, seeker, { postings, today, avoid: -1, before: null });
    if (past && !chosen.includes(past.posting)) applications.push(past);
  }
  return applications;
}

/** A course near home in the person's line of work (a computer course for a few seekers): one done, one now. */
export function planEnrolments(
  random: Random,
  who: Who,
  seeker: Omit<JobSeeker, 'id'>,
  status: SeekerStatus,
  context: {
    courses: readonly Omit<CourseInput, 'version'>[];
    enrolled: number[];
    today: IsoDate;
    /** False for a person whose profile predates the course: a certificate would come after it. */
    finishedToo: boolean;
  },
): PlannedEnrolment[] {
  const { courses, enrolled, today } = context;
  const planned: PlannedEnrolment[] = [];
  let past = !context.finishedToo;
  let current = false;
  courses.forEach((course, c) => {
    if ((enrolled[c] as number) >= course.capacity) return;
    const near =
      course.region === who.region || (CAPITAL_REGION.has(course.region) && CAPITAL_REGION.has(who.region));
    const finished = compareDates(course.endOn, today) < 0;
    if (!near || (finished ? past : current || status === 'not_seeking')) return;
    const fits = seeker.occupations.some((code) => code.slice(0, 3) === course.occupation.slice(0, 3));
    const computing = course.occupation === '0231' && status === 'seeking';
    if (!(fits ? random.chance(0.6) : computing && random.chance(0.15))) return;
    enrolled[c] = (enrolled[c] as number) + 1;
    const started = compareDates(course.startOn, today) <= 0;
    const enrolledOn = started
      ? addDays(course.startOn, -random.int(3, 20))
      : addDays(today, -random.int(0, 10));
    if (!finished) {
      current = true;
      planned.push({ person: who.index, course: c, enrolledOn, outcome: null });
      return;
    }
    past = true;
    if (random.chance(0.8)) {
      const certificate =
        course.certificate && random.chance(0.7)
          ? {
              code: course.certificate,
              on: minDate(addDays(course.endOn, random.int(14, 50)), addDays(today, -2)),
            }
          : null;
      planned.push({
        person: who.index,
        course: c,
        enrolledOn,
        outcome: {
          on: certificate ? addDays(certificate.on, 1) : addDays(course.endOn, random.int(1, 3)),
          status: 'completed',
          attendedHours: course.hours - random.int(0, Math.floor(course.hours * 0.08)),
          completedOn: course.endOn,
          certificate,
        },
      });
    } else {
      const attendedHours = random.int(Math.floor(course.hours * 0.2), Math.floor(course.hours * 0.6));
      planned.push({
        person: who.index,
        course: c,
        enrolledOn,
        outcome: {
          on: addDays(course.startOn, Math.ceil(((attendedHours / 6) * 7) / 5)),
          status: 'dropped',
          attendedHours,
          completedOn: null,
          certificate: null,
        },
      });
    }
  });
  return planned;
}
