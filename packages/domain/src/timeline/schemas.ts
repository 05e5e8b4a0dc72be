import { z } from 'zod';
import { Role } from '../platform/roles';

export const TASK_STATUSES = ['open', 'done', 'cancelled'] as const;
export const TaskStatus = z.enum(TASK_STATUSES);

export const TaskKind = z.enum([
  'residence_protection_end',
  'safety_protection_end',
  'employment_protection_end',
  'initial_education',
  'half_year_report',
  /** A check on a placement at 1, 3, 6 and 12 months (jobs/pipeline.ts); `period.start` is the first day of work. */
  'retention_check',
  /** Work ended before the next employment-incentive threshold: talk to the person before the next job. */
  'employment_ended_early',
  'manual',
]);

export const Task = z.object({
  id: z.uuid(),
  person: z.object({ id: z.uuid(), code: z.string(), maskedName: z.string() }),
  source: z.enum(['statutory', 'manual']),
  kind: TaskKind,
  /** For statutory tasks, the period the item concerns (e.g. the half-year a report covers). */
  periodStart: z.string().nullable(),
  periodEnd: z.string().nullable(),
  organizationName: z.string().nullable(),
  role: Role.nullable(),
  dueOn: z.string(),
  remindOn: z.string(),
  status: TaskStatus,
  /** Computed for the viewer's today (Asia/Seoul). */
  overdue: z.boolean(),
  version: z.number().int(),
});
export type Task = z.infer<typeof Task>;

export const TaskQuery = z.object({
  /** `due`: open tasks whose reminder date has come (what needs attention now); `overdue`: past due; `all`: open ones. */
  view: z.enum(['due', 'overdue', 'open', 'done']).default('due'),
  personId: z.uuid().optional(),
  kind: TaskKind.optional(),
  /** Narrows to tasks due on or before this many days from today (overdue ones included). */
  dueWithinDays: z.coerce.number().int().min(0).max(366).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(50),
});
export const TaskList = z.object({ items: z.array(Task), total: z.number().int() });
export const TaskCompletion = z.object({ version: z.number().int() });
