import { z } from 'zod';
import { IsoDateString } from '../registry/schemas';
import { findMetric, isComputableMetric, METRIC_KEYS, MetricUnit } from './metrics';
import { PlanYear, Quarter } from './quarters';

/**
 * The implementation plan as data: a master plan (제2차 북한이탈주민 정착지원 기본계획 2018-2020) sets the
 * categories; each year's implementation plan (시행계획) fills them with tasks, each led by one organization
 * with cooperating ones, measured by KPIs with quarterly milestones. A plan is versioned: every revision is a
 * row of its own, and a task or KPI keeps its `key` from revision to revision so that two revisions can be
 * compared (revision-diff.ts).
 *
 * Lengths are those of civil-service documents: a task title is one line of a 개조식 table (the longest in
 * the 2020 press release is under 60 characters), a description a page.
 */

export const PLAN_STATUSES = ['draft', 'in_consultation', 'finalized', 'in_execution', 'closed'] as const;
export const PlanStatus = z.enum(PLAN_STATUSES);
export type PlanStatus = z.infer<typeof PlanStatus>;

/** One line in the plan's own language: a title, a name, a milestone. */
const Line = (max: number) => z.string().trim().min(1).max(max);
/** Free text that may run to several paragraphs. */
const Text = (max: number) => z.string().trim().max(max);

export const TITLE_MAX = 200;
export const DESCRIPTION_MAX = 4000;
export const NARRATIVE_MAX = 4000;
export const COMMENT_MAX = 4000;
export const REASON_MAX = 2000;

/**
 * A category's number in its master plan: one digit, as in the second master plan's 7 areas and the third's 6.
 */
export const CategoryCode = z.number().int().min(1).max(9);
export type CategoryCode = z.infer<typeof CategoryCode>;

/** `1-3`: the category's number, then the task's number within it (at most 99 tasks in a category). */
export const TaskCode = z.string().regex(/^[1-9]-[1-9]\d?$/, 'plan.task_code');
export type TaskCode = z.infer<typeof TaskCode>;

/** The category a task code belongs to (`1-3` → 1). */
export function categoryOfTaskCode(code: string): number {
  return Number(code.split('-')[0]);
}

/** Compares task codes as the plan lists them: `1-2` before `1-10`, `1-10` before `2-1`. */
export function compareTaskCodes(a: string, b: string): number {
  const [ac = 0, an = 0] = a.split('-').map(Number);
  const [bc = 0, bn = 0] = b.split('-').map(Number);
  return ac - bc || an - bn;
}

export const CategoryInput = z.object({
  code: CategoryCode,
  /** 일자리, 교육지원, … */
  nameKo: Line(100),
  nameEn: Line(150),
  /** The category's aim in a sentence or two (e.g. "북한이탈주민을 생산적 시민으로"). */
  goal: Text(1000).default(''),
});
export type CategoryInput = z.infer<typeof CategoryInput>;

/** The same categories, distinct codes, in any order. */
const Categories = z
  .array(CategoryInput)
  .min(1)
  .max(9)
  .refine((list) => new Set(list.map((c) => c.code)).size === list.length, 'plan.category_code_duplicate');

export const MasterPlanInput = z
  .object({
    /** 제2차 북한이탈주민 정착지원 기본계획 */
    titleKo: Line(TITLE_MAX),
    titleEn: Line(TITLE_MAX),
    startYear: PlanYear,
    endYear: PlanYear,
    categories: Categories,
    version: z.number().int().optional(),
  })
  .refine((plan) => plan.endYear >= plan.startYear, { path: ['endYear'], message: 'plan.years_order' });
export type MasterPlanInput = z.infer<typeof MasterPlanInput>;

// ——— KPIs ———

export const KPI_DIRECTIONS = ['up', 'down'] as const;
export const KpiDirection = z.enum(KPI_DIRECTIONS);
export type KpiDirection = z.infer<typeof KpiDirection>;

