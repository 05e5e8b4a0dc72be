import {
  type AlertClosing,
  AlertDetail,
  type AlertLevel,
  AlertList,
  type AlertQuery,
  CaseWorkerList,
  type ContactInput,
  PersonProtection,
  type ProtectionProfileInput,
  ProtectionReport,
  ScreeningRunList,
  ScreeningRunView,
  type ServiceInput,
  SignalImportView,
  SignalTypeList,
  type StaffSignalInput,
  SurveyCheckList,
  type SurveyCheckResult,
  type SurveyCheckView,
  SurveyRoundCreated,
  type SurveyRoundInput,
  SurveyRoundList,
  SurveyRoundView,
} from '@ieum/domain';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { request } from '../../platform/api';
import { fileToBase64 } from '../imports/api';

export type AlertListData = ReturnType<typeof AlertList.parse>;
export type AlertItemData = AlertListData['items'][number];
export type AlertDetailData = ReturnType<typeof AlertDetail.parse>;
export type PersonProtectionData = ReturnType<typeof PersonProtection.parse>;
export type SignalData = PersonProtectionData['signals'][number];
export type SignalTypeData = ReturnType<typeof SignalTypeList.parse>['items'][number];
export type ScreeningRunData = ReturnType<typeof ScreeningRunView.parse>;
export type SignalImportData = ReturnType<typeof SignalImportView.parse>;
export type SignalImportRowData = NonNullable<SignalImportData['rows']>[number];
export type SurveyRoundData = ReturnType<typeof SurveyRoundView.parse>;
export type SurveyCheckData = ReturnType<typeof SurveyCheckView.parse>;
export type ProtectionReportData = ReturnType<typeof ProtectionReport.parse>;

export const ALERT_PAGE_SIZE = 25;
export const CHECK_PAGE_SIZE = 25;
/** How often the progress bar asks how far a running signal import has got. */
export const PROGRESS_POLL_MS = 500;
export { MAX_FILE_BYTES as MAX_SIGNAL_FILE_BYTES } from '../imports/api';

export const protectionKeys = {
  all: ['protection'] as const,
  alerts: (filters: AlertFilters) => ['protection', 'alerts', filters] as const,
  alert: (id: string) => ['protection', 'alert', id] as const,
  person: (personId: string) => ['protection', 'person', personId] as const,
  signalTypes: ['protection', 'signal-types'] as const,
  screenings: ['protection', 'screenings'] as const,
  workers: ['protection', 'workers'] as const,
  signalImport: (id: string) => ['protection', 'signal-import', id] as const,
  surveys: ['protection', 'surveys'] as const,
  survey: (id: string) => ['protection', 'survey', id] as const,
  checks: (roundId: string, filters: CheckFilters) => ['protection', 'checks', roundId, filters] as const,
  report: (from: string, to: string) => ['protection', 'report', from, to] as const,
};

const path = (...segments: string[]) => segments.map((segment) => encodeURIComponent(segment)).join('/');

// ——— alerts ———

export interface AlertFilters {
  status: AlertQuery['status'];
  level: AlertLevel | null;
  assignee: AlertQuery['assignee'];
  overdue: boolean;
  page: number;
}

