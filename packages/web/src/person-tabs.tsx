import { casePersonTab } from './modules/cases/person-tab';
import { schedulePersonTab } from './modules/dashboard/person-tab';
import { jobsPersonTab } from './modules/jobs/person-tab';
import { mergePersonTab } from './modules/merge/person-tab';
import { timelinePersonTab } from './modules/person-timeline/person-tab';
import { protectionPersonTab } from './modules/protection/person-tab';
import { referralsPersonTab } from './modules/referrals/person-tab';
import type { PersonTab } from './modules/registry/PersonPage';
import { transfersPersonTab } from './modules/transfers/person-tab';

/**
 * The sections other modules add to a person's page, in the order they appear after the overview.
 * Each module exports its tab from its own `person-tab.tsx`; this list is where they are put together.
 */
export const PERSON_TABS: readonly PersonTab[] = [
  casePersonTab,
  schedulePersonTab,
  referralsPersonTab,
  protectionPersonTab,
  jobsPersonTab,
  transfersPersonTab,
  timelinePersonTab,
  mergePersonTab,
];
