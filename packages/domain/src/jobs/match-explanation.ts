import type { MatchFactorResult } from './matching';
import { referenceLabel } from './reference';
import type { SeekerConstraint, WorkHours, WorkSchedule } from './schemas';

/**
 * Plain sentences for a match score, one per factor, in the order the score lists them. Korean is written as an
 * officer would say it to the person (합니다체); English is the working translation. Region and occupation names
 * stay out of the sentences: their labels are dated reference data the screen already shows beside them.
 */
export type ExplanationLocale = 'ko' | 'en';

export function explainMatch(explanation: readonly MatchFactorResult[], locale: ExplanationLocale): string[] {
  return explanation.map((factor) =>
    locale === 'ko'
      ? `${korean(factor)} (${pointsKo(factor.points)})`
      : `${english(factor)} (${pointsEn(factor.points)})`,
  );
}

function pointsKo(points: number): string {
  return points > 0 ? `+${points}점` : `${points}점`;
}

function pointsEn(points: number): string {
  return points > 0 ? `+${points} ${points === 1 ? 'point' : 'points'}` : `${points} points`;
}

/** 2,300,000 → "230만 원"; amounts that are not whole 만 are written out. */
export function krwKo(amount: number): string {
  return amount % 10_000 === 0
    ? `${(amount / 10_000).toLocaleString('ko-KR')}만 원`
    : `${amount.toLocaleString('ko-KR')}원`;
}

export function krwEn(amount: number): string {
  return `KRW ${amount.toLocaleString('en-US')}`;
}

/** Skills and certificates by their labels in the reference lists (reference.ts), not their codes. */
function listKo(items: readonly string[] | undefined, kind: 'skill' | 'certificate'): string {
  return `${items?.length ?? 0}개(${(items ?? []).map((code) => referenceLabel(kind, code, 'ko')).join(', ')})`;
}

function listEn(items: readonly string[] | undefined, kind: 'skill' | 'certificate'): string {
  return `${items?.length ?? 0} (${(items ?? []).map((code) => referenceLabel(kind, code, 'en')).join(', ')})`;
}

const HOURS_KO: Record<WorkHours | 'either', string> = {
  full_time: '전일제',
  part_time: '시간제',
  either: '무관',
};
const HOURS_EN: Record<WorkHours | 'either', string> = {
  full_time: 'full-time',
  part_time: 'part-time',
  either: 'either',
};
const SCHEDULE_KO: Record<WorkSchedule, string> = {
  day: '주간 근무',
  evening: '저녁 근무',
  night: '야간 근무',
  shift: '교대 근무',
};
const SCHEDULE_EN: Record<WorkSchedule, string> = {
  day: 'daytime work',
  evening: 'evening work',
  night: 'night work',
  shift: 'shift work',
};
const CONSTRAINT_KO: Record<SeekerConstraint, string> = {
  childcare: '자녀 돌봄(주간 근무 필요)',
  health: '건강(힘든 육체노동 불가)',
  disability: '장애(힘든 육체노동 불가)',
};
const CONSTRAINT_EN: Record<SeekerConstraint, string> = {
  childcare: 'childcare (needs daytime work)',
  health: 'health (no heavy physical work)',
  disability: 'disability (no heavy physical work)',
};

