import { PersonTimeline, type PersonTimelineEvent } from '@ieum/domain';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { request } from '../../platform/api';

export type TimelineEventData = PersonTimelineEvent;
export const TIMELINE_PAGE_SIZE = 30;

export const timelineKeys = {
  person: (personId: string, page: number) => ['person-timeline', personId, page] as const,
};

export function usePersonTimeline(personId: string, page: number) {
  return useQuery({
    queryKey: timelineKeys.person(personId, page),
    queryFn: ({ signal }) =>
      request(`/api/persons/${encodeURIComponent(personId)}/timeline`, {
        query: { page, pageSize: TIMELINE_PAGE_SIZE },
        schema: PersonTimeline,
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}
