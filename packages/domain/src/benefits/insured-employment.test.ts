import { describe, expect, it } from 'vitest';
import type { EmploymentRecord } from '../jobs/schemas';
import { employmentMilestones, insuredSpells, wholeMonths } from './insured-employment';

const job = (employerId: string, start: string, end: string | null, insured = true): EmploymentRecord => ({
  employerId,
  start,
  end,
  insured,
});

describe('wholeMonths', () => {
  it('counts a month only when its last day is worked', () => {
    expect(wholeMonths('2020-03-01', '2020-08-31')).toBe(6);
    expect(wholeMonths('2020-03-01', '2020-08-30')).toBe(5);
    expect(wholeMonths('2020-03-15', '2021-03-14')).toBe(12);
    expect(wholeMonths('2020-03-15', '2020-03-15')).toBe(0);
    expect(wholeMonths('2020-03-15', null)).toBe(Number.POSITIVE_INFINITY);
  });
});

describe('insuredSpells', () => {
  it('joins overlapping and adjoining insured records of one employer and drops uninsured ones', () => {
    const spells = insuredSpells(
      [
        job('A', '2020-06-01', '2020-12-31'),
        job('A', '2020-01-01', '2020-06-15'),
        job('A', '2021-01-01', null),
        job('B', '2020-02-01', '2020-03-01', false),
      ],
      '2019-01-01',
    );
    expect(spells).toEqual([{ employerId: 'A', start: '2020-01-01', end: null }]);
  });

  it('does not count work before the protection decision', () => {
    expect(
      insuredSpells(
        [job('A', '2019-01-01', '2020-06-30'), job('B', '2018-01-01', '2018-12-31')],
        '2019-03-01',
      ),
    ).toEqual([{ employerId: 'A', start: '2019-03-01', end: '2020-06-30' }]);
  });
});

describe('employmentMilestones', () => {
  it('does not count months twice when two jobs overlap', () => {
    const spells = insuredSpells(
      [job('A', '2020-01-01', '2020-12-31'), job('B', '2020-07-01', '2021-06-30')],
      '2019-01-01',
    );
    const progress = employmentMilestones(spells, [6, 12, 24], 6);
    // A gives 12 months; B adds only its months after A ended (2021-01-01..2021-06-30), 6 more: 18 in all.
    expect(progress.reached.map((r) => r?.dueOn ?? null)).toEqual(['2020-07-01', '2021-01-01', null]);
    expect(progress.monthsCounted).toBe(18);
  });
});
