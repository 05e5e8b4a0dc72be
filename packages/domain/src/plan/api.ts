import { z } from 'zod';
import { Region } from '../platform/regions';
import { IsoDateString } from '../registry/schemas';
import { MetricUnit } from './metrics';
import { PlanYear, Quarter } from './quarters';
import {
  CategoryCode,
  CategoryInput,
  CommentResolution,
  ConsultationInput,
  EvidenceFileRef,
  KpiInput,
  PlanStatus,
  ProgressStatus,
  REASON_MAX,
  TaskInput,
  TaskMilestone,
  TITLE_MAX,
} from './schemas';

/**
 * The plan module's API: master plans, yearly implementation plans and their revisions, tasks, the written
 * consultation, quarterly progress reports and KPIs. `GET /api/plans` and `GET /api/plans/{id}` are the
 * minimal contract for scripts (issue 4, item 9): keep them backward compatible.
 *
 * Every update carries the `version` the editor saw (optimistic concurrency); a stale one is a conflict.
 */
const Version = z.number().int();
const UserRef = z.object({ id: z.uuid(), displayName: z.string() });
const OrgRef = z.object({ id: z.uuid(), name: z.string(), nameEn: z.string().nullable() });

// ——— master plans ———

export const MasterPlanView = z.object({
  id: z.uuid(),
  titleKo: z.string(),
  titleEn: z.string(),
  startYear: z.number().int(),
  endYear: z.number().int(),
  categories: z.array(CategoryInput),
  version: Version,
});
export type MasterPlanView = z.infer<typeof MasterPlanView>;
export const MasterPlanList = z.object({ items: z.array(MasterPlanView) });

// ——— implementation plans ———

/** A new yearly plan: its categories are copied from the master plan; the title defaults to the usual one. */
export const PlanCreateInput = z.object({
  masterPlanId: z.uuid(),
  year: PlanYear,
  titleKo: z.string().trim().min(1).max(TITLE_MAX).optional(),
  titleEn: z.string().trim().min(1).max(TITLE_MAX).optional(),
});
export type PlanCreateInput = z.infer<typeof PlanCreateInput>;

/** The default title of a yearly plan: "2020년 북한이탈주민 정착지원 시행계획". */
export function defaultPlanTitle(year: number): { ko: string; en: string } {
  return {
    ko: `${year}년 북한이탈주민 정착지원 시행계획`,
    en: `${year} Implementation Plan for Settlement Support of North Korean Defectors`,
  };
}

export const PlanUpdateInput = z.object({
  titleKo: z.string().trim().min(1).max(TITLE_MAX),
  titleEn: z.string().trim().min(1).max(TITLE_MAX),
  /** The plan's preface (추진 배경, 기본 방향) in a few paragraphs. */
  summary: z.string().trim().max(4000),
  version: Version,
});
export type PlanUpdateInput = z.infer<typeof PlanUpdateInput>;

export const CategoryUpdateInput = CategoryInput.omit({ code: true }).extend({ version: Version });
export type CategoryUpdateInput = z.infer<typeof CategoryUpdateInput>;

/** A task as created or replaced; `version` is the plan's (a task is edited within its draft). */
export const TaskWriteInput = z.object({ task: TaskInput, version: Version });
export type TaskWriteInput = z.infer<typeof TaskWriteInput>;

export const PlanTransitionInput = z.object({ to: PlanStatus, version: Version });
export type PlanTransitionInput = z.infer<typeof PlanTransitionInput>;

/** Starting a revision of a finalized plan: why it is being amended (goes into the revision's record). */
export const RevisionCreateInput = z.object({
  reason: z.string().trim().min(1).max(REASON_MAX),
  version: Version,
});
export type RevisionCreateInput = z.infer<typeof RevisionCreateInput>;

export const ConsultationWriteInput = z.object({ consultation: ConsultationInput, version: Version });
export type ConsultationWriteInput = z.infer<typeof ConsultationWriteInput>;

export const PlanListItem = z.object({
  id: z.uuid(),
  masterPlanId: z.uuid(),
  year: z.number().int(),
  titleKo: z.string(),
  titleEn: z.string(),
  status: PlanStatus,
  revision: z.number().int().min(1),
  previousRevisionId: z.uuid().nullable(),
  /** The revision that superseded this one, once it is in execution. */
  supersededById: z.uuid().nullable(),
  taskCount: z.number().int(),
  categoryCount: z.number().int(),
  finalizedAt: z.string().nullable(),
  updatedAt: z.string(),
  version: Version,
});
export type PlanListItem = z.infer<typeof PlanListItem>;

