import { describe, expect, it } from 'vitest';
import { tenureSpells } from './tenure';

describe('tenureSpells', () => {
  it('joins records of one employer that follow on, counts uninsured work, and cuts an ongoing spell at asOf', () => {
    const spells = tenureSpells(
      [
        { employerId: 'a', start: '2024-01-01', end: '2024-03-31', insured: false },
        { employerId: 'a', start: '2024-04-01', end: null, insured: true },
        { employerId: 'b', start: '2023-01-01', end: '2023-06-29', insured: true },
      ],
      '2024-12-31',
    );
    expect(spells).toEqual([
      { employerId: 'a', start: '2024-01-01', end: null, months: 12 },
      { employerId: 'b', start: '2023-01-01', end: '2023-06-29', months: 5 },
    ]);
  });

  it('starts a new spell after a gap of a day at the same employer', () => {
    const spells = tenureSpells(
      [
        { employerId: 'a', start: '2024-01-01', end: '2024-01-31', insured: true },
        { employerId: 'a', start: '2024-02-02', end: '2024-02-29', insured: true },
      ],
      '2024-12-31',
    );
    expect(spells.map((s) => s.months)).toEqual([0, 1]);
  });

  it('leaves out work that starts after asOf', () => {
    expect(
      tenureSpells([{ employerId: 'a', start: '2025-01-01', end: null, insured: true }], '2024-12-31'),
    ).toEqual([]);
  });
});
