import { createVocabulary, preparePostings, prepareSeekers, scorePrepared } from './prepared-match';
import type { JobPosting, JobSeeker } from './schemas';

/**
 * A job fair: seekers and postings meet on one day, and the fair proposes who should talk to whom first.
 * Each seeker gets at most one posting, each posting at most its openings, and only pairs scoring at least
 * `minScore` are allowed.
 */
export interface JobFairPosting {
  readonly id: string;
  readonly openings: number;
}

export interface JobFairInput {
  readonly seekerIds: readonly string[];
  readonly postings: readonly JobFairPosting[];
  /** Row-major: `scores[i * postings.length + j]` is seeker i's score for posting j, a whole number 0-100. */
  readonly scores: ArrayLike<number>;
  readonly minScore: number;
}

export interface JobFairPlacement {
  readonly seekerId: string;
  readonly postingId: string;
  readonly score: number;
}

export interface JobFairAssignment {
  /** In seeker input order. */
  readonly placements: readonly JobFairPlacement[];
  readonly totalScore: number;
  readonly unplacedSeekerIds: readonly string[];
}

/** The score matrix for `assignJobFair`, with the match score of every (seeker, posting) pair. */
export function jobFairScores(seekers: readonly JobSeeker[], postings: readonly JobPosting[]): Int32Array {
  const vocabulary = createVocabulary();
  const postingTable = preparePostings(postings, vocabulary, { grow: true });
  const seekerTable = prepareSeekers(seekers, vocabulary);
  const scores = new Int32Array(seekers.length * postings.length);
  for (let s = 0; s < seekers.length; s++)
    for (let p = 0; p < postings.length; p++)
      scores[s * postings.length + p] = scorePrepared(seekerTable, s, postingTable, p);
  return scores;
}

function validate(input: JobFairInput): void {
  const { seekerIds, postings, scores, minScore } = input;
  if (scores.length !== seekerIds.length * postings.length)
    throw new RangeError('scores must hold one score per (seeker, posting) pair');
  if (!Number.isInteger(minScore)) throw new RangeError('minScore must be a whole number');
  for (const posting of postings)
    if (!Number.isInteger(posting.openings) || posting.openings < 0)
      throw new RangeError(`openings of ${posting.id} must be a whole number ≥ 0`);
  for (let k = 0; k < scores.length; k++) {
    const score = scores[k] as number;
    if (!Number.isInteger(score) || score < 0 || score > 100)
      throw new RangeError('scores must be whole numbers from 0 to 100');
  }
}

function result(input: JobFairInput, postingOf: Int32Array): JobFairAssignment {
  const m = input.postings.length;
  const placements: JobFairPlacement[] = [];
  const unplacedSeekerIds: string[] = [];
  let totalScore = 0;
  input.seekerIds.forEach((seekerId, i) => {
    const j = postingOf[i] as number;
    if (j < 0 || j >= m) {
      unplacedSeekerIds.push(seekerId);
      return;
    }
    const score = input.scores[i * m + j] as number;
    totalScore += score;
    placements.push({ seekerId, postingId: (input.postings[j] as JobFairPosting).id, score });
  });
  return { placements, totalScore, unplacedSeekerIds };
}

/**
 * The exact assignment. Among all assignments in which each seeker holds at most one posting, each posting at
 * most its openings, and every pair scores at least `minScore`, the result has the largest total score; among
 * those with that total, it places as many seekers as possible. (Which of several such assignments comes back
 * follows input order; nothing more is claimed about it.)
 *
 * Method: a min-cost flow solved by successive shortest paths, one seeker at a time (the Hungarian method
 * generalised to postings with several openings). Every seeker must take a posting or an "unplaced" option
 * of unlimited capacity. With K = seekers + 1, a pair costs K·(C − score) and "unplaced" costs K·C + 1, so the
 * total cost is K·(nC − total score) + unplaced: minimising it maximises the total score first and then the
 * number placed, because scores are whole numbers and unplaced < K. Dijkstra runs on reduced costs kept
 * non-negative by node potentials; all arithmetic is in exact integers (well inside 2^53). Each search stops
 * at the first posting with a free opening; a seeker is reachable only through the posting that holds them.
 * Cost per seeker: O(m) for each posting settled plus O(m) for each seeker re-routed, with m postings.
 * Every allowed pair is an edge: no candidate list is cut to each seeker's top K, which could lose the
 * optimum (a seeker's 30th choice can be the only opening left), so the result is exact, not approximate.
 */
