import type { EmploymentRecord } from '../jobs/schemas';
import { addDays, addMonths, type IsoDate, periodEnd } from '../time/calendar';

/**
 * Insured work as the employment incentive counts it: spells of continuous insured employment at one
 * employer, and the months of work at which each incentive line falls due.
 */
export interface InsuredSpell {
  readonly employerId: string;
  readonly start: IsoDate;
  /** Last day worked, inclusive; null while the job goes on. */
  readonly end: IsoDate | null;
}

/**
 * Insured records of the same employer that follow on without a day's gap (or overlap) make one spell.
 * Choice: a gap of a day or more starts a new spell, even at the same employer, since "6 months at the same
 * employer" is about continuous work; an uninsured record is no spell at all. Work before `notBefore` (the
 * protection decision) does not count.
 */
export function insuredSpells(records: readonly EmploymentRecord[], notBefore: IsoDate): InsuredSpell[] {
  const byEmployer = new Map<string, EmploymentRecord[]>();
  for (const record of records) {
    if (!record.insured || (record.end !== null && record.end < notBefore)) continue;
    byEmployer.set(record.employerId, [...(byEmployer.get(record.employerId) ?? []), record]);
  }
  const spells: InsuredSpell[] = [];
  for (const [employerId, list] of byEmployer) {
    list.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
    let current: { start: IsoDate; end: IsoDate | null } | null = null;
    for (const record of list) {
      if (current && (current.end === null || record.start <= addDays(current.end, 1))) {
        if (current.end !== null && (record.end === null || record.end > current.end))
          current.end = record.end;
        continue;
      }
      if (current) spells.push({ employerId, ...current });
      current = { start: record.start < notBefore ? notBefore : record.start, end: record.end };
    }
    if (current) spells.push({ employerId, ...current });
  }
  return spells.sort((a, b) =>
    a.start < b.start ? -1 : a.start > b.start ? 1 : a.employerId < b.employerId ? -1 : 1,
  );
}

/** Whole months from `start` to `end` inclusive: 2020-03-01..2020-08-31 is 6, ..2020-08-30 is 5. */
export function wholeMonths(start: IsoDate, end: IsoDate | null): number {
  if (end === null) return Number.POSITIVE_INFINITY;
  const [y1, m1] = start.split('-').map(Number) as [number, number];
  const [y2, m2] = end.split('-').map(Number) as [number, number];
  let months = Math.max(0, (y2 - y1) * 12 + (m2 - m1) + 1);
  while (months > 0 && periodEnd(start, months) > end) months--;
  return months;
}

export interface MilestoneReached {
  readonly months: number;
  /** The first day it can be claimed: the day after the months are complete. */
  readonly dueOn: IsoDate;
  readonly employerId: string;
  readonly spellStart: IsoDate;
}

export interface MilestoneProgress {
  /** Per milestone (in the order given), where and when it is reached, or null if the work recorded never does. */
  readonly reached: readonly (MilestoneReached | null)[];
  /** Whole months counted across qualifying spells that have ended. */
  readonly monthsCounted: number;
  /** Spells too short to count (under the minimum at one employer). */
  readonly shortSpells: readonly InsuredSpell[];
}

/**
 * Months of insured work add up across spells, counting only spells of at least `minimumMonths` at one
 * employer, and each line falls due at its total of months. Choice: a line is claimed from the employer
 * where its months are completed, so it also needs `minimumMonths` there: a person who moves on after 8 months
 * completes year 1 four months into the next job, but claims it at six. Months that overlap a spell already
 * counted are not counted twice. A spell still going on reaches every later line (the date is a projection).
 */
export function employmentMilestones(
  spells: readonly InsuredSpell[],
  milestoneMonths: readonly number[],
  minimumMonths: number,
): MilestoneProgress {
  const reached: (MilestoneReached | null)[] = milestoneMonths.map(() => null);
  const shortSpells: InsuredSpell[] = [];
  let counted = 0;
  let countedUntil: IsoDate | null = null;
  for (const spell of spells) {
    const spellMonths = wholeMonths(spell.start, spell.end);
    if (spellMonths < minimumMonths) {
      shortSpells.push(spell);
      continue;
    }
    const from =
      countedUntil !== null && countedUntil >= spell.start ? addDays(countedUntil, 1) : spell.start;
    if (spell.end !== null && from > spell.end) continue;
    const months = wholeMonths(from, spell.end);
    milestoneMonths.forEach((total, k) => {
      if (reached[k] || total - counted > months) return;
      const dueOn = maxDate(addMonths(from, total - counted), addMonths(spell.start, minimumMonths));
      reached[k] = { months: total, dueOn, employerId: spell.employerId, spellStart: spell.start };
    });
    if (spell.end === null) break;
    counted += months;
    countedUntil = countedUntil === null ? spell.end : maxDate(countedUntil, spell.end);
  }
  return { reached, monthsCounted: counted, shortSpells };
}

function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a > b ? a : b;
}
