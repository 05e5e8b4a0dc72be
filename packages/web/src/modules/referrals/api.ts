import {
  type ConsentInput,
  ConsentList,
  ConsentView,
  isRecipientType,
  OrganizationList,
  OrganizationSummary,
  ReferralDetail,
  type ReferralInput,
  ReferralList,
  type ReferralSummary,
} from '@ieum/domain';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { request } from '../../platform/api';

export type ConsentData = ReturnType<typeof ConsentView.parse>;
export type ReferralSummaryData = ReferralSummary;
export type ReferralDetailData = ReturnType<typeof ReferralDetail.parse>;
export type OrganizationData = ReturnType<typeof OrganizationSummary.parse>;

/** What the `POST`s that create answer: the new record's id. */
const Created = ConsentView.pick({ id: true });
/** `GET /api/reference/organizations`: the server declares this shape inline, the domain has no name for it. */
const ReferenceOrganizations = OrganizationList.omit({ total: true }).extend({
  items: OrganizationSummary.array(),
});

export const REFERRAL_PAGE_SIZE = 20;

export type ReferralBox = 'received' | 'sent';
export type ReferralView = 'open' | 'overdue' | 'all';

export const referralKeys = {
  all: ['referrals'] as const,
  consents: (personId: string) => ['referrals', 'consents', personId] as const,
  list: (filters: ReferralFilters) => ['referrals', 'list', filters] as const,
  detail: (id: string) => ['referrals', 'detail', id] as const,
  recipients: ['referrals', 'recipients'] as const,
};

export interface ReferralFilters {
  box: ReferralBox;
  view: ReferralView;
  page: number;
  /** The sending side only: one person's referrals, for the person's page. */
  personId?: string;
}

const personPath = (personId: string) => `/api/persons/${encodeURIComponent(personId)}/consents`;

export function useConsents(personId: string) {
  return useQuery({
    queryKey: referralKeys.consents(personId),
    queryFn: ({ signal }) => request(personPath(personId), { schema: ConsentList, signal }),
  });
}

export function recordConsent(personId: string, input: ConsentInput): Promise<{ id: string }> {
  return request(personPath(personId), { method: 'POST', body: input, schema: Created });
}

export function withdrawConsent(consent: Pick<ConsentData, 'id' | 'version'>): Promise<void> {
  return request(`/api/consents/${encodeURIComponent(consent.id)}/withdraw`, {
    method: 'POST',
    body: { version: consent.version },
  });
}

export function useReferrals(filters: ReferralFilters, enabled = true) {
  return useQuery({
    queryKey: referralKeys.list(filters),
    queryFn: ({ signal }) =>
      request('/api/referrals', {
        query: { ...filters, pageSize: REFERRAL_PAGE_SIZE },
        schema: ReferralList,
        signal,
      }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useReferral(id: string, enabled: boolean) {
  return useQuery({
    queryKey: referralKeys.detail(id),
    queryFn: ({ signal }) =>
      request(`/api/referrals/${encodeURIComponent(id)}`, { schema: ReferralDetail, signal }),
    enabled,
    // The carried personal data should not outlive the page in memory.
    gcTime: 0,
  });
}

export function sendReferral(input: ReferralInput): Promise<{ id: string }> {
  return request('/api/referrals', { method: 'POST', body: input, schema: Created });
}

export type ReferralStep =
  | { action: 'accept'; version: number }
  | { action: 'decline'; version: number; reason: string }
  | { action: 'complete'; version: number; note?: string }
  | { action: 'cancel'; version: number; reason?: string };

export function changeReferral(id: string, step: ReferralStep): Promise<void> {
  const { action, ...body } = step;
  return request(`/api/referrals/${encodeURIComponent(id)}/${action}`, { method: 'POST', body });
}

/** The organizations a person can be referred to (and a consent can name), from the reference list. */
export function useRecipientOrganizations() {
  return useQuery({
    queryKey: referralKeys.recipients,
    queryFn: async ({ signal }) => {
      const list = await request('/api/reference/organizations', { schema: ReferenceOrganizations, signal });
      return list.items.filter((organization) => isRecipientType(organization.type));
    },
    staleTime: 5 * 60_000,
  });
}