function korean(f: MatchFactorResult): string {
  const p = f.params;
  const noun = f.factor === 'certificates' ? '자격증' : '기술';
  const kind = f.factor === 'certificates' ? 'certificate' : 'skill';
  switch (f.code) {
    case 'occupation_exact':
      return '희망 직종과 구인 직종이 같습니다';
    case 'occupation_minor_group':
      return '희망 직종과 구인 직종이 같은 소분류에 속합니다';
    case 'occupation_major_group':
      return '희망 직종과 구인 직종이 같은 중분류에 속합니다';
    case 'occupation_other':
      return '희망 직종과 구인 직종이 다릅니다';
    case 'none_asked':
      return `이 일자리는 따로 요구하는 ${noun}이 없습니다`;
    case 'all_met':
      return `필수 ${noun}과 우대 ${noun}을 모두 갖추었습니다`;
    case 'required_met':
      return `필수 ${noun}은 모두 갖추었으나 우대 ${noun} ${listKo(p.missingPreferred, kind)}가 없습니다`;
    case 'required_missing':
      return `필수 ${noun} ${listKo(p.missingRequired, kind)}가 없습니다`;
    case 'same_region':
      return '거주지와 근무지가 같은 시·도입니다';
    case 'same_region_long_commute':
      return `거주지와 근무지가 같은 시·도이지만 예상 통근 시간(약 ${p.commuteMinutes}분)이 희망 통근 시간(${p.maxCommuteMinutes}분)보다 깁니다`;
    case 'willing_to_move':
      return '근무지가 이주를 희망하는 지역입니다';
    case 'neighbouring_region':
      return `근무지가 거주지와 인접한 시·도이며 예상 통근 시간(약 ${p.commuteMinutes}분)이 희망 통근 시간(${p.maxCommuteMinutes}분) 이내입니다`;
    case 'neighbouring_region_long_commute':
      return `근무지가 거주지와 인접한 시·도이지만 예상 통근 시간(약 ${p.commuteMinutes}분)이 희망 통근 시간(${p.maxCommuteMinutes}분)보다 깁니다`;
    case 'distant_region':
      return '근무지가 거주지에서 멀어 이주가 필요합니다';
    case 'hours_any':
      return '근무 형태(전일제·시간제)를 가리지 않습니다';
    case 'hours_match':
      return `근무 형태(${HOURS_KO[p.offeredHours ?? 'full_time']})가 희망과 같습니다`;
    case 'hours_mismatch':
      return `희망 근무 형태는 ${HOURS_KO[p.preferredHours ?? 'either']}인데 이 일자리는 ${HOURS_KO[p.offeredHours ?? 'full_time']}입니다`;
    case 'wage_not_stated':
      return '희망 임금을 정하지 않았습니다';
    case 'wage_meets':
      return `제시 임금(월 ${krwKo(p.wage ?? 0)})이 희망 임금(월 ${krwKo(p.expectedWage ?? 0)}) 이상입니다`;
    case 'wage_within_10_percent':
      return `제시 임금(월 ${krwKo(p.wage ?? 0)})이 희망 임금(월 ${krwKo(p.expectedWage ?? 0)})의 90% 이상입니다`;
    case 'wage_within_20_percent':
      return `제시 임금(월 ${krwKo(p.wage ?? 0)})이 희망 임금(월 ${krwKo(p.expectedWage ?? 0)})의 80% 이상입니다`;
    case 'wage_below':
      return `제시 임금(월 ${krwKo(p.wage ?? 0)})이 희망 임금(월 ${krwKo(p.expectedWage ?? 0)})의 80%에 못 미칩니다`;
    case 'constraints_none':
      return '고려할 근무 제약이 없습니다';
    case 'constraints_met':
      return '돌봄·건강 등 근무 제약을 모두 충족합니다';
    case 'constraints_unmet':
      return `이 일자리(${SCHEDULE_KO[p.schedule ?? 'day']})는 근무 제약을 충족하지 못합니다: ${(p.unmet ?? []).map((c) => CONSTRAINT_KO[c]).join(', ')}`;
    case 'korean_meets':
      return `한국어 수준(${p.koreanLevel}단계)이 요구 수준(${p.requiredKoreanLevel}단계) 이상입니다`;
    case 'korean_one_below':
      return `한국어 수준(${p.koreanLevel}단계)이 요구 수준(${p.requiredKoreanLevel}단계)보다 한 단계 낮습니다`;
    case 'korean_below':
      return `한국어 수준(${p.koreanLevel}단계)이 요구 수준(${p.requiredKoreanLevel}단계)보다 두 단계 이상 낮습니다`;
  }
}

