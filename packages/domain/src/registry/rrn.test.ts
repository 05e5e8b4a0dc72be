import { describe, expect, it } from 'vitest';
import { maskRrn, parseRrn } from './rrn';

describe('parseRrn', () => {
  it('reads birth date and sex, accepting a valid legacy check digit', () => {
    const result = parseRrn('900101-2123456');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.birthDate).toBe('1990-01-01');
    expect(result.value.sex).toBe('female');
    expect(result.value.digits).toBe('9001012123456');
  });

  it('computes the legacy check digit: 11 - (weighted sum mod 11), mod 10', () => {
    // 8501011 12345 ?: sum = 8*2+5*3+0*4+1*5+0*6+1*7+1*8+1*9+2*2+3*3+4*4+5*5 = 16+15+0+5+0+7+8+9+4+9+16+25 = 114
    // 114 mod 11 = 4 → 11-4 = 7
    expect(parseRrn('850101-1123457')).toMatchObject({ ok: true, value: { legacyChecksumValid: true } });
    expect(parseRrn('850101-1123458')).toMatchObject({ ok: true, value: { legacyChecksumValid: false } });
  });

  it('places the century by the seventh digit', () => {
    expect(parseRrn('0503153000000')).toMatchObject({
      ok: true,
      value: { birthDate: '2005-03-15', sex: 'male' },
    });
    expect(parseRrn('0503151000000')).toMatchObject({ ok: true, value: { birthDate: '1905-03-15' } });
    expect(parseRrn('0503156000000')).toMatchObject({
      ok: true,
      value: { foreignResident: true, sex: 'female' },
    });
  });

  it('refuses impossible birth dates, including 29 February outside leap years', () => {
    expect(parseRrn('000229-3000000')).toMatchObject({ ok: true });
    expect(parseRrn('010229-3000000')).toEqual({ ok: false, problem: 'birth_date' });
    expect(parseRrn('901301-1000000')).toEqual({ ok: false, problem: 'birth_date' });
  });

  it('refuses wrong lengths and letters', () => {
    expect(parseRrn('900101-212345')).toEqual({ ok: false, problem: 'format' });
    expect(parseRrn('900101-21234a6')).toEqual({ ok: false, problem: 'format' });
  });

  it('masks all but the birth date and sex digit', () => {
    expect(maskRrn('9001012123456')).toBe('900101-2******');
  });
});