export function assignJobFair(input: JobFairInput): JobFairAssignment {
  validate(input);
  const n = input.seekerIds.length;
  const m = input.postings.length;
  const unplaced = m; // the "unplaced" option, as one more column
  const K = n + 1;
  const C = 100;
  const cost = new Int32Array(n * m);
  for (let k = 0; k < n * m; k++) {
    const score = input.scores[k] as number;
    cost[k] = score >= input.minScore ? K * (C - score) : -1;
  }
  const unplacedCost = K * C + 1;
  const openings = Int32Array.from(input.postings, (p) => p.openings);
  const holders: number[][] = input.postings.map(() => []);
  const postingOf = new Int32Array(n).fill(-1);
  const seekerPotential = new Float64Array(n);
  const postingPotential = new Float64Array(m + 1);
  const dist = new Float64Array(m + 1);
  const reachedFrom = new Int32Array(m + 1);
  const settled = new Uint8Array(m + 1);
  const seekerDist = new Float64Array(n);
  const settledPostings: number[] = [];
  const reachedSeekers: number[] = [];

  const relax = (i: number, d: number) => {
    const base = d + (seekerPotential[i] as number);
    const row = i * m;
    for (let k = 0; k < m; k++) {
      const c = cost[row + k] as number;
      if (c < 0 || settled[k]) continue;
      const next = base + c - (postingPotential[k] as number);
      if (next < (dist[k] as number)) {
        dist[k] = next;
        reachedFrom[k] = i;
      }
    }
    const next = base + unplacedCost - (postingPotential[unplaced] as number);
    if (next < (dist[unplaced] as number)) {
      dist[unplaced] = next;
      reachedFrom[unplaced] = i;
    }
  };

  for (let r = 0; r < n; r++) {
    // A potential for the newcomer that makes every edge out of it non-negative, the cheapest exactly zero.
    let potential = (postingPotential[unplaced] as number) - unplacedCost;
    for (let k = 0; k < m; k++) {
      const c = cost[r * m + k] as number;
      if (c >= 0) potential = Math.max(potential, (postingPotential[k] as number) - c);
    }
    seekerPotential[r] = potential;
    dist.fill(Number.POSITIVE_INFINITY);
    settled.fill(0);
    settledPostings.length = 0;
    reachedSeekers.length = 0;
    seekerDist[r] = 0;
    reachedSeekers.push(r);
    relax(r, 0);

    let target = -1;
    for (;;) {
      let j = -1;
      let best = Number.POSITIVE_INFINITY;
      for (let k = 0; k <= m; k++) {
        if (!settled[k] && (dist[k] as number) < best) {
          best = dist[k] as number;
          j = k;
        }
      }
      if (j < 0) throw new Error('unreachable: the unplaced option is always open');
      settled[j] = 1;
      settledPostings.push(j);
      const held = holders[j];
      if (j === unplaced || !held || held.length < (openings[j] as number)) {
        target = j;
        break;
      }
      for (const i of held) {
        // The reverse of an assigned pair; its reduced cost is zero but is computed, not assumed.
        const d =
          best -
          (cost[i * m + j] as number) +
          (postingPotential[j] as number) -
          (seekerPotential[i] as number);
        seekerDist[i] = d;
        reachedSeekers.push(i);
        relax(i, d);
      }
    }

    // Shift potentials by the distances found (capped at the target's): reduced costs stay non-negative.
    const D = dist[target] as number;
    for (const j of settledPostings)
      postingPotential[j] = (postingPotential[j] as number) + Math.min(dist[j] as number, D) - D;
    for (const i of reachedSeekers)
      seekerPotential[i] = (seekerPotential[i] as number) + Math.min(seekerDist[i] as number, D) - D;

    // Re-route along the path, from the target back to the newcomer.
    let j = target;
    for (;;) {
      const i = reachedFrom[j] as number;
      const previous = postingOf[i] as number;
      if (previous >= 0 && previous < m) {
        const list = holders[previous] as number[];
        list.splice(list.indexOf(i), 1);
      }
      postingOf[i] = j;
      if (j < m) (holders[j] as number[]).push(i);
      if (i === r) break;
      j = previous;
    }
  }
  return result(input, postingOf);
}

/**
 * The greedy assignment, for comparison: take allowed pairs from the highest score down (ties in input order)
 * and place each whose seeker is free and whose posting has an opening. Fast and often good, never better
 * than `assignJobFair`, and sometimes worse: taking one seeker's best pair can block two better ones.
 */
export function greedyAssignment(input: JobFairInput): JobFairAssignment {
  validate(input);
  const n = input.seekerIds.length;
  const m = input.postings.length;
  // Counting sort by score: a million pairs sort in one pass, ties stay in input order.
  const count = new Int32Array(102);
  for (let k = 0; k < n * m; k++) {
    const score = input.scores[k] as number;
    if (score >= input.minScore) count[100 - score + 1] = (count[100 - score + 1] as number) + 1;
  }
  for (let s = 1; s < 102; s++) count[s] = (count[s] as number) + (count[s - 1] as number);
  const order = new Int32Array(count[101] as number);
  for (let k = 0; k < n * m; k++) {
    const score = input.scores[k] as number;
    if (score < input.minScore) continue;
    const slot = 100 - score;
    order[count[slot] as number] = k;
    count[slot] = (count[slot] as number) + 1;
  }
  const left = Int32Array.from(input.postings, (p) => p.openings);
  const postingOf = new Int32Array(n).fill(-1);
  for (const k of order) {
    const i = Math.floor(k / m);
    const j = k % m;
    if (postingOf[i] !== -1 || (left[j] as number) === 0) continue;
    postingOf[i] = j;
    left[j] = (left[j] as number) - 1;
  }
  return result(input, postingOf);
}
