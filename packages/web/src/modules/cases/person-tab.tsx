import type { TFunction } from 'i18next';
import { lazy } from 'react';
import type { PersonTab } from '../registry/PersonPage';

// Through i18next's own TFunction: the hook's type, instantiated here, hits TypeScript's depth limit.
const tabLabel = (t: TFunction) => t('cases.tab.label');

/** The person page's case management tab; its code loads when the tab is first opened. */
export const casePersonTab: PersonTab = {
  value: 'cases',
  label: (t) => tabLabel(t),
  permission: 'cases.read',
  Panel: lazy(() => import('./CaseTab')),
};
