import {
  MergeCandidateList,
  PersonDetail,
  PersonMerge,
  PersonMergeList,
  type PersonMergeRequest,
} from '@ieum/domain';
import { useQuery } from '@tanstack/react-query';
import { request } from '../../platform/api';

export type MergeCandidateData = ReturnType<typeof MergeCandidateList.parse>['candidates'][number];
export type PersonMergeData = ReturnType<typeof PersonMerge.parse>;
export type PersonMergeRequestData = PersonMergeRequest;

export const mergeKeys = {
  candidates: (personId: string) => ['persons', 'merge', personId, 'candidates'] as const,
  history: (personId: string) => ['persons', 'merge', personId, 'history'] as const,
  /** A candidate's masked record, for the comparison. */
  other: (personId: string) => ['persons', 'merge', 'other', personId] as const,
};

export function useMergeCandidates(personId: string) {
  return useQuery({
    queryKey: mergeKeys.candidates(personId),
    queryFn: ({ signal }) =>
      request(`/api/persons/${encodeURIComponent(personId)}/merge-candidates`, {
        schema: MergeCandidateList,
        signal,
      }),
  });
}

export function useMergeHistory(personId: string) {
  return useQuery({
    queryKey: mergeKeys.history(personId),
    queryFn: ({ signal }) =>
      request(`/api/persons/${encodeURIComponent(personId)}/merges`, { schema: PersonMergeList, signal }),
  });
}

/** The other record of a comparison, masked as any look at a person is. */
export function useOtherPerson(personId: string | null) {
  return useQuery({
    queryKey: mergeKeys.other(personId ?? ''),
    queryFn: ({ signal }) =>
      request(`/api/persons/${encodeURIComponent(personId ?? '')}`, { schema: PersonDetail, signal }),
    enabled: personId !== null,
    gcTime: 0,
  });
}

export function mergePersons(survivorId: string, body: PersonMergeRequestData): Promise<PersonMergeData> {
  return request(`/api/persons/${encodeURIComponent(survivorId)}/merges`, {
    method: 'POST',
    body,
    schema: PersonMerge,
  });
}

export function undoMerge(mergeId: string, reason: string): Promise<PersonMergeData> {
  return request(`/api/persons/merges/${encodeURIComponent(mergeId)}/undo`, {
    method: 'POST',
    body: { reason },
    schema: PersonMerge,
  });
}
