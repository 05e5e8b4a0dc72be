import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatMonth, previousMonthInSeoul } from './format';

describe('dates shown in Asia/Seoul', () => {
  it('shows a UTC instant in Korean time, crossing midnight', () => {
    // 15:30 UTC on 31 Dec is 00:30 on 1 Jan in Seoul (UTC+9).
    expect(formatDateTime('2024-12-31T15:30:00Z', 'ko')).toBe('2025. 01. 01. 00:30:00');
    expect(formatDateTime('2024-12-31T15:30:00Z', 'en')).toBe('01/01/2025, 00:30:00');
    expect(formatDate('2024-12-31T15:30:00Z', 'ko')).toBe('2025. 01. 01.');
  });

  it('leaves a value that is not a date as it is', () => {
    expect(formatDateTime('not a date', 'ko')).toBe('not a date');
  });

  it('formats a review month without shifting it', () => {
    expect(formatMonth('2025-03', 'ko')).toBe('2025년 3월');
    expect(formatMonth('2025-03', 'en')).toBe('March 2025');
  });

  it('finds the previous month by the Korean calendar', () => {
    // 1 Mar 00:30 in Seoul is still 28 Feb in UTC: the previous month is February, not January.
    expect(previousMonthInSeoul(new Date('2025-02-28T15:30:00Z'))).toBe('2025-02');
    expect(previousMonthInSeoul(new Date('2025-01-10T00:00:00Z'))).toBe('2024-12');
  });
});
