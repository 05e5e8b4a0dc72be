import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { organizations, users } from '../../platform/db/schema';
import { persons } from '../registry/schema';

const createdAt = timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();
const updatedAt = timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();
const version = integer('version').notNull().default(1);
const textArray = (name: string) => text(name).array().notNull().default(sql`'{}'::text[]`);

/**
 * A person's job-seeker profile (domain/jobs/api.ts, SeekerProfileInput). Codes and numbers in plaintext:
 * matching runs over them and they identify no one alone; constraints (health, disability) are codes recorded
 * with the person's agreement, visible only within the person's scope.
 */
export const seekerProfiles = pgTable(
  'seeker_profiles',
  {
    personId: uuid('person_id')
      .primaryKey()
      .references(() => persons.id, { onDelete: 'cascade' }),
    status: text('status').notNull(),
    occupations: textArray('occupations'),
    skills: textArray('skills'),
    certificates: textArray('certificates'),
    experience: jsonb('experience').$type<{ place: string; occupation: string; years: number }[]>().notNull(),
    region: text('region').notNull(),
    willingToMoveTo: textArray('willing_to_move_to'),
    maxCommuteMinutes: integer('max_commute_minutes').notNull(),
    hours: text('hours').notNull(),
    expectedMonthlyWage: integer('expected_monthly_wage').notNull(),
    koreanLevel: integer('korean_level').notNull(),
    computerLevel: integer('computer_level').notNull(),
    constraints: textArray('constraints'),
    childbirths: date('childbirths', { mode: 'string' }).array().notNull().default(sql`'{}'::date[]`),
    updatedBy: uuid('updated_by').references(() => users.id),
    updatedAt,
    version,
  },
  (t) => [index('seeker_profiles_status_idx').on(t.status)],
);

/** Firms that hire, with the flag for firms employing defectors that qualify for priority purchasing. */
export const employers = pgTable(
  'employers',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    businessNumber: text('business_number'),
    region: text('region').notNull(),
    priorityPurchasing: boolean('priority_purchasing').notNull().default(false),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt,
    updatedAt,
    version,
  },
  (t) => [
    uniqueIndex('employers_business_number_key')
      .on(t.businessNumber)
      .where(sql`${t.businessNumber} is not null`),
  ],
);

