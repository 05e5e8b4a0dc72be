import { REGIONS, type Region } from '../platform/regions';
import {
  childcareMet,
  coveragePoints,
  languagePoints,
  MATCH_WEIGHTS,
  OCCUPATION_TIER_POINTS,
  occupationTier,
  regionPoints,
  regionRelation,
  wageBand,
  wagePoints,
} from './match-weights';
import type { JobPosting, JobSeeker } from './schemas';

/**
 * Seekers and postings turned into columns of numbers once, so that scoring millions of pairs allocates nothing
 * and reads memory in order: codes as integers, skills and certificates as ids of a shared vocabulary, regions
 * as indexes. Objects per posting were 2-3× slower to score in the order a search visits them (each one a few
 * scattered cache lines). `scorePrepared` gives exactly `scoreMatch(...).score` (a test checks it on random
 * pairs); it exists only to be fast.
 */
export interface Vocabulary {
  readonly ids: Map<string, number>;
}

export function createVocabulary(): Vocabulary {
  return { ids: new Map() };
}

/**
 * Ids for `items`. With `grow` unknown items get new ids; without, they get -1, which no prepared item of the
 * other side holds, so an unknown skill never matches (and a query never changes the vocabulary). Prepare the
 * side that grows the vocabulary first: a seeker's bit set holds only ids known when it was prepared.
 */
function intern(vocabulary: Vocabulary, items: readonly string[], grow: boolean): number[] {
  return items.map((item) => {
    let id = vocabulary.ids.get(item);
    if (id === undefined && grow) {
      id = vocabulary.ids.size;
      vocabulary.ids.set(item, id);
    }
    return id ?? -1;
  });
}

export const HOURS_FULL = 0;
export const HOURS_PART = 1;
export const HOURS_EITHER = 2;
export const POSTING_FULL_TIME = 1;
export const POSTING_DAYTIME = 2;
export const POSTING_HEAVY = 4;
export const SEEKER_CHILDCARE = 1;
export const SEEKER_NO_HEAVY_WORK = 2;

export const regionIndex = (region: Region): number => REGIONS.indexOf(region);
const REGION_COUNT = REGIONS.length;

/** Postings as columns; row r is one posting. */
export interface PostingTable {
  readonly size: number;
  readonly ids: readonly string[];
  readonly occupation: Int32Array;
  readonly region: Uint8Array;
  /** POSTING_FULL_TIME | POSTING_DAYTIME | POSTING_HEAVY. */
  readonly flags: Uint8Array;
  readonly wage: Int32Array;
  readonly requiredKoreanLevel: Uint8Array;
  readonly openings: Int32Array;
  /**
   * Vocabulary ids asked for. List k of row r (0 required skills, 1 preferred skills, 2 required certificates,
   * 3 preferred certificates) is `asked[askedStart[4r + k] .. askedStart[4r + k + 1])`.
   */
  readonly askedStart: Int32Array;
  readonly asked: Int32Array;
}

export function preparePostings(
  postings: readonly JobPosting[],
  vocabulary: Vocabulary,
  options: { readonly grow?: boolean } = {},
): PostingTable {
  const size = postings.length;
  const table = {
    size,
    ids: postings.map((p) => p.id),
    occupation: new Int32Array(size),
    region: new Uint8Array(size),
    flags: new Uint8Array(size),
    wage: new Int32Array(size),
    requiredKoreanLevel: new Uint8Array(size),
    openings: new Int32Array(size),
    askedStart: new Int32Array(4 * size + 1),
    asked: new Int32Array(0),
  };
  const asked: number[] = [];
  postings.forEach((p, r) => {
    table.occupation[r] = Number(p.occupation);
    table.region[r] = regionIndex(p.region);
    table.flags[r] =
      (p.hours === 'full_time' ? POSTING_FULL_TIME : 0) |
      (childcareMet(p.schedule) ? POSTING_DAYTIME : 0) |
      (p.heavyPhysicalWork ? POSTING_HEAVY : 0);
    table.wage[r] = p.monthlyWage;
    table.requiredKoreanLevel[r] = p.requiredKoreanLevel;
    table.openings[r] = p.openings;
    const lists = [p.requiredSkills, p.preferredSkills, p.requiredCertificates, p.preferredCertificates];
    lists.forEach((list, k) => {
      table.askedStart[4 * r + k] = asked.length;
      asked.push(...intern(vocabulary, list, options.grow ?? false));
    });
  });
  table.askedStart[4 * size] = asked.length;
  return { ...table, asked: Int32Array.from(asked) };
}

