import type { TFunction } from 'i18next';
import { lazy } from 'react';
import type { PersonTab } from '../registry/PersonPage';

// Through i18next's own TFunction: the hook's type, instantiated here, hits TypeScript's depth limit.
const tabLabel = (t: TFunction) => t('protection.person.tab');

/** The person page's crisis and protection tab; its code loads when the tab is first opened. */
export const protectionPersonTab: PersonTab = {
  value: 'protection',
  label: (t) => tabLabel(t),
  permission: 'protection.read',
  Panel: lazy(() => import('./PersonProtectionPanel')),
};
