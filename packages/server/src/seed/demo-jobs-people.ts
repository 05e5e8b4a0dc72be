import {
  addDays,
  addMonths,
  areNeighbouringRegions,
  CAPITAL_REGION,
  compareDates,
  daysBetween,
  type IsoDate,
  type JobSeeker,
  periodEnd,
  REGIONS,
  type Region,
  rulesFor,
  type SeekerConstraint,
  type SeekerStatus,
  type WorkExperience,
} from '@ieum/domain';
import {
  COMMUTE_MINUTES,
  COMPUTER_LEVEL,
  CURRENT_MONTHS,
  drawMonths,
  FARMING,
  HOURS_WANTED,
  KOREAN_LEVEL,
  maxDate,
  minDate,
  NORTH_WORK,
  OCCUPATIONS,
  OLDER,
  occupationOf,
  roundWage,
  SOUGHT,
  SPELL_MONTHS,
  THIRD_COUNTRY_WORK,
  wageIn,
  YOUNGER,
} from './demo-jobs-tables';
import type { JobsPlanOptions, JobsPlanPerson, PlannedEmployer, PlannedWork, Who } from './demo-jobs-types';
import type { Random } from './prng';

/**
 * The persons of the jobs demo: who is of working age, what they seek and can do (a seeker profile), and when
 * and where they worked in the South.
 */
/** Employment incentive amounts are on record for lines falling due from this day (domain/benefits). */
export const INCENTIVE_RATES_FROM = '2014-11-29';

export function workingAge(person: JobsPlanPerson, index: number, year: number): Who | null {
  if (!person.birthYear || !person.decision || !person.residenceStart || !person.region) return null;
  const age = year - person.birthYear;
  if (age < 18 || age > 64) return null;
  return {
    index,
    sex: person.sex === 'male' ? 'male' : 'female',
    age,
    ageAtDecision: Number(person.decision.slice(0, 4)) - person.birthYear,
    decision: person.decision,
    residenceStart: person.residenceStart,
    region: person.region,
    categories: new Set(person.categories),
  };
}

export function soughtOccupation(random: Random, who: Who): string {
  const capital = CAPITAL_REGION.has(who.region);
  return random.weighted(
    SOUGHT[who.sex].map(
      ([code, weight]) =>
        [
          code,
          weight *
            (who.age < 35 && YOUNGER.has(code) ? 2.5 : 1) *
            (who.age >= 55 && OLDER.has(code) ? 2 : 1) *
            (capital && FARMING.has(code) ? 0 : 1),
        ] as const,
    ),
  );
}

export function statusWeights(who: Who): (readonly [SeekerStatus, number])[] {
  const unwell = who.categories.has('disability') || who.categories.has('chronic_illness');
  return [
    ['seeking', who.categories.has('unemployed') ? 65 : 40],
    ['employed', 44],
    ['not_seeking', (who.age >= 58 ? 30 : 14) + (unwell ? 10 : 0)],
  ];
}

