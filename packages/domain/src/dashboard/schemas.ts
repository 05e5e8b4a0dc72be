import { z } from 'zod';
import { CaseStatus } from '../cases/lifecycle';

const Count = z.number().int().min(0);

/** One's own work: what the actor answers for, counted for their today (Asia/Seoul). */
export const MyWorkSummary = z.object({
  tasksDueToday: Count,
  /** Due from today through the next six days. */
  tasksDueThisWeek: Count,
  tasksOverdue: Count,
  /** Scheduled appointments of the actor today; null for roles that keep no appointments. */
  appointmentsToday: Count.nullable(),
  /** Persons of one's caseload (or scope) whose protection period ends within three months. */
  protectionEndingSoon: Count,
});

const Worker = z.object({ id: z.uuid().nullable(), displayName: z.string().nullable() });

/** A Hana Center's whole caseload, for its manager. Counts only: staff names, never a person's. */
export const CenterSummary = z.object({
  casesByStatus: z.array(z.object({ status: CaseStatus, count: Count })),
  caseloadByWorker: z.array(
    Worker.extend({ openCases: Count, byStatus: z.partialRecord(CaseStatus, Count) }),
  ),
  /** Overdue tasks and missed appointments by the worker carrying the person's case (null: no open case). */
  overdueByWorker: z.array(Worker.extend({ overdueTasks: Count, overdueAppointments: Count })),
});

/** A municipality's residents and the half-year reports the residence officer owes. */
export const MunicipalitySummary = z.object({
  residents: Count,
  reportsDue: Count,
  reportsOverdue: Count,
});

export const Dashboard = z.object({
  today: z.string(),
  myWork: MyWorkSummary,
  center: CenterSummary.nullable(),
  municipality: MunicipalitySummary.nullable(),
});
export type Dashboard = z.infer<typeof Dashboard>;
