import { describe, expect, it } from 'vitest';
import { median, ms, percentile, ratio, table } from './stats';

describe('bench statistics', () => {
  it('takes nearest-rank percentiles of unsorted samples', () => {
    const samples = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];
    expect(percentile(samples, 50)).toBe(5);
    expect(percentile(samples, 95)).toBe(10);
    expect(percentile(samples, 99)).toBe(10);
    expect(percentile(samples, 0)).toBe(1);
    expect(median([3, 1, 2])).toBe(2);
    expect(percentile([], 50)).toBeNaN();
  });

  it('formats durations and ratios', () => {
    expect(ms(1234.4)).toBe('1,234 ms');
    expect(ms(12.34)).toBe('12.3 ms');
    expect(ms(0.456)).toBe('0.46 ms');
    expect(ratio(30, 10)).toBe('3.0×');
    expect(ratio(1, 0)).toBe('');
    expect(ratio(1, 40)).toBe('0.03×');
  });

  it('aligns table columns', () => {
    const text = table(
      ['a', 'value'],
      [
        ['long name', '1'],
        ['x', '1000'],
      ],
      'lr',
    );
    expect(text.split('\n')).toEqual([
      `a${' '.repeat(10)}value`,
      '---------  -----',
      `long name${' '.repeat(6)}1`,
      `x${' '.repeat(11)}1000`,
    ]);
  });
});
