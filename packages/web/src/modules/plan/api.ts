import {
  type CategoryUpdateInput,
  type CommentInput,
  type CommentResolutionInput,
  CommentView,
  ConsultationView,
  type ConsultationWriteInput,
  CouncilCandidateList,
  DueReportList,
  EvidenceFileRef,
  KpiValueView,
  MasterPlanList,
  OrganizationList,
  OrganizationSummary,
  OverdueReportList,
  type PlanCreateInput,
  PlanDashboard,
  PlanDetail,
  PlanDiff,
  type PlanImportCommitInput,
  PlanImportPreview,
  PlanImportResult,
  type PlanImportUpload,
  PlanList,
  type PlanStatus,
  type PlanUpdateInput,
  type ProgressReportInput,
  ProgressReportView,
  type Quarter,
  type RevisionCreateInput,
  type TaskWriteInput,
} from '@ieum/domain';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { buildUrl, request } from '../../platform/api';

export type PlanListData = ReturnType<typeof PlanList.parse>;
export type PlanListItemData = PlanListData['items'][number];
export type PlanDetailData = ReturnType<typeof PlanDetail.parse>;
export type CategoryData = PlanDetailData['categories'][number];
export type TaskData = CategoryData['tasks'][number];
export type KpiData = TaskData['kpis'][number];
export type KpiValueData = ReturnType<typeof KpiValueView.parse>;
export type ConsultationData = ReturnType<typeof ConsultationView.parse>;
export type CommentData = ReturnType<typeof CommentView.parse>;
export type ProgressReportData = ReturnType<typeof ProgressReportView.parse>;
export type DashboardData = ReturnType<typeof PlanDashboard.parse>;
export type DueReportData = ReturnType<typeof DueReportList.parse>['items'][number];
export type DiffData = ReturnType<typeof PlanDiff.parse>;
export type ImportPreviewData = ReturnType<typeof PlanImportPreview.parse>;
export type ImportResultData = ReturnType<typeof PlanImportResult.parse>;
export type MasterPlanData = ReturnType<typeof MasterPlanList.parse>['items'][number];
export type CouncilCandidateData = ReturnType<typeof CouncilCandidateList.parse>['items'][number];
export type OrganizationData = ReturnType<typeof OrganizationSummary.parse>;

export type {
  CategoryUpdateInput,
  CommentInput,
  CommentResolutionInput,
  ConsultationWriteInput,
  PlanCreateInput,
  PlanImportCommitInput,
  PlanImportUpload,
  PlanUpdateInput,
  ProgressReportInput,
  RevisionCreateInput,
  TaskWriteInput,
};

export interface DashboardFilters {
  organizationId: string | null;
  categoryCode: number | null;
}

/** Query keys: everything about one plan sits under `['plans', id]`, so a change can refresh it all at once. */
export const planKeys = {
  all: ['plans'] as const,
  list: (revisions: 'latest' | 'all') => ['plans', 'list', revisions] as const,
  masterPlans: ['plans', 'master-plans'] as const,
  plan: (id: string) => ['plans', id] as const,
  detail: (id: string) => ['plans', id, 'detail'] as const,
  dashboard: (id: string, filters: DashboardFilters) => ['plans', id, 'dashboard', filters] as const,
  consultation: (id: string) => ['plans', id, 'consultation'] as const,
  diff: (id: string, from: string | null) => ['plans', id, 'diff', from] as const,
  reports: (id: string, taskKey: string) => ['plans', id, 'reports', taskKey] as const,
  overdue: (id: string) => ['plans', id, 'overdue'] as const,
  kpiRegions: (id: string, kpiKey: string, quarter: Quarter) =>
    ['plans', id, 'kpi-regions', kpiKey, quarter] as const,
  councilCandidates: ['plans', 'council-candidates'] as const,
  organizations: ['plans', 'organizations'] as const,
  due: ['plans', 'due-reports'] as const,
};

const path = (...segments: string[]) => segments.map((segment) => encodeURIComponent(segment)).join('/');
const planPath = (id: string, ...rest: string[]) => `/api/plans/${path(id, ...rest)}`;

