import { REGIONS } from '../platform/regions';
import {
  languagePoints,
  MATCH_WEIGHTS,
  OCCUPATION_TIER_POINTS,
  type OccupationTier,
  occupationTier,
  wageBand,
  wagePoints,
} from './match-weights';
import {
  constraintsPointsPrepared,
  createVocabulary,
  hoursPointsPrepared,
  POSTING_FULL_TIME,
  type PostingTable,
  preparePostings,
  prepareSeekers,
  type SeekerTable,
  scorePrepared,
  type Vocabulary,
} from './prepared-match';
import type { JobPosting, JobSeeker } from './schemas';
import {
  createTopList,
  entryScore,
  offerToTopList,
  type Recommendation,
  type TopList,
  topListResult,
} from './top-list';

/**
 * The best postings for a seeker without scoring every posting (branch and bound).
 *
 * Postings are bucketed by (occupation, region, full-time, daytime, heavy work). For one seeker, every posting
 * in a bucket scores at most: occupation points (exact, from the bucket's code), region points (exact, from its
 * region), hours and constraint points (exact, from its flags), language points at the bucket's lowest
 * requirement, wage points at the posting's wage, and full skill and certificate points. Each term is exact or
 * monotone in what it uses, so it is an upper bound. Buckets are visited by descending occupation tier and
 * bound, postings within a bucket by descending wage, and a search stops as soon as the bound falls strictly
 * below the score of the current n-th best: a skipped posting scores less than that, and cannot enter or tie
 * its way into the list. The result is therefore exactly `naiveTopN` over all postings.
 */
export interface PostingBucket {
  readonly occupation: number;
  readonly region: number;
  /** POSTING_FULL_TIME | POSTING_DAYTIME | POSTING_HEAVY, the same for every posting in the bucket. */
  readonly flags: number;
  /** Rows `start .. end` of the index's table: highest wage first, then id ascending. */
  readonly start: number;
  readonly end: number;
  readonly minKoreanLevel: number;
}

