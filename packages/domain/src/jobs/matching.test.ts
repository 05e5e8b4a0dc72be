import { describe, expect, it } from 'vitest';
import { REGIONS } from '../platform/regions';
import { areNeighbouringRegions } from './commute';
import { explainMatch } from './match-explanation';
import { MATCH_WEIGHTS, wageBand } from './match-weights';
import { type MatchFactor, scoreMatch } from './matching';
import { createVocabulary, preparePostings, prepareSeekers, scorePrepared } from './prepared-match';
import { JobPosting, JobSeeker } from './schemas';
import { randomPosting, randomSeeker, seededRandom } from './test-fixtures';

const seeker: JobSeeker = {
  id: 's1',
  occupations: ['8511'],
  skills: ['forklift', 'excel'],
  certificates: ['forklift-licence'],
  region: 'gyeonggi',
  willingToMoveTo: [],
  maxCommuteMinutes: 60,
  hours: 'full_time',
  expectedMonthlyWage: 2_200_000,
  koreanLevel: 3,
  constraints: [],
};

const posting: JobPosting = {
  id: 'p1',
  employerId: 'e1',
  occupation: '8511',
  region: 'gyeonggi',
  hours: 'full_time',
  schedule: 'day',
  heavyPhysicalWork: false,
  monthlyWage: 2_300_000,
  requiredSkills: ['forklift'],
  preferredSkills: ['excel'],
  requiredCertificates: ['forklift-licence'],
  preferredCertificates: [],
  requiredKoreanLevel: 3,
  openings: 2,
};

function factor(s: JobSeeker, p: JobPosting, name: MatchFactor) {
  const found = scoreMatch(s, p).factors.find((f) => f.factor === name);
  if (!found) throw new Error(`no ${name} factor`);
  return found;
}

