import { describe, expect, it } from 'vitest';
import { halfYearReports, protectionPeriod, STATUTORY_RULES, statutoryTimeline } from './statutory-timeline';

const rule = STATUTORY_RULES[0] as (typeof STATUTORY_RULES)[number];

describe('protection periods', () => {
  it('runs five years from the decision, ending the day before the anniversary', () => {
    expect(protectionPeriod('2020-03-15', 60, [])).toEqual({ start: '2020-03-15', end: '2025-03-14' });
  });

  it('adds every extension to the end', () => {
    const extensions = [
      { months: 12, decidedOn: '2024-12-01' },
      { months: 6, decidedOn: '2025-11-01' },
    ];
    expect(protectionPeriod('2020-03-15', 60, extensions).end).toBe('2026-09-14');
  });
});

describe('statutoryTimeline', () => {
  const facts = {
    protectionDecisionDate: '2020-03-15',
    hanawonCompletionDate: '2020-06-10',
    residenceStartDate: '2020-06-20',
    residenceExtensions: [],
    safetyExtensions: [],
  };

  it('reminds the residence officer three months before residence protection ends', () => {
    const item = statutoryTimeline(facts).find((i) => i.kind === 'residence_protection_end');
    expect(item).toMatchObject({ dueOn: '2025-03-14', remindOn: '2024-12-14', role: 'residence_officer' });
  });

  it('extends only the period that was extended', () => {
    const items = statutoryTimeline({
      ...facts,
      residenceExtensions: [{ months: 12, decidedOn: '2024-12-01' }],
    });
    expect(items.find((i) => i.kind === 'residence_protection_end')?.dueOn).toBe('2026-03-14');
    expect(items.find((i) => i.kind === 'safety_protection_end')?.dueOn).toBe('2025-03-14');
  });

  it('gives the Hana Center thirty days after Hanawon for initial education', () => {
    const item = statutoryTimeline(facts).find((i) => i.kind === 'initial_education');
    expect(item).toMatchObject({ dueOn: '2020-07-10', role: 'case_worker' });
  });

  it('omits initial education when the Hanawon completion date is unknown', () => {
    expect(
      statutoryTimeline({ ...facts, hanawonCompletionDate: null }).some(
        (i) => i.kind === 'initial_education',
      ),
    ).toBe(false);
  });

  it('returns items in due-date order with unique keys', () => {
    const items = statutoryTimeline(facts);
    const dues = items.map((i) => i.dueOn);
    expect([...dues].sort()).toEqual(dues);
    expect(new Set(items.map((i) => i.key)).size).toBe(items.length);
  });
});

describe('half-year reports', () => {
  it('are due on the 20th of the month after each half, for five years', () => {
    const reports = halfYearReports('2020-06-20', rule);
    expect(reports[0]).toMatchObject({
      key: 'half_year_report:2020-H1',
      dueOn: '2020-07-20',
      periodStart: '2020-06-20',
      periodEnd: '2020-06-30',
    });
    expect(reports[1]).toMatchObject({ key: 'half_year_report:2020-H2', dueOn: '2021-01-20' });
    // The period runs to 2025-06-19, inside 2025-H1: that half is the last, cut at the period's end.
    expect(reports.at(-1)).toMatchObject({
      key: 'half_year_report:2025-H1',
      dueOn: '2025-07-20',
      periodEnd: '2025-06-19',
    });
    expect(reports).toHaveLength(11);
  });

  it('starting on 1 July begins with the second half of that year', () => {
    const reports = halfYearReports('2021-07-01', rule);
    expect(reports[0]?.key).toBe('half_year_report:2021-H2');
    expect(reports.at(-1)).toMatchObject({ key: 'half_year_report:2026-H1', periodEnd: '2026-06-30' });
    expect(reports).toHaveLength(10);
  });

  it('starting on 1 January gives exactly ten halves', () => {
    const reports = halfYearReports('2020-01-01', rule);
    expect(reports).toHaveLength(10);
    expect(reports.at(-1)).toMatchObject({ key: 'half_year_report:2024-H2', dueOn: '2025-01-20' });
  });
});