/** Typed in by the lead organization each quarter, or computed by ieum from its own data. */
export const KpiSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('manual') }),
  z.object({ kind: z.literal('metric'), metricKey: z.enum(METRIC_KEYS) }),
]);
export type KpiSource = z.infer<typeof KpiSource>;

/** The value a KPI should have reached by the end of a quarter (year to date, as the target is). */
export const KpiMilestone = z.object({ quarter: Quarter, value: z.number().finite() });
export type KpiMilestone = z.infer<typeof KpiMilestone>;

const KpiValue = z.number().finite().min(-1e12).max(1e12);

export const KpiInput = z
  .object({
    /** The same KPI in every revision; a new KPI gets a new one. */
    key: z.uuid(),
    nameKo: Line(TITLE_MAX),
    nameEn: Line(TITLE_MAX).nullable().default(null),
    unit: MetricUnit,
    /** The word a count is counted in, when `unit` is a count: 명, 건, 개소, 회. */
    unitLabelKo: Line(10).nullable().default(null),
    baseline: KpiValue,
    target: KpiValue,
    direction: KpiDirection,
    source: KpiSource,
    milestones: z.array(KpiMilestone).max(4).default([]),
  })
  .refine((kpi) => (kpi.direction === 'up' ? kpi.target >= kpi.baseline : kpi.target <= kpi.baseline), {
    path: ['target'],
    message: 'plan.kpi_target_direction',
  })
  .refine((kpi) => new Set(kpi.milestones.map((m) => m.quarter)).size === kpi.milestones.length, {
    path: ['milestones'],
    message: 'plan.milestone_quarter_duplicate',
  })
  .refine((kpi) => kpi.source.kind === 'manual' || isComputableMetric(kpi.source.metricKey), {
    path: ['source', 'metricKey'],
    message: 'plan.metric_not_computable',
  })
  .refine((kpi) => kpi.source.kind === 'manual' || findMetric(kpi.source.metricKey)?.unit === kpi.unit, {
    path: ['unit'],
    message: 'plan.kpi_unit_not_metric_unit',
  })
  .refine((kpi) => kpi.unit !== 'rate' || [kpi.baseline, kpi.target].every((v) => v >= 0 && v <= 100), {
    path: ['target'],
    message: 'plan.kpi_rate_range',
  });
export type KpiInput = z.infer<typeof KpiInput>;

// ——— tasks ———

/** What the task should have done by the end of a quarter, in a line (e.g. "취업성공패키지 참여자 모집"). */
export const TaskMilestone = z.object({ quarter: Quarter, description: Line(500) });
export type TaskMilestone = z.infer<typeof TaskMilestone>;

export const TaskInput = z
  .object({
    /** The same task in every revision, even when it moves to another category and changes its code. */
    key: z.uuid(),
    code: TaskCode,
    title: Line(TITLE_MAX),
    description: Text(DESCRIPTION_MAX).default(''),
    leadOrganizationId: z.uuid(),
    cooperatingOrganizationIds: z.array(z.uuid()).max(30).default([]),
    kpis: z.array(KpiInput).max(10).default([]),
    milestones: z.array(TaskMilestone).max(4).default([]),
  })
  .refine((task) => !task.cooperatingOrganizationIds.includes(task.leadOrganizationId), {
    path: ['cooperatingOrganizationIds'],
    message: 'plan.lead_also_cooperating',
  })
  .refine(
    (task) => new Set(task.cooperatingOrganizationIds).size === task.cooperatingOrganizationIds.length,
    {
      path: ['cooperatingOrganizationIds'],
      message: 'plan.organization_duplicate',
    },
  )
  .refine((task) => new Set(task.kpis.map((k) => k.key)).size === task.kpis.length, {
    path: ['kpis'],
    message: 'plan.kpi_key_duplicate',
  })
  .refine((task) => new Set(task.milestones.map((m) => m.quarter)).size === task.milestones.length, {
    path: ['milestones'],
    message: 'plan.milestone_quarter_duplicate',
  });
