import type { IsoDate } from '../time/calendar';
import { addMonths } from '../time/calendar';

/**
 * An application moves recommendation → application → interview → offer → placement; at any open stage it can
 * end as withdrawn (the person) or rejected (the employer), with a reason. Placement, withdrawal and rejection
 * are final: a person who tries again at the same posting starts a new application.
 */
export const APPLICATION_STAGES = [
  'recommended',
  'applied',
  'interview',
  'offer',
  'placed',
  'withdrawn',
  'rejected',
] as const;
type ApplicationStage = (typeof APPLICATION_STAGES)[number];

export const OPEN_STAGES: readonly ApplicationStage[] = ['recommended', 'applied', 'interview', 'offer'];
const FORWARD: Readonly<Record<ApplicationStage, readonly ApplicationStage[]>> = {
  recommended: ['applied'],
  applied: ['interview', 'offer'],
  interview: ['offer'],
  offer: ['placed'],
  placed: [],
  withdrawn: [],
  rejected: [],
};

export function canMoveApplication(from: ApplicationStage, to: ApplicationStage): boolean {
  if (!OPEN_STAGES.includes(from)) return false;
  if (to === 'withdrawn' || to === 'rejected') return true;
  return FORWARD[from].includes(to);
}

/** Why an application ended without a placement; required for withdrawn and rejected. */
export const APPLICATION_END_REASONS = [
  'wage',
  'hours',
  'commute',
  'health',
  'childcare',
  'skills',
  'language',
  'found_other_work',
  'no_response',
  'other',
] as const;

/** Retention checks after a placement, in months from the first day of work. */
export const RETENTION_CHECK_MONTHS = [1, 3, 6, 12] as const;

/** The day of a retention check: the same day of the month, `months` later (clamped to the month's end). */
export function retentionCheckDue(start: IsoDate, months: number): IsoDate {
  return addMonths(start, months);
}
