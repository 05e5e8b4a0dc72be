import { lazy } from 'react';
import type { PersonTab } from '../registry/PersonPage';

/** Merging duplicate records into this person, and undoing a merge: for those who may merge. */
export const mergePersonTab: PersonTab = {
  value: 'merge',
  label: (t) => t('merge.tab'),
  permission: 'persons.merge',
  Panel: lazy(() => import('./MergePanel')),
};