export type TaskInput = z.infer<typeof TaskInput>;

// ——— consultation ———

export const ConsultationInput = z
  .object({
    /** The first and last day on which comments are taken, in Korea, both inclusive. */
    startsOn: IsoDateString,
    endsOn: IsoDateString,
    organizationIds: z.array(z.uuid()).max(100),
    /** Users who sit on the Consultative Council (북한이탈주민 대책협의회) and answer in their own name. */
    councilMemberIds: z.array(z.uuid()).max(100),
    /** The covering letter (협의 요청 공문) in a few lines. */
    message: Text(2000).default(''),
  })
  .refine((c) => c.startsOn <= c.endsOn, { path: ['endsOn'], message: 'plan.period_order' })
  .refine((c) => c.organizationIds.length + c.councilMemberIds.length > 0, {
    path: ['organizationIds'],
    message: 'plan.no_invitees',
  })
  .refine(
    (c) =>
      new Set(c.organizationIds).size === c.organizationIds.length &&
      new Set(c.councilMemberIds).size === c.councilMemberIds.length,
    { path: ['organizationIds'], message: 'plan.invitee_duplicate' },
  );
export type ConsultationInput = z.infer<typeof ConsultationInput>;

/** A comment on the plan as a whole (`taskKey` null) or on one task. */
export const CommentInput = z.object({
  taskKey: z.uuid().nullable(),
  body: Line(COMMENT_MAX),
});
export type CommentInput = z.infer<typeof CommentInput>;

export const COMMENT_RESOLUTIONS = ['accepted', 'partly_accepted', 'not_accepted'] as const;
export const CommentResolution = z.enum(COMMENT_RESOLUTIONS);
export type CommentResolution = z.infer<typeof CommentResolution>;

/** How the plan manager answered a comment (반영, 일부 반영, 미반영); a reason is owed for anything short of full acceptance. */
export const CommentResolutionInput = z
  .object({
    resolution: CommentResolution,
    reason: Text(REASON_MAX).default(''),
    version: z.number().int(),
  })
  .refine((r) => r.resolution === 'accepted' || r.reason.length > 0, {
    path: ['reason'],
    message: 'plan.resolution_reason_required',
  });
export type CommentResolutionInput = z.infer<typeof CommentResolutionInput>;

// ——— progress reports ———

export const PROGRESS_STATUSES = ['on_track', 'delayed', 'at_risk', 'done'] as const;
export const ProgressStatus = z.enum(PROGRESS_STATUSES);
export type ProgressStatus = z.infer<typeof ProgressStatus>;

/** A file already uploaded (evidence: a 결과보고서, photos of an event), by its storage id. */
export const EvidenceFileRef = z.object({
  fileId: z.uuid(),
  name: Line(255),
  contentType: z.string().max(100),
  sizeBytes: z
    .number()
    .int()
    .min(1)
    .max(50 * 1024 * 1024),
});
export type EvidenceFileRef = z.infer<typeof EvidenceFileRef>;

/** The value of a manual KPI at the quarter's end, as the lead organization reports it. */
export const ManualKpiValue = z.object({ kpiKey: z.uuid(), value: KpiValue });

export const ProgressReportInput = z
  .object({
    year: PlanYear,
    quarter: Quarter,
    status: ProgressStatus,
    percentComplete: z.number().int().min(0).max(100),
    narrative: Line(NARRATIVE_MAX),
    evidence: z.array(EvidenceFileRef).max(20).default([]),
    kpiValues: z.array(ManualKpiValue).max(10).default([]),
    /** The version of the report being corrected; absent for a first filing. */
    version: z.number().int().optional(),
  })
  .refine((r) => (r.status === 'done') === (r.percentComplete === 100), {
    path: ['percentComplete'],
    message: 'plan.done_means_100',
  });
export type ProgressReportInput = z.infer<typeof ProgressReportInput>;
