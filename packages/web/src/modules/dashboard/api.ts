import {
  type AppointmentChange,
  type AppointmentInput,
  AppointmentList,
  Dashboard,
  type Task,
  TaskList,
} from '@ieum/domain';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { request } from '../../platform/api';

export type DashboardData = ReturnType<typeof Dashboard.parse>;
export type TaskData = ReturnType<typeof TaskList.parse>['items'][number];
export type AppointmentData = ReturnType<typeof AppointmentList.parse>['items'][number];
export type AppointmentInputData = ReturnType<typeof AppointmentInput.parse>;
export type AppointmentChangeData = ReturnType<typeof AppointmentChange.parse>;
export type TaskKindData = Task['kind'];

export const TASK_PAGE_SIZE = 20;

export const dashboardKeys = {
  all: ['dashboard'] as const,
  summary: ['dashboard', 'summary'] as const,
  tasks: ['tasks'] as const,
  appointments: ['appointments'] as const,
};

export function useDashboard() {
  return useQuery({
    queryKey: dashboardKeys.summary,
    queryFn: ({ signal }) => request('/api/dashboard', { schema: Dashboard, signal }),
  });
}

/**
 * What the work list shows: `due` (reminder reached), `overdue`, `soon` (due within 30 days, overdue
 * included), every open task, or the completed ones.
 */
export type TaskFilter = 'due' | 'overdue' | 'soon' | 'open' | 'done';
export const TASK_FILTERS: readonly TaskFilter[] = ['due', 'overdue', 'soon', 'open', 'done'];
export const SOON_DAYS = 30;

export interface TaskListFilters {
  filter: TaskFilter;
  kind: TaskKindData | null;
  personId?: string;
  page: number;
  pageSize?: number;
}

export function taskQuery(filters: TaskListFilters) {
  return {
    view: filters.filter === 'soon' ? 'open' : filters.filter,
    dueWithinDays: filters.filter === 'soon' ? SOON_DAYS : undefined,
    kind: filters.kind ?? undefined,
    personId: filters.personId,
    page: filters.page,
    pageSize: filters.pageSize ?? TASK_PAGE_SIZE,
  };
}

export function useTaskList(filters: TaskListFilters) {
  return useQuery({
    queryKey: [...dashboardKeys.tasks, filters],
    queryFn: ({ signal }) => request('/api/tasks', { query: taskQuery(filters), schema: TaskList, signal }),
    placeholderData: keepPreviousData,
  });
}

/** Completing a task changes every list and count that holds it. */
export function useCompleteTask() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (task: { id: string; version: number }) =>
      request(`/api/tasks/${task.id}/complete`, { method: 'POST', body: { version: task.version } }),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: dashboardKeys.tasks });
      void queryClient.invalidateQueries({ queryKey: dashboardKeys.all });
    },
  });
}

export function usePersonAppointments(personId: string) {
  return useQuery({
    queryKey: [...dashboardKeys.appointments, 'person', personId],
    queryFn: ({ signal }) =>
      request('/api/appointments', { query: { personId, pageSize: 100 }, schema: AppointmentList, signal }),
  });
}

/** The actor's own appointments of one Seoul day (`YYYY-MM-DD`), for the home page. */
export function useMyAppointmentsOn(date: string, enabled: boolean) {
  const from = new Date(`${date}T00:00:00+09:00`);
  const to = new Date(from.getTime() + 86_400_000);
  return useQuery({
    queryKey: [...dashboardKeys.appointments, 'mine', date],
    queryFn: ({ signal }) =>
      request('/api/appointments', {
        query: { mine: true, from: from.toISOString(), to: to.toISOString(), pageSize: 100 },
        schema: AppointmentList,
        signal,
      }),
    enabled,
  });
}

function useInvalidateAppointments() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: dashboardKeys.appointments });
    void queryClient.invalidateQueries({ queryKey: dashboardKeys.all });
  };
}

export function useScheduleAppointment() {
  const invalidate = useInvalidateAppointments();
  return useMutation({
    mutationFn: (body: AppointmentInputData) => request('/api/appointments', { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

export function useChangeAppointment() {
  const invalidate = useInvalidateAppointments();
  return useMutation({
    mutationFn: ({ id, ...body }: AppointmentChangeData & { id: string }) =>
      request(`/api/appointments/${id}`, { method: 'PATCH', body }),
    // A stale version refreshes the list too, so the user sees what changed.
    onSettled: invalidate,
  });
}

/** `datetime-local` values are Seoul wall-clock time, whatever the browser's own zone. */
export function seoulInputToInstant(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return null;
  const instant = new Date(`${value}:00+09:00`);
  return Number.isNaN(instant.getTime()) ? null : instant.toISOString();
}

export function instantToSeoulInput(iso: string): string {
  const shifted = new Date(new Date(iso).getTime() + 9 * 3_600_000);
  return shifted.toISOString().slice(0, 16);
}
