import { type JobPosting, type JobSeeker, REGIONS, type Region, type SeekerConstraint } from '@ieum/domain';

/**
 * Generated job seekers and postings with the skew that makes matching hard: a few hundred four-digit
 * occupation codes in KECO-like groups whose popularity follows a Zipf law (a handful of occupations take most
 * seekers and postings), and the regional spread of defectors (DOMAIN.md: ~63% in the capital region, Seoul 29%,
 * Gyeonggi 27%, Incheon 9% in 2011; 72% women, hence childcare). Deterministic for a seed.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

type Random = () => number;

/** Draws an index with the given (unnormalised) weights, in O(log n) after an O(n) set-up. */
function sampler(weights: readonly number[]): (random: Random) => number {
  const cumulative: number[] = [];
  let sum = 0;
  for (const weight of weights) {
    sum += weight;
    cumulative.push(sum);
  }
  return (random) => {
    const target = random() * sum;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] as number) > target) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
}

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const between = (random: Random, lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
const roundTo = (value: number, step: number) => Math.round(value / step) * step;

const REGION_WEIGHTS: Record<Region, number> = {
  seoul: 29,
  gyeonggi: 27,
  incheon: 7,
  busan: 5.7,
  daegu: 3.8,
  gwangju: 1.9,
  daejeon: 1.9,
  ulsan: 1.4,
  sejong: 0.5,
  gangwon: 2.8,
  chungbuk: 2.8,
  chungnam: 3.3,
  jeonbuk: 2.4,
  jeonnam: 2.4,
  gyeongbuk: 3.3,
  gyeongnam: 3.8,
  jeju: 1,
};

export interface JobsUniverse {
  readonly occupations: readonly string[];
  readonly drawOccupation: (random: Random) => string;
  readonly drawRegion: (random: Random) => Region;
}

/** About 300 codes: 28 major groups of 2-5 minor groups of 2-5 occupations; popularity Zipf(1) in random order. */
export function jobsUniverse(seed: number): JobsUniverse {
  const random = seededRandom(seed);
  const occupations: string[] = [];
  for (let major = 0; major < 28; major++) {
    const prefix = String(major * 3 + 1).padStart(2, '0');
    const minors = between(random, 2, 5);
    for (let minor = 1; minor <= minors; minor++) {
      const units = between(random, 2, 5);
      for (let unit = 1; unit <= units; unit++) occupations.push(`${prefix}${minor}${unit}`);
    }
  }
  const ranked = [...occupations];
  for (let i = ranked.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [ranked[i], ranked[j]] = [ranked[j] as string, ranked[i] as string];
  }
  const zipf = sampler(ranked.map((_, rank) => 1 / (rank + 1)));
  const regions = sampler(REGIONS.map((region) => REGION_WEIGHTS[region]));
  return {
    occupations,
    drawOccupation: (r) => ranked[zipf(r)] as string,
    drawRegion: (r) => REGIONS[regions(r)] as Region,
  };
}

function groupSkills(occupation: string, count: number, random: Random): string[] {
  const major = occupation.slice(0, 2);
  return Array.from({ length: count }, () => `${major}-skill-${between(random, 1, 12)}`);
}

const GENERAL_SKILLS = Array.from({ length: 15 }, (_, i) => `general-skill-${i + 1}`);

function sibling(universe: JobsUniverse, occupation: string, random: Random): string {
  const sameMinor = universe.occupations.filter((o) => o.slice(0, 3) === occupation.slice(0, 3));
  return pick(random, sameMinor);
}

export function generateSeeker(universe: JobsUniverse, random: Random, id: string): JobSeeker {
  const first = universe.drawOccupation(random);
  const occupations = [first];
  if (random() < 0.4) occupations.push(sibling(universe, first, random));
  if (random() < 0.2) occupations.push(universe.drawOccupation(random));
  const hours = random() < 0.65 ? 'full_time' : random() < 0.57 ? 'part_time' : 'either';
  const constraints: SeekerConstraint[] = [];
  if (random() < 0.25) constraints.push('childcare');
  if (random() < 0.1) constraints.push('health');
  if (random() < 0.04) constraints.push('disability');
  const expected =
    random() < 0.08
      ? 0
      : hours === 'part_time'
        ? roundTo(1_000_000 + random() * 600_000, 50_000)
        : roundTo(1_900_000 + random() * 1_000_000, 50_000);
  return {
    id,
    occupations: [...new Set(occupations)],
    skills: [
      ...new Set([...groupSkills(first, between(random, 1, 5), random), ...[pick(random, GENERAL_SKILLS)]]),
    ],
    certificates: [
      ...new Set(
        Array.from(
          { length: between(random, 0, 2) },
          () => `${first.slice(0, 2)}-cert-${between(random, 1, 4)}`,
        ),
      ),
    ],
    region: universe.drawRegion(random),
    willingToMoveTo: random() < 0.1 ? [universe.drawRegion(random)] : [],
    maxCommuteMinutes: pick(random, [30, 45, 60, 60, 90, 120]),
    hours,
    expectedMonthlyWage: expected,
    koreanLevel: [1, 2, 3, 3, 3, 4, 4, 4, 5, 5][between(random, 0, 9)] as number,
    constraints,
  };
}

export function generatePosting(universe: JobsUniverse, random: Random, id: string): JobPosting {
  const occupation = universe.drawOccupation(random);
  const fullTime = random() < 0.8;
  return {
    id,
    employerId: `E${String(between(random, 1, 3000)).padStart(5, '0')}`,
    occupation,
    region: universe.drawRegion(random),
    hours: fullTime ? 'full_time' : 'part_time',
    schedule: pick(random, [
      'day',
      'day',
      'day',
      'day',
      'day',
      'day',
      'evening',
      'night',
      'shift',
      'shift',
    ] as const),
    heavyPhysicalWork: random() < 0.25,
    monthlyWage: fullTime
      ? roundTo(2_000_000 + random() * 1_400_000, 50_000)
      : roundTo(900_000 + random() * 700_000, 50_000),
    requiredSkills: [...new Set(groupSkills(occupation, between(random, 0, 2), random))],
    preferredSkills: [
      ...new Set([
        ...groupSkills(occupation, between(random, 0, 2), random),
        ...(random() < 0.3 ? [pick(random, GENERAL_SKILLS)] : []),
      ]),
    ],
    requiredCertificates: random() < 0.35 ? [`${occupation.slice(0, 2)}-cert-${between(random, 1, 4)}`] : [],
    preferredCertificates: random() < 0.3 ? [`${occupation.slice(0, 2)}-cert-${between(random, 1, 4)}`] : [],
    requiredKoreanLevel: [1, 1, 1, 2, 2, 2, 2, 3, 3, 4][between(random, 0, 9)] as number,
    openings: between(random, 1, 5),
  };
}

export function generateJobs(options: {
  readonly seed: number;
  readonly seekers: number;
  readonly postings: number;
}): { seekers: JobSeeker[]; postings: JobPosting[] } {
  const universe = jobsUniverse(options.seed);
  const random = seededRandom(options.seed + 1);
  return {
    seekers: Array.from({ length: options.seekers }, (_, i) =>
      generateSeeker(universe, random, `S${String(i + 1).padStart(6, '0')}`),
    ),
    postings: Array.from({ length: options.postings }, (_, i) =>
      generatePosting(universe, random, `P${String(i + 1).padStart(6, '0')}`),
    ),
  };
}

/**
 * A job fair: seekers and postings of one capital-region fair (everyone within reach of everyone, the hard
 * case for an assignment), with `openings` spread over the postings, each at least one.
 */
export function generateJobFair(options: {
  readonly seed: number;
  readonly seekers: number;
  readonly postings: number;
  readonly openings: number;
}): { seekers: JobSeeker[]; postings: JobPosting[] } {
  const universe = jobsUniverse(options.seed);
  const random = seededRandom(options.seed + 2);
  const capital = ['seoul', 'gyeonggi', 'incheon'] as const;
  const seekers = Array.from({ length: options.seekers }, (_, i) => ({
    ...generateSeeker(universe, random, `F-S${String(i + 1).padStart(5, '0')}`),
    region: pick(random, capital),
  }));
  const postings = Array.from({ length: options.postings }, (_, i) => ({
    ...generatePosting(universe, random, `F-P${String(i + 1).padStart(5, '0')}`),
    region: pick(random, capital),
    openings: 1,
  }));
  const weights = postings.map(() => random() ** 2);
  const draw = sampler(weights);
  for (let extra = options.openings - options.postings; extra > 0; extra--) {
    const posting = postings[draw(random)];
    if (posting) posting.openings++;
  }
  return { seekers, postings };
}
