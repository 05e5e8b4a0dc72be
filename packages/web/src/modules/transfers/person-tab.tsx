import { lazy } from 'react';
import type { PersonTab } from '../registry/PersonPage';

/** The person's case transfers between Hana Centers, and the request to move the case. */
export const transfersPersonTab: PersonTab = {
  value: 'transfers',
  label: (t) => t('transfers.person.tab'),
  permission: 'cases.read',
  Panel: lazy(() => import('./PersonTransfersPanel')),
};
