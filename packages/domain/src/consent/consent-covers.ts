import type { IsoDate } from '../time/calendar';
import { type ConsentPurpose, DATA_CATEGORIES, type DataCategory } from './terms';

/** The terms of one recorded consent, as far as coverage depends on them. */
export interface ConsentTerms {
  /** A specific organization; null when the consent names a kind of organization instead. */
  readonly recipientOrganizationId: string | null;
  /** A kind of organization (for example every `employment_center`); null when one organization is named. */
  readonly recipientType: string | null;
  readonly categories: readonly DataCategory[];
  readonly purpose: ConsentPurpose;
  /** First day the consent holds. */
  readonly givenOn: IsoDate;
  /** Last day the consent holds (inclusive). */
  readonly expiresOn: IsoDate;
  /** From this day on the consent no longer holds. */
  readonly withdrawnOn: IsoDate | null;
}

/** One disclosure: these categories, to this organization, for this purpose, on this day. */
export interface DisclosureRequest {
  readonly recipientOrgId: string;
  readonly recipientType: string;
  readonly categories: readonly DataCategory[];
  readonly purpose: ConsentPurpose;
  readonly on: IsoDate;
}

/** Why a consent does not cover a disclosure; `no_consent` when the person has none at all. */
export type ConsentGap =
  | 'no_consent'
  | 'not_yet_given'
  | 'expired'
  | 'withdrawn'
  | 'other_recipient'
  | 'other_purpose'
  | `missing_category:${DataCategory}`;

export interface ConsentCoverage {
  readonly covered: boolean;
  /** Every reason the consent falls short, in a stable order (time, recipient, purpose, categories). */
  readonly missing: ConsentGap[];
}

export type ConsentState = 'active' | 'not_yet_given' | 'expired' | 'withdrawn';

/** Where a consent stands on a day: withdrawal first (it ends consent for good), then its period. */
export function consentState(
  consent: Pick<ConsentTerms, 'givenOn' | 'expiresOn' | 'withdrawnOn'>,
  on: IsoDate,
): ConsentState {
  if (consent.withdrawnOn !== null && consent.withdrawnOn <= on) return 'withdrawn';
  if (on < consent.givenOn) return 'not_yet_given';
  if (on > consent.expiresOn) return 'expired';
  return 'active';
}

/**
 * Whether one consent covers a disclosure: in force on that day (given on or before it, not expired —
 * the expiry day still counts — and not withdrawn on or before it), naming that organization or its kind,
 * that purpose, and every category.
 */
export function consentCovers(consent: ConsentTerms, request: DisclosureRequest): ConsentCoverage {
  const missing: ConsentGap[] = [];
  if (consent.withdrawnOn !== null && consent.withdrawnOn <= request.on) missing.push('withdrawn');
  if (request.on < consent.givenOn) missing.push('not_yet_given');
  if (request.on > consent.expiresOn) missing.push('expired');
  const recipientMatches =
    consent.recipientOrganizationId !== null
      ? consent.recipientOrganizationId === request.recipientOrgId
      : consent.recipientType !== null && consent.recipientType === request.recipientType;
  if (!recipientMatches) missing.push('other_recipient');
  if (consent.purpose !== request.purpose) missing.push('other_purpose');
  const given = new Set(consent.categories);
  for (const category of DATA_CATEGORIES) {
    if (request.categories.includes(category) && !given.has(category)) {
      missing.push(`missing_category:${category}`);
    }
  }
  return { covered: missing.length === 0, missing };
}

export type ConsentSearch<T extends ConsentTerms> =
  | { readonly covered: true; readonly consent: T; readonly missing: [] }
  | { readonly covered: false; readonly consent: T | null; readonly missing: ConsentGap[] };

/**
 * The consent among a person's consents that covers the disclosure; one is enough. When none does, the
 * closest one (fewest gaps, then the most recently given) and its gaps, so that a refusal can say exactly
 * what is missing.
 */
export function findCoveringConsent<T extends ConsentTerms>(
  consents: readonly T[],
  request: DisclosureRequest,
): ConsentSearch<T> {
  let closest: { consent: T; missing: ConsentGap[] } | null = null;
  for (const consent of consents) {
    const coverage = consentCovers(consent, request);
    if (coverage.covered) return { covered: true, consent, missing: [] };
    if (
      !closest ||
      coverage.missing.length < closest.missing.length ||
      (coverage.missing.length === closest.missing.length && consent.givenOn > closest.consent.givenOn)
    ) {
      closest = { consent, missing: coverage.missing };
    }
  }
  return closest
    ? { covered: false, consent: closest.consent, missing: closest.missing }
    : { covered: false, consent: null, missing: ['no_consent'] };
}
