import {
  type ConsentGap,
  type ConsentPurpose,
  type ConsentSearch,
  type ConsentTerms,
  type DataCategory,
  findCoveringConsent,
  type IsoDate,
} from '@ieum/domain';
import type { TFunction } from 'i18next';
import type { ConsentData, OrganizationData } from './api';

/** A recorded consent in the terms the shared coverage rule reads. */
export function termsOf(consent: ConsentData): ConsentTerms & { id: string } {
  return {
    id: consent.id,
    recipientOrganizationId: consent.recipientOrganization?.id ?? null,
    recipientType: consent.recipientType,
    categories: consent.categories,
    purpose: consent.purpose,
    givenOn: consent.givenOn,
    expiresOn: consent.expiresOn,
    withdrawnOn: consent.withdrawnOn,
  };
}

/**
 * The same check the server makes before sending: one of the person's consents must cover this recipient,
 * every category and the purpose today. Null until the referral names all three.
 */
export function checkConsent(
  consents: readonly ConsentData[],
  referral: {
    recipient: OrganizationData | undefined;
    categories: readonly DataCategory[];
    purpose: ConsentPurpose | null;
  },
  today: IsoDate,
): ConsentSearch<ConsentTerms & { id: string }> | null {
  const { recipient, categories, purpose } = referral;
  if (!recipient || !purpose || categories.length === 0) return null;
  return findCoveringConsent(consents.map(termsOf), {
    recipientOrgId: recipient.id,
    recipientType: recipient.type,
    categories,
    purpose,
    on: today,
  });
}

/** One gap in the user's language: "동의받지 않은 항목: 건강". */
export function gapText(t: TFunction, gap: ConsentGap): string {
  if (gap.startsWith('missing_category:')) {
    const category = gap.slice('missing_category:'.length) as DataCategory;
    return t('referrals.gaps.missing_category', { category: t(`referrals.categories.${category}`) });
  }
  const simple = gap as Exclude<ConsentGap, `missing_category:${string}`>;
  return t(`referrals.gaps.${simple}`);
}
