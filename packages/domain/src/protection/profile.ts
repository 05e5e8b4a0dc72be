import { z } from 'zod';

/**
 * The vulnerable categories of the protection profile. The 2019 survey counted 15,676 of 31,668 defectors in
 * 17 vulnerable categories (DOMAIN.md); the official list is not public, so these 17 are ieum's own reading
 * of the groups the survey and the later indicators name (single and elderly households, single parents,
 * illness and disability, mental health, unemployment, housing, debt, isolation, children). A case worker or
 * residence officer records them; they are facts about the person, not events.
 */
export const VULNERABILITY_CATEGORIES = [
  'single_person_household',
  'single_parent',
  'elderly_living_alone',
  'elderly',
  'disability',
  'chronic_illness',
  'mental_health',
  'addiction',
  'unemployed',
  'low_income',
  'housing_insecure',
  'debt',
  'infant_care',
  'third_country_child',
  'domestic_violence',
  'social_isolation',
  'youth_out_of_school',
] as const;
export const VulnerabilityCategory = z.enum(VULNERABILITY_CATEGORIES);
export type VulnerabilityCategory = z.infer<typeof VulnerabilityCategory>;

export const VULNERABILITY_LABELS: Record<VulnerabilityCategory, { ko: string; en: string }> = {
  single_person_household: { ko: '1인 가구', en: 'Lives alone' },
  single_parent: { ko: '한부모 가구', en: 'Single parent' },
  elderly_living_alone: { ko: '독거 노인', en: 'Elderly, living alone' },
  elderly: { ko: '65세 이상 고령', en: 'Aged 65 or over' },
  disability: { ko: '장애', en: 'Disability' },
  chronic_illness: { ko: '중증·만성 질환', en: 'Serious or chronic illness' },
  mental_health: { ko: '정신건강 위험', en: 'Mental-health risk' },
  addiction: { ko: '알코올 등 중독', en: 'Alcohol or other addiction' },
  unemployed: { ko: '미취업·실직', en: 'Out of work' },
  low_income: { ko: '저소득(차상위 등)', en: 'Low income (near-poverty line)' },
  housing_insecure: { ko: '주거 불안정', en: 'Insecure housing' },
  debt: { ko: '과다 채무', en: 'Heavy debt' },
  infant_care: { ko: '영유아 양육', en: 'Caring for an infant' },
  third_country_child: { ko: '제3국 출생 자녀 양육', en: 'Raising a child born in a third country' },
  domestic_violence: { ko: '가정폭력 피해', en: 'Domestic violence' },
  social_isolation: { ko: '사회적 고립', en: 'Social isolation' },
  youth_out_of_school: { ko: '학업 중단 청소년', en: 'Young person out of school' },
};

/** Public support the person already receives: someone is paying attention and there is some income. */
export const SUPPORT_BENEFITS = ['livelihood_aid', 'medical_aid', 'housing_aid'] as const;
export const SupportBenefit = z.enum(SUPPORT_BENEFITS);
export type SupportBenefit = z.infer<typeof SupportBenefit>;

export const SUPPORT_BENEFIT_LABELS: Record<SupportBenefit, { ko: string; en: string }> = {
  livelihood_aid: { ko: '생계급여', en: 'Livelihood benefit' },
  medical_aid: { ko: '의료급여', en: 'Medical aid' },
  housing_aid: { ko: '주거급여', en: 'Housing benefit' },
};

/** What a case worker or residence officer records about a person for screening and survey rounds. */
export const ProtectionProfileInput = z.object({
  categories: z
    .array(VulnerabilityCategory)
    .max(VULNERABILITY_CATEGORIES.length)
    .transform((values) => [...new Set(values)]),
  /** Children under 18 living in the household. */
  childrenInHousehold: z.number().int().min(0).max(20),
  benefits: z
    .array(SupportBenefit)
    .max(SUPPORT_BENEFITS.length)
    .transform((values) => [...new Set(values)]),
  /** In regular work with employment insurance (the 2019 rounds left such persons out). */
  insuredRegularWorker: z.boolean(),
  /** The version read, for an update; absent when the profile is first recorded. */
  version: z.number().int().optional(),
});
export type ProtectionProfileInput = z.infer<typeof ProtectionProfileInput>;
