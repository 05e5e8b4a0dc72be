import { REGIONS } from '../platform/regions';
import type { JobPosting, JobSeeker, SeekerConstraint, WorkSchedule } from './schemas';

/**
 * Small seeded random seekers and postings for the tests of this folder (not exported from the package).
 * Few occupations, skills and wage steps on purpose: ties and shared buckets are what break a search.
 */
export function seededRandom(seed: number): () => number {
  // mulberry32: tiny, fast and good enough to shuffle test data.
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

function some<T>(random: () => number, items: readonly T[], max: number): T[] {
  const count = Math.floor(random() * (max + 1));
  return [...new Set(Array.from({ length: count }, () => pick(random, items)))];
}

export const TEST_OCCUPATIONS = [
  '0211',
  '0212',
  '0221',
  '0231',
  '1011',
  '1012',
  '1021',
  '8511',
  '8512',
  '8611',
];
const SKILLS = ['forklift', 'excel', 'welding', 'cooking', 'driving', 'sewing', 'cs'];
const CERTIFICATES = ['c1', 'c2', 'c3', 'c4'];
const SCHEDULES: readonly WorkSchedule[] = ['day', 'day', 'evening', 'night', 'shift'];
const CONSTRAINTS: readonly SeekerConstraint[] = ['childcare', 'health', 'disability'];

export function randomSeeker(random: () => number, id: string): JobSeeker {
  return {
    id,
    occupations: some(random, TEST_OCCUPATIONS, 2).concat(pick(random, TEST_OCCUPATIONS)),
    skills: some(random, SKILLS, 4),
    certificates: some(random, CERTIFICATES, 2),
    region: random() < 0.6 ? pick(random, ['seoul', 'gyeonggi', 'incheon'] as const) : pick(random, REGIONS),
    willingToMoveTo: random() < 0.2 ? [pick(random, REGIONS)] : [],
    maxCommuteMinutes: pick(random, [20, 45, 60, 90]),
    hours: pick(random, ['full_time', 'full_time', 'part_time', 'either'] as const),
    expectedMonthlyWage: pick(random, [0, 1_800_000, 2_000_000, 2_200_000, 2_500_000]),
    koreanLevel: 1 + Math.floor(random() * 5),
    constraints: some(random, CONSTRAINTS, 1),
  };
}

export function randomPosting(random: () => number, id: string): JobPosting {
  return {
    id,
    employerId: `e${Math.floor(random() * 20)}`,
    occupation: pick(random, TEST_OCCUPATIONS),
    region: random() < 0.6 ? pick(random, ['seoul', 'gyeonggi', 'incheon'] as const) : pick(random, REGIONS),
    hours: random() < 0.75 ? 'full_time' : 'part_time',
    schedule: pick(random, SCHEDULES),
    heavyPhysicalWork: random() < 0.3,
    monthlyWage: pick(random, [1_600_000, 1_800_000, 2_000_000, 2_200_000, 2_600_000]),
    requiredSkills: some(random, SKILLS, 2),
    preferredSkills: some(random, SKILLS, 2),
    requiredCertificates: some(random, CERTIFICATES, 1),
    preferredCertificates: some(random, CERTIFICATES, 1),
    requiredKoreanLevel: 1 + Math.floor(random() * 4),
    openings: 1 + Math.floor(random() * 3),
  };
}
