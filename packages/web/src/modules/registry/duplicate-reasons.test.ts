import { describe, expect, it } from 'vitest';
import { i18n } from '../../platform/i18n';
import { pointsText, reasonText } from './duplicate-reasons';

const ko = i18n.getFixedT('ko');
const en = i18n.getFixedT('en');

describe('duplicate reasons in plain words', () => {
  it.each([
    [{ code: 'rrn_equal', points: 100 }, '주민등록번호 일치'],
    [{ code: 'name_equal', points: 50 }, '이름 일치'],
    [{ code: 'name_similar', points: 46, similarity: 0.917 }, '이름 유사(자모 유사도 92%)'],
    [{ code: 'name_romanization', points: 43, similarity: 0.95 }, '로마자 표기 일치'],
    [{ code: 'birth_date_equal', points: 40 }, '생년월일 일치'],
    [{ code: 'birth_date_transposed', points: 20 }, '생년월일의 월·일이 뒤바뀜'],
    [{ code: 'birth_year_equal', points: 10 }, '출생연도 일치'],
    [{ code: 'sex_differs', points: -30 }, '성별 다름 (감점)'],
  ])('explains %o as "%s"', (reason, text) => {
    expect(reasonText(ko, reason)).toBe(text);
  });

  it('says which names met when a former name or alias matched', () => {
    expect(
      reasonText(ko, { code: 'name_equal', points: 45, names: { incoming: 'other', existing: 'current' } }),
    ).toBe('이름 일치 (입력한 다른 이름 ↔ 기존 기록의 이름)');
    expect(
      reasonText(en, {
        code: 'name_romanization',
        points: 40,
        names: { incoming: 'current', existing: 'other' },
      }),
    ).toBe("Same name in romanization (name entered ↔ record's other name)");
    expect(
      reasonText(ko, { code: 'name_equal', points: 50, names: { incoming: 'current', existing: 'current' } }),
    ).toBe('이름 일치');
  });

  it('names a reason it does not know by its code rather than hiding it', () => {
    expect(reasonText(ko, { code: 'phone_equal', points: 30 })).toBe('기타 근거 (phone_equal)');
  });

  it('signs the points', () => {
    expect(pointsText(ko, 46)).toBe('+46점');
    expect(pointsText(ko, -30)).toBe('−30점');
    expect(pointsText(en, 40)).toBe('+40 pts');
  });
});