/** Seekers as columns; row s is one seeker. */
export interface SeekerTable {
  readonly size: number;
  readonly ids: readonly string[];
  /** Row s sought `occupations[occupationStart[s] .. occupationStart[s + 1])`. */
  readonly occupationStart: Int32Array;
  readonly occupations: Int32Array;
  readonly region: Uint8Array;
  /** Region points for a workplace in each region: `regionPoints[17 s + region]`. */
  readonly regionPoints: Int8Array;
  /** Region indexes of row s, most points first (ties by index): `regionOrder[17 s .. 17 s + 17)`. */
  readonly regionOrder: Uint8Array;
  readonly willingMask: Int32Array;
  readonly maxCommuteMinutes: Int32Array;
  /** HOURS_FULL, HOURS_PART or HOURS_EITHER. */
  readonly hours: Uint8Array;
  readonly expectedWage: Int32Array;
  readonly koreanLevel: Uint8Array;
  /** SEEKER_CHILDCARE | SEEKER_NO_HEAVY_WORK. */
  readonly constraints: Uint8Array;
  /** Bit sets over vocabulary ids, `words` 32-bit words per row. */
  readonly words: number;
  readonly skills: Int32Array;
  readonly certificates: Int32Array;
}

export function prepareSeekers(
  seekers: readonly JobSeeker[],
  vocabulary: Vocabulary,
  options: { readonly grow?: boolean } = {},
): SeekerTable {
  const grow = options.grow ?? false;
  const items = seekers.map((s) => ({
    skills: intern(vocabulary, s.skills, grow),
    certificates: intern(vocabulary, s.certificates, grow),
  }));
  const size = seekers.length;
  const words = (vocabulary.ids.size >> 5) + 1;
  const occupationStart = new Int32Array(size + 1);
  const occupations: number[] = [];
  const table = {
    size,
    ids: seekers.map((s) => s.id),
    occupationStart,
    occupations: new Int32Array(0),
    region: new Uint8Array(size),
    regionPoints: new Int8Array(REGION_COUNT * size),
    regionOrder: new Uint8Array(REGION_COUNT * size),
    willingMask: new Int32Array(size),
    maxCommuteMinutes: new Int32Array(size),
    hours: new Uint8Array(size),
    expectedWage: new Int32Array(size),
    koreanLevel: new Uint8Array(size),
    constraints: new Uint8Array(size),
    words,
    skills: new Int32Array(size * words),
    certificates: new Int32Array(size * words),
  };
  seekers.forEach((s, r) => {
    occupationStart[r] = occupations.length;
    occupations.push(...s.occupations.map(Number));
    table.region[r] = regionIndex(s.region);
    const willing = new Set(s.willingToMoveTo);
    const points = REGIONS.map((region) =>
      regionPoints(regionRelation(s.region, (each) => willing.has(each), s.maxCommuteMinutes, region)),
    );
    table.regionPoints.set(points, REGION_COUNT * r);
    table.regionOrder.set(
      REGIONS.map((_, i) => i).sort((a, b) => (points[b] as number) - (points[a] as number) || a - b),
      REGION_COUNT * r,
    );
    table.willingMask[r] = s.willingToMoveTo.reduce((mask, region) => mask | (1 << regionIndex(region)), 0);
    table.maxCommuteMinutes[r] = s.maxCommuteMinutes;
    table.hours[r] =
      s.hours === 'full_time' ? HOURS_FULL : s.hours === 'part_time' ? HOURS_PART : HOURS_EITHER;
    table.expectedWage[r] = s.expectedMonthlyWage;
    table.koreanLevel[r] = s.koreanLevel;
    table.constraints[r] =
      (s.constraints.includes('childcare') ? SEEKER_CHILDCARE : 0) |
      (s.constraints.includes('health') || s.constraints.includes('disability') ? SEEKER_NO_HEAVY_WORK : 0);
    const own = items[r] as { skills: number[]; certificates: number[] };
    for (const [set, ids] of [
      [table.skills, own.skills],
      [table.certificates, own.certificates],
    ] as const) {
      for (const id of ids)
        if (id >= 0) set[r * words + (id >> 5)] = (set[r * words + (id >> 5)] as number) | (1 << (id & 31));
    }
  });
  occupationStart[size] = occupations.length;
  return { ...table, occupations: Int32Array.from(occupations) };
}

