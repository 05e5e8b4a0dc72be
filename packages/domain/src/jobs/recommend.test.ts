import { describe, expect, it } from 'vitest';
import { scoreMatch } from './matching';
import { buildPostingIndex, recommendPostings } from './recommend-postings';
import { buildSeekerIndex, recommendSeekers } from './recommend-seekers';
import type { JobPosting, JobSeeker } from './schemas';
import { randomPosting, randomSeeker, seededRandom } from './test-fixtures';
import { naiveTopN } from './top-list';

function population(seed: number, seekers: number, postings: number) {
  const random = seededRandom(seed);
  return {
    seekers: Array.from({ length: seekers }, (_, i) =>
      randomSeeker(random, `s${String(i).padStart(4, '0')}`),
    ),
    postings: Array.from({ length: postings }, (_, i) =>
      randomPosting(random, `p${String(i).padStart(4, '0')}`),
    ),
  };
}

// The baseline scores with the explained scorer, so the test also checks the prepared scoring the index uses.
const naivePostings = (seeker: JobSeeker, postings: readonly JobPosting[], n: number) =>
  naiveTopN(
    postings,
    n,
    (p) => scoreMatch(seeker, p).score,
    (p) => p.id,
  );
const naiveSeekers = (posting: JobPosting, seekers: readonly JobSeeker[], n: number) =>
  naiveTopN(
    seekers,
    n,
    (s) => scoreMatch(s, posting).score,
    (s) => s.id,
  );

describe('top-N recommendations', () => {
  for (const seed of [1, 2, 3]) {
    it(`give the same top-10 lists as scoring all pairs, both ways (seed ${seed})`, () => {
      const { seekers, postings } = population(seed, 250, 400);
      const postingIndex = buildPostingIndex(postings);
      const seekerIndex = buildSeekerIndex(seekers);
      for (const seeker of seekers)
        expect(recommendPostings(seeker, postingIndex, 10)).toEqual(naivePostings(seeker, postings, 10));
      for (const posting of postings)
        expect(recommendSeekers(posting, seekerIndex, 10)).toEqual(naiveSeekers(posting, seekers, 10));
    });
  }

  it('agree for other list lengths, including one and more than there are candidates', () => {
    const { seekers, postings } = population(9, 40, 30);
    const postingIndex = buildPostingIndex(postings);
    const seekerIndex = buildSeekerIndex(seekers);
    for (const n of [0, 1, 3, 30, 50]) {
      for (const seeker of seekers.slice(0, 10))
        expect(recommendPostings(seeker, postingIndex, n)).toEqual(naivePostings(seeker, postings, n));
      for (const posting of postings.slice(0, 10))
        expect(recommendSeekers(posting, seekerIndex, n)).toEqual(naiveSeekers(posting, seekers, n));
    }
    expect(recommendPostings(seekers[0] as JobSeeker, postingIndex, 50)).toHaveLength(30);
  });

  it('breaks ties by id, so equal postings come in id order', () => {
    const { seekers, postings } = population(4, 1, 1);
    const posting = postings[0] as JobPosting;
    const twins = ['p-c', 'p-a', 'p-b'].map((id) => ({ ...posting, id }));
    const result = recommendPostings(seekers[0] as JobSeeker, buildPostingIndex(twins), 2);
    expect(result.map((r) => r.id)).toEqual(['p-a', 'p-b']);
  });

  it('ranks a seeker with a skill unknown to the index like one without it', () => {
    const { seekers, postings } = population(5, 1, 50);
    const seeker = seekers[0] as JobSeeker;
    const index = buildPostingIndex(postings);
    expect(recommendPostings({ ...seeker, skills: [...seeker.skills, 'never-asked'] }, index, 5)).toEqual(
      recommendPostings(seeker, index, 5),
    );
  });
});