export interface PostingIndex {
  readonly vocabulary: Vocabulary;
  /** The postings in bucket order (not input order). */
  readonly table: PostingTable;
  readonly bucketsByOccupation: ReadonlyMap<number, readonly PostingBucket[]>;
  readonly occupationsByMinorGroup: ReadonlyMap<number, readonly number[]>;
  readonly occupationsByMajorGroup: ReadonlyMap<number, readonly number[]>;
  readonly bucketsByRegion: readonly (readonly PostingBucket[])[];
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function bucketKey(table: PostingTable, r: number): number {
  // occupation (4 digits) · region (< 32) · flags (< 8), as one number for cheap comparison.
  return (
    ((table.occupation[r] as number) * 32 + (table.region[r] as number)) * 8 + (table.flags[r] as number)
  );
}

/**
 * Build once per set of open postings (filter closed ones before); queries never change it. Hours, daytime
 * and heavy work are part of the bucket, which makes those bounds exact: a parent who needs daytime work
 * skips the night-shift bucket instead of scoring every posting in it.
 */
export function buildPostingIndex(
  postings: readonly JobPosting[],
  vocabulary: Vocabulary = createVocabulary(),
): PostingIndex {
  const unsorted = preparePostings(postings, createVocabulary());
  const order = postings.map((_, r) => r);
  order.sort(
    (a, b) =>
      bucketKey(unsorted, a) - bucketKey(unsorted, b) ||
      (unsorted.wage[b] as number) - (unsorted.wage[a] as number) ||
      compareIds(unsorted.ids[a] as string, unsorted.ids[b] as string),
  );
  const table = preparePostings(
    order.map((r) => postings[r] as JobPosting),
    vocabulary,
    { grow: true },
  );
  const bucketsByOccupation = new Map<number, PostingBucket[]>();
  const bucketsByRegion: PostingBucket[][] = REGIONS.map(() => []);
  for (let start = 0; start < table.size; ) {
    let end = start + 1;
    let minKoreanLevel = table.requiredKoreanLevel[start] as number;
    while (end < table.size && bucketKey(table, end) === bucketKey(table, start)) {
      minKoreanLevel = Math.min(minKoreanLevel, table.requiredKoreanLevel[end] as number);
      end++;
    }
    const bucket: PostingBucket = {
      occupation: table.occupation[start] as number,
      region: table.region[start] as number,
      flags: table.flags[start] as number,
      start,
      end,
      minKoreanLevel,
    };
    push(bucketsByOccupation, bucket.occupation, bucket);
    bucketsByRegion[bucket.region]?.push(bucket);
    start = end;
  }
  const occupationsByMinorGroup = new Map<number, number[]>();
  const occupationsByMajorGroup = new Map<number, number[]>();
  for (const occupation of bucketsByOccupation.keys()) {
    push(occupationsByMinorGroup, Math.floor(occupation / 10), occupation);
    push(occupationsByMajorGroup, Math.floor(occupation / 100), occupation);
  }
  return {
    vocabulary,
    table,
    bucketsByOccupation,
    occupationsByMinorGroup,
    occupationsByMajorGroup,
    bucketsByRegion,
  };
}

export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const w = MATCH_WEIGHTS;
/** What skills and certificates can add: nothing about them is known before scoring the posting. */
const COVERAGE_MAX = w.skills.max + w.certificates.max;
const OTHER_MAX = COVERAGE_MAX + w.hours.max + w.wage.max + w.constraints.max + w.language.max;
const REGION_COUNT = REGIONS.length;

interface Query {
  readonly seekers: SeekerTable;
  readonly s: number;
  readonly index: PostingIndex;
  readonly top: TopList;
}

/** The bound without the wage, which is added per posting (postings are in descending wage order). */
function boundWithoutWage(q: Query, bucket: PostingBucket, tier: OccupationTier): number {
  const { seekers, s } = q;
  return (
    (OCCUPATION_TIER_POINTS[tier] as number) +
    (seekers.regionPoints[REGION_COUNT * s + bucket.region] as number) +
    COVERAGE_MAX +
    hoursPointsPrepared(seekers.hours[s] as number, (bucket.flags & POSTING_FULL_TIME) !== 0) +
    constraintsPointsPrepared(seekers.constraints[s] as number, bucket.flags) +
    languagePoints(seekers.koreanLevel[s] as number, bucket.minKoreanLevel)
  );
}

function bucketBound(q: Query, bucket: PostingBucket, tier: OccupationTier): number {
  const highestWage = q.index.table.wage[bucket.start] as number;
  return (
    boundWithoutWage(q, bucket, tier) +
    wagePoints(wageBand(highestWage, q.seekers.expectedWage[q.s] as number))
  );
}

function scanBucket(q: Query, bucket: PostingBucket, tier: OccupationTier): void {
  const { seekers, s, top } = q;
  const table = q.index.table;
  const base = boundWithoutWage(q, bucket, tier);
  const expected = seekers.expectedWage[s] as number;
  for (let p = bucket.start; p < bucket.end; p++) {
    if (base + wagePoints(wageBand(table.wage[p] as number, expected)) < entryScore(top)) return;
    offerToTopList(top, scorePrepared(seekers, s, table, p), table.ids[p] as string);
  }
}

/** The occupations of the index in tiers 0-2 for this seeker (tier 3 is everything else). */
function nearOccupations(q: Query): number[][] {
  const { seekers, s, index } = q;
  const from = seekers.occupationStart[s] as number;
  const to = seekers.occupationStart[s + 1] as number;
  const tiers: number[][] = [[], [], []];
  const add = (occupation: number) => {
    const list = tiers[occupationTier(seekers.occupations, occupation, from, to)];
    if (list && !list.includes(occupation)) list.push(occupation);
  };
  for (let i = from; i < to; i++) {
    const code = seekers.occupations[i] as number;
    if (index.bucketsByOccupation.has(code)) add(code);
    for (const each of index.occupationsByMinorGroup.get(Math.floor(code / 10)) ?? []) add(each);
    for (const each of index.occupationsByMajorGroup.get(Math.floor(code / 100)) ?? []) add(each);
  }
  return tiers;
}

/** The `n` best postings for row `s` of a seeker table prepared with the index's vocabulary. */
export function recommendPreparedPostings(
  seekers: SeekerTable,
  s: number,
  index: PostingIndex,
  n: number,
): Recommendation[] {
  const q: Query = { seekers, s, index, top: createTopList(n) };
  const { top } = q;
  const order = seekers.regionOrder.subarray(REGION_COUNT * s, REGION_COUNT * (s + 1));
  const bestRegion = seekers.regionPoints[REGION_COUNT * s + (order[0] as number)] as number;
  const tiers = nearOccupations(q);
  for (const tier of [0, 1, 2] as const) {
    if ((OCCUPATION_TIER_POINTS[tier] as number) + bestRegion + OTHER_MAX < entryScore(top))
      return topListResult(top);
    const candidates: { bucket: PostingBucket; bound: number }[] = [];
    for (const occupation of tiers[tier] ?? []) {
      for (const bucket of index.bucketsByOccupation.get(occupation) ?? []) {
        const bound = bucketBound(q, bucket, tier);
        if (bound >= entryScore(top)) candidates.push({ bucket, bound });
      }
    }
    candidates.sort((a, b) => b.bound - a.bound);
    for (const { bucket, bound } of candidates) {
      if (bound < entryScore(top)) break;
      scanBucket(q, bucket, tier);
    }
  }
  // Every other occupation: walk regions from the most region points down.
  const from = seekers.occupationStart[s] as number;
  const to = seekers.occupationStart[s + 1] as number;
  for (const region of order) {
    if ((seekers.regionPoints[REGION_COUNT * s + region] as number) + OTHER_MAX < entryScore(top)) break;
    for (const bucket of index.bucketsByRegion[region] ?? []) {
      if (occupationTier(seekers.occupations, bucket.occupation, from, to) !== 3) continue;
      if (bucketBound(q, bucket, 3) >= entryScore(top)) scanBucket(q, bucket, 3);
    }
  }
  return topListResult(top);
}

/** The `n` best postings for a seeker, by score descending then posting id ascending. */
export function recommendPostings(seeker: JobSeeker, index: PostingIndex, n: number): Recommendation[] {
  return recommendPreparedPostings(prepareSeekers([seeker], index.vocabulary), 0, index, n);
}