export const jobPostings = pgTable(
  'job_postings',
  {
    id: uuid('id').primaryKey(),
    employerId: uuid('employer_id')
      .notNull()
      .references(() => employers.id),
    title: text('title').notNull(),
    occupation: text('occupation').notNull(),
    region: text('region').notNull(),
    hours: text('hours').notNull(),
    schedule: text('schedule').notNull(),
    heavyPhysicalWork: boolean('heavy_physical_work').notNull(),
    monthlyWage: integer('monthly_wage').notNull(),
    requiredSkills: textArray('required_skills'),
    preferredSkills: textArray('preferred_skills'),
    requiredCertificates: textArray('required_certificates'),
    preferredCertificates: textArray('preferred_certificates'),
    requiredKoreanLevel: integer('required_korean_level').notNull(),
    openings: integer('openings').notNull(),
    closingOn: date('closing_on', { mode: 'string' }).notNull(),
    status: text('status').notNull().default('open'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt,
    updatedAt,
    version,
  },
  (t) => [
    index('job_postings_status_idx').on(t.status, t.closingOn),
    index('job_postings_employer_idx').on(t.employerId),
  ],
);

/**
 * One person's way to one posting. `stage` moves by domain/jobs/pipeline.ts; at most one open application per
 * person and posting. The score is the match score when the application was made.
 */
export const jobApplications = pgTable(
  'job_applications',
  {
    id: uuid('id').primaryKey(),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id, { onDelete: 'cascade' }),
    postingId: uuid('posting_id')
      .notNull()
      .references(() => jobPostings.id),
    stage: text('stage').notNull(),
    reason: text('reason'),
    score: integer('score'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt,
    updatedAt,
    version,
  },
  (t) => [
    uniqueIndex('job_applications_open_key')
      .on(t.personId, t.postingId)
      .where(sql`${t.stage} in ('recommended', 'applied', 'interview', 'offer')`),
    index('job_applications_person_idx').on(t.personId),
    index('job_applications_posting_idx').on(t.postingId),
  ],
);

export const jobApplicationEvents = pgTable(
  'job_application_events',
  {
    id: uuid('id').primaryKey(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => jobApplications.id, { onDelete: 'cascade' }),
    fromStage: text('from_stage'),
    toStage: text('to_stage').notNull(),
    reason: text('reason'),
    actorId: uuid('actor_id').references(() => users.id),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('job_application_events_application_idx').on(t.applicationId, t.at)],
);

/** Work as the employment insurance record shows it; tenure and the incentive are computed from these. */
export const employmentRecords = pgTable(
  'employment_records',
  {
    id: uuid('id').primaryKey(),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id, { onDelete: 'cascade' }),
    employerId: uuid('employer_id')
      .notNull()
      .references(() => employers.id),
    applicationId: uuid('application_id').references(() => jobApplications.id),
    startOn: date('start_on', { mode: 'string' }).notNull(),
    endOn: date('end_on', { mode: 'string' }),
    insured: boolean('insured').notNull(),
    occupation: text('occupation'),
    monthlyWage: integer('monthly_wage'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt,
    updatedAt,
    version,
  },
  (t) => [
    index('employment_records_person_idx').on(t.personId, t.startOn),
    index('employment_records_employer_idx').on(t.employerId),
  ],
);

export const trainingCourses = pgTable('training_courses', {
  id: uuid('id').primaryKey(),
  title: text('title').notNull(),
  provider: text('provider').notNull(),
  occupation: text('occupation').notNull(),
  hours: integer('hours').notNull(),
  startOn: date('start_on', { mode: 'string' }).notNull(),
  endOn: date('end_on', { mode: 'string' }).notNull(),
  region: text('region').notNull(),
  capacity: integer('capacity').notNull(),
  oneYearCourse: boolean('one_year_course').notNull().default(false),
  certificate: text('certificate'),
  organizationId: uuid('organization_id').references(() => organizations.id),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt,
  updatedAt,
  version,
});

export const trainingEnrolments = pgTable(
  'training_enrolments',
  {
    id: uuid('id').primaryKey(),
    courseId: uuid('course_id')
      .notNull()
      .references(() => trainingCourses.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id, { onDelete: 'cascade' }),
    status: text('status').notNull().default('enrolled'),
    attendedHours: integer('attended_hours').notNull().default(0),
    completedOn: date('completed_on', { mode: 'string' }),
    certificateObtained: text('certificate_obtained'),
    certificateOn: date('certificate_on', { mode: 'string' }),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt,
    updatedAt,
    version,
  },
  (t) => [
    uniqueIndex('training_enrolments_course_person_key').on(t.courseId, t.personId),
    index('training_enrolments_person_idx').on(t.personId),
  ],
);

/** The ledger of incentive payments: what was claimed and paid, for which line. Rows are never changed. */
export const incentivePayments = pgTable(
  'incentive_payments',
  {
    id: uuid('id').primaryKey(),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id, { onDelete: 'cascade' }),
    line: text('line').notNull(),
    amount: integer('amount').notNull(),
    claimedOn: date('claimed_on', { mode: 'string' }).notNull(),
    paidOn: date('paid_on', { mode: 'string' }).notNull(),
    recordedBy: uuid('recorded_by').references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('incentive_payments_person_idx').on(t.personId, t.paidOn)],
);

export type SeekerProfileRow = typeof seekerProfiles.$inferSelect;
export type JobPostingRow = typeof jobPostings.$inferSelect;
export type EmploymentRecordRow = typeof employmentRecords.$inferSelect;