/** `GET /api/reference/organizations`: the server declares this shape inline, the domain has no name for it. */
const ReferenceOrganizations = OrganizationList.omit({ total: true }).extend({
  items: OrganizationSummary.array(),
});
const KpiRegionList = z.object({ items: z.array(KpiValueView) });
const ProgressReportList = z.object({ items: z.array(ProgressReportView) });

// ——— plans ———

export function usePlans(revisions: 'latest' | 'all' = 'latest', year?: number) {
  return useQuery({
    queryKey: [...planKeys.list(revisions), year ?? null],
    queryFn: ({ signal }) => request('/api/plans', { query: { revisions, year }, schema: PlanList, signal }),
  });
}

export function useMasterPlans(enabled = true) {
  return useQuery({
    queryKey: planKeys.masterPlans,
    queryFn: ({ signal }) => request('/api/master-plans', { schema: MasterPlanList, signal }),
    enabled,
  });
}

export function createPlan(input: PlanCreateInput): Promise<PlanDetailData> {
  return request('/api/plans', { method: 'POST', body: input, schema: PlanDetail });
}

/** A malformed id in the address is answered on the page, without asking the server. */
export function usePlan(id: string, enabled = true) {
  return useQuery({
    queryKey: planKeys.detail(id),
    queryFn: ({ signal }) => request(planPath(id), { schema: PlanDetail, signal }),
    enabled,
  });
}

export function updatePlan(id: string, input: PlanUpdateInput): Promise<PlanDetailData> {
  return request(planPath(id), { method: 'PUT', body: input, schema: PlanDetail });
}

export function updateCategory(
  id: string,
  code: number,
  input: CategoryUpdateInput,
): Promise<PlanDetailData> {
  return request(planPath(id, 'categories', String(code)), {
    method: 'PUT',
    body: input,
    schema: PlanDetail,
  });
}

export function saveTask(id: string, key: string, input: TaskWriteInput): Promise<PlanDetailData> {
  return request(planPath(id, 'tasks', key), { method: 'PUT', body: input, schema: PlanDetail });
}

export function removeTask(id: string, key: string, version: number): Promise<PlanDetailData> {
  return request(planPath(id, 'tasks', key), { method: 'DELETE', query: { version }, schema: PlanDetail });
}

export function transitionPlan(id: string, to: PlanStatus, version: number): Promise<PlanDetailData> {
  return request(planPath(id, 'transitions'), { method: 'POST', body: { to, version }, schema: PlanDetail });
}

export function startRevision(id: string, input: RevisionCreateInput): Promise<PlanDetailData> {
  return request(planPath(id, 'revisions'), { method: 'POST', body: input, schema: PlanDetail });
}

/** What the revision changed against its predecessor (or `from`), worded in the UI's language by the server. */
export function usePlanDiff(id: string, from: string | null, enabled = true) {
  return useQuery({
    queryKey: planKeys.diff(id, from),
    queryFn: ({ signal }) =>
      request(planPath(id, 'diff'), { query: { from: from ?? undefined }, schema: PlanDiff, signal }),
    enabled,
  });
}