describe('MATCH_WEIGHTS', () => {
  it('gives exactly 100 points to a perfect match, and a perfect pair gets them', () => {
    const w = MATCH_WEIGHTS;
    const total =
      w.occupation.max +
      w.skills.max +
      w.certificates.max +
      w.region.max +
      w.hours.max +
      w.wage.max +
      w.constraints.max +
      w.language.max;
    expect(total).toBe(100);
    expect(scoreMatch(seeker, posting).score).toBe(100);
  });

  it('is dated', () => {
    expect(MATCH_WEIGHTS.since).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

describe('scoreMatch factors', () => {
  it('ranks occupation fit: same code > same minor group > same major group > other', () => {
    const points = ['8511', '8512', '8521', '0211'].map(
      (occupation) => factor(seeker, { ...posting, occupation }, 'occupation').points,
    );
    expect(points).toEqual([30, 20, 10, 0]);
    expect(factor(seeker, { ...posting, occupation: '8512' }, 'occupation').code).toBe(
      'occupation_minor_group',
    );
  });

  it('takes the best fit among several occupations sought and names it', () => {
    const result = factor({ ...seeker, occupations: ['0211', '8519'] }, posting, 'occupation');
    expect(result).toMatchObject({
      points: 20,
      params: { soughtOccupation: '8519', postingOccupation: '8511' },
    });
  });

  it('weighs a missing required skill twice a missing preferred one', () => {
    const lacksPreferred = factor({ ...seeker, skills: ['forklift'] }, posting, 'skills');
    const lacksRequired = factor({ ...seeker, skills: ['excel'] }, posting, 'skills');
    expect(lacksPreferred).toMatchObject({
      points: 8,
      code: 'required_met',
      params: { missingPreferred: ['excel'] },
    });
    expect(lacksRequired).toMatchObject({
      points: 4,
      code: 'required_missing',
      params: { missingRequired: ['forklift'] },
    });
  });

  it('gives full coverage points when a posting asks for nothing', () => {
    const result = factor(
      { ...seeker, certificates: [] },
      { ...posting, requiredCertificates: [] },
      'certificates',
    );
    expect(result).toMatchObject({ points: 8, max: 8, code: 'none_asked' });
  });

  it('scores region: home, long commute at home, willing to move, neighbour within and beyond commute, far', () => {
    const cases: [Partial<JobSeeker>, JobPosting['region'], number, string][] = [
      [{}, 'gyeonggi', 15, 'same_region'],
      [{ maxCommuteMinutes: 30 }, 'gyeonggi', 8, 'same_region_long_commute'],
      [{ willingToMoveTo: ['busan'] }, 'busan', 12, 'willing_to_move'],
      [{ maxCommuteMinutes: 90 }, 'seoul', 10, 'neighbouring_region'],
      [{ maxCommuteMinutes: 79 }, 'seoul', 0, 'neighbouring_region_long_commute'],
      [{ maxCommuteMinutes: 80 }, 'seoul', 10, 'neighbouring_region'],
      [{}, 'jeju', 0, 'distant_region'],
    ];
    for (const [change, region, points, code] of cases) {
      expect(factor({ ...seeker, ...change }, { ...posting, region }, 'region')).toMatchObject({
        points,
        code,
      });
    }
  });

  it('matches hours to the preference, and "either" takes both', () => {
    expect(factor(seeker, { ...posting, hours: 'part_time' }, 'hours')).toMatchObject({
      points: 0,
      code: 'hours_mismatch',
    });
    expect(factor({ ...seeker, hours: 'either' }, { ...posting, hours: 'part_time' }, 'hours').points).toBe(
      10,
    );
  });

  it('bands the wage at exactly 100%, 90% and 80% of the expectation', () => {
    expect(wageBand(2_200_000, 2_200_000)).toBe('meets');
    expect(wageBand(2_199_999, 2_200_000)).toBe('within_10_percent');
    expect(wageBand(1_980_000, 2_200_000)).toBe('within_10_percent');
    expect(wageBand(1_979_999, 2_200_000)).toBe('within_20_percent');
    expect(wageBand(1_760_000, 2_200_000)).toBe('within_20_percent');
    expect(wageBand(1_759_999, 2_200_000)).toBe('below');
    expect(wageBand(1_000_000, 0)).toBe('not_stated');
    expect(factor(seeker, { ...posting, monthlyWage: 1_980_000 }, 'wage').points).toBe(7);
    expect(factor(seeker, { ...posting, monthlyWage: 1_760_000 }, 'wage').points).toBe(4);
  });

  it('needs daytime work for childcare, part-time or not', () => {
    const parent = { ...seeker, constraints: ['childcare' as const] };
    expect(factor(parent, { ...posting, schedule: 'day', hours: 'part_time' }, 'constraints').points).toBe(
      10,
    );
    expect(
      factor(parent, { ...posting, schedule: 'evening', hours: 'part_time' }, 'constraints'),
    ).toMatchObject({
      points: 0,
      code: 'constraints_unmet',
      params: { unmet: ['childcare'] },
    });
  });

  it('rules out heavy physical work for health and disability constraints', () => {
    const heavy = { ...posting, heavyPhysicalWork: true };
    expect(factor({ ...seeker, constraints: ['health'] }, heavy, 'constraints').points).toBe(0);
    expect(factor({ ...seeker, constraints: ['disability'] }, heavy, 'constraints').points).toBe(0);
    expect(factor(seeker, heavy, 'constraints')).toMatchObject({ points: 10, code: 'constraints_none' });
    expect(factor({ ...seeker, constraints: ['childcare'] }, heavy, 'constraints').code).toBe(
      'constraints_met',
    );
  });

  it('scores Korean: at or above the requirement, one level below, two below', () => {
    expect(
      [3, 2, 1].map((koreanLevel) => factor({ ...seeker, koreanLevel }, posting, 'language').points),
    ).toEqual([5, 2, 0]);
  });
});

describe('explainMatch', () => {
  it('writes one Korean sentence per factor with its points', () => {
    const sentences = explainMatch(
      scoreMatch(seeker, { ...posting, preferredSkills: ['excel', 'sewing'] }).factors,
      'ko',
    );
    expect(sentences).toHaveLength(8);
    expect(sentences[0]).toBe('희망 직종과 구인 직종이 같습니다 (+30점)');
    expect(sentences[1]).toBe('필수 기술은 모두 갖추었으나 우대 기술 1개(재봉)가 없습니다 (+9점)');
    expect(sentences[5]).toBe('제시 임금(월 230만 원)이 희망 임금(월 220만 원) 이상입니다 (+10점)');
  });

  it('explains the zero points too, in English', () => {
    const far: JobPosting = { ...posting, region: 'jeju', schedule: 'night', heavyPhysicalWork: true };
    const sentences = explainMatch(
      scoreMatch({ ...seeker, constraints: ['childcare', 'health'] }, far).factors,
      'en',
    );
    expect(sentences[3]).toBe('The workplace is too far from home without moving (0 points)');
    expect(sentences[6]).toBe(
      'The job (night work) does not respect: childcare (needs daytime work), health (no heavy physical work) (0 points)',
    );
  });

  it('has a sentence for every reason in both languages', () => {
    const random = seededRandom(7);
    for (let i = 0; i < 300; i++) {
      const factors = scoreMatch(randomSeeker(random, 's'), randomPosting(random, 'p')).factors;
      for (const locale of ['ko', 'en'] as const) {
        for (const sentence of explainMatch(factors, locale)) expect(sentence).not.toMatch(/undefined|NaN/);
      }
    }
  });
});

describe('prepared scoring', () => {
  it('gives exactly the explained score on random pairs', () => {
    const random = seededRandom(42);
    const vocabulary = createVocabulary();
    for (let i = 0; i < 2000; i++) {
      const s = JobSeeker.parse(randomSeeker(random, `s${i}`));
      const p = JobPosting.parse(randomPosting(random, `p${i}`));
      // Seekers grow the vocabulary first; postings add their own items only every other time.
      const prepared = scorePrepared(
        prepareSeekers([s], vocabulary, { grow: true }),
        0,
        preparePostings([p], vocabulary, { grow: i % 2 === 0 }),
        0,
      );
      expect(prepared).toBe(scoreMatch(s, p).score);
    }
  });
});

describe('neighbouring regions', () => {
  it('are symmetric, never reflexive, and leave Jeju alone', () => {
    for (const a of REGIONS) {
      expect(areNeighbouringRegions(a, a)).toBe(false);
      for (const b of REGIONS) expect(areNeighbouringRegions(a, b)).toBe(areNeighbouringRegions(b, a));
      expect(areNeighbouringRegions(a, 'jeju')).toBe(false);
    }
    expect(areNeighbouringRegions('seoul', 'gyeonggi')).toBe(true);
    expect(areNeighbouringRegions('seoul', 'gangwon')).toBe(false);
  });
});