/** Everything of a profile but its status, the work in the South and childbirths. */
export function seekerBasics(random: Random, who: Who, year: number) {
  const primary = soughtOccupation(random, who);
  const occupations = [primary];
  const sameGroup = Object.keys(OCCUPATIONS).filter(
    (code) => code !== primary && code.slice(0, 2) === primary.slice(0, 2),
  );
  if (sameGroup.length > 0 && random.chance(0.5)) occupations.push(random.pick(sameGroup));
  const fallback = random.pick(['1692', '1691', '1351', '1341']);
  if (random.chance(0.25) && !occupations.includes(fallback)) occupations.push(fallback);
  const computerLevel = random.weighted(
    COMPUTER_LEVEL[who.age < 35 ? 'younger' : who.age < 50 ? 'middle' : 'older'],
  );
  const skills = new Set<string>();
  occupations.forEach((code, k) => {
    const work = occupationOf(code);
    for (const skill of work.skills) if (random.chance(k === 0 ? 0.8 : 0.5)) skills.add(skill);
    for (const skill of work.preferred) if (random.chance(0.35)) skills.add(skill);
  });
  if (random.chance(0.3)) skills.add('chinese_language');
  if (computerLevel >= 3 && random.chance(0.6)) skills.add('office_computer');
  const main = occupationOf(primary);
  const certificates = new Set<string>();
  for (const certificate of main.licence) if (random.chance(0.6)) certificates.add(certificate);
  for (const certificate of main.certificates) if (random.chance(0.3)) certificates.add(certificate);
  if (random.chance(who.sex === 'male' ? 0.3 : 0.1)) certificates.add('driver_class1');
  if (certificates.has('driver_class1') || certificates.has('driver_large')) skills.add('driving');

  // Recorded with the person's agreement: childcare for many single parents, health for a few.
  const constraints: SeekerConstraint[] = [];
  const parent = who.categories.has('single_parent') || who.categories.has('infant_care');
  if (
    parent
      ? random.chance(0.7)
      : who.sex === 'female' && who.age >= 25 && who.age <= 45 && random.chance(0.06)
  )
    constraints.push('childcare');
  const ill = who.categories.has('chronic_illness') || who.categories.has('mental_health');
  if (random.chance(ill ? 0.5 : who.age >= 55 ? 0.1 : 0.03)) constraints.push('health');
  if (who.categories.has('disability') && random.chance(0.6)) constraints.push('disability');
  const limited = constraints.includes('childcare') || who.age >= 58;
  const hours = random.weighted(HOURS_WANTED[limited ? 'limited' : 'usual']);
  const yearsHere = year - Number(who.decision.slice(0, 4));
  const koreanLevel = random.weighted(
    KOREAN_LEVEL[yearsHere >= 10 ? 'settled' : yearsHere >= 5 ? 'settling' : 'recent'],
  );
  const neighbours = REGIONS.filter((region) => areNeighbouringRegions(who.region, region));
  const willingToMoveTo = neighbours.length > 0 && random.chance(0.08) ? [random.pick(neighbours)] : [];
  const wageBase = hours === 'part_time' ? (main.partWage ?? Math.round(main.wage / 2)) : main.wage;
  const expectedMonthlyWage = random.chance(0.15) ? 0 : roundWage((wageBase * random.int(95, 118)) / 100);
  const earlier: WorkExperience[] = [];
  if (who.ageAtDecision >= 20 && random.chance(0.8))
    earlier.push({
      place: 'north',
      occupation: random.chance(0.5) ? primary : random.pick(NORTH_WORK),
      years: random.int(2, Math.min(20, who.ageAtDecision - 17)),
    });
  if (random.chance(0.55))
    earlier.push({
      place: 'third_country',
      occupation: random.pick(THIRD_COUNTRY_WORK),
      years: random.int(1, 6),
    });
  const seeker: Omit<JobSeeker, 'id'> = {
    occupations,
    skills: [...skills],
    certificates: [...certificates],
    region: who.region,
    willingToMoveTo,
    maxCommuteMinutes: random.weighted(COMMUTE_MINUTES),
    hours,
    expectedMonthlyWage,
    koreanLevel,
    constraints,
  };
  return { seeker, computerLevel, earlier };
}

interface Spell {
  readonly startOn: IsoDate;
  readonly endOn: IsoDate | null;
}

/**
 * When a person worked: most found a first job within months of settling (persons keen on the incentive, at
 * the demo centers, a longer one), and then the job of today, the one that ended lately, or none.
 */
export function spellDates(
  random: Random,
  who: Who,
  status: SeekerStatus,
  today: IsoDate,
  keen: boolean,
): Spell[] {
  const spells: Spell[] = [];
  const latestEarly = addDays(today, -400);
  let cursor = addDays(addMonths(who.residenceStart, 1), random.int(0, 240));
  const early = keen ? random.int(1, 2) : random.chance(0.7) ? random.int(1, 2) : 0;
  for (let k = 0; k < early && compareDates(cursor, latestEarly) < 0; k++) {
    const months =
      keen && k === 0 && random.chance(0.7) ? random.int(8, 30) : drawMonths(random, SPELL_MONTHS);
    const endOn = minDate(addDays(addMonths(cursor, months), -1), latestEarly);
    spells.push({ startOn: cursor, endOn });
    cursor = addDays(endOn, random.int(20, 300));
  }
  if (status === 'employed') {
    const wanted = addDays(addMonths(today, -drawMonths(random, CURRENT_MONTHS)), -random.int(0, 27));
    const startOn = maxDate(wanted, cursor);
    if (daysBetween(cursor, startOn) > 3 * 365 && random.chance(0.5)) {
      const middleStart = addDays(cursor, random.int(0, 365));
      const middleEnd = minDate(
        addDays(addMonths(middleStart, drawMonths(random, SPELL_MONTHS)), -1),
        addDays(startOn, -30),
      );
      if (daysBetween(middleStart, middleEnd) >= 60) spells.push({ startOn: middleStart, endOn: middleEnd });
    }
    spells.push({ startOn, endOn: null });
  } else if (random.chance(status === 'seeking' ? 0.75 : 0.45)) {
    const endOn = addDays(today, status === 'seeking' ? -random.int(14, 400) : -random.int(90, 1500));
    const startOn = maxDate(cursor, addMonths(endOn, -drawMonths(random, SPELL_MONTHS)));
    if (daysBetween(startOn, endOn) >= 45) spells.push({ startOn, endOn });
  }
  return spells;
}