export const PlanQuery = z.object({
  year: z.coerce.number().int().optional(),
  status: PlanStatus.optional(),
  /** Only the latest revision of each year's plan unless asked for all. */
  revisions: z.enum(['latest', 'all']).default('latest'),
});
export type PlanQuery = z.infer<typeof PlanQuery>;
export const PlanList = z.object({ items: z.array(PlanListItem) });
export type PlanList = z.infer<typeof PlanList>;

// ——— the plan in detail ———

/** A task's last filed report, the headline of the task in the plan view. */
export const LatestProgress = z.object({
  year: z.number().int(),
  quarter: Quarter,
  status: ProgressStatus,
  percentComplete: z.number().int(),
  filedAt: z.string(),
  late: z.boolean(),
});
export type LatestProgress = z.infer<typeof LatestProgress>;

/** A KPI's value in a quarter: null with `suppressed` when withheld (shown as "<5"). */
export const KpiValueView = z.object({
  quarter: Quarter,
  region: Region.nullable(),
  value: z.number().nullable(),
  suppressed: z.boolean(),
  progress: z.number().nullable(),
  milestone: z.number().nullable(),
  milestoneStatus: z.enum(['met', 'behind', 'no_milestone', 'not_comparable', 'no_value', 'suppressed']),
  targetReached: z.boolean().nullable(),
});
export type KpiValueView = z.infer<typeof KpiValueView>;

export const KpiView = z.object({
  key: z.uuid(),
  nameKo: z.string(),
  nameEn: z.string().nullable(),
  unit: MetricUnit,
  unitLabelKo: z.string().nullable(),
  baseline: z.number(),
  target: z.number(),
  direction: z.enum(['up', 'down']),
  source: KpiInput.shape.source,
  milestones: z.array(z.object({ quarter: Quarter, value: z.number() })),
  /** National values of the quarters that have begun, in order. */
  values: z.array(KpiValueView),
});
export type KpiView = z.infer<typeof KpiView>;

export const TaskView = z.object({
  id: z.uuid(),
  key: z.uuid(),
  code: z.string(),
  categoryCode: CategoryCode,
  title: z.string(),
  description: z.string(),
  leadOrganization: OrgRef,
  cooperatingOrganizations: z.array(OrgRef),
  milestones: z.array(TaskMilestone),
  kpis: z.array(KpiView),
  latestProgress: LatestProgress.nullable(),
});
export type TaskView = z.infer<typeof TaskView>;

export const CategoryView = z.object({
  code: CategoryCode,
  nameKo: z.string(),
  nameEn: z.string(),
  goal: z.string(),
  tasks: z.array(TaskView),
});
export type CategoryView = z.infer<typeof CategoryView>;

export const PlanDetail = PlanListItem.extend({
  summary: z.string(),
  masterPlan: z.object({ id: z.uuid(), titleKo: z.string(), titleEn: z.string() }),
  categories: z.array(CategoryView),
});
export type PlanDetail = z.infer<typeof PlanDetail>;

// ——— consultation ———

export const CommentView = z.object({
  id: z.uuid(),
  taskKey: z.uuid().nullable(),
  /** The task's code when the comment was made, for reading the record later. */
  taskCode: z.string().nullable(),
  body: z.string(),
  author: UserRef,
  organization: OrgRef,
  createdAt: z.string(),
  resolution: CommentResolution.nullable(),
  resolutionReason: z.string().nullable(),
  resolvedBy: UserRef.nullable(),
  resolvedAt: z.string().nullable(),
  version: Version,
});
export type CommentView = z.infer<typeof CommentView>;

/** An invitee's answer that there is nothing to comment (의견 없음), so the overview counts them as answered. */
export const NoCommentInput = z.object({ noComment: z.literal(true) });

/** Who was asked and who has answered (commented, or said they have no comment). */
export const InviteeStatus = z.object({
  kind: z.enum(['organization', 'council_member']),
  id: z.uuid(),
  name: z.string(),
  answered: z.boolean(),
  comments: z.number().int(),
  noComment: z.boolean(),
});
export type InviteeStatus = z.infer<typeof InviteeStatus>;

export const ConsultationView = z.object({
  planId: z.uuid(),
  startsOn: IsoDateString,
  endsOn: IsoDateString,
  message: z.string(),
  sentAt: z.string().nullable(),
  invitees: z.array(InviteeStatus),
  comments: z.array(CommentView),
  unresolved: z.number().int(),
  version: Version,
});
export type ConsultationView = z.infer<typeof ConsultationView>;

// ——— progress reports ———

