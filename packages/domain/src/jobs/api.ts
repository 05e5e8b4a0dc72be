import { z } from 'zod';
import { IncentiveLineKind } from '../benefits/schemas';
import { Region } from '../platform/regions';
import { IsoDateString } from '../registry/schemas';
import { APPLICATION_END_REASONS, APPLICATION_STAGES } from './pipeline';
import {
  CertificateCode,
  HoursPreference,
  KoreanLevel,
  OccupationCode,
  SeekerConstraint,
  SkillCode,
  WorkHours,
  WorkSchedule,
} from './schemas';

/**
 * The jobs module's API: seeker profiles, training, employers and postings, recommendations with their
 * reasons, the application pipeline, employment records with tenure, incentive statements with the payments
 * ledger, job-fair assignment and reports. Scores and incentive lines travel as codes and numbers; the pages
 * word them with `explainMatch` and `explainIncentiveLine` in the reader's language.
 */
const Version = z.number().int();
const UserRef = z.object({ id: z.uuid(), displayName: z.string() });
const PersonRef = z.object({ id: z.uuid(), code: z.string(), maskedName: z.string().nullable() });
const Wage = z.number().int().min(0).max(100_000_000);
const SuppressedCount = z.number().int().nullable();

// ——— seeker profile ———

export const WORK_PLACES = ['north', 'third_country', 'south'] as const;
export const WorkPlace = z.enum(WORK_PLACES);
export type WorkPlace = z.infer<typeof WorkPlace>;

/** A stretch of past work, by where it was: in the North, in a third country (often China), in the South. */
export const WorkExperience = z.object({
  place: WorkPlace,
  occupation: OccupationCode,
  years: z.number().min(0).max(60),
});
export type WorkExperience = z.infer<typeof WorkExperience>;

export const SEEKER_STATUSES = ['seeking', 'employed', 'not_seeking'] as const;
export const SeekerStatus = z.enum(SEEKER_STATUSES);
export type SeekerStatus = z.infer<typeof SeekerStatus>;

/** 1-5, as for Korean: 1 cannot use a computer, 3 writes documents and e-mail, 5 works with spreadsheets. */
export const ComputerLevel = z.number().int().min(1).max(5);

export const SeekerProfileInput = z.object({
  status: SeekerStatus,
  occupations: z.array(OccupationCode).min(1).max(5),
  skills: z.array(SkillCode).max(50),
  certificates: z.array(CertificateCode).max(30),
  experience: z.array(WorkExperience).max(20),
  region: Region,
  willingToMoveTo: z.array(Region).max(17),
  maxCommuteMinutes: z.number().int().min(0).max(300),
  hours: HoursPreference,
  expectedMonthlyWage: Wage,
  koreanLevel: KoreanLevel,
  computerLevel: ComputerLevel,
  constraints: z.array(SeekerConstraint).max(3),
  /** Childbirths since protection began (each extends the incentive period by a year, at most two). */
  childbirths: z.array(IsoDateString).max(10),
  /** The version the editor saw; absent or 0 for a first record. */
  version: Version.optional(),
});
export type SeekerProfileInput = z.infer<typeof SeekerProfileInput>;

export const SeekerProfileView = SeekerProfileInput.extend({
  personId: z.uuid(),
  updatedAt: z.string().nullable(),
  updatedBy: UserRef.nullable(),
  version: Version,
});
export type SeekerProfileView = z.infer<typeof SeekerProfileView>;

export const SeekerListItem = z.object({
  person: PersonRef,
  status: SeekerStatus,
  occupations: z.array(OccupationCode),
  region: Region,
  koreanLevel: KoreanLevel,
  openApplications: z.number().int(),
  employedSince: z.string().nullable(),
  updatedAt: z.string(),
});
export type SeekerListItem = z.infer<typeof SeekerListItem>;
export const SeekerQuery = z.object({
  status: SeekerStatus.optional(),
  occupation: OccupationCode.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(50),
});
export const SeekerList = z.object({ items: z.array(SeekerListItem), total: z.number().int() });

// ——— employers and postings ———

export const EmployerInput = z.object({
  name: z.string().trim().min(2).max(100),
  /** 사업자등록번호, 10 digits; optional because a small workshop may not give it at first contact. */
  businessNumber: z
    .string()
    .trim()
    .regex(/^\d{3}-?\d{2}-?\d{5}$/, 'employer.business_number')
    .nullable(),
  region: Region,
  /** A firm that employs defectors and qualifies for priority public purchasing (우선구매 대상). */
  priorityPurchasing: z.boolean(),
  version: Version.optional(),
});
export type EmployerInput = z.infer<typeof EmployerInput>;