/** How many ids of `asked[from .. to)` the seeker's bit set (row `s` of `held`) holds. */
function countHeld(
  asked: Int32Array,
  from: number,
  to: number,
  held: Int32Array,
  s: number,
  words: number,
): number {
  let count = 0;
  for (let i = from; i < to; i++) {
    const id = asked[i] as number;
    const word = id >> 5;
    if (id >= 0 && word < words && ((held[s * words + word] as number) >>> (id & 31)) & 1) count++;
  }
  return count;
}

export function hoursPointsPrepared(hours: number, fullTime: boolean): number {
  return hours === HOURS_EITHER || (hours === HOURS_FULL) === fullTime ? MATCH_WEIGHTS.hours.max : 0;
}

export function constraintsPointsPrepared(constraints: number, postingFlags: number): number {
  const unmet =
    (constraints & SEEKER_CHILDCARE && !(postingFlags & POSTING_DAYTIME)) ||
    (constraints & SEEKER_NO_HEAVY_WORK && postingFlags & POSTING_HEAVY);
  return unmet ? 0 : MATCH_WEIGHTS.constraints.max;
}

/** The match score of seeker row `s` and posting row `p`. */
export function scorePrepared(seekers: SeekerTable, s: number, postings: PostingTable, p: number): number {
  const w = MATCH_WEIGHTS;
  const { askedStart, asked } = postings;
  const { words } = seekers;
  const at = 4 * p;
  const a0 = askedStart[at] as number;
  const a1 = askedStart[at + 1] as number;
  const a2 = askedStart[at + 2] as number;
  const a3 = askedStart[at + 3] as number;
  const a4 = askedStart[at + 4] as number;
  const flags = postings.flags[p] as number;
  const tier = occupationTier(
    seekers.occupations,
    postings.occupation[p] as number,
    seekers.occupationStart[s] as number,
    seekers.occupationStart[s + 1] as number,
  );
  return (
    (OCCUPATION_TIER_POINTS[tier] as number) +
    coveragePoints(
      w.skills,
      countHeld(asked, a0, a1, seekers.skills, s, words),
      a1 - a0,
      countHeld(asked, a1, a2, seekers.skills, s, words),
      a2 - a1,
    ) +
    coveragePoints(
      w.certificates,
      countHeld(asked, a2, a3, seekers.certificates, s, words),
      a3 - a2,
      countHeld(asked, a3, a4, seekers.certificates, s, words),
      a4 - a3,
    ) +
    (seekers.regionPoints[REGION_COUNT * s + (postings.region[p] as number)] as number) +
    hoursPointsPrepared(seekers.hours[s] as number, (flags & POSTING_FULL_TIME) !== 0) +
    wagePoints(wageBand(postings.wage[p] as number, seekers.expectedWage[s] as number)) +
    constraintsPointsPrepared(seekers.constraints[s] as number, flags) +
    languagePoints(seekers.koreanLevel[s] as number, postings.requiredKoreanLevel[p] as number)
  );
}
