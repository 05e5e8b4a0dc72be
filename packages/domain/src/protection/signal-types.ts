import { z } from 'zod';
import { compareDates, type IsoDate } from '../time/calendar';

/**
 * The kinds of risk signal ieum receives, each from the agency that observes it. The 2019 response joined
 * the welfare ministry's blind-spot system (power cuts, arrears, housing, medical: the "9 crisis items") with
 * what the Ministry of Unification and the Hana Centers know; the later lists grew to 33 and 39 indicators
 * (DOMAIN.md, "Vulnerable defectors"). This catalogue is the part of those lists that arrives as events about
 * one person. What is known of the person (vulnerability, household, benefits, contact) is not a signal but a
 * fact of the protection profile; see screening.ts.
 *
 * Dated: a type is accepted for observations on or after `validFrom` (and before `validUntil`, when set), so a
 * type can be retired without losing the meaning of what was received under it.
 */
export const SIGNAL_TYPES = [
  'power_cutoff',
  'power_arrears',
  'water_cutoff',
  'water_arrears',
  'gas_cutoff',
  'gas_arrears',
  'rent_arrears',
  'health_insurance_arrears',
  'telecom_arrears',
  'employment_insurance_loss',
  'hospitalization',
  'no_contact',
  'returned_mail',
  'divorce',
  'household_death',
  'returned_from_abroad',
  'moved_out_of_region',
  'call_center_report',
  'welfare_blind_spot',
  'survey_crisis_finding',
] as const;
export const SignalType = z.enum(SIGNAL_TYPES);
export type SignalType = z.infer<typeof SignalType>;

export interface SignalTypeDefinition {
  readonly type: SignalType;
  readonly ko: string;
  readonly en: string;
  /** The agency whose system observes it. */
  readonly source: { readonly ko: string; readonly en: string };
  /** What the numeric value means, when the type carries one (months in arrears, days without contact). */
  readonly value?: { readonly unitKo: string; readonly unitEn: string; readonly max: number };
  readonly validFrom: IsoDate;
  readonly validUntil?: IsoDate;
}

const KEPCO = { ko: '한국전력공사', en: 'Korea Electric Power Corporation' };
const WATER = { ko: '지방자치단체 상수도사업본부', en: 'Municipal waterworks' };
const GAS = { ko: '도시가스 공급사', en: 'City gas suppliers' };
const MONTHS = { unitKo: '개월', unitEn: 'months', max: 120 };

