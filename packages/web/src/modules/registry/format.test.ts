import { describe, expect, it } from 'vitest';
import { formatPhone, formatRrn } from './format';

describe('identity formatting', () => {
  it('writes registration numbers with the hyphen and leaves masked ones alone', () => {
    expect(formatRrn('8503052123456')).toBe('850305-2123456');
    expect(formatRrn('850305-2******')).toBe('850305-2******');
  });

  it('groups mobile, Seoul and other landline numbers as people write them', () => {
    expect(formatPhone('01012345678')).toBe('010-1234-5678');
    expect(formatPhone('0212345678')).toBe('02-1234-5678');
    expect(formatPhone('021234567')).toBe('02-123-4567');
    expect(formatPhone('0311234567')).toBe('031-123-4567');
    expect(formatPhone('***-****-5678')).toBe('***-****-5678');
  });
});
