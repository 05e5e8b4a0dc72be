import type { TFunction } from 'i18next';
import { lazy } from 'react';
import type { PersonTab } from '../registry/PersonPage';

// Through i18next's own TFunction: the hook's type, instantiated here, hits TypeScript's depth limit.
const tabLabel = (t: TFunction) => t('dashboard.personTab.label');

/** "일정·기한": the person's statutory deadlines for every office, and the center's appointments. */
export const schedulePersonTab: PersonTab = {
  value: 'schedule',
  label: (t) => tabLabel(t),
  permission: 'tasks.read',
  Panel: lazy(() => import('./PersonSchedulePanel')),
};
