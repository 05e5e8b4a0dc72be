import type { CategoryInput, KpiMilestone, TaskMilestone } from '@ieum/domain';
import { sql } from 'drizzle-orm';
import {
  boolean,
  customType,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { organizations, users } from '../../platform/db/schema';

/**
 * The implementation plan (issue 4; domain/plan): master plans, yearly plans and their revisions, categories,
 * tasks, KPIs, the written consultation and the quarterly reports. No personal data: organizations, staff
 * accounts, and texts officials write about programmes, never about persons.
 */
const createdAt = timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();
const updatedAt = timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();
const version = integer('version').notNull().default(1);
const uuidArray = (name: string) => uuid(name).array().notNull().default(sql`'{}'::uuid[]`);

/** 제2차 북한이탈주민 정착지원 기본계획 (2018-2020): the categories every yearly plan starts from. */
export const masterPlans = pgTable('master_plans', {
  id: uuid('id').primaryKey(),
  titleKo: text('title_ko').notNull(),
  titleEn: text('title_en').notNull(),
  startYear: integer('start_year').notNull(),
  endYear: integer('end_year').notNull(),
  categories: jsonb('categories').$type<CategoryInput[]>().notNull(),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt,
  updatedAt,
  version,
});

/**
 * One revision of a yearly implementation plan. A revision is a row of its own that remembers its
 * predecessor; the predecessor learns its successor once the successor is in execution (superseded).
 */
export const plans = pgTable(
  'plans',
  {
    id: uuid('id').primaryKey(),
    masterPlanId: uuid('master_plan_id')
      .notNull()
      .references(() => masterPlans.id),
    year: integer('year').notNull(),
    titleKo: text('title_ko').notNull(),
    titleEn: text('title_en').notNull(),
    summary: text('summary').notNull().default(''),
    status: text('status').notNull().default('draft'),
    revision: integer('revision').notNull().default(1),
    previousRevisionId: uuid('previous_revision_id'),
    supersededById: uuid('superseded_by_id'),
    /** Why this revision was started (empty for the first). */
    revisionReason: text('revision_reason').notNull().default(''),
    finalizedAt: timestamp('finalized_at', { withTimezone: true, mode: 'date' }),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt,
    updatedAt,
    version,
  },
  (t) => [
    uniqueIndex('plans_year_revision_key').on(t.masterPlanId, t.year, t.revision),
    index('plans_year_idx').on(t.year, t.revision),
  ],
);

export const planCategories = pgTable(
  'plan_categories',
  {
    id: uuid('id').primaryKey(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    code: integer('code').notNull(),
    nameKo: text('name_ko').notNull(),
    nameEn: text('name_en').notNull(),
    goal: text('goal').notNull().default(''),
  },
  (t) => [uniqueIndex('plan_categories_plan_code_key').on(t.planId, t.code)],
);

/** A task of one revision; `key` is the same task in every revision (the diff and the reports follow it). */
export const planTasks = pgTable(
  'plan_tasks',
  {
    id: uuid('id').primaryKey(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    key: uuid('key').notNull(),
    code: text('code').notNull(),
    categoryCode: integer('category_code').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    leadOrganizationId: uuid('lead_organization_id')
      .notNull()
      .references(() => organizations.id),
    cooperatingOrganizationIds: uuidArray('cooperating_organization_ids'),
    milestones: jsonb('milestones').$type<TaskMilestone[]>().notNull(),
  },
  (t) => [
    uniqueIndex('plan_tasks_plan_key_key').on(t.planId, t.key),
    uniqueIndex('plan_tasks_plan_code_key').on(t.planId, t.code),
    index('plan_tasks_lead_idx').on(t.leadOrganizationId),
  ],
);

export const planKpis = pgTable(
  'plan_kpis',
  {
    id: uuid('id').primaryKey(),
    taskId: uuid('task_id')
      .notNull()
      .references(() => planTasks.id, { onDelete: 'cascade' }),
    key: uuid('key').notNull(),
    position: integer('position').notNull(),
    nameKo: text('name_ko').notNull(),
    nameEn: text('name_en'),
    unit: text('unit').notNull(),
    unitLabelKo: text('unit_label_ko'),
    baseline: doublePrecision('baseline').notNull(),
    target: doublePrecision('target').notNull(),
    direction: text('direction').notNull(),
    /** `manual` or `metric`; a metric KPI names its key in the registry (domain/plan/metrics.ts). */
    sourceKind: text('source_kind').notNull(),
    metricKey: text('metric_key'),
    milestones: jsonb('milestones').$type<KpiMilestone[]>().notNull(),
  },
  (t) => [uniqueIndex('plan_kpis_task_key_key').on(t.taskId, t.key)],
);

/** The written consultation of a draft: the period (Korean dates, inclusive) and who is asked. */
export const planConsultations = pgTable('plan_consultations', {
  planId: uuid('plan_id')
    .primaryKey()
    .references(() => plans.id, { onDelete: 'cascade' }),
  startsOn: date('starts_on', { mode: 'string' }).notNull(),
  endsOn: date('ends_on', { mode: 'string' }).notNull(),
  organizationIds: uuidArray('organization_ids'),
  councilMemberIds: uuidArray('council_member_ids'),
  message: text('message').notNull().default(''),
  sentAt: timestamp('sent_at', { withTimezone: true, mode: 'date' }),
  updatedBy: uuid('updated_by').references(() => users.id),
  updatedAt,
  version,
});

/** An invitee's answer that they have no comment (의견 없음): an organization or a council member. */
export const planNoComments = pgTable(
  'plan_no_comments',
  {
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    inviteeKind: text('invitee_kind').notNull(),
    inviteeId: uuid('invitee_id').notNull(),
    declaredBy: uuid('declared_by')
      .notNull()
      .references(() => users.id),
    createdAt,
  },
  (t) => [primaryKey({ columns: [t.planId, t.inviteeKind, t.inviteeId] })],
);

/** A comment on the plan (`task_key` null) or a task, and how the plan manager resolved it. */
export const planComments = pgTable(
  'plan_comments',
  {
    id: uuid('id').primaryKey(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    taskKey: uuid('task_key'),
    taskCode: text('task_code'),
    body: text('body').notNull(),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    /** Made by a council member in their own name rather than for their organization. */
    asCouncilMember: boolean('as_council_member').notNull().default(false),
    createdAt,
    resolution: text('resolution'),
    resolutionReason: text('resolution_reason'),
    resolvedBy: uuid('resolved_by').references(() => users.id),
    resolvedAt: timestamp('resolved_at', { withTimezone: true, mode: 'date' }),
    version,
  },
  (t) => [index('plan_comments_plan_idx').on(t.planId, t.createdAt)],
);

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  // PGlite returns a Uint8Array, node-postgres a Buffer: the use cases see a Buffer either way.
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/**
 * An evidence file a task reporter uploaded for a task of a plan, before (or while) citing it in a quarterly
 * report. Stored in the database with its SHA-256, so a backup holds the evidence with the reports; a file is
 * at most 10 MiB (domain EVIDENCE_MAX_BYTES). Documents about programmes, not about persons.
 */
export const planEvidenceFiles = pgTable(
  'plan_evidence_files',
  {
    id: uuid('id').primaryKey(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id),
    taskKey: uuid('task_key').notNull(),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    uploadedBy: uuid('uploaded_by')
      .notNull()
      .references(() => users.id),
    createdAt,
  },
  (t) => [index('plan_evidence_files_task_idx').on(t.planId, t.taskKey)],
);

export interface EvidenceRef {
  fileId: string;
  name: string;
  contentType: string;
  sizeBytes: number;
}

/**
 * A task's quarterly report. Keyed by the task's `key`, not its row, so the reports of a year stay with the
 * task when a revision supersedes the plan; `plan_id` is the revision it was filed against.
 */
export const planProgressReports = pgTable(
  'plan_progress_reports',
  {
    id: uuid('id').primaryKey(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id),
    taskKey: uuid('task_key').notNull(),
    year: integer('year').notNull(),
    quarter: integer('quarter').notNull(),
    status: text('status').notNull(),
    percentComplete: integer('percent_complete').notNull(),
    narrative: text('narrative').notNull(),
    evidence: jsonb('evidence').$type<EvidenceRef[]>().notNull(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    filedBy: uuid('filed_by')
      .notNull()
      .references(() => users.id),
    /** The first filing: timeliness is judged by it, not by later corrections. */
    filedAt: timestamp('filed_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedBy: uuid('updated_by').references(() => users.id),
    updatedAt,
    version,
  },
  (t) => [uniqueIndex('plan_progress_reports_task_quarter_key').on(t.taskKey, t.year, t.quarter)],
);

/** A manual KPI's value at a quarter's end, as the lead organization reported it with the quarter's report. */
export const planKpiValues = pgTable(
  'plan_kpi_values',
  {
    reportId: uuid('report_id')
      .notNull()
      .references(() => planProgressReports.id, { onDelete: 'cascade' }),
    kpiKey: uuid('kpi_key').notNull(),
    year: integer('year').notNull(),
    quarter: integer('quarter').notNull(),
    value: doublePrecision('value').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.kpiKey, t.year, t.quarter] }),
    index('plan_kpi_values_report_idx').on(t.reportId),
  ],
);
