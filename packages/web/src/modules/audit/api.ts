import type { AuditAction, AuditReviewInput } from '@ieum/domain';
import { AuditList, AuditReview, AuditReviewList, AuditVerification } from '@ieum/domain';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { request } from '../../platform/api';

export type AuditReviewInputData = ReturnType<typeof AuditReviewInput.parse>;
export type AuditReviewData = ReturnType<typeof AuditReview.parse>;
export type AuditVerificationData = ReturnType<typeof AuditVerification.parse>;

export const AUDIT_PAGE_SIZE = 50;

export const auditKeys = {
  entries: ['audit', 'entries'] as const,
  reviews: ['audit', 'reviews'] as const,
};

export interface AuditFilters {
  actor: string;
  subjectId: string;
  action: AuditAction | null;
  /** YYYY-MM-DD, inclusive, in Korean dates as the server reads them. */
  from: string;
  to: string;
  page: number;
}

export function useAuditEntries(filters: AuditFilters) {
  return useQuery({
    queryKey: [...auditKeys.entries, filters],
    queryFn: ({ signal }) =>
      request('/api/audit/entries', {
        query: { ...filters, pageSize: AUDIT_PAGE_SIZE },
        schema: AuditList,
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

export function useAuditReviews() {
  return useQuery({
    queryKey: auditKeys.reviews,
    queryFn: ({ signal }) => request('/api/audit/reviews', { schema: AuditReviewList, signal }),
  });
}

export function signAuditReview(input: AuditReviewInputData): Promise<AuditReviewData> {
  return request('/api/audit/reviews', { method: 'POST', body: input, schema: AuditReview });
}

export function verifyAuditChain(): Promise<AuditVerificationData> {
  return request('/api/audit/verify', { schema: AuditVerification });
}
