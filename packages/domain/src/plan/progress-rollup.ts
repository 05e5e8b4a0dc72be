import { compareDates, type IsoDate } from '../time/calendar';
import { type Quarter, reportDueDate, reportTimeliness } from './quarters';
import type { ProgressStatus } from './schemas';

/**
 * Roll-ups of the quarterly reports for the dashboard: per category and for the whole plan, how many tasks
 * stand where on their latest report and their mean percent complete; and the cell of the task × quarter
 * matrix. A task with no report yet is counted apart, never as 0 % (that would read as "nothing done").
 */
export interface TaskProgress {
  readonly categoryCode: number;
  readonly latest: { readonly status: ProgressStatus; readonly percentComplete: number } | null;
}

export interface ProgressRollup {
  readonly tasks: number;
  readonly byStatus: Readonly<Record<ProgressStatus | 'not_reported', number>>;
  /** Mean percent complete of the tasks with a report, one decimal; null when none has reported. */
  readonly meanPercentComplete: number | null;
}

function rollup(tasks: readonly TaskProgress[]): ProgressRollup {
  const byStatus = { on_track: 0, delayed: 0, at_risk: 0, done: 0, not_reported: 0 };
  let sum = 0;
  let reported = 0;
  for (const task of tasks) {
    if (task.latest === null) {
      byStatus.not_reported += 1;
      continue;
    }
    byStatus[task.latest.status] += 1;
    sum += task.latest.percentComplete;
    reported += 1;
  }
  const meanPercentComplete = reported === 0 ? null : Math.round((sum / reported) * 10) / 10;
  return { tasks: tasks.length, byStatus, meanPercentComplete };
}

/** The whole plan, and each category that has tasks, by code. */
export function rollUpProgress(tasks: readonly TaskProgress[]): {
  readonly plan: ProgressRollup;
  readonly categories: readonly ({ readonly code: number } & ProgressRollup)[];
} {
  const codes = [...new Set(tasks.map((t) => t.categoryCode))].sort((a, b) => a - b);
  return {
    plan: rollup(tasks),
    categories: codes.map((code) => ({ code, ...rollup(tasks.filter((t) => t.categoryCode === code)) })),
  };
}

export type MatrixCell =
  | { readonly state: 'reported'; readonly status: ProgressStatus; readonly late: boolean }
  | { readonly state: 'not_due' | 'due' | 'overdue' };

/** One cell of the task × quarter matrix on `today`. */
export function matrixCell(options: {
  readonly year: number;
  readonly quarter: Quarter;
  readonly today: IsoDate;
  readonly report: { readonly status: ProgressStatus; readonly filedOn: IsoDate } | null;
}): MatrixCell {
  const { year, quarter, today, report } = options;
  if (report !== null) {
    return {
      state: 'reported',
      status: report.status,
      late: compareDates(report.filedOn, reportDueDate(year, quarter)) > 0,
    };
  }
  const timeliness = reportTimeliness({ year, quarter, today, filedOn: null });
  // Unfiled, so never 'filed'; the check keeps the compiler honest.
  return { state: timeliness.state === 'filed' ? 'due' : timeliness.state };
}
