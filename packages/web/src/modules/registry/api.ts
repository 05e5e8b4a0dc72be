import type { DuplicateCheck, PersonIntake, UnmaskRequest } from '@ieum/domain';
import {
  DuplicateCheckResult,
  OrganizationList,
  OrganizationSummary,
  PersonDetail,
  PersonList,
  PersonSummary,
} from '@ieum/domain';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { request } from '../../platform/api';

export type PersonIntakeData = ReturnType<typeof PersonIntake.parse>;
export type DuplicateCheckData = ReturnType<typeof DuplicateCheck.parse>;
export type DuplicateCandidateData = ReturnType<typeof DuplicateCheckResult.parse>['candidates'][number];
export type DuplicateReasonData = DuplicateCandidateData['reasons'][number];
export type PersonDetailData = ReturnType<typeof PersonDetail.parse>;
export type UnmaskRequestData = ReturnType<typeof UnmaskRequest.parse>;

/** What `POST /api/persons` answers: the new record's id and its pseudonymous ID. */
export const PersonCreated = PersonSummary.pick({ id: true, code: true });
export type PersonCreatedData = ReturnType<typeof PersonCreated.parse>;

/** The candidates a refused intake carries in its `duplicates` problem member. */
export const DuplicateCandidates = DuplicateCheckResult.shape.candidates;

/** `GET /api/reference/organizations`: the server declares this shape inline, the domain has no name for it. */
const ReferenceOrganizations = OrganizationList.omit({ total: true }).extend({
  items: OrganizationSummary.array(),
});

export const PERSON_PAGE_SIZE = 20;

export const registryKeys = {
  persons: ['persons'] as const,
  person: (id: string) => ['persons', 'detail', id] as const,
  municipalities: ['persons', 'municipalities'] as const,
};

/**
 * The search text is personal data (names, birth dates): it lives in component state and in this query's
 * key in memory, and reaches the server only as a query parameter of the API call, never the page address.
 */
export interface PersonFilters {
  q: string;
  page: number;
}

export function usePersonList(filters: PersonFilters) {
  return useQuery({
    queryKey: [...registryKeys.persons, 'list', filters],
    queryFn: ({ signal }) =>
      request('/api/persons', {
        query: { q: filters.q.trim(), page: filters.page, pageSize: PERSON_PAGE_SIZE },
        schema: PersonList,
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

export function usePerson(id: string, enabled: boolean) {
  return useQuery({
    queryKey: registryKeys.person(id),
    queryFn: ({ signal }) =>
      request(`/api/persons/${encodeURIComponent(id)}`, { schema: PersonDetail, signal }),
    enabled,
    // An unmasked identity should not outlive the page in memory.
    gcTime: 0,
  });
}

export function createPerson(input: PersonIntakeData): Promise<PersonCreatedData> {
  return request('/api/persons', { method: 'POST', body: input, schema: PersonCreated });
}

export function checkDuplicates(
  identity: DuplicateCheckData,
  signal?: AbortSignal,
): Promise<DuplicateCandidateData[]> {
  return request('/api/persons/duplicate-check', {
    method: 'POST',
    body: identity,
    schema: DuplicateCheckResult,
    signal,
  }).then((result) => result.candidates);
}

export function unmaskPerson(id: string, input: UnmaskRequestData): Promise<PersonDetailData> {
  return request(`/api/persons/${encodeURIComponent(id)}/unmask`, {
    method: 'POST',
    body: input,
    schema: PersonDetail,
  });
}

/**
 * Local governments for the municipality picker, from the reference list any signed-in user may read (intake
 * roles may not read the organization administration list).
 */
export function useMunicipalities() {
  return useQuery({
    queryKey: registryKeys.municipalities,
    queryFn: ({ signal }) =>
      request('/api/reference/organizations', {
        query: { type: 'local_government' },
        schema: ReferenceOrganizations,
        signal,
      }),
    staleTime: 5 * 60_000,
  });
}
