import type { TFunction } from 'i18next';
import { lazy } from 'react';
import type { PersonTab } from '../registry/PersonPage';

// Through i18next's own TFunction: the hook's type, instantiated here, hits TypeScript's depth limit.
const tabLabel = (t: TFunction) => t('jobs.person.tab');

/** The person page's 취업 tab; its code loads when the tab is first opened. */
export const jobsPersonTab: PersonTab = {
  value: 'jobs',
  label: (t) => tabLabel(t),
  permission: 'jobs.read',
  Panel: lazy(() => import('./PersonJobsPanel')),
};
