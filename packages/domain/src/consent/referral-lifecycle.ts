import { z } from 'zod';
import type { IsoDate } from '../time/calendar';

/**
 * A referral's life: the Hana Center sends it; the recipient accepts or declines (with a reason); an accepted
 * referral is completed by the recipient. The sender may cancel it while it is sent or accepted.
 */
export const REFERRAL_STATUSES = ['sent', 'accepted', 'declined', 'completed', 'cancelled'] as const;
export const ReferralStatus = z.enum(REFERRAL_STATUSES);
export type ReferralStatus = z.infer<typeof ReferralStatus>;

export const REFERRAL_ACTIONS = ['accept', 'decline', 'complete', 'cancel'] as const;
export const ReferralAction = z.enum(REFERRAL_ACTIONS);
export type ReferralAction = z.infer<typeof ReferralAction>;

/** Which side of a referral a reader stands on: the sending Hana Center or the receiving organization. */
export type ReferralSide = 'sender' | 'recipient';

const STEPS: Record<
  ReferralAction,
  { from: readonly ReferralStatus[]; to: ReferralStatus; by: ReferralSide }
> = {
  accept: { from: ['sent'], to: 'accepted', by: 'recipient' },
  decline: { from: ['sent'], to: 'declined', by: 'recipient' },
  complete: { from: ['accepted'], to: 'completed', by: 'recipient' },
  cancel: { from: ['sent', 'accepted'], to: 'cancelled', by: 'sender' },
};

/** The status an action leads to from `status`, or null when it is not allowed there. */
export function referralStep(status: ReferralStatus, action: ReferralAction): ReferralStatus | null {
  const step = STEPS[action];
  return step.from.includes(status) ? step.to : null;
}

/** The actions open to one side in a status, in a fixed order. */
export function allowedReferralActions(status: ReferralStatus, side: ReferralSide): ReferralAction[] {
  return REFERRAL_ACTIONS.filter(
    (action) => STEPS[action].by === side && STEPS[action].from.includes(status),
  );
}

export function referralActionSide(action: ReferralAction): ReferralSide {
  return STEPS[action].by;
}

/** Still in progress: waiting for an answer, or accepted and being worked on. */
export function isReferralOpen(status: ReferralStatus): boolean {
  return status === 'sent' || status === 'accepted';
}

/** A sent referral nobody answered by its due date: overdue from the day after (the due date still counts). */
export function isReferralOverdue(
  referral: { status: ReferralStatus; dueOn: IsoDate },
  today: IsoDate,
): boolean {
  return referral.status === 'sent' && referral.dueOn < today;
}
