import { describe, expect, it } from 'vitest';
import { addDays, addMonths, addYears, daysBetween, isIsoDate, periodEnd, seoulDate } from './calendar';

describe('calendar arithmetic', () => {
  it('clamps to the end of a shorter month', () => {
    expect(addMonths('2020-01-31', 1)).toBe('2020-02-29');
    expect(addMonths('2021-01-31', 1)).toBe('2021-02-28');
    expect(addYears('2020-02-29', 1)).toBe('2021-02-28');
    expect(addYears('2020-02-29', 4)).toBe('2024-02-29');
  });

  it('crosses year boundaries both ways', () => {
    expect(addMonths('2020-11-15', 3)).toBe('2021-02-15');
    expect(addMonths('2021-02-15', -3)).toBe('2020-11-15');
    expect(addDays('2020-12-31', 1)).toBe('2021-01-01');
    expect(addDays('2021-03-01', -1)).toBe('2021-02-28');
  });

  it('ends a five-year period the day before the fifth anniversary', () => {
    expect(periodEnd('2020-03-15', 60)).toBe('2025-03-14');
    expect(periodEnd('2020-01-01', 60)).toBe('2024-12-31');
    expect(periodEnd('2020-02-29', 60)).toBe('2025-02-27');
  });

  it('counts days between dates', () => {
    expect(daysBetween('2020-02-28', '2020-03-01')).toBe(2);
    expect(daysBetween('2021-02-28', '2021-03-01')).toBe(1);
    expect(daysBetween('2021-03-01', '2021-02-28')).toBe(-1);
  });

  it('validates ISO dates including leap days', () => {
    expect(isIsoDate('2020-02-29')).toBe(true);
    expect(isIsoDate('2021-02-29')).toBe(false);
    expect(isIsoDate('2021-13-01')).toBe(false);
    expect(isIsoDate('21-01-01')).toBe(false);
  });

  it("gives Korea's date for an instant near midnight UTC", () => {
    expect(seoulDate(new Date('2020-12-31T14:59:59Z'))).toBe('2020-12-31');
    expect(seoulDate(new Date('2020-12-31T15:00:00Z'))).toBe('2021-01-01');
  });
});
