import { describe, expect, it } from 'vitest';
import { assessDuplicate, type PersonIdentity } from './duplicate-score';

const base: PersonIdentity = { name: '김영희', otherNames: [], birthDate: '1985-03-05', sex: 'female' };

describe('assessDuplicate', () => {
  it('is certain on an equal resident registration number, whatever else differs', () => {
    const result = assessDuplicate(base, { ...base, name: '박순자', birthDate: null }, true);
    expect(result).toEqual({ score: 100, level: 'certain', reasons: [{ code: 'rrn_equal', points: 100 }] });
  });

  it('rates the same name and birth date as likely, naming both reasons', () => {
    const result = assessDuplicate(base, base, false);
    expect(result.level).toBe('likely');
    expect(result.score).toBe(90);
    expect(result.reasons.map((r) => r.code)).toEqual(['name_equal', 'birth_date_equal']);
  });

  it('catches a one-vowel slip with the same birth date', () => {
    const result = assessDuplicate(base, { ...base, name: '김영혜' }, false);
    expect(result.reasons[0]?.code).toBe('name_similar');
    expect(result.level).toBe('likely');
  });

  it('matches a romanized former name against the Hangul name', () => {
    const existing: PersonIdentity = {
      name: '김하나',
      otherNames: ['Kim Young-hee'],
      birthDate: '1985-03-05',
      sex: 'female',
    };
    const result = assessDuplicate(base, existing, false);
    expect(result.reasons[0]).toMatchObject({
      code: 'name_romanization',
      names: { incoming: 'current', existing: 'other' },
    });
    expect(result.level).toBe('likely');
  });

  it('gives partial credit for swapped day and month', () => {
    const result = assessDuplicate(base, { ...base, birthDate: '1985-05-03' }, false);
    expect(result.reasons.map((r) => r.code)).toEqual(['name_equal', 'birth_date_transposed']);
    expect(result.level).toBe('possible');
  });

  it('counts a different sex against a match', () => {
    const result = assessDuplicate(base, { ...base, sex: 'male' }, false);
    expect(result.score).toBe(60);
    expect(result.reasons.at(-1)).toEqual({ code: 'sex_differs', points: -30 });
  });

  it('leaves different people unlikely', () => {
    const other: PersonIdentity = { name: '박철수', otherNames: [], birthDate: '1970-11-20', sex: 'male' };
    expect(assessDuplicate(base, other, false)).toMatchObject({ level: 'unlikely', score: 0 });
  });

  it('never reaches certainty without the registration number', () => {
    expect(assessDuplicate(base, base, false).score).toBeLessThan(100);
  });
});
