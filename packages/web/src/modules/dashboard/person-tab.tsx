import { lazy } from 'react';
import type { PersonTab } from '../registry/PersonPage';

/** "일정·기한": the person's statutory deadlines for every office, and the center's appointments. */
export const schedulePersonTab: PersonTab = {
  value: 'schedule',
  label: (t) => t('dashboard.personTab.label'),
  permission: 'tasks.read',
  Panel: lazy(() => import('./PersonSchedulePanel')),
};
