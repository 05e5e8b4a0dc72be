import { describe, expect, it } from 'vitest';
import {
  isReportOverdue,
  quarterAt,
  quarterFirstDay,
  quarterLastDay,
  quarterOf,
  REPORT_DUE_DAYS_AFTER_QUARTER,
  reportDueDate,
  reportTimeliness,
  startedQuarters,
} from './quarters';

describe('quarters', () => {
  it('puts the first and last day of each quarter in it', () => {
    expect(quarterOf('2020-01-01')).toEqual({ year: 2020, quarter: 1 });
    expect(quarterOf('2020-03-31')).toEqual({ year: 2020, quarter: 1 });
    expect(quarterOf('2020-04-01')).toEqual({ year: 2020, quarter: 2 });
    expect(quarterOf('2020-09-30')).toEqual({ year: 2020, quarter: 3 });
    expect(quarterOf('2020-12-31')).toEqual({ year: 2020, quarter: 4 });
    expect(() => quarterOf('2020-13-01')).toThrow(RangeError);
  });

  it('reads an instant in Korea time: 31 March 15:00 UTC is already the second quarter', () => {
    expect(quarterAt(new Date('2020-03-31T14:59:59Z'))).toEqual({ year: 2020, quarter: 1 });
    expect(quarterAt(new Date('2020-03-31T15:00:00Z'))).toEqual({ year: 2020, quarter: 2 });
    expect(quarterAt(new Date('2020-12-31T15:00:00Z'))).toEqual({ year: 2021, quarter: 1 });
  });

  it('knows first and last days, leap years included', () => {
    expect(quarterFirstDay(2020, 3)).toBe('2020-07-01');
    expect(quarterLastDay(2020, 1)).toBe('2020-03-31');
    expect(quarterLastDay(2020, 2)).toBe('2020-06-30');
    expect(quarterLastDay(2020, 4)).toBe('2020-12-31');
  });

  it('makes a report due 10 days after its quarter, across the year end', () => {
    expect(REPORT_DUE_DAYS_AFTER_QUARTER).toBe(10);
    expect(reportDueDate(2020, 1)).toBe('2020-04-10');
    expect(reportDueDate(2020, 4)).toBe('2021-01-10');
  });

  it('counts a quarter as started from its first day', () => {
    expect(startedQuarters(2020, '2019-12-31')).toEqual([]);
    expect(startedQuarters(2020, '2020-03-31')).toEqual([1]);
    expect(startedQuarters(2020, '2020-04-01')).toEqual([1, 2]);
    expect(startedQuarters(2020, '2021-06-01')).toEqual([1, 2, 3, 4]);
  });

  it('is overdue from the day after the due date, not on it', () => {
    expect(isReportOverdue(2020, 1, '2020-04-10')).toBe(false);
    expect(isReportOverdue(2020, 1, '2020-04-11')).toBe(true);
  });

  it('tells where a report stands: not due, due, overdue, filed on time or late', () => {
    const q1 = { year: 2020, quarter: 1 as const };
    expect(reportTimeliness({ ...q1, today: '2020-03-30', filedOn: null })).toEqual({ state: 'not_due' });
    expect(reportTimeliness({ ...q1, today: '2020-03-31', filedOn: null })).toEqual({
      state: 'due',
      dueOn: '2020-04-10',
      daysLeft: 10,
    });
    expect(reportTimeliness({ ...q1, today: '2020-04-10', filedOn: null })).toEqual({
      state: 'due',
      dueOn: '2020-04-10',
      daysLeft: 0,
    });
    expect(reportTimeliness({ ...q1, today: '2020-04-13', filedOn: null })).toEqual({
      state: 'overdue',
      dueOn: '2020-04-10',
      daysOverdue: 3,
    });
    expect(reportTimeliness({ ...q1, today: '2020-05-01', filedOn: '2020-04-10' })).toEqual({
      state: 'filed',
      dueOn: '2020-04-10',
      late: false,
    });
    expect(reportTimeliness({ ...q1, today: '2020-05-01', filedOn: '2020-04-11' })).toMatchObject({
      late: true,
    });
  });
});
