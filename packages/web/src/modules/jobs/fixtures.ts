import {
  ApplicationView,
  CourseView,
  calculateIncentives,
  EmployerList,
  IncentiveStatementView,
  JobFairResult,
  type JobPosting,
  type JobSeeker,
  JobsReport,
  PersonJobs,
  PostingList,
  PostingRecommendationList,
  PostingView,
  SeekerList,
  scoreMatch,
} from '@ieum/domain';
import { PERSON_ID } from '../../testing/persons';

/**
 * Made-up employers, postings, a profile, applications and an incentive statement for the module's DOM
 * tests. Each is parsed with the API's schema, so a fixture that drifts from the contract fails at once;
 * scores and incentive lines come from the domain's own functions, as the server computes them.
 */
export const WORKER = { id: '0190a6b2-0000-7000-8000-0000000000aa', displayName: '김하나' };
export const PERSON = { id: PERSON_ID, code: 'P-7K3M-Q9XA', maskedName: '김*희' };
export const OTHER_PERSON = {
  id: '0190a6b2-0000-7000-8000-0000000000c2',
  code: 'P-2B4C-6D8E',
  maskedName: '박*수',
};

export const EMPLOYER_ID = '0190a6b2-0000-7000-8000-0000000000e1';
export const OTHER_EMPLOYER_ID = '0190a6b2-0000-7000-8000-0000000000e2';
export const POSTING_ID = '0190a6b2-0000-7000-8000-0000000000f1';
export const OTHER_POSTING_ID = '0190a6b2-0000-7000-8000-0000000000f2';
export const APPLICATION_ID = '0190a6b2-0000-7000-8000-0000000000a7';
export const COURSE_ID = '0190a6b2-0000-7000-8000-0000000000d7';

export const EMPLOYERS = EmployerList.parse({
  items: [
    {
      id: EMPLOYER_ID,
      name: '한빛물류',
      businessNumber: '123-45-67890',
      region: 'gyeonggi',
      priorityPurchasing: true,
      openPostings: 1,
      currentlyEmployed: null,
      version: 2,
    },
    {
      id: OTHER_EMPLOYER_ID,
      name: '새봄식품',
      businessNumber: null,
      region: 'seoul',
      priorityPurchasing: false,
      openPostings: 1,
      currentlyEmployed: 7,
      version: 1,
    },
  ],
});

const FORKLIFT_POSTING: JobPosting = {
  id: POSTING_ID,
  employerId: EMPLOYER_ID,
  occupation: '1451',
  region: 'gyeonggi',
  hours: 'full_time',
  schedule: 'day',
  heavyPhysicalWork: false,
  monthlyWage: 2_400_000,
  requiredSkills: ['forklift'],
  preferredSkills: [],
  requiredCertificates: ['forklift_operator'],
  preferredCertificates: [],
  requiredKoreanLevel: 2,
  openings: 2,
};

const KITCHEN_POSTING: JobPosting = {
  ...FORKLIFT_POSTING,
  id: OTHER_POSTING_ID,
  employerId: OTHER_EMPLOYER_ID,
  occupation: '1341',
  region: 'seoul',
  hours: 'part_time',
  monthlyWage: 1_500_000,
  requiredSkills: [],
  requiredCertificates: [],
  openings: 1,
};

function postingView(posting: JobPosting, title: string, employerIndex: 0 | 1) {
  const employer = EMPLOYERS.items[employerIndex];
  if (!employer) throw new Error('no such employer');
  return PostingView.parse({
    ...posting,
    title,
    closingOn: '2026-04-30',
    status: 'open',
    employer: { id: employer.id, name: employer.name, priorityPurchasing: employer.priorityPurchasing },
    placed: 0,
    activeApplications: 1,
    createdAt: '2026-02-10T01:00:00Z',
    version: 3,
  });
}

export const POSTING = postingView(FORKLIFT_POSTING, '지게차 운전원 (주간)', 0);
export const OTHER_POSTING = postingView(KITCHEN_POSTING, '주방 보조 (시간제)', 1);
export const POSTINGS = PostingList.parse({ items: [POSTING, OTHER_POSTING], total: 2 });

export const SEEKER: JobSeeker = {
  id: PERSON.id,
  occupations: ['1451'],
  skills: ['forklift'],
  certificates: [],
  region: 'gyeonggi',
  willingToMoveTo: [],
  maxCommuteMinutes: 60,
  hours: 'full_time',
  expectedMonthlyWage: 2_500_000,
  koreanLevel: 3,
  constraints: [],
};

const MATCH = scoreMatch(SEEKER, FORKLIFT_POSTING);
const OTHER_MATCH = scoreMatch(SEEKER, KITCHEN_POSTING);

export const RECOMMENDATIONS = PostingRecommendationList.parse({
  items: [
    { posting: POSTING, score: MATCH.score, factors: MATCH.factors, applicationId: null },
    {
      posting: OTHER_POSTING,
      score: OTHER_MATCH.score,
      factors: OTHER_MATCH.factors,
      applicationId: APPLICATION_ID,
    },
  ],
  considered: 37,
});

export const CANDIDATES = {
  items: [
    { person: PERSON, score: MATCH.score, factors: MATCH.factors, applicationId: null },
    { person: OTHER_PERSON, score: 61, factors: OTHER_MATCH.factors, applicationId: APPLICATION_ID },
  ],
  considered: 12,
};