export const EmployerView = EmployerInput.extend({
  id: z.uuid(),
  openPostings: z.number().int(),
  /** Persons placed there and still working (null below 5: a small firm's count points at people). */
  currentlyEmployed: SuppressedCount,
  version: Version,
});
export type EmployerView = z.infer<typeof EmployerView>;
export const EmployerList = z.object({ items: z.array(EmployerView) });

export const PostingStatus = z.enum(['open', 'closed']);
export const PostingInput = z.object({
  employerId: z.uuid(),
  title: z.string().trim().min(2).max(100),
  occupation: OccupationCode,
  region: Region,
  hours: WorkHours,
  schedule: WorkSchedule,
  heavyPhysicalWork: z.boolean(),
  monthlyWage: Wage,
  requiredSkills: z.array(SkillCode).max(20),
  preferredSkills: z.array(SkillCode).max(20),
  requiredCertificates: z.array(CertificateCode).max(10),
  preferredCertificates: z.array(CertificateCode).max(10),
  requiredKoreanLevel: KoreanLevel,
  openings: z.number().int().min(1).max(1000),
  closingOn: IsoDateString,
  status: PostingStatus.default('open'),
  version: Version.optional(),
});
export type PostingInput = z.infer<typeof PostingInput>;

export const PostingView = PostingInput.extend({
  id: z.uuid(),
  employer: z.object({ id: z.uuid(), name: z.string(), priorityPurchasing: z.boolean() }),
  placed: z.number().int(),
  activeApplications: z.number().int(),
  createdAt: z.string(),
  version: Version,
});
export type PostingView = z.infer<typeof PostingView>;
export const PostingQuery = z.object({
  status: PostingStatus.optional(),
  employerId: z.uuid().optional(),
  occupation: OccupationCode.optional(),
  region: Region.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(50),
});
export const PostingList = z.object({ items: z.array(PostingView), total: z.number().int() });

// ——— recommendations ———

/** One factor of a match score as `scoreMatch` returns it; `explainMatch` words it. */
export const MatchFactorView = z.object({
  factor: z.string(),
  points: z.number(),
  max: z.number(),
  code: z.string(),
  params: z.record(z.string(), z.unknown()),
});
export const PostingRecommendation = z.object({
  posting: PostingView,
  score: z.number().int(),
  factors: z.array(MatchFactorView),
  /** An application already open for this posting, if any. */
  applicationId: z.uuid().nullable(),
});
export const PostingRecommendationList = z.object({
  items: z.array(PostingRecommendation),
  /** Open postings considered. */
  considered: z.number().int(),
});
export const CandidateRecommendation = z.object({
  person: PersonRef,
  score: z.number().int(),
  factors: z.array(MatchFactorView),
  applicationId: z.uuid().nullable(),
});
export const CandidateList = z.object({
  items: z.array(CandidateRecommendation),
  /** Seekers in the reader's scope considered. */
  considered: z.number().int(),
});

// ——— applications ———

export const ApplicationStage = z.enum(APPLICATION_STAGES);
export type ApplicationStage = z.infer<typeof ApplicationStage>;
export const ApplicationEndReason = z.enum(APPLICATION_END_REASONS);
export type ApplicationEndReason = z.infer<typeof ApplicationEndReason>;

export const ApplicationCreate = z.object({
  postingId: z.uuid(),
  /** `recommended` when the officer proposes it; `applied` when the person already applied. */
  stage: z.enum(['recommended', 'applied']).default('recommended'),
});
export const ApplicationMove = z
  .object({
    to: ApplicationStage,
    reason: ApplicationEndReason.optional(),
    /** For a placement: the first day of work, and whether employment insurance is paid. */
    startOn: IsoDateString.optional(),
    insured: z.boolean().optional(),
    version: Version,
  })
  .refine((move) => !['withdrawn', 'rejected'].includes(move.to) || move.reason !== undefined, {
    message: 'application.reason_required',
    path: ['reason'],
  })
  .refine((move) => move.to !== 'placed' || move.startOn !== undefined, {
    message: 'application.start_required',
    path: ['startOn'],
  })
  .refine((move) => move.to !== 'placed' || move.insured !== undefined, {
    message: 'application.insured_required',
    path: ['insured'],
  });
export type ApplicationMove = z.infer<typeof ApplicationMove>;