export const ProgressReportView = z.object({
  id: z.uuid(),
  taskId: z.uuid(),
  taskKey: z.uuid(),
  year: z.number().int(),
  quarter: Quarter,
  status: ProgressStatus,
  percentComplete: z.number().int(),
  narrative: z.string(),
  evidence: z.array(EvidenceFileRef),
  kpiValues: z.array(z.object({ kpiKey: z.uuid(), value: z.number() })),
  filedBy: UserRef,
  filedAt: z.string(),
  updatedAt: z.string(),
  late: z.boolean(),
  version: Version,
});
export type ProgressReportView = z.infer<typeof ProgressReportView>;

/** A report owed and not filed: the overdue list and the reminders. */
export const OverdueReport = z.object({
  task: z.object({ id: z.uuid(), key: z.uuid(), code: z.string(), title: z.string() }),
  leadOrganization: OrgRef,
  year: z.number().int(),
  quarter: Quarter,
  dueOn: IsoDateString,
  daysOverdue: z.number().int(),
});
export type OverdueReport = z.infer<typeof OverdueReport>;
export const OverdueReportList = z.object({ items: z.array(OverdueReport) });

export const DashboardQuery = z.object({
  organizationId: z.uuid().optional(),
  categoryCode: z.coerce.number().int().min(1).max(9).optional(),
});
export type DashboardQuery = z.infer<typeof DashboardQuery>;

// ——— revisions ———

/** The revision to compare with: its predecessor unless another revision of the same year's plan is named. */
export const PlanDiffQuery = z.object({ from: z.uuid().optional() });
export type PlanDiffQuery = z.infer<typeof PlanDiffQuery>;

/** What a revision changed, each change worded in the reader's language (Accept-Language). */
export const PlanDiff = z.object({
  fromPlanId: z.uuid(),
  toPlanId: z.uuid(),
  fromRevision: z.number().int(),
  toRevision: z.number().int(),
  changes: z.array(z.object({ kind: z.string(), text: z.string() })),
});
export type PlanDiff = z.infer<typeof PlanDiff>;

// ——— dashboard ———

/** The same roll-up as `rollUpProgress` gives (progress-rollup.ts): counts by latest status and mean percent. */
export const ProgressRollupView = z.object({
  tasks: z.number().int(),
  byStatus: z.object({
    on_track: z.number().int(),
    delayed: z.number().int(),
    at_risk: z.number().int(),
    done: z.number().int(),
    not_reported: z.number().int(),
  }),
  meanPercentComplete: z.number().nullable(),
});
export type ProgressRollupView = z.infer<typeof ProgressRollupView>;

/** One cell of the task × quarter matrix (`matrixCell`), with the report's percent when there is one. */
export const MatrixCellView = z.discriminatedUnion('state', [
  z.object({
    quarter: Quarter,
    state: z.literal('reported'),
    status: ProgressStatus,
    late: z.boolean(),
    percentComplete: z.number().int(),
  }),
  z.object({ quarter: Quarter, state: z.enum(['not_due', 'due', 'overdue']) }),
]);
export type MatrixCellView = z.infer<typeof MatrixCellView>;

/**
 * `GET /api/plans/{id}/dashboard`: the plan's execution at a glance, for the tasks matching the filters (lead or
 * cooperating organization, category): roll-ups per category and for the whole, the task × quarter matrix, the
 * overdue reports and every KPI with its values against its target.
 */
export const PlanDashboard = z.object({
  planId: z.uuid(),
  year: z.number().int(),
  status: PlanStatus,
  /** The day the dashboard was computed, in Korea. */
  today: IsoDateString,
  filters: z.object({ organizationId: z.uuid().nullable(), categoryCode: z.number().int().nullable() }),
  plan: ProgressRollupView,
  categories: z.array(
    ProgressRollupView.extend({ code: CategoryCode, nameKo: z.string(), nameEn: z.string() }),
  ),
  matrix: z.array(
    z.object({
      task: z.object({
        id: z.uuid(),
        key: z.uuid(),
        code: z.string(),
        title: z.string(),
        categoryCode: CategoryCode,
        leadOrganization: OrgRef,
      }),
      cells: z.array(MatrixCellView),
    }),
  ),
  overdue: z.array(OverdueReport),
  kpis: z.array(z.object({ taskKey: z.uuid(), taskCode: z.string(), taskTitle: z.string(), kpi: KpiView })),
  /** Organizations that lead or cooperate on a task of the plan: the choices of the organization filter. */
  organizations: z.array(OrgRef),
});
export type PlanDashboard = z.infer<typeof PlanDashboard>;

