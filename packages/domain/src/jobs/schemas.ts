import { z } from 'zod';
import { Region } from '../platform/regions';
import { IsoDateString } from '../registry/schemas';

/**
 * Occupations are four-digit codes at the detailed level (세분류) of a KECO-like classification: the first two
 * digits name the middle group (중분류), the first three the minor group (소분류). Four digits are enough to say
 * "the same job" and coarse enough that a posting and a profile written by different people still meet.
 * The labels are dated reference data outside this package.
 */
export const OccupationCode = z.string().regex(/^\d{4}$/, 'occupation.invalid');
export type OccupationCode = z.infer<typeof OccupationCode>;

/** Skills and certificates are codes from reference lists (a certificate code, e.g. a national licence). */
export const SkillCode = z.string().trim().min(1).max(64);
export const CertificateCode = z.string().trim().min(1).max(64);

/**
 * Workplace South Korean, 1-5: 1 needs help with everyday instructions, 3 follows workplace talk and simple forms,
 * 5 writes documents. Defectors speak Korean; the gap is loanwords, jargon and paperwork, which is what employers ask about.
 */
export const KoreanLevel = z.number().int().min(1).max(5);

export const WorkHours = z.enum(['full_time', 'part_time']);
export type WorkHours = z.infer<typeof WorkHours>;
export const HoursPreference = z.enum(['full_time', 'part_time', 'either']);
export type HoursPreference = z.infer<typeof HoursPreference>;

/** `day` is weekday daytime work; the others end after a child-care centre closes or start before it opens. */
export const WorkSchedule = z.enum(['day', 'evening', 'night', 'shift']);
export type WorkSchedule = z.infer<typeof WorkSchedule>;

/**
 * What limits the work a person can take: `childcare` needs daytime hours; `health` and `disability` rule out
 * heavy physical work. Recorded by the officer with the person's agreement, never inferred.
 */
export const SeekerConstraint = z.enum(['childcare', 'health', 'disability']);
export type SeekerConstraint = z.infer<typeof SeekerConstraint>;

export const JobSeeker = z.object({
  id: z.string().min(1),
  /** Occupations sought, most wanted first; matching uses the best fit among them. */
  occupations: z.array(OccupationCode).min(1).max(5),
  skills: z.array(SkillCode).max(50),
  certificates: z.array(CertificateCode).max(30),
  /** Where the person lives. */
  region: Region,
  /** Regions the person would move to for work. */
  willingToMoveTo: z.array(Region).max(17),
  maxCommuteMinutes: z.number().int().min(0).max(300),
  hours: HoursPreference,
  /** KRW a month, before tax; 0 when the person has not said. */
  expectedMonthlyWage: z.number().int().min(0).max(100_000_000),
  koreanLevel: KoreanLevel,
  constraints: z.array(SeekerConstraint).max(3),
});
export type JobSeeker = z.infer<typeof JobSeeker>;

export const JobPosting = z.object({
  id: z.string().min(1),
  employerId: z.string().min(1),
  occupation: OccupationCode,
  /** Where the work is. */
  region: Region,
  hours: WorkHours,
  schedule: WorkSchedule,
  heavyPhysicalWork: z.boolean(),
  /** KRW a month, before tax. */
  monthlyWage: z.number().int().min(0).max(100_000_000),
  requiredSkills: z.array(SkillCode).max(20),
  preferredSkills: z.array(SkillCode).max(20),
  requiredCertificates: z.array(CertificateCode).max(10),
  preferredCertificates: z.array(CertificateCode).max(10),
  requiredKoreanLevel: KoreanLevel,
  openings: z.number().int().min(1).max(1000),
});
export type JobPosting = z.infer<typeof JobPosting>;

/**
 * One stretch of work at one employer, as the employment insurance record shows it. `end` is the last day worked
 * (inclusive) or null while the job goes on; `insured` is whether employment insurance was paid for it.
 */
export const EmploymentRecord = z
  .object({
    employerId: z.string().min(1),
    start: IsoDateString,
    end: IsoDateString.nullable(),
    insured: z.boolean(),
  })
  .refine((record) => record.end === null || record.end >= record.start, 'employment.end_before_start');
export type EmploymentRecord = z.infer<typeof EmploymentRecord>;