export const APPLICATION = ApplicationView.parse({
  id: APPLICATION_ID,
  person: PERSON,
  posting: {
    id: OTHER_POSTING.id,
    title: OTHER_POSTING.title,
    occupation: OTHER_POSTING.occupation,
    region: OTHER_POSTING.region,
    employer: { id: OTHER_EMPLOYER_ID, name: '새봄식품' },
  },
  stage: 'applied',
  reason: null,
  score: OTHER_MATCH.score,
  events: [
    { from: null, to: 'recommended', reason: null, at: '2026-02-20T01:00:00Z', by: WORKER },
    { from: 'recommended', to: 'applied', reason: null, at: '2026-02-22T02:30:00Z', by: WORKER },
  ],
  createdAt: '2026-02-20T01:00:00Z',
  updatedAt: '2026-02-22T02:30:00Z',
  version: 2,
});

export const PROFILE = {
  ...SEEKER,
  status: 'seeking' as const,
  experience: [{ place: 'north' as const, occupation: '1441', years: 4 }],
  computerLevel: 2,
  childbirths: [],
  personId: PERSON.id,
  updatedAt: '2026-02-15T01:00:00Z',
  updatedBy: WORKER,
  version: 4,
};

export const COURSE = CourseView.parse({
  id: COURSE_ID,
  title: '지게차 운전 기능사 과정',
  provider: '경기직업전문학교',
  occupation: '1451',
  hours: 120,
  startOn: '2026-03-02',
  endOn: '2026-04-24',
  region: 'gyeonggi',
  capacity: 20,
  oneYearCourse: false,
  certificate: 'forklift_operator',
  enrolled: 1,
  version: 1,
});

export const PERSON_JOBS = PersonJobs.parse({
  profile: PROFILE,
  enrolments: [],
  applications: [APPLICATION],
  employment: [
    {
      id: '0190a6b2-0000-7000-8000-0000000000b7',
      employer: { id: EMPLOYER_ID, name: '한빛물류' },
      startOn: '2024-07-01',
      endOn: null,
      insured: true,
      occupation: '1451',
      monthlyWage: 2_300_000,
      applicationId: null,
      version: 1,
    },
  ],
  tenure: [{ employer: { id: EMPLOYER_ID, name: '한빛물류' }, start: '2024-07-01', end: null, months: 20 }],
});

export const NO_PROFILE = PersonJobs.parse({
  profile: null,
  enrolments: [],
  applications: [],
  employment: [],
  tenure: [],
});

const STATEMENT = calculateIncentives({
  protectionDecisionDate: '2024-02-01',
  residence: [{ region: 'seoul', from: '2024-02-01', until: null }],
  employment: [{ employerId: EMPLOYER_ID, start: '2024-07-01', end: null, insured: true }],
  childbirths: [],
  training: [],
  certificates: [],
  payments: [{ line: 'employment_year1_first', amount: 2_000_000, paidOn: '2025-01-20' }],
  asOf: '2026-03-02',
});

export const INCENTIVES = IncentiveStatementView.parse({
  ...STATEMENT,
  asOf: '2026-03-02',
  missing: [],
  employerNames: { [EMPLOYER_ID]: '한빛물류' },
  payments: [
    {
      id: '0190a6b2-0000-7000-8000-0000000000c9',
      line: 'employment_year1_first',
      amount: 2_000_000,
      claimedOn: '2025-01-05',
      paidOn: '2025-01-20',
      recordedBy: WORKER,
      recordedAt: '2025-01-20T05:00:00Z',
    },
  ],
});

export const SEEKERS = SeekerList.parse({
  items: [
    {
      person: PERSON,
      status: 'seeking',
      occupations: ['1451', '1461'],
      region: 'gyeonggi',
      koreanLevel: 3,
      openApplications: 1,
      employedSince: null,
      updatedAt: '2026-02-15T01:00:00Z',
    },
  ],
  total: 1,
});

export const FAIR_RESULT = JobFairResult.parse({
  seekers: 14,
  openings: 3,
  exact: {
    placements: [
      { person: PERSON, postingId: POSTING_ID, score: 89 },
      { person: OTHER_PERSON, postingId: OTHER_POSTING_ID, score: 72 },
    ],
    totalScore: 161,
    durationMs: 4.2,
  },
  greedy: { placed: 1, totalScore: 89 },
});

export const REPORT = JobsReport.parse({
  from: '2025-03-03',
  to: '2026-03-02',
  scope: 'national',
  workingAge: 1840,
  employed: 1012,
  employmentRate: 0.55,
  averageMonthlyWage: 2_310_000,
  medianTenureMonths: 14.5,
  placements: 212,
  placementsByRegion: [
    { region: 'seoul', count: 88 },
    { region: 'gyeonggi', count: 101 },
    { region: 'jeju', count: null },
  ],
  placementsByOccupation: [
    { occupation: '1451', count: 40 },
    { occupation: '1921', count: null },
  ],
  endedBeforeSixMonths: null,
  employers: 64,
  priorityPurchasingEmployers: 9,
  openPostings: 31,
  openOpenings: 58,
});
