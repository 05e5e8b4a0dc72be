import { REGIONS } from '../platform/regions';
import { areNeighbouringRegions, COMMUTE_ESTIMATES } from './commute';
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
import { compareIds } from './recommend-postings';
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
 * The best seekers for a posting, by the same branch and bound as `recommendPostings` seen from the other side.
 *
 * A seeker is filed once under each occupation sought, in a bucket per (occupation, home region, hours wished,
 * constraints); the last two make those bounds exact. A seeker's score comes from their best-fitting occupation,
 * and the bucket of that occupation bounds it: occupation points of the bucket's code, the best region points
 * any of its seekers can get (home and commute, regions they would move to), full skill and certificate
 * points, language at the best level in it, and wage at each seeker's expectation (seekers in ascending
 * expectation). Buckets of a worse-fitting code only meet a seeker again; a stamp scores each seeker once.
 */
export interface SeekerBucket {
  readonly occupation: number;
  readonly region: number;
  readonly hours: number;
  readonly constraints: number;
  /** Rows of the index's table, lowest wage expectation first, then id ascending. */
  readonly rows: Int32Array;
  readonly willingMask: number;
  readonly maxCommuteMinutes: number;
  readonly maxKoreanLevel: number;
}

export interface SeekerIndex {
  readonly vocabulary: Vocabulary;
  /** The seekers ordered by the bucket of their first occupation (not input order), so scans read in order. */
  readonly table: SeekerTable;
  readonly bucketsByOccupation: ReadonlyMap<number, readonly SeekerBucket[]>;
  readonly occupationsByMinorGroup: ReadonlyMap<number, readonly number[]>;
  readonly occupationsByMajorGroup: ReadonlyMap<number, readonly number[]>;
  readonly allBuckets: readonly SeekerBucket[];
  /** Scratch for queries: the query number that last scored each row. */
  readonly scoredBy: Int32Array;
  query: number;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function bucketKey(table: SeekerTable, r: number, occupation: number): number {
  return (
    ((occupation * 32 + (table.region[r] as number)) * 4 + (table.hours[r] as number)) * 4 +
    (table.constraints[r] as number)
  );
}

export function buildSeekerIndex(
  seekers: readonly JobSeeker[],
  vocabulary: Vocabulary = createVocabulary(),
): SeekerIndex {
  const unsorted = prepareSeekers(seekers, createVocabulary());
  const first = (r: number) => unsorted.occupations[unsorted.occupationStart[r] as number] as number;
  const order = seekers.map((_, r) => r);
  order.sort(
    (a, b) =>
      bucketKey(unsorted, a, first(a)) - bucketKey(unsorted, b, first(b)) ||
      (unsorted.expectedWage[a] as number) - (unsorted.expectedWage[b] as number) ||
      compareIds(unsorted.ids[a] as string, unsorted.ids[b] as string),
  );
  const table = prepareSeekers(
    order.map((r) => seekers[r] as JobSeeker),
    vocabulary,
    { grow: true },
  );
  const members = new Map<number, number[]>();
  for (let r = 0; r < table.size; r++) {
    const from = table.occupationStart[r] as number;
    const to = table.occupationStart[r + 1] as number;
    for (const occupation of new Set(table.occupations.subarray(from, to)))
      push(members, bucketKey(table, r, occupation), r);
  }
  const bucketsByOccupation = new Map<number, SeekerBucket[]>();
  const allBuckets: SeekerBucket[] = [];
  for (const [key, rows] of members) {
    rows.sort(
      (a, b) =>
        (table.expectedWage[a] as number) - (table.expectedWage[b] as number) ||
        compareIds(table.ids[a] as string, table.ids[b] as string),
    );
    const r0 = rows[0] as number;
    const bucket: SeekerBucket = {
      occupation: Math.floor(key / (32 * 4 * 4)),
      region: table.region[r0] as number,
      hours: table.hours[r0] as number,
      constraints: table.constraints[r0] as number,
      rows: Int32Array.from(rows),
      willingMask: rows.reduce((mask, r) => mask | (table.willingMask[r] as number), 0),
      maxCommuteMinutes: rows.reduce((max, r) => Math.max(max, table.maxCommuteMinutes[r] as number), 0),
      maxKoreanLevel: rows.reduce((max, r) => Math.max(max, table.koreanLevel[r] as number), 0),
    };
    push(bucketsByOccupation, bucket.occupation, bucket);
    allBuckets.push(bucket);
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
    allBuckets,
    scoredBy: new Int32Array(table.size),
    query: 0,
  };
}

const w = MATCH_WEIGHTS;
const COVERAGE_MAX = w.skills.max + w.certificates.max;
const OTHER_MAX = COVERAGE_MAX + w.hours.max + w.wage.max + w.constraints.max + w.language.max;

interface Query {
  readonly postings: PostingTable;
  readonly p: number;
  readonly index: SeekerIndex;
  readonly top: TopList;
}

function regionBound(q: Query, bucket: SeekerBucket): number {
  const workplace = q.postings.region[q.p] as number;
  if (bucket.region === workplace)
    return bucket.maxCommuteMinutes >= COMMUTE_ESTIMATES.sameRegionMinutes
      ? w.region.same
      : w.region.sameLongCommute;
  if (bucket.willingMask & (1 << workplace)) return w.region.willingToMove;
  const home = REGIONS[bucket.region];
  const work = REGIONS[workplace];
  return home &&
    work &&
    areNeighbouringRegions(home, work) &&
    bucket.maxCommuteMinutes >= COMMUTE_ESTIMATES.neighbouringRegionMinutes
    ? w.region.neighbouring
    : 0;
}

function boundWithoutWage(q: Query, bucket: SeekerBucket, tier: OccupationTier): number {
  const flags = q.postings.flags[q.p] as number;
  return (
    (OCCUPATION_TIER_POINTS[tier] as number) +
    regionBound(q, bucket) +
    COVERAGE_MAX +
    hoursPointsPrepared(bucket.hours, (flags & POSTING_FULL_TIME) !== 0) +
    constraintsPointsPrepared(bucket.constraints, flags) +
    languagePoints(bucket.maxKoreanLevel, q.postings.requiredKoreanLevel[q.p] as number)
  );
}

function bucketBound(q: Query, bucket: SeekerBucket, tier: OccupationTier): number {
  const lowestExpectation = q.index.table.expectedWage[bucket.rows[0] as number] as number;
  return (
    boundWithoutWage(q, bucket, tier) +
    wagePoints(wageBand(q.postings.wage[q.p] as number, lowestExpectation))
  );
}

function scanBucket(q: Query, bucket: SeekerBucket, tier: OccupationTier): void {
  const { postings, p, index, top } = q;
  const table = index.table;
  const base = boundWithoutWage(q, bucket, tier);
  const wage = postings.wage[p] as number;
  for (const s of bucket.rows) {
    if (base + wagePoints(wageBand(wage, table.expectedWage[s] as number)) < entryScore(top)) return;
    if (index.scoredBy[s] === index.query) continue;
    index.scoredBy[s] = index.query;
    offerToTopList(top, scorePrepared(table, s, postings, p), table.ids[s] as string);
  }
}

/** The `n` best seekers for row `p` of a posting table prepared with the index's vocabulary. */
export function recommendPreparedSeekers(
  postings: PostingTable,
  p: number,
  index: SeekerIndex,
  n: number,
): Recommendation[] {
  index.query++;
  const q: Query = { postings, p, index, top: createTopList(n) };
  const { top } = q;
  const code = postings.occupation[p] as number;
  const near = new Set<number>([
    code,
    ...(index.occupationsByMinorGroup.get(Math.floor(code / 10)) ?? []),
    ...(index.occupationsByMajorGroup.get(Math.floor(code / 100)) ?? []),
  ]);
  const tiers: number[][] = [[], [], []];
  for (const occupation of near) tiers[occupationTier([occupation], code)]?.push(occupation);
  for (const tier of [0, 1, 2] as const) {
    if ((OCCUPATION_TIER_POINTS[tier] as number) + w.region.max + OTHER_MAX < entryScore(top))
      return topListResult(top);
    const candidates: { bucket: SeekerBucket; bound: number }[] = [];
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
  if (w.region.max + OTHER_MAX >= entryScore(top)) {
    for (const bucket of index.allBuckets) {
      if (near.has(bucket.occupation)) continue;
      if (bucketBound(q, bucket, 3) >= entryScore(top)) scanBucket(q, bucket, 3);
    }
  }
  return topListResult(top);
}

/** The `n` best seekers for a posting, by score descending then seeker id ascending. */
export function recommendSeekers(posting: JobPosting, index: SeekerIndex, n: number): Recommendation[] {
  return recommendPreparedSeekers(preparePostings([posting], index.vocabulary), 0, index, n);
}
