import type { AssessmentInput, CaseStatus, GoalInput, GoalUpdate, NoteInput } from '@ieum/domain';
import { CaseDetail, CaseList, CaseSummary, CaseWorkerList } from '@ieum/domain';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { request } from '../../platform/api';

export type CaseDetailData = ReturnType<typeof CaseDetail.parse>;
export type CaseSummaryData = ReturnType<typeof CaseList.parse>['items'][number];
export type GoalData = CaseDetailData['goals'][number];
export type AssessmentData = CaseDetailData['assessments'][number];
export type AssessmentInputData = ReturnType<typeof AssessmentInput.parse>;
export type GoalInputData = ReturnType<typeof GoalInput.parse>;
export type GoalUpdateData = ReturnType<typeof GoalUpdate.parse>;
export type NoteInputData = ReturnType<typeof NoteInput.parse>;

/** What the creating endpoints answer: the new row's id. */
const Created = CaseSummary.pick({ id: true });

export const CASE_PAGE_SIZE = 20;

export const caseKeys = {
  all: ['cases'] as const,
  list: (filters: CaseFilters) => ['cases', 'list', filters] as const,
  ofPerson: (personId: string) => ['cases', 'person', personId] as const,
  detail: (id: string) => ['cases', 'detail', id] as const,
  workers: ['cases', 'workers'] as const,
};

export interface CaseFilters {
  status: CaseStatus | null;
  mine: boolean;
  page: number;
}

export function useCaseList(filters: CaseFilters) {
  return useQuery({
    queryKey: caseKeys.list(filters),
    queryFn: ({ signal }) =>
      request('/api/cases', {
        query: {
          status: filters.status ?? undefined,
          mine: filters.mine ? 'true' : undefined,
          page: filters.page,
          pageSize: CASE_PAGE_SIZE,
        },
        schema: CaseList,
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

/** A person's cases in the reader's caseload, newest first (at most one is open per center). */
export function usePersonCases(personId: string) {
  return useQuery({
    queryKey: caseKeys.ofPerson(personId),
    queryFn: ({ signal }) =>
      request('/api/cases', { query: { personId, pageSize: 20 }, schema: CaseList, signal }),
  });
}

export function useCase(id: string | null) {
  return useQuery({
    queryKey: caseKeys.detail(id ?? ''),
    queryFn: ({ signal }) =>
      request(`/api/cases/${encodeURIComponent(id ?? '')}`, { schema: CaseDetail, signal }),
    enabled: id !== null,
    // Notes and summaries are sealed at rest: keep them in memory only while the tab shows them.
    gcTime: 0,
  });
}

export function useCaseWorkers(enabled: boolean) {
  return useQuery({
    queryKey: caseKeys.workers,
    queryFn: ({ signal }) => request('/api/cases/workers', { schema: CaseWorkerList, signal }),
    enabled,
  });
}

export function openCase(input: { personId: string; assignedWorkerId?: string }): Promise<{ id: string }> {
  return request('/api/cases', { method: 'POST', body: input, schema: Created });
}

export function transitionCase(
  caseId: string,
  input: { to: CaseStatus; reason?: string; version: number },
): Promise<void> {
  return request(`/api/cases/${encodeURIComponent(caseId)}/transition`, { method: 'POST', body: input });
}

export function assignCase(
  caseId: string,
  input: { assignedWorkerId: string; version: number },
): Promise<void> {
  return request(`/api/cases/${encodeURIComponent(caseId)}/assign`, { method: 'POST', body: input });
}

export function addNote(caseId: string, input: NoteInputData): Promise<{ id: string }> {
  return request(`/api/cases/${encodeURIComponent(caseId)}/notes`, {
    method: 'POST',
    body: input,
    schema: Created,
  });
}

export function recordAssessment(caseId: string, input: AssessmentInputData): Promise<{ id: string }> {
  return request(`/api/cases/${encodeURIComponent(caseId)}/assessments`, {
    method: 'POST',
    body: input,
    schema: Created,
  });
}

export function addGoal(caseId: string, input: GoalInputData): Promise<{ id: string }> {
  return request(`/api/cases/${encodeURIComponent(caseId)}/goals`, {
    method: 'POST',
    body: input,
    schema: Created,
  });
}

export function updateGoal(caseId: string, goalId: string, input: GoalUpdateData): Promise<void> {
  return request(`/api/cases/${encodeURIComponent(caseId)}/goals/${encodeURIComponent(goalId)}`, {
    method: 'PATCH',
    body: input,
  });
}
