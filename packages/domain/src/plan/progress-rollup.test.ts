import { describe, expect, it } from 'vitest';
import { matrixCell, rollUpProgress } from './progress-rollup';

describe('rollUpProgress', () => {
  it('counts tasks by latest status per category and for the plan, unreported apart from 0 %', () => {
    const result = rollUpProgress([
      { categoryCode: 2, latest: { status: 'on_track', percentComplete: 40 } },
      { categoryCode: 1, latest: { status: 'done', percentComplete: 100 } },
      { categoryCode: 1, latest: { status: 'delayed', percentComplete: 15 } },
      { categoryCode: 1, latest: null },
    ]);
    expect(result.plan).toEqual({
      tasks: 4,
      byStatus: { on_track: 1, delayed: 1, at_risk: 0, done: 1, not_reported: 1 },
      meanPercentComplete: 51.7,
    });
    expect(result.categories.map((c) => [c.code, c.tasks, c.meanPercentComplete])).toEqual([
      [1, 3, 57.5],
      [2, 1, 40],
    ]);
  });

  it('has no mean when nobody has reported', () => {
    expect(rollUpProgress([{ categoryCode: 1, latest: null }]).plan.meanPercentComplete).toBeNull();
    expect(rollUpProgress([]).categories).toEqual([]);
  });
});

describe('matrixCell', () => {
  it('shows a filed report with its status, and an unfiled one as not due, due or overdue', () => {
    const q1 = { year: 2020, quarter: 1 as const };
    expect(matrixCell({ ...q1, today: '2020-02-01', report: null })).toEqual({ state: 'not_due' });
    expect(matrixCell({ ...q1, today: '2020-04-10', report: null })).toEqual({ state: 'due' });
    expect(matrixCell({ ...q1, today: '2020-04-11', report: null })).toEqual({ state: 'overdue' });
    expect(
      matrixCell({ ...q1, today: '2020-05-01', report: { status: 'at_risk', filedOn: '2020-04-12' } }),
    ).toEqual({
      state: 'reported',
      status: 'at_risk',
      late: true,
    });
  });
});
