import type { ConsentGap, ConsentPurpose, DataCategory } from '@ieum/domain';

type Text = { readonly ko: string; readonly en: string };

const CATEGORY: Record<DataCategory, Text> = {
  identity: { ko: '인적사항(성명·생년월일)', en: 'identity (name, birth date)' },
  contact: { ko: '연락처(전화·주소)', en: 'contact (phone, address)' },
  case_summary: { ko: '사례 요약(욕구 우선순위·목표)', en: 'case summary (priorities, goals)' },
  employment: { ko: '취업', en: 'employment' },
  education: { ko: '교육', en: 'education' },
  health: { ko: '건강', en: 'health' },
  legal: { ko: '법률', en: 'legal' },
};

export const PURPOSE: Record<ConsentPurpose, Text> = {
  employment_support: { ko: '취업 지원', en: 'employment support' },
  education_support: { ko: '교육 지원', en: 'education support' },
  legal_aid: { ko: '법률 지원', en: 'legal aid' },
  livelihood_support: { ko: '생계 지원', en: 'livelihood support' },
  housing_support: { ko: '주거 지원', en: 'housing support' },
  health_support: { ko: '의료·건강 지원', en: 'health support' },
};

function gapText(gap: ConsentGap, purpose: ConsentPurpose): Text {
  if (gap.startsWith('missing_category:')) {
    const category = CATEGORY[gap.slice('missing_category:'.length) as DataCategory];
    return { ko: `동의받지 않은 항목: ${category.ko}`, en: `no consent for ${category.en}` };
  }
  const simple = gap as Exclude<ConsentGap, `missing_category:${string}`>;
  switch (simple) {
    case 'no_consent':
      return { ko: '이 대상자의 정보 제공 동의가 없음', en: 'the person has given no consent to share data' };
    case 'not_yet_given':
      return { ko: '동의 시작일 전', en: 'the consent has not started yet' };
    case 'expired':
      return { ko: '동의 기간 만료', en: 'the consent has expired' };
    case 'withdrawn':
      return { ko: '동의 철회됨', en: 'the consent was withdrawn' };
    case 'other_recipient':
      return { ko: '받는 기관이 동의 범위 밖', en: 'the consent does not name this recipient' };
    case 'other_purpose':
      return {
        ko: `목적(${PURPOSE[purpose].ko})이 동의 범위 밖`,
        en: `the consent does not cover the purpose ${PURPOSE[purpose].en}`,
      };
    default: {
      const unknown: never = simple;
      return unknown;
    }
  }
}

/**
 * Says what a refused disclosure lacks, in both languages, naming categories and purpose but never the
 * person: "유효한 동의가 없습니다: 동의받지 않은 항목: 건강, 동의 기간 만료."
 */
export function describeConsentGaps(missing: readonly ConsentGap[], purpose: ConsentPurpose): Text {
  const parts = missing.map((gap) => gapText(gap, purpose));
  return {
    ko: `이 의뢰를 허용하는 유효한 동의가 없습니다: ${parts.map((p) => p.ko).join(', ')}.`,
    en: `No valid consent covers this referral: ${parts.map((p) => p.en).join('; ')}.`,
  };
}
