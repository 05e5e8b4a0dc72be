import { z } from 'zod';
import { addDays, compareDates, daysBetween, type IsoDate, seoulDate } from '../time/calendar';

/**
 * Quarters of a calendar year as the ministry reports them (1/4분기 = January-March), on Korean dates. A
 * quarter's report is due a fixed number of days after the quarter ends; the plan's quarterly reports, the
 * reminders and the overdue lists all count from here.
 */
export const QUARTERS = [1, 2, 3, 4] as const;
export const Quarter = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);
export type Quarter = z.infer<typeof Quarter>;

/** A year that plans are made for: the first master plans date from 2009; 2100 keeps typos out. */
export const PlanYear = z.number().int().min(2000).max(2100);

export interface YearQuarter {
  readonly year: number;
  readonly quarter: Quarter;
}

/**
 * Days after a quarter's last day by which its progress report is due (inclusive): the report of 1/4분기 is
 * due on 10 April. One named constant, so that changing the ministry's deadline is one reviewed line.
 */
export const REPORT_DUE_DAYS_AFTER_QUARTER = 10;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** The quarter a Korean calendar date falls in. */
export function quarterOf(date: IsoDate): YearQuarter {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  if (!Number.isInteger(year) || !(month >= 1 && month <= 12))
    throw new RangeError(`not an ISO date: ${date}`);
  return { year, quarter: (Math.floor((month - 1) / 3) + 1) as Quarter };
}

/** The quarter an instant falls in, in Korea time (31 Mar 15:00 UTC is already 1 April in Seoul). */
export function quarterAt(instant: Date): YearQuarter {
  return quarterOf(seoulDate(instant));
}

export function quarterFirstDay(year: number, quarter: Quarter): IsoDate {
  return `${String(year).padStart(4, '0')}-${pad((quarter - 1) * 3 + 1)}-01`;
}

export function quarterLastDay(year: number, quarter: Quarter): IsoDate {
  const next = quarter === 4 ? quarterFirstDay(year + 1, 1) : quarterFirstDay(year, (quarter + 1) as Quarter);
  return addDays(next, -1);
}

/** The last day on which the quarter's report is on time. */
export function reportDueDate(year: number, quarter: Quarter): IsoDate {
  return addDays(quarterLastDay(year, quarter), REPORT_DUE_DAYS_AFTER_QUARTER);
}

/** Whether the quarter has begun on `today` (its first day counts): a report may be filed from then on. */
export function quarterHasStarted(year: number, quarter: Quarter, today: IsoDate): boolean {
  return compareDates(quarterFirstDay(year, quarter), today) <= 0;
}

/** The quarters of `year` that have begun on `today`, in order (none before the year, all four after it). */
export function startedQuarters(year: number, today: IsoDate): Quarter[] {
  return QUARTERS.filter((quarter) => quarterHasStarted(year, quarter, today));
}

export function compareQuarters(a: YearQuarter, b: YearQuarter): number {
  return a.year - b.year || a.quarter - b.quarter;
}

export type ReportTimeliness =
  | { readonly state: 'not_due' }
  | { readonly state: 'due'; readonly dueOn: IsoDate; readonly daysLeft: number }
  | { readonly state: 'overdue'; readonly dueOn: IsoDate; readonly daysOverdue: number }
  | { readonly state: 'filed'; readonly dueOn: IsoDate; readonly late: boolean };

/**
 * Where a quarter's report stands on `today`: not due before the quarter ends, due from its last day to the
 * due date (inclusive), overdue after; once filed, whether it came in late. `filedOn` is the Korean date of
 * the first filing.
 */
export function reportTimeliness(options: {
  readonly year: number;
  readonly quarter: Quarter;
  readonly today: IsoDate;
  readonly filedOn: IsoDate | null;
}): ReportTimeliness {
  const { year, quarter, today, filedOn } = options;
  const dueOn = reportDueDate(year, quarter);
  if (filedOn !== null) return { state: 'filed', dueOn, late: compareDates(filedOn, dueOn) > 0 };
  if (compareDates(today, quarterLastDay(year, quarter)) < 0) return { state: 'not_due' };
  if (compareDates(today, dueOn) <= 0) return { state: 'due', dueOn, daysLeft: daysBetween(today, dueOn) };
  return { state: 'overdue', dueOn, daysOverdue: daysBetween(dueOn, today) };
}

/** Whether a report not yet filed is overdue on `today` (the day after its due date and later). */
export function isReportOverdue(year: number, quarter: Quarter, today: IsoDate): boolean {
  return compareDates(today, reportDueDate(year, quarter)) > 0;
}
