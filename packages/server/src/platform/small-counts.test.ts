import { describe, expect, it } from 'vitest';
import { suppress, suppressEach, suppressGroup } from './small-counts';

describe('small-cell suppression', () => {
  it('hides 1 to 4 and keeps 0 and 5 or more', () => {
    expect([0, 1, 4, 5, 120].map(suppress)).toEqual([0, null, null, 5, 120]);
  });

  it('hides the smallest other non-zero cell when one hidden cell could be subtracted from the total', () => {
    expect(suppressGroup([3, 6, 0, 9])).toEqual([null, null, 0, 9]);
    expect(suppressGroup([7, 0, 2, 12, 7])).toEqual([null, 0, null, 12, 7]);
  });

  it('needs no complement when two cells are hidden already, or when the hidden cell is the only one', () => {
    expect(suppressGroup([3, 2, 8])).toEqual([null, null, 8]);
    expect(suppressGroup([0, 3, 0])).toEqual([0, null, 0]);
    expect(suppressGroup([5, 6, 0])).toEqual([5, 6, 0]);
  });

  it('suppresses a record cell by cell when its total is not published', () => {
    expect(suppressEach({ supported: 3, moved_away: 5, deceased: 0 })).toEqual({
      supported: null,
      moved_away: 5,
      deceased: 0,
    });
  });
});
