import { describe, expect, it } from 'vitest';
import { groupSecret } from './api';

describe('groupSecret', () => {
  it('splits a base32 secret into groups of four', () => {
    expect(groupSecret('JBSWY3DPEHPK3PXPAB')).toBe('JBSW Y3DP EHPK 3PXP AB');
    expect(groupSecret('JBSW Y3DP')).toBe('JBSW Y3DP');
  });
});
