import { type InsuredSpell, insuredSpells, wholeMonths } from '../benefits/insured-employment';
import type { IsoDate } from '../time/calendar';
import type { EmploymentRecord } from './schemas';

export interface TenureSpell extends InsuredSpell {
  /** Whole months worked in the spell, up to `asOf` while it goes on. */
  readonly months: number;
}

/**
 * Tenure at the same employer: records of one employer that follow on without a day's gap make one spell,
 * insured or not (the incentive counts only insured ones; retention counts all work). Newest spell first.
 */
export function tenureSpells(records: readonly EmploymentRecord[], asOf: IsoDate): TenureSpell[] {
  const all = records
    .filter((record) => record.start <= asOf)
    .map((record) => ({ ...record, insured: true }));
  return insuredSpells(all, '0001-01-01')
    .map((spell) => ({
      ...spell,
      months: wholeMonths(spell.start, spell.end === null || spell.end > asOf ? asOf : spell.end),
    }))
    .reverse();
}
