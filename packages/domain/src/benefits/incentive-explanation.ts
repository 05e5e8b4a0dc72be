import { josa } from 'es-hangul';
import { type ExplanationLocale, krwEn, krwKo } from '../jobs/match-explanation';
import type { IncentiveLine, IncentiveReason } from './incentive-lines';
import type { IncentiveLineKind } from './schemas';

/**
 * Plain sentences for one incentive line: first what the person can expect, then one sentence per reason.
 * Korean as an officer would write it in a notice (합니다체); English is the working translation.
 */
export const INCENTIVE_LABELS: Record<IncentiveLineKind, { readonly ko: string; readonly en: string }> = {
  employment_year1_first: { ko: '취업장려금 1년차 1차분', en: 'Employment incentive, year 1 (first part)' },
  employment_year1_rest: { ko: '취업장려금 1년차 잔여분', en: 'Employment incentive, year 1 (rest)' },
  employment_year2: { ko: '취업장려금 2년차', en: 'Employment incentive, year 2' },
  employment_year3: { ko: '취업장려금 3년차', en: 'Employment incentive, year 3' },
  training_hours: { ko: '직업훈련장려금', en: 'Training incentive' },
  training_one_year_course: {
    ko: '직업훈련장려금 1년 과정 가산금',
    en: 'Training incentive, one-year course supplement',
  },
  certificate: { ko: '자격취득장려금', en: 'Certificate incentive' },
};

const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

export function dateKo(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return `${year}년 ${month}월 ${day}일`;
}

export function dateEn(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return `${day} ${MONTHS_EN[(month ?? 1) - 1]} ${year}`;
}

export function explainIncentiveLine(line: IncentiveLine, locale: ExplanationLocale): string[] {
  return [headline(line, locale), ...line.reasons.map((reason) => sentence(reason, locale))];
}

function headline(line: IncentiveLine, locale: ExplanationLocale): string {
  const label = INCENTIVE_LABELS[line.kind][locale];
  const due = line.dueOn ?? '';
  if (locale === 'ko') {
    switch (line.status) {
      case 'paid':
        return `${label} ${krwKo(line.amount)}은 이미 지급되었습니다.`;
      case 'due':
        return `${label} ${krwKo(line.amount)}은 ${dateKo(due)}부터 신청할 수 있습니다.`;
      case 'upcoming':
        return `${label} ${krwKo(line.amount)}은 ${dateKo(due)}부터 신청할 수 있게 됩니다.`;
      case 'ineligible':
        return `${josa(label, '은/는')} 지급 대상이 아닙니다.`;
    }
  }
  switch (line.status) {
    case 'paid':
      return `${label}: ${krwEn(line.amount)} has been paid.`;
    case 'due':
      return `${label}: ${krwEn(line.amount)} can be claimed from ${dateEn(due)}.`;
    case 'upcoming':
      return `${label}: ${krwEn(line.amount)} can be claimed from ${dateEn(due)}.`;
    case 'ineligible':
      return `${label}: not payable.`;
  }
}