export function useAlerts(filters: AlertFilters) {
  return useQuery({
    queryKey: protectionKeys.alerts(filters),
    queryFn: ({ signal }) =>
      request('/api/protection/alerts', {
        query: {
          status: filters.status,
          level: filters.level ?? undefined,
          assignee: filters.assignee,
          overdue: filters.overdue ? 'true' : undefined,
          page: filters.page,
          pageSize: ALERT_PAGE_SIZE,
        },
        schema: AlertList,
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

export function useAlert(id: string, enabled: boolean) {
  return useQuery({
    queryKey: protectionKeys.alert(id),
    queryFn: ({ signal }) => request(`/api/protection/alerts/${path(id)}`, { schema: AlertDetail, signal }),
    enabled,
    // Findings are sealed at rest: keep them in memory only while the page shows them.
    gcTime: 0,
  });
}

const alertPath = (id: string, action: string) => `/api/protection/alerts/${path(id)}/${action}`;

export function takeAlert(id: string, version: number): Promise<void> {
  return request(alertPath(id, 'take'), { method: 'POST', body: { version } });
}

export function assignAlert(id: string, input: { assigneeId: string; version: number }): Promise<void> {
  return request(alertPath(id, 'assign'), { method: 'POST', body: input });
}

export function recordContact(id: string, input: ContactInput): Promise<void> {
  return request(alertPath(id, 'contacts'), { method: 'POST', body: input });
}

export function recordService(id: string, input: ServiceInput): Promise<void> {
  return request(alertPath(id, 'services'), { method: 'POST', body: input });
}

export function closeAlert(id: string, input: AlertClosing): Promise<void> {
  return request(alertPath(id, 'close'), { method: 'POST', body: input });
}

/** The workers of the reader's center an alert or a survey check can be given to (the cases module's list). */
export function useAssignableWorkers(enabled: boolean) {
  return useQuery({
    queryKey: protectionKeys.workers,
    queryFn: ({ signal }) => request('/api/cases/workers', { schema: CaseWorkerList, signal }),
    enabled,
    staleTime: 5 * 60_000,
  });
}

// ——— screening ———

export function useScreeningRuns(enabled: boolean) {
  return useQuery({
    queryKey: protectionKeys.screenings,
    queryFn: ({ signal }) => request('/api/protection/screenings', { schema: ScreeningRunList, signal }),
    enabled,
  });
}

export function runScreening(): Promise<ScreeningRunData> {
  return request('/api/protection/screenings', { method: 'POST', schema: ScreeningRunView });
}

// ——— a person's protection ———

export function usePersonProtection(personId: string) {
  return useQuery({
    queryKey: protectionKeys.person(personId),
    queryFn: ({ signal }) =>
      request(`/api/persons/${path(personId)}/protection`, { schema: PersonProtection, signal }),
  });
}

export function saveProfile(personId: string, input: ProtectionProfileInput): Promise<void> {
  return request(`/api/persons/${path(personId)}/protection-profile`, { method: 'PUT', body: input });
}

export function recordStaffSignal(input: StaffSignalInput): Promise<void> {
  return request('/api/protection/staff-signals', { method: 'POST', body: input });
}

export function useSignalTypes() {
  return useQuery({
    queryKey: protectionKeys.signalTypes,
    queryFn: ({ signal }) => request('/api/protection/signal-types', { schema: SignalTypeList, signal }),
    staleTime: 60 * 60_000,
  });
}

// ——— signal file import ———

/** The file goes up as the cohort import's does: its name and its bytes in base64. */
export async function uploadSignalFile(file: File): Promise<SignalImportData> {
  return request('/api/protection/signal-imports', {
    method: 'POST',
    body: { fileName: file.name, contentBase64: await fileToBase64(file) },
    schema: SignalImportView,
  });
}

export function commitSignalImport(id: string, onlyValid: boolean): Promise<SignalImportData> {
  return request(`/api/protection/signal-imports/${path(id)}/commit`, {
    method: 'POST',
    body: { onlyValid },
    schema: SignalImportView,
  });
}

export function cancelSignalImport(id: string): Promise<void> {
  return request(`/api/protection/signal-imports/${path(id)}/cancel`, { method: 'POST' });
}

/** The import's state, asked every half second while it runs (and not at all otherwise). */
export function useSignalImportProgress(id: string | null, running: boolean) {
  return useQuery({
    queryKey: protectionKeys.signalImport(id ?? ''),
    queryFn: ({ signal }) =>
      request(`/api/protection/signal-imports/${path(id ?? '')}`, { schema: SignalImportView, signal }),
    enabled: id !== null && running,
    refetchInterval: running ? PROGRESS_POLL_MS : false,
  });
}

// ——— survey rounds ———

export function useSurveyRounds() {
  return useQuery({
    queryKey: protectionKeys.surveys,
    queryFn: ({ signal }) => request('/api/protection/surveys', { schema: SurveyRoundList, signal }),
  });
}

export function createSurveyRound(input: SurveyRoundInput): Promise<{ id: string; selected: number }> {
  return request('/api/protection/surveys', { method: 'POST', body: input, schema: SurveyRoundCreated });
}

export function useSurveyRound(id: string, enabled: boolean) {
  return useQuery({
    queryKey: protectionKeys.survey(id),
    queryFn: ({ signal }) =>
      request(`/api/protection/surveys/${path(id)}`, { schema: SurveyRoundView, signal }),
    enabled,
  });
}

export interface CheckFilters {
  assignee: 'me' | 'unassigned' | 'any';
  status: 'pending' | 'done' | 'all';
  page: number;
}

export function useSurveyChecks(roundId: string, filters: CheckFilters, enabled: boolean) {
  return useQuery({
    queryKey: protectionKeys.checks(roundId, filters),
    queryFn: ({ signal }) =>
      request(`/api/protection/surveys/${path(roundId)}/checks`, {
        query: {
          assignee: filters.assignee,
          status: filters.status === 'all' ? undefined : filters.status,
          page: filters.page,
          pageSize: CHECK_PAGE_SIZE,
        },
        schema: SurveyCheckList,
        signal,
      }),
    enabled,
    placeholderData: keepPreviousData,
  });
}

export function assignSurveyCheck(id: string, input: { assigneeId: string; version: number }): Promise<void> {
  return request(`/api/protection/survey-checks/${path(id)}/assign`, { method: 'POST', body: input });
}

export function recordSurveyCheck(id: string, input: SurveyCheckResult): Promise<void> {
  return request(`/api/protection/survey-checks/${path(id)}/result`, { method: 'POST', body: input });
}

// ——— reports ———

export function useProtectionReport(from: string, to: string) {
  return useQuery({
    queryKey: protectionKeys.report(from, to),
    queryFn: ({ signal }) =>
      request('/api/protection/reports', { query: { from, to }, schema: ProtectionReport, signal }),
    placeholderData: keepPreviousData,
  });
}