// ——— reminders ———

/**
 * `GET /api/plan-reports/due`: the quarterly reports the caller's organization owes on the tasks it leads in
 * plans in execution and has not filed: those due (from the quarter's last day to its due day, `reportTimeliness`)
 * and the overdue ones — the reporter's reminder list.
 */
export const DueReport = z.object({
  plan: z.object({ id: z.uuid(), year: z.number().int(), titleKo: z.string(), titleEn: z.string() }),
  task: z.object({ id: z.uuid(), key: z.uuid(), code: z.string(), title: z.string() }),
  year: z.number().int(),
  quarter: Quarter,
  dueOn: IsoDateString,
  /** Days left until the due day: 0 on the day, negative once overdue. */
  daysLeft: z.number().int(),
  state: z.enum(['due', 'overdue']),
});
export type DueReport = z.infer<typeof DueReport>;
export const DueReportList = z.object({ items: z.array(DueReport) });

/**
 * `GET /api/plans/council-candidates` (plan managers): the users who may be invited to a consultation in their
 * own name — active users holding `plans.comment` — with their organization. Names and organizations only.
 */
export const CouncilCandidateList = z.object({
  items: z.array(z.object({ id: z.uuid(), displayName: z.string(), organization: OrgRef })),
});
export type CouncilCandidateList = z.infer<typeof CouncilCandidateList>;

// ——— evidence files ———

/**
 * What may be attached to a quarterly report as evidence (증빙자료): documents, spreadsheets and photos, by
 * extension and the content type each may be declared as. Browsers are loose about the declared type (a
 * `.hwp` often comes as `application/octet-stream`, empty or with a vendor's own type), so a few alternatives
 * are accepted; the extension decides, and the file is stored under the extension's own type.
 */
export const EVIDENCE_TYPES = {
  pdf: { contentType: 'application/pdf', accepted: ['application/pdf'] },
  png: { contentType: 'image/png', accepted: ['image/png'] },
  jpg: { contentType: 'image/jpeg', accepted: ['image/jpeg', 'image/pjpeg'] },
  jpeg: { contentType: 'image/jpeg', accepted: ['image/jpeg', 'image/pjpeg'] },
  xlsx: {
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    accepted: [
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'application/octet-stream',
    ],
  },
  docx: {
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    accepted: [
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'application/octet-stream',
    ],
  },
  hwp: {
    contentType: 'application/x-hwp',
    accepted: [
      'application/x-hwp',
      'application/haansofthwp',
      'application/vnd.hancom.hwp',
      'application/octet-stream',
      '',
    ],
  },
  hwpx: {
    contentType: 'application/hwp+zip',
    accepted: [
      'application/hwp+zip',
      'application/haansofthwpx',
      'application/vnd.hancom.hwpx',
      'application/octet-stream',
      '',
    ],
  },
  txt: { contentType: 'text/plain', accepted: ['text/plain'] },
} as const satisfies Record<string, { contentType: string; accepted: readonly string[] }>;
export type EvidenceExtension = keyof typeof EVIDENCE_TYPES;

/** The largest evidence file, decoded: a scanned 결과보고서 fits; a video does not. */
export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;

/** The file's extension if it is one evidence may have, else null. */
export function evidenceExtension(fileName: string): EvidenceExtension | null {
  const match = /\.([A-Za-z0-9]+)$/.exec(fileName.trim());
  const extension = match?.[1]?.toLowerCase();
  return extension && Object.hasOwn(EVIDENCE_TYPES, extension) ? (extension as EvidenceExtension) : null;
}

/**
 * The content type an evidence file is stored under, or null when its extension or its declared type is not
 * allowed. The declared type is compared without parameters (`text/plain; charset=utf-8`).
 */
export function evidenceContentType(fileName: string, declared: string): string | null {
  const extension = evidenceExtension(fileName);
  if (!extension) return null;
  const type = declared.split(';')[0]?.trim().toLowerCase() ?? '';
  const allowed: readonly string[] = EVIDENCE_TYPES[extension].accepted;
  return allowed.includes(type) ? EVIDENCE_TYPES[extension].contentType : null;
}

/** `POST /api/plans/{id}/tasks/{key}/evidence`: one file, base64, up to EVIDENCE_MAX_BYTES decoded. */
export const EvidenceUploadInput = z.object({
  fileName: z.string().trim().min(1).max(255),
  contentType: z.string().max(100),
  contentBase64: z.string().min(1),
});
export type EvidenceUploadInput = z.infer<typeof EvidenceUploadInput>;