function sentence(reason: IncentiveReason, locale: ExplanationLocale): string {
  const p = reason.params;
  const text = (key: string) => String(p[key] ?? '');
  const krw = (key: string) => (locale === 'ko' ? krwKo : krwEn)(Number(p[key] ?? 0));
  const date = (key: string) => (locale === 'ko' ? dateKo : dateEn)(text(key));
  const ko = locale === 'ko';
  switch (reason.code) {
    case 'months_at_employer':
      return ko
        ? `고용보험에 가입한 근무가 통산 ${text('months')}개월에 이릅니다(사업장 ${text('employerId')}, ${date('since')}부터 근무).`
        : `Insured work adds up to ${text('months')} months (employer ${text('employerId')}, since ${date('since')}).`;
    case 'not_reached':
      return ko
        ? `같은 사업장에서 6개월 이상 일한 고용보험 가입 기간이 통산 ${text('months')}개월에 이르지 않았습니다(현재 ${text('monthsCounted')}개월).`
        : `Insured work of 6 months or more at one employer does not add up to ${text('months')} months (${text('monthsCounted')} so far).`;
    case 'short_spells_ignored':
      return ko
        ? `같은 사업장에서 ${text('minimumMonths')}개월 미만 일한 기간 ${text('count')}건은 계산하지 않았습니다.`
        : `${text('count')} stretch(es) of under ${text('minimumMonths')} months at one employer do not count.`;
    case 'uninsured_ignored':
      return ko
        ? `고용보험에 가입하지 않은 근무 ${text('count')}건은 계산하지 않았습니다.`
        : `${text('count')} uninsured job record(s) do not count.`;
    case 'upcoming_if_work_continues':
      return ko
        ? `지금 사업장(${text('employerId')})에서 그날까지 계속 일하는 경우입니다.`
        : `Provided the person keeps working at ${text('employerId')} until then.`;
    case 'after_protection_period':
      return ko
        ? `신청할 수 있는 날이 지급 기간(${date('periodEndsOn')}까지)이 끝난 뒤입니다.`
        : `It would fall due after the incentive period ends (${date('periodEndsOn')}).`;
    case 'protection_extended_by_births':
      return ko
        ? `출산 ${text('births')}회로 지급 기간이 ${text('births')}년 늘어 ${date('periodEndsOn')}까지입니다.`
        : `${text('births')} childbirth(s) extend the incentive period by ${text('births')} year(s), to ${date('periodEndsOn')}.`;
    case 'capital_rate':
      return ko
        ? `신청할 수 있는 날에 수도권에 거주하므로 수도권 기준 금액(${krw('amount')})을 적용합니다.`
        : `The person lives in the capital region on that day: the capital-region amount (${krw('amount')}) applies.`;
    case 'province_rate':
      return ko
        ? `신청할 수 있는 날에 지방에 거주하므로 지방 기준 금액(${krw('amount')})을 적용합니다.`
        : `The person lives outside the capital region on that day: the provincial amount (${krw('amount')}) applies.`;
    case 'first_instalment_deducted':
      return ko
        ? `1년차 금액에서 1차분 ${krw('amount')}을 뺀 금액입니다.`
        : `The year-1 amount less the first part (${krw('amount')}).`;
    case 'residence_unknown':
      return ko
        ? `${date('date')} 당시의 거주지가 등록되어 있지 않아 금액을 정할 수 없습니다.`
        : `No residence is recorded for ${date('date')}, so the amount cannot be set.`;
    case 'no_rate_on_record':
      return ko
        ? `${date('date')}에 적용할 지급 기준이 등록되어 있지 않아 계산하지 않았습니다.`
        : `No rate is on record for ${date('date')}; the line was not priced.`;
    case 'ceiling_reduced':
      return ko
        ? `장려금 총액 한도(${krw('ceiling')})에 따라 ${krw('amount')}만 지급할 수 있습니다.`
        : `The ceiling on all incentives (${krw('ceiling')}) leaves ${krw('amount')} for this line.`;
    case 'ceiling_reached':
      return ko
        ? `장려금 총액 한도(${krw('ceiling')})에 이미 이르렀습니다.`
        : `The ceiling on all incentives (${krw('ceiling')}) has been reached.`;
    case 'paid':
      return ko
        ? `${date('paidOn')}에 ${krw('amount')}을 지급했습니다.`
        : `${krw('amount')} was paid on ${date('paidOn')}.`;
    case 'partly_paid':
      return ko
        ? `이미 ${krw('paid')}을 지급하여 남은 금액은 ${krw('outstanding')}입니다.`
        : `${krw('paid')} has been paid; ${krw('outstanding')} remains.`;
    case 'abolished_for_decision':
      return ko
        ? `보호결정일(${date('decisionDate')})이 ${date('cutoff')} 이후여서 직업훈련장려금과 자격취득장려금 대상이 아닙니다.`
        : `Protected on ${date('decisionDate')}, on or after ${date('cutoff')}: training and certificate incentives do not apply.`;
    case 'training_hours':
      return ko
        ? `직업훈련 ${text('hours')}시간을 이수하여 ${krw('amount')}입니다.`
        : `${text('hours')} hours of training completed: ${krw('amount')}.`;
    case 'training_below_minimum':
      return ko
        ? `이수한 직업훈련 시간(${text('hours')}시간)이 ${text('minimum')}시간에 미치지 못합니다.`
        : `${text('hours')} hours of training completed, fewer than the ${text('minimum')} required.`;
    case 'one_year_course':
      return ko
        ? `${date('completedOn')}에 1년 과정(${text('courseId')})을 수료했습니다.`
        : `A one-year course (${text('courseId')}) was completed on ${date('completedOn')}.`;
    case 'certificate_acquired':
      return ko
        ? `${date('acquiredOn')}에 자격(${text('certificate')})을 취득했습니다.`
        : `A certificate (${text('certificate')}) was obtained on ${date('acquiredOn')}.`;
    case 'outside_protection_period':
      return ko
        ? `${date('date')}의 수료·취득은 지급 기간(${date('periodEndsOn')}까지) 밖이어서 계산하지 않았습니다.`
        : `What was completed or obtained on ${date('date')} falls outside the incentive period (to ${date('periodEndsOn')}).`;
  }
}
