import { z } from 'zod';
import { EmploymentRecord } from '../jobs/schemas';
import { Region } from '../platform/regions';
import { IsoDateString } from '../registry/schemas';

/** Where the person lived from `from` to `until` (inclusive; null while they still live there). */
export const ResidencePeriod = z.object({
  region: Region,
  from: IsoDateString,
  until: IsoDateString.nullable(),
});
export type ResidencePeriod = z.infer<typeof ResidencePeriod>;

/** A vocational training course completed, with its hours; `oneYearCourse` for courses of a year or more. */
export const TrainingCompletion = z.object({
  courseId: z.string().min(1),
  hours: z.number().int().min(0).max(10_000),
  completedOn: IsoDateString,
  oneYearCourse: z.boolean(),
});
export type TrainingCompletion = z.infer<typeof TrainingCompletion>;

export const CertificateAcquisition = z.object({
  certificate: z.string().min(1).max(64),
  acquiredOn: IsoDateString,
});
export type CertificateAcquisition = z.infer<typeof CertificateAcquisition>;

export const INCENTIVE_LINE_KINDS = [
  'employment_year1_first',
  'employment_year1_rest',
  'employment_year2',
  'employment_year3',
  'training_hours',
  'training_one_year_course',
  'certificate',
] as const;
export const IncentiveLineKind = z.enum(INCENTIVE_LINE_KINDS);
export type IncentiveLineKind = z.infer<typeof IncentiveLineKind>;

/** One payment in the ledger: what was paid, for which line, when. */
export const IncentivePayment = z.object({
  line: IncentiveLineKind,
  amount: z.number().int().min(0),
  paidOn: IsoDateString,
});
export type IncentivePayment = z.infer<typeof IncentivePayment>;

export const IncentiveFacts = z.object({
  protectionDecisionDate: IsoDateString,
  residence: z.array(ResidencePeriod).max(100),
  employment: z.array(EmploymentRecord).max(500),
  childbirths: z.array(IsoDateString).max(20),
  training: z.array(TrainingCompletion).max(100),
  certificates: z.array(CertificateAcquisition).max(100),
  payments: z.array(IncentivePayment).max(100),
  /** The day the statement is for: what is due by then, and what will be if work goes on. */
  asOf: IsoDateString,
});
export type IncentiveFacts = z.infer<typeof IncentiveFacts>;
