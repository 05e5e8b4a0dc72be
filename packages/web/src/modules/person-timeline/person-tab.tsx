import { lazy } from 'react';
import type { PersonTab } from '../registry/PersonPage';

/** Everything recorded on the person across the modules, newest first. */
export const timelinePersonTab: PersonTab = {
  value: 'timeline',
  label: (t) => t('personTimeline.tab'),
  permission: 'persons.read',
  Panel: lazy(() => import('./PersonTimelinePanel')),
};