function pickEmployer(
  random: Random,
  employers: readonly PlannedEmployer[],
  region: Region,
  occupations: readonly string[],
  avoid: number,
): number {
  const offers = (employer: PlannedEmployer) =>
    employer.occupations.some((code) => occupations.includes(code));
  const tests: ((employer: PlannedEmployer) => boolean)[] = [
    (employer) => employer.region === region && offers(employer),
    (employer) => employer.region === region,
    (employer) => areNeighbouringRegions(employer.region, region) && offers(employer),
    offers,
    () => true,
  ];
  for (const test of tests) {
    const found = employers.flatMap((employer, i) => (i !== avoid && test(employer) ? [i] : []));
    if (found.length > 0) return random.pick(found);
  }
  return 0;
}

/** Where each stretch was worked, as what, for how much (a wage of its last year). */
export function staffSpells(
  random: Random,
  who: Who,
  spells: readonly Spell[],
  context: { employers: readonly PlannedEmployer[]; today: IsoDate; served: boolean },
  seeker: Pick<JobSeeker, 'occupations' | 'hours'>,
): PlannedWork[] {
  let previous = -1;
  return spells.map((spell) => {
    const employer = pickEmployer(random, context.employers, who.region, seeker.occupations, previous);
    previous = employer;
    const offered = (context.employers[employer] as PlannedEmployer).occupations;
    const code = seeker.occupations.find((each) => offered.includes(each)) ?? random.pick(offered);
    const year = Number((spell.endOn ?? context.today).slice(0, 4));
    return {
      person: who.index,
      served: context.served,
      employer,
      startOn: spell.startOn,
      endOn: spell.endOn,
      insured: random.chance(spell.endOn === null ? 0.9 : 0.82),
      occupation: code,
      monthlyWage: wageIn(random, code, year, seeker.hours === 'part_time'),
    };
  });
}

export function southExperience(
  work: readonly PlannedWork[],
  occupation: string,
  savedOn: IsoDate,
): WorkExperience[] {
  const days = work.reduce(
    (sum, each) =>
      compareDates(each.startOn, savedOn) >= 0
        ? sum
        : sum + daysBetween(each.startOn, minDate(each.endOn ?? savedOn, savedOn)),
    0,
  );
  const years = Math.round(days / 182.6) / 2;
  return years >= 0.5 ? [{ place: 'south', occupation, years }] : [];
}

/**
 * The last day a job of a person protected from `decision` can complete its 36th month and still fall due,
 * with two childbirths extending the period — if that is still ahead. Only such a person can show an
 * upcoming incentive line today.
 */
export function extensionDue(decision: IsoDate, today: IsoDate): IsoDate | null {
  const months = rulesFor(decision).residenceProtectionMonths + 24;
  const target = minDate(addDays(periodEnd(decision, months), -30), addMonths(today, 8));
  return compareDates(target, addDays(today, 30)) > 0 ? target : null;
}

export function extensionCandidate(options: JobsPlanOptions, year: number): number {
  const eligible = (person: JobsPlanPerson) =>
    person.sex === 'female' &&
    person.birthYear !== null &&
    person.decision !== null &&
    person.residenceStart !== null &&
    person.region !== null &&
    year - person.birthYear >= 22 &&
    year - person.birthYear <= 50 &&
    Number(person.decision.slice(0, 4)) - person.birthYear <= 40 &&
    extensionDue(person.decision, options.today) !== null;
  const tests = [
    (person: JobsPlanPerson) => options.officerCenter !== null && person.center === options.officerCenter,
    (person: JobsPlanPerson) => options.officerRegion !== null && person.region === options.officerRegion,
  ];
  for (const test of tests) {
    const index = options.persons.findIndex((person) => test(person) && eligible(person));
    if (index >= 0) return index;
  }
  return -1;
}
