import { describe, expect, it } from 'vitest';
import {
  type ConsentTerms,
  consentCovers,
  consentState,
  type DisclosureRequest,
  findCoveringConsent,
} from './consent-covers';

const LEGAL_AID = '0196f1a8-0000-7000-8000-00000000000a';
const OTHER_LEGAL_AID = '0196f1a8-0000-7000-8000-00000000000b';

/** A consent to share identity and legal data with one legal-aid office for legal aid, through 2026. */
const consent: ConsentTerms = {
  recipientOrganizationId: LEGAL_AID,
  recipientType: null,
  categories: ['identity', 'legal'],
  purpose: 'legal_aid',
  givenOn: '2026-01-10',
  expiresOn: '2026-12-31',
  withdrawnOn: null,
};

const request: DisclosureRequest = {
  recipientOrgId: LEGAL_AID,
  recipientType: 'legal_aid',
  categories: ['identity', 'legal'],
  purpose: 'legal_aid',
  on: '2026-06-01',
};

describe('consentCovers', () => {
  it('covers the named recipient, every category and the purpose within the period', () => {
    expect(consentCovers(consent, request)).toEqual({ covered: true, missing: [] });
  });

  it('covers a subset of the consented categories', () => {
    expect(consentCovers(consent, { ...request, categories: ['legal'] }).covered).toBe(true);
  });

  it('holds from the day it was given, and not the day before', () => {
    expect(consentCovers(consent, { ...request, on: '2026-01-10' }).covered).toBe(true);
    expect(consentCovers(consent, { ...request, on: '2026-01-09' })).toEqual({
      covered: false,
      missing: ['not_yet_given'],
    });
  });

  it('holds on the expiry day itself, and not the day after', () => {
    expect(consentCovers(consent, { ...request, on: '2026-12-31' }).covered).toBe(true);
    expect(consentCovers(consent, { ...request, on: '2027-01-01' })).toEqual({
      covered: false,
      missing: ['expired'],
    });
  });

  it('ends on the day of withdrawal, but covered the day before', () => {
    const withdrawn = { ...consent, withdrawnOn: '2026-06-01' };
    expect(consentCovers(withdrawn, { ...request, on: '2026-05-31' }).covered).toBe(true);
    expect(consentCovers(withdrawn, request)).toEqual({ covered: false, missing: ['withdrawn'] });
    expect(consentCovers(withdrawn, { ...request, on: '2026-09-01' }).missing).toEqual(['withdrawn']);
  });

  it('does not cover another organization, even one of the same kind', () => {
    expect(consentCovers(consent, { ...request, recipientOrgId: OTHER_LEGAL_AID })).toEqual({
      covered: false,
      missing: ['other_recipient'],
    });
  });

  it('covers every organization of a consented kind, and no other kind', () => {
    const byType: ConsentTerms = { ...consent, recipientOrganizationId: null, recipientType: 'legal_aid' };
    expect(consentCovers(byType, { ...request, recipientOrgId: OTHER_LEGAL_AID }).covered).toBe(true);
    expect(
      consentCovers(byType, { ...request, recipientType: 'partner_ngo', recipientOrgId: OTHER_LEGAL_AID }),
    ).toEqual({ covered: false, missing: ['other_recipient'] });
  });

  it('names each category that was not consented', () => {
    expect(
      consentCovers(consent, { ...request, categories: ['identity', 'contact', 'legal', 'health'] }),
    ).toEqual({ covered: false, missing: ['missing_category:contact', 'missing_category:health'] });
  });

  it('does not cover another purpose', () => {
    expect(consentCovers(consent, { ...request, purpose: 'employment_support' })).toEqual({
      covered: false,
      missing: ['other_purpose'],
    });
  });

  it('lists every gap at once, time first, then recipient, purpose and categories', () => {
    expect(
      consentCovers(
        { ...consent, withdrawnOn: '2026-03-01' },
        {
          recipientOrgId: OTHER_LEGAL_AID,
          recipientType: 'legal_aid',
          categories: ['contact'],
          purpose: 'housing_support',
          on: '2027-02-01',
        },
      ).missing,
    ).toEqual(['withdrawn', 'expired', 'other_recipient', 'other_purpose', 'missing_category:contact']);
  });
});

describe('consentState', () => {
  it('reads withdrawn before the period, and active through the expiry day', () => {
    expect(consentState(consent, '2026-01-09')).toBe('not_yet_given');
    expect(consentState(consent, '2026-01-10')).toBe('active');
    expect(consentState(consent, '2026-12-31')).toBe('active');
    expect(consentState(consent, '2027-01-01')).toBe('expired');
    expect(consentState({ ...consent, withdrawnOn: '2026-05-01' }, '2026-05-01')).toBe('withdrawn');
    expect(consentState({ ...consent, withdrawnOn: '2026-05-01' }, '2027-05-01')).toBe('withdrawn');
  });
});

describe('findCoveringConsent', () => {
  const a = { ...consent, id: 'a', purpose: 'employment_support' as const };
  const b = { ...consent, id: 'b', categories: ['identity' as const] };
  const c = { ...consent, id: 'c' };

  it('says there is no consent at all when the person has none', () => {
    expect(findCoveringConsent([], request)).toEqual({
      covered: false,
      consent: null,
      missing: ['no_consent'],
    });
  });

  it('finds the one consent that covers, whatever the order', () => {
    expect(findCoveringConsent([a, b, c], request)).toMatchObject({ covered: true, consent: { id: 'c' } });
    expect(findCoveringConsent([c, a, b], request)).toMatchObject({ covered: true, consent: { id: 'c' } });
  });

  it('does not add up partial consents: one consent must cover every category', () => {
    const identityOnly = { ...consent, id: 'i', categories: ['identity' as const] };
    const legalOnly = { ...consent, id: 'l', categories: ['legal' as const] };
    expect(findCoveringConsent([identityOnly, legalOnly], request).covered).toBe(false);
  });

  it('explains a refusal with the closest consent, the most recent among equals', () => {
    const older = { ...a, id: 'older', givenOn: '2025-01-01' };
    const result = findCoveringConsent([older, a, { ...b, purpose: 'housing_support' as const }], request);
    expect(result).toMatchObject({ covered: false, consent: { id: 'a' }, missing: ['other_purpose'] });
  });

  it('finds a renewed consent after the first one expired', () => {
    const renewed = { ...consent, id: 'renewed', givenOn: '2027-01-01', expiresOn: '2027-12-31' };
    expect(findCoveringConsent([c, renewed], { ...request, on: '2027-03-01' })).toMatchObject({
      covered: true,
      consent: { id: 'renewed' },
    });
  });
});