export const SIGNAL_TYPE_TABLE: readonly SignalTypeDefinition[] = [
  {
    type: 'power_cutoff',
    ko: '전기 단전',
    en: 'Electricity cut off',
    source: KEPCO,
    validFrom: '2015-01-01',
  },
  {
    type: 'power_arrears',
    ko: '전기요금 체납',
    en: 'Electricity bill arrears',
    source: KEPCO,
    value: MONTHS,
    validFrom: '2015-01-01',
  },
  { type: 'water_cutoff', ko: '단수', en: 'Water cut off', source: WATER, validFrom: '2015-01-01' },
  {
    type: 'water_arrears',
    ko: '수도요금 체납',
    en: 'Water bill arrears',
    source: WATER,
    value: MONTHS,
    validFrom: '2015-01-01',
  },
  { type: 'gas_cutoff', ko: '가스 공급 중단', en: 'Gas cut off', source: GAS, validFrom: '2015-01-01' },
  {
    type: 'gas_arrears',
    ko: '가스요금 체납',
    en: 'Gas bill arrears',
    source: GAS,
    value: MONTHS,
    validFrom: '2015-01-01',
  },
  {
    type: 'rent_arrears',
    ko: '임대료 체납',
    en: 'Rent arrears',
    source: {
      ko: '한국토지주택공사(LH)·지방공사',
      en: 'Korea Land and Housing Corporation (LH), local housing corporations',
    },
    value: MONTHS,
    validFrom: '2015-01-01',
  },
  {
    type: 'health_insurance_arrears',
    ko: '건강보험료 체납',
    en: 'Health-insurance premium arrears',
    source: { ko: '국민건강보험공단', en: 'National Health Insurance Service' },
    value: MONTHS,
    validFrom: '2015-01-01',
  },
  {
    type: 'telecom_arrears',
    ko: '통신요금 체납',
    en: 'Telephone bill arrears',
    source: { ko: '이동통신사', en: 'Mobile carriers' },
    value: MONTHS,
    validFrom: '2020-12-01',
  },
  {
    type: 'employment_insurance_loss',
    ko: '고용보험 자격 상실',
    en: 'Loss of employment insurance',
    source: { ko: '근로복지공단', en: 'Korea Workers’ Compensation and Welfare Service' },
    validFrom: '2015-01-01',
  },
  {
    type: 'hospitalization',
    ko: '장기 입원·중증 진료',
    en: 'Long hospital stay or serious illness',
    source: { ko: '국민건강보험공단', en: 'National Health Insurance Service' },
    validFrom: '2015-01-01',
  },
  {
    type: 'no_contact',
    ko: '연락 두절 보고',
    en: 'Reported unreachable',
    source: { ko: '하나센터·보호담당관', en: 'Hana Centers and protection officers' },
    value: { unitKo: '일', unitEn: 'days', max: 3650 },
    validFrom: '2015-01-01',
  },
  {
    type: 'returned_mail',
    ko: '우편물 반송',
    en: 'Mail returned undelivered',
    source: { ko: '우정사업본부', en: 'Korea Post' },
    validFrom: '2015-01-01',
  },
  {
    type: 'divorce',
    ko: '이혼 등 가구 분리',
    en: 'Divorce or separation of the household',
    source: { ko: '법원·주민등록', en: 'Courts and resident registration' },
    validFrom: '2015-01-01',
  },
  {
    type: 'household_death',
    ko: '가구원 사망',
    en: 'Death of a household member',
    source: { ko: '행정안전부(주민등록)', en: 'Ministry of the Interior and Safety (resident registration)' },
    validFrom: '2015-01-01',
  },
  {
    type: 'returned_from_abroad',
    ko: '해외 체류 후 귀국',
    en: 'Return from a stay abroad',
    source: { ko: '법무부 출입국', en: 'Ministry of Justice, immigration' },
    validFrom: '2015-01-01',
  },
  {
    type: 'moved_out_of_region',
    ko: '관할 외 전출',
    en: 'Moved out of the municipality',
    source: { ko: '행정안전부(주민등록)', en: 'Ministry of the Interior and Safety (resident registration)' },
    validFrom: '2015-01-01',
  },
  {
    type: 'call_center_report',
    ko: '콜센터 위기 상담',
    en: 'Crisis call to the call center',
    source: { ko: '남북하나재단 콜센터', en: 'Korea Hana Foundation call center' },
    validFrom: '2015-01-01',
  },
  {
    type: 'welfare_blind_spot',
    ko: '복지 사각지대 발굴 대상',
    en: 'Flagged by the welfare blind-spot system',
    source: { ko: '한국사회보장정보원', en: 'Social Security Information Service' },
    validFrom: '2019-12-01',
  },
  {
    type: 'survey_crisis_finding',
    ko: '실태조사 위기 의심',
    en: 'Crisis suspected in a survey round',
    source: { ko: '하나센터·보호담당관 실태조사', en: 'Survey rounds of the Hana Centers and officers' },
    validFrom: '2019-09-01',
  },
];

const BY_TYPE = new Map(SIGNAL_TYPE_TABLE.map((definition) => [definition.type, definition]));

export function signalTypeDefinition(type: SignalType): SignalTypeDefinition {
  const definition = BY_TYPE.get(type);
  if (!definition) throw new RangeError(`unknown signal type ${type}`);
  return definition;
}

/** Whether a signal of this type may be recorded for an observation on `observedOn`. */
export function signalTypeValidOn(type: SignalType, observedOn: IsoDate): boolean {
  const definition = signalTypeDefinition(type);
  if (compareDates(observedOn, definition.validFrom) < 0) return false;
  return definition.validUntil === undefined || compareDates(observedOn, definition.validUntil) < 0;
}
