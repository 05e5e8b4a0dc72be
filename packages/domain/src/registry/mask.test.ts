import { describe, expect, it } from 'vitest';
import { maskName, maskPhone } from './mask';

describe('maskName', () => {
  it('keeps the first and last syllables of Korean names', () => {
    expect(maskName('김영희')).toBe('김*희');
    expect(maskName('남궁민수')).toBe('남**수');
    expect(maskName('이준')).toBe('이*');
    expect(maskName('박')).toBe('*');
  });

  it('keeps first letters of romanized names', () => {
    expect(maskName('Kim Young-hee')).toBe('K** Y********');
  });

  it('masks phone numbers to the last four digits', () => {
    expect(maskPhone('010-1234-5678')).toBe('***-****-5678');
    expect(maskPhone('12')).toBe('****');
  });
});