function english(f: MatchFactorResult): string {
  const p = f.params;
  const noun = f.factor === 'certificates' ? 'certificates' : 'skills';
  const kind = f.factor === 'certificates' ? 'certificate' : 'skill';
  switch (f.code) {
    case 'occupation_exact':
      return 'The posting is for an occupation the person is looking for';
    case 'occupation_minor_group':
      return "The posting's occupation is in the same minor group as one the person is looking for";
    case 'occupation_major_group':
      return "The posting's occupation is in the same major group as one the person is looking for";
    case 'occupation_other':
      return "The posting's occupation is not one the person is looking for";
    case 'none_asked':
      return `The posting asks for no particular ${noun}`;
    case 'all_met':
      return `The person has all the required and preferred ${noun}`;
    case 'required_met':
      return `The person has all the required ${noun} but lacks ${listEn(p.missingPreferred, kind)} preferred`;
    case 'required_missing':
      return `The person lacks ${listEn(p.missingRequired, kind)} required ${noun}`;
    case 'same_region':
      return 'The workplace is in the province where the person lives';
    case 'same_region_long_commute':
      return `The workplace is in the same province, but the estimated commute (about ${p.commuteMinutes} min) is longer than the person's limit (${p.maxCommuteMinutes} min)`;
    case 'willing_to_move':
      return 'The workplace is in a region the person would move to';
    case 'neighbouring_region':
      return `The workplace is in a neighbouring province and the estimated commute (about ${p.commuteMinutes} min) is within the person's limit (${p.maxCommuteMinutes} min)`;
    case 'neighbouring_region_long_commute':
      return `The workplace is in a neighbouring province, but the estimated commute (about ${p.commuteMinutes} min) is longer than the person's limit (${p.maxCommuteMinutes} min)`;
    case 'distant_region':
      return 'The workplace is too far from home without moving';
    case 'hours_any':
      return 'The person takes full-time or part-time work';
    case 'hours_match':
      return `The job is ${HOURS_EN[p.offeredHours ?? 'full_time']}, as the person wishes`;
    case 'hours_mismatch':
      return `The person wants ${HOURS_EN[p.preferredHours ?? 'either']} work and the job is ${HOURS_EN[p.offeredHours ?? 'full_time']}`;
    case 'wage_not_stated':
      return 'The person has stated no wage expectation';
    case 'wage_meets':
      return `The wage (${krwEn(p.wage ?? 0)} a month) meets the expectation (${krwEn(p.expectedWage ?? 0)})`;
    case 'wage_within_10_percent':
      return `The wage (${krwEn(p.wage ?? 0)} a month) is at least 90% of the expectation (${krwEn(p.expectedWage ?? 0)})`;
    case 'wage_within_20_percent':
      return `The wage (${krwEn(p.wage ?? 0)} a month) is at least 80% of the expectation (${krwEn(p.expectedWage ?? 0)})`;
    case 'wage_below':
      return `The wage (${krwEn(p.wage ?? 0)} a month) is under 80% of the expectation (${krwEn(p.expectedWage ?? 0)})`;
    case 'constraints_none':
      return 'The person has no constraints to consider';
    case 'constraints_met':
      return "The job respects the person's constraints";
    case 'constraints_unmet':
      return `The job (${SCHEDULE_EN[p.schedule ?? 'day']}) does not respect: ${(p.unmet ?? []).map((c) => CONSTRAINT_EN[c]).join(', ')}`;
    case 'korean_meets':
      return `The person's Korean (level ${p.koreanLevel}) meets the required level ${p.requiredKoreanLevel}`;
    case 'korean_one_below':
      return `The person's Korean (level ${p.koreanLevel}) is one level below the required ${p.requiredKoreanLevel}`;
    case 'korean_below':
      return `The person's Korean (level ${p.koreanLevel}) is two or more levels below the required ${p.requiredKoreanLevel}`;
  }
}