export const ApplicationEvent = z.object({
  from: ApplicationStage.nullable(),
  to: ApplicationStage,
  reason: ApplicationEndReason.nullable(),
  at: z.string(),
  by: UserRef.nullable(),
});
export const ApplicationView = z.object({
  id: z.uuid(),
  person: PersonRef,
  posting: z.object({
    id: z.uuid(),
    title: z.string(),
    occupation: OccupationCode,
    region: Region,
    employer: z.object({ id: z.uuid(), name: z.string() }),
  }),
  stage: ApplicationStage,
  reason: ApplicationEndReason.nullable(),
  /** The match score when the application was made. */
  score: z.number().int().nullable(),
  events: z.array(ApplicationEvent),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: Version,
});
export type ApplicationView = z.infer<typeof ApplicationView>;
export const ApplicationList = z.object({ items: z.array(ApplicationView) });

// ——— training ———

export const CourseInput = z
  .object({
    title: z.string().trim().min(2).max(100),
    provider: z.string().trim().min(2).max(100),
    occupation: OccupationCode,
    hours: z.number().int().min(1).max(5000),
    startOn: IsoDateString,
    endOn: IsoDateString,
    region: Region,
    capacity: z.number().int().min(1).max(500),
    /** A course of a year or more (the old one-year-course training incentive). */
    oneYearCourse: z.boolean(),
    /** The certificate the course prepares for, if any. */
    certificate: CertificateCode.nullable(),
    version: Version.optional(),
  })
  .refine((course) => course.endOn >= course.startOn, {
    message: 'course.end_before_start',
    path: ['endOn'],
  });
export type CourseInput = z.infer<typeof CourseInput>;
export const CourseView = z.object({
  id: z.uuid(),
  title: z.string(),
  provider: z.string(),
  occupation: OccupationCode,
  hours: z.number().int(),
  startOn: z.string(),
  endOn: z.string(),
  region: Region,
  capacity: z.number().int(),
  oneYearCourse: z.boolean(),
  certificate: CertificateCode.nullable(),
  enrolled: z.number().int(),
  version: Version,
});
export type CourseView = z.infer<typeof CourseView>;
export const CourseList = z.object({ items: z.array(CourseView) });

export const ENROLMENT_STATUSES = ['enrolled', 'completed', 'dropped'] as const;
export const EnrolmentStatus = z.enum(ENROLMENT_STATUSES);
export const EnrolmentCreate = z.object({ courseId: z.uuid() });
export const EnrolmentChange = z
  .object({
    status: EnrolmentStatus,
    attendedHours: z.number().int().min(0).max(5000),
    completedOn: IsoDateString.nullable(),
    certificateObtained: CertificateCode.nullable(),
    certificateOn: IsoDateString.nullable(),
    version: Version,
  })
  .refine((change) => change.status !== 'completed' || change.completedOn !== null, {
    message: 'enrolment.completed_on_required',
    path: ['completedOn'],
  })
  .refine((change) => (change.certificateObtained === null) === (change.certificateOn === null), {
    message: 'enrolment.certificate_date_required',
    path: ['certificateOn'],
  });
export type EnrolmentChange = z.infer<typeof EnrolmentChange>;
export const EnrolmentView = z.object({
  id: z.uuid(),
  course: CourseView,
  status: EnrolmentStatus,
  attendedHours: z.number().int(),
  completedOn: z.string().nullable(),
  certificateObtained: CertificateCode.nullable(),
  certificateOn: z.string().nullable(),
  version: Version,
});
export type EnrolmentView = z.infer<typeof EnrolmentView>;
export const CourseEnrolmentList = z.object({
  course: CourseView,
  items: z.array(EnrolmentView.omit({ course: true }).extend({ person: PersonRef })),
});

// ——— employment records ———

export const EmploymentRecordInput = z
  .object({
    employerId: z.uuid(),
    startOn: IsoDateString,
    endOn: IsoDateString.nullable(),
    insured: z.boolean(),
    occupation: OccupationCode.nullable(),
    monthlyWage: Wage.nullable(),
    version: Version.optional(),
  })
  .refine((record) => record.endOn === null || record.endOn >= record.startOn, {
    message: 'employment.end_before_start',
    path: ['endOn'],
  });
