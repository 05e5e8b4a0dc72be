import { describe, expect, it } from 'vitest';
import {
  assignJobFair,
  greedyAssignment,
  type JobFairAssignment,
  type JobFairInput,
  jobFairScores,
} from './job-fair';
import { scoreMatch } from './matching';
import { randomPosting, randomSeeker, seededRandom } from './test-fixtures';

function randomFair(random: () => number, maxSeekers: number, maxPostings: number): JobFairInput {
  const n = 1 + Math.floor(random() * maxSeekers);
  const m = 1 + Math.floor(random() * maxPostings);
  // Half from a few values (ties between assignments are common; 0 adds a placement but no score), half
  // from a fine range (one point of score against one more placement).
  const scores = Array.from({ length: n * m }, () =>
    random() < 0.5 ? ([0, 60, 70][Math.floor(random() * 3)] as number) : 40 + Math.floor(random() * 61),
  );
  return {
    seekerIds: Array.from({ length: n }, (_, i) => `s${i}`),
    postings: Array.from({ length: m }, (_, j) => ({ id: `p${j}`, openings: Math.floor(random() * 3) })),
    scores,
    minScore: random() < 0.5 ? 0 : 60,
  };
}

/** Every assignment, by enumeration: the best total, and the most placements at that total. */
function bruteForce(input: JobFairInput): { total: number; placed: number } {
  const m = input.postings.length;
  const left = input.postings.map((p) => p.openings);
  let best = { total: -1, placed: -1 };
  const visit = (i: number, total: number, placed: number) => {
    if (i === input.seekerIds.length) {
      if (total > best.total || (total === best.total && placed > best.placed)) best = { total, placed };
      return;
    }
    visit(i + 1, total, placed);
    for (let j = 0; j < m; j++) {
      const score = input.scores[i * m + j] as number;
      if (score < input.minScore || (left[j] as number) === 0) continue;
      left[j] = (left[j] as number) - 1;
      visit(i + 1, total + score, placed + 1);
      left[j] = (left[j] as number) + 1;
    }
  };
  visit(0, 0, 0);
  return best;
}

function expectFeasible(input: JobFairInput, assignment: JobFairAssignment): void {
  const m = input.postings.length;
  const used = new Map<string, number>();
  const seen = new Set<string>();
  let total = 0;
  for (const { seekerId, postingId, score } of assignment.placements) {
    expect(seen.has(seekerId)).toBe(false);
    seen.add(seekerId);
    used.set(postingId, (used.get(postingId) ?? 0) + 1);
    const i = input.seekerIds.indexOf(seekerId);
    const j = input.postings.findIndex((p) => p.id === postingId);
    expect(score).toBe(input.scores[i * m + j]);
    expect(score).toBeGreaterThanOrEqual(input.minScore);
    total += score;
  }
  for (const posting of input.postings)
    expect(used.get(posting.id) ?? 0).toBeLessThanOrEqual(posting.openings);
  expect(assignment.totalScore).toBe(total);
  expect(assignment.placements.length + assignment.unplacedSeekerIds.length).toBe(input.seekerIds.length);
}

describe('assignJobFair', () => {
  it('finds the best total, and then the most placements, on 400 small cases checked by enumeration', () => {
    const random = seededRandom(11);
    for (let round = 0; round < 400; round++) {
      const input = randomFair(random, 6, 3);
      const exact = assignJobFair(input);
      expectFeasible(input, exact);
      const best = bruteForce(input);
      expect({ total: exact.totalScore, placed: exact.placements.length }).toEqual(best);
    }
  });

  it('is never worse than greedy, on larger random fairs', () => {
    const random = seededRandom(12);
    for (let round = 0; round < 30; round++) {
      const input = randomFair(random, 60, 15);
      const exact = assignJobFair(input);
      const greedy = greedyAssignment(input);
      expectFeasible(input, exact);
      expectFeasible(input, greedy);
      expect(exact.totalScore).toBeGreaterThanOrEqual(greedy.totalScore);
    }
  });

  it('beats greedy when one seeker’s best pair blocks a better pair of pairs', () => {
    // A prefers X (90) to Y (80); B can only take X (85). Greedy gives X to A and leaves B out: 90.
    // Moving A to Y makes room for B: 80 + 85 = 165.
    const input: JobFairInput = {
      seekerIds: ['A', 'B'],
      postings: [
        { id: 'X', openings: 1 },
        { id: 'Y', openings: 1 },
      ],
      scores: [90, 80, 85, 10],
      minScore: 50,
    };
    expect(greedyAssignment(input)).toMatchObject({ totalScore: 90, unplacedSeekerIds: ['B'] });
    expect(assignJobFair(input)).toEqual({
      placements: [
        { seekerId: 'A', postingId: 'Y', score: 80 },
        { seekerId: 'B', postingId: 'X', score: 85 },
      ],
      totalScore: 165,
      unplacedSeekerIds: [],
    });
  });

  it('fills a posting with several openings and leaves the rest unplaced', () => {
    const input: JobFairInput = {
      seekerIds: ['a', 'b', 'c'],
      postings: [{ id: 'p', openings: 2 }],
      scores: [70, 90, 80],
      minScore: 0,
    };
    expect(assignJobFair(input)).toMatchObject({ totalScore: 170, unplacedSeekerIds: ['a'] });
  });

  it('allows no pair below the minimum score, even when it would add to the total', () => {
    const input: JobFairInput = {
      seekerIds: ['a'],
      postings: [{ id: 'p', openings: 1 }],
      scores: [49],
      minScore: 50,
    };
    expect(assignJobFair(input)).toEqual({ placements: [], totalScore: 0, unplacedSeekerIds: ['a'] });
  });

  it('refuses scores that are not whole numbers from 0 to 100, or a matrix of the wrong size', () => {
    const base: JobFairInput = {
      seekerIds: ['a'],
      postings: [{ id: 'p', openings: 1 }],
      scores: [50],
      minScore: 0,
    };
    expect(() => assignJobFair({ ...base, scores: [50.5] })).toThrow(RangeError);
    expect(() => assignJobFair({ ...base, scores: [101] })).toThrow(RangeError);
    expect(() => assignJobFair({ ...base, scores: [50, 50] })).toThrow(RangeError);
  });
});

describe('jobFairScores', () => {
  it('holds the match score of every pair, row by seeker', () => {
    const random = seededRandom(13);
    const seekers = Array.from({ length: 7 }, (_, i) => randomSeeker(random, `s${i}`));
    const postings = Array.from({ length: 5 }, (_, j) => randomPosting(random, `p${j}`));
    const scores = jobFairScores(seekers, postings);
    seekers.forEach((seeker, i) => {
      postings.forEach((posting, j) => {
        expect(scores[i * 5 + j]).toBe(scoreMatch(seeker, posting).score);
      });
    });
  });
});
