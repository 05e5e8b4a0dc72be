import { z } from 'zod';
import type { NeedDomain } from '../cases/lifecycle';
import type { OrganizationType } from '../platform/roles';

/**
 * What a person can consent to share. Each category names the data a referral carrying it shows the
 * recipient; nothing outside the carried categories ever reaches them.
 * - `identity`: name and birth date (never the registration number or former names)
 * - `contact`: phone and address
 * - `case_summary`: the needs assessment's priorities and the service plan's goals
 * - `employment`, `education`, `health`, `legal`: the assessed need in that area
 */
export const DATA_CATEGORIES = [
  'identity',
  'contact',
  'case_summary',
  'employment',
  'education',
  'health',
  'legal',
] as const;
export const DataCategory = z.enum(DATA_CATEGORIES);
export type DataCategory = z.infer<typeof DataCategory>;

/** Why the data is shared: a consent names one purpose, and a referral serves exactly one. */
export const CONSENT_PURPOSES = [
  'employment_support',
  'education_support',
  'legal_aid',
  'livelihood_support',
  'housing_support',
  'health_support',
] as const;
export const ConsentPurpose = z.enum(CONSENT_PURPOSES);
export type ConsentPurpose = z.infer<typeof ConsentPurpose>;

/** The kinds of organization a Hana Center refers persons to, and that a consent may name as recipient. */
export const REFERRAL_RECIPIENT_TYPES = [
  'employment_center',
  'school',
  'legal_aid',
  'partner_ngo',
  'local_government',
  'employer',
] as const satisfies readonly OrganizationType[];
export const RecipientType = z.enum(REFERRAL_RECIPIENT_TYPES);
export type RecipientType = z.infer<typeof RecipientType>;

export function isRecipientType(type: string): type is RecipientType {
  return (REFERRAL_RECIPIENT_TYPES as readonly string[]).includes(type);
}

/** The needs-assessment domains whose scores a category carries (`identity`, `contact`, `case_summary` carry none). */
export const NEED_DOMAINS_OF_CATEGORY: Record<DataCategory, readonly NeedDomain[]> = {
  identity: [],
  contact: [],
  case_summary: [],
  employment: ['employment'],
  education: ['education'],
  health: ['health', 'mental_health'],
  legal: ['legal'],
};