export type EmploymentRecordInput = z.infer<typeof EmploymentRecordInput>;
export const EmploymentRecordView = z.object({
  id: z.uuid(),
  employer: z.object({ id: z.uuid(), name: z.string() }),
  startOn: z.string(),
  endOn: z.string().nullable(),
  insured: z.boolean(),
  occupation: OccupationCode.nullable(),
  monthlyWage: z.number().int().nullable(),
  applicationId: z.uuid().nullable(),
  version: Version,
});
export type EmploymentRecordView = z.infer<typeof EmploymentRecordView>;
export const TenureView = z.object({
  employer: z.object({ id: z.uuid(), name: z.string() }),
  start: z.string(),
  end: z.string().nullable(),
  months: z.number().int(),
});

// ——— incentives ———

export const IncentiveLineView = z.object({
  kind: IncentiveLineKind,
  status: z.enum(['paid', 'due', 'upcoming', 'ineligible']),
  eligible: z.boolean(),
  amount: z.number().int(),
  dueOn: z.string().nullable(),
  reasons: z.array(
    z.object({ code: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])) }),
  ),
});
export const IncentivePaymentInput = z.object({
  line: IncentiveLineKind,
  amount: z.number().int().min(1).max(30_000_000),
  paidOn: IsoDateString,
  /** The claim this payment answers; kept with the ledger, never free text. */
  claimedOn: IsoDateString,
});
export type IncentivePaymentInput = z.infer<typeof IncentivePaymentInput>;
export const IncentivePaymentView = z.object({
  id: z.uuid(),
  line: IncentiveLineKind,
  amount: z.number().int(),
  claimedOn: z.string(),
  paidOn: z.string(),
  recordedBy: UserRef.nullable(),
  recordedAt: z.string(),
});
export const IncentiveStatementView = z.object({
  asOf: z.string(),
  /** Missing facts that keep a statement from being computed (no protection decision date, no residence region). */
  missing: z.array(z.enum(['protection_decision_date', 'residence_region'])),
  lines: z.array(IncentiveLineView),
  protectionEndsOn: z.string().nullable(),
  incentivePeriodEndsOn: z.string().nullable(),
  childbirthsCounted: z.number().int(),
  ceiling: z.number().int(),
  paidTotal: z.number().int(),
  dueTotal: z.number().int(),
  upcomingTotal: z.number().int(),
  /** Employer names for the reasons, which carry the employer's id. */
  employerNames: z.record(z.string(), z.string()),
  payments: z.array(IncentivePaymentView),
});
export type IncentiveStatementView = z.infer<typeof IncentiveStatementView>;

/** Everything on one person's 취업 tab. */
export const PersonJobs = z.object({
  profile: SeekerProfileView.nullable(),
  enrolments: z.array(EnrolmentView),
  applications: z.array(ApplicationView),
  employment: z.array(EmploymentRecordView),
  tenure: z.array(TenureView),
});
export type PersonJobs = z.infer<typeof PersonJobs>;

// ——— job fair ———

export const JobFairRequest = z.object({
  postingIds: z.array(z.uuid()).min(1).max(500),
  /** Pairs scoring below this are never proposed. */
  minScore: z.number().int().min(0).max(100).default(40),
});
export const JobFairResult = z.object({
  seekers: z.number().int(),
  openings: z.number().int(),
  exact: z.object({
    placements: z.array(z.object({ person: PersonRef, postingId: z.uuid(), score: z.number().int() })),
    totalScore: z.number().int(),
    durationMs: z.number(),
  }),
  greedy: z.object({ placed: z.number().int(), totalScore: z.number().int() }),
});
export type JobFairResult = z.infer<typeof JobFairResult>;

// ——— reports ———

export const JobsReportQuery = z.object({ from: IsoDateString, to: IsoDateString });
export const JobsReport = z.object({
  from: z.string(),
  to: z.string(),
  scope: z.enum(['center', 'assigned', 'national']),
  /** Registered persons aged 15-64 on `to`, and those of them in work on that day. */
  workingAge: SuppressedCount,
  employed: SuppressedCount,
  employmentRate: z.number().nullable(),
  averageMonthlyWage: z.number().nullable(),
  /** Median whole months at the current employer, over those in work on `to`. */
  medianTenureMonths: z.number().nullable(),
  placements: SuppressedCount,
  placementsByRegion: z.array(z.object({ region: Region, count: SuppressedCount })),
  placementsByOccupation: z.array(z.object({ occupation: OccupationCode, count: SuppressedCount })),
  /** Employment that ended in the period before 6 months at the employer. */
  endedBeforeSixMonths: SuppressedCount,
  employers: z.number().int(),
  priorityPurchasingEmployers: z.number().int(),
  openPostings: z.number().int(),
  openOpenings: z.number().int(),
});
export type JobsReport = z.infer<typeof JobsReport>;
