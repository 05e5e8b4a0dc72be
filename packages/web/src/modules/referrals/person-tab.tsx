import { lazy } from 'react';
import type { PersonTab } from '../registry/PersonPage';

/** Consents and referrals on a person's page: loaded only when the tab is first opened. */
export const referralsPersonTab: PersonTab = {
  value: 'referrals',
  label: (t) => t('referrals.person.tab'),
  permission: 'consents.read',
  Panel: lazy(() => import('./PersonReferralsPanel')),
};