export function useDashboard(id: string, filters: DashboardFilters) {
  return useQuery({
    queryKey: planKeys.dashboard(id, filters),
    queryFn: ({ signal }) =>
      request(planPath(id, 'dashboard'), {
        query: {
          organizationId: filters.organizationId ?? undefined,
          categoryCode: filters.categoryCode ?? undefined,
        },
        schema: PlanDashboard,
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

export function useKpiRegions(id: string, kpiKey: string, quarter: Quarter | null) {
  return useQuery({
    queryKey: planKeys.kpiRegions(id, kpiKey, quarter ?? 1),
    queryFn: ({ signal }) =>
      request(planPath(id, 'kpis', kpiKey, 'regions'), { query: { quarter }, schema: KpiRegionList, signal }),
    enabled: quarter !== null,
  });
}

// ——— consultation ———

export function useConsultation(id: string) {
  return useQuery({
    queryKey: planKeys.consultation(id),
    queryFn: ({ signal }) => request(planPath(id, 'consultation'), { schema: ConsultationView, signal }),
  });
}

export function setConsultation(id: string, input: ConsultationWriteInput): Promise<ConsultationData> {
  return request(planPath(id, 'consultation'), { method: 'PUT', body: input, schema: ConsultationView });
}

export function commentOnPlan(id: string, input: CommentInput): Promise<CommentData> {
  return request(planPath(id, 'comments'), { method: 'POST', body: input, schema: CommentView });
}

export function declareNoComment(id: string): Promise<void> {
  return request(planPath(id, 'no-comment'), { method: 'POST', body: { noComment: true } });
}

export function resolveComment(commentId: string, input: CommentResolutionInput): Promise<CommentData> {
  return request(`/api/plans/comments/${path(commentId)}/resolution`, {
    method: 'POST',
    body: input,
    schema: CommentView,
  });
}

export function useCouncilCandidates(enabled: boolean) {
  return useQuery({
    queryKey: planKeys.councilCandidates,
    queryFn: ({ signal }) =>
      request('/api/plans/council-candidates', { schema: CouncilCandidateList, signal }),
    enabled,
    staleTime: 5 * 60_000,
  });
}

/** Every active organization: the leads, cooperating organizations and invitees are chosen among them. */
export function useOrganizations(enabled = true) {
  return useQuery({
    queryKey: planKeys.organizations,
    queryFn: async ({ signal }) =>
      (await request('/api/reference/organizations', { schema: ReferenceOrganizations, signal })).items,
    enabled,
    staleTime: 5 * 60_000,
  });
}

// ——— execution ———

export function useTaskReports(id: string, taskKey: string) {
  return useQuery({
    queryKey: planKeys.reports(id, taskKey),
    queryFn: ({ signal }) =>
      request(planPath(id, 'tasks', taskKey, 'reports'), { schema: ProgressReportList, signal }),
  });
}

export function fileProgressReport(
  id: string,
  taskKey: string,
  input: ProgressReportInput,
): Promise<ProgressReportData> {
  return request(planPath(id, 'tasks', taskKey, 'reports'), {
    method: 'POST',
    body: input,
    schema: ProgressReportView,
  });
}

export function useOverdueReports(id: string) {
  return useQuery({
    queryKey: planKeys.overdue(id),
    queryFn: ({ signal }) => request(planPath(id, 'overdue-reports'), { schema: OverdueReportList, signal }),
  });
}

/** The reports the reader's organization owes now: the reminder list on the home page. */
export function useDueReports(enabled: boolean) {
  return useQuery({
    queryKey: planKeys.due,
    queryFn: ({ signal }) => request('/api/plan-reports/due', { schema: DueReportList, signal }),
    enabled,
  });
}

// ——— files ———

export function previewImport(id: string, input: PlanImportUpload): Promise<ImportPreviewData> {
  return request(planPath(id, 'import', 'preview'), {
    method: 'POST',
    body: input,
    schema: PlanImportPreview,
  });
}

export function commitImport(id: string, input: PlanImportCommitInput): Promise<ImportResultData> {
  return request(planPath(id, 'import', 'commit'), { method: 'POST', body: input, schema: PlanImportResult });
}

/** A file's bytes as base64, in slices so a large file does not overflow the call stack. */
async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Uploads an evidence file for a task; the report cites the returned reference. */
export async function uploadEvidence(id: string, taskKey: string, file: File): Promise<EvidenceFileRef> {
  return request(planPath(id, 'tasks', taskKey, 'evidence'), {
    method: 'POST',
    body: { fileName: file.name, contentType: file.type, contentBase64: await base64Of(file) },
    schema: EvidenceFileRef,
  });
}

/** Where an evidence file is downloaded from: a plain link, the server names the file. */
export function evidenceUrl(fileId: string): string {
  return buildUrl(`/api/plans/evidence/${encodeURIComponent(fileId)}`);
}

export const IMPORT_TEMPLATE_URL = '/api/plans/import-template.xlsx';

export type ExportKind = 'plan' | 'consultation' | 'status-report';

/** Where a file is downloaded from: a plain link, so the browser saves it with the server's file name. */
export function exportUrl(id: string, kind: ExportKind, format: 'xlsx' | 'pdf', quarter?: Quarter): string {
  const base = kind === 'plan' ? planPath(id, `export.${format}`) : planPath(id, kind, `export.${format}`);
  return buildUrl(base, quarter === undefined ? undefined : { quarter });
}
