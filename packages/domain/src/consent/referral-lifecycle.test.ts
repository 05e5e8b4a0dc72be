import { describe, expect, it } from 'vitest';
import {
  allowedReferralActions,
  isReferralOpen,
  isReferralOverdue,
  REFERRAL_STATUSES,
  referralStep,
} from './referral-lifecycle';

describe('referral lifecycle', () => {
  it('is answered from sent, completed from accepted, and cancelled by the sender while open', () => {
    expect(referralStep('sent', 'accept')).toBe('accepted');
    expect(referralStep('sent', 'decline')).toBe('declined');
    expect(referralStep('accepted', 'complete')).toBe('completed');
    expect(referralStep('sent', 'cancel')).toBe('cancelled');
    expect(referralStep('accepted', 'cancel')).toBe('cancelled');
  });

  it('does not complete an unanswered referral, answer twice, or reopen a finished one', () => {
    expect(referralStep('sent', 'complete')).toBeNull();
    expect(referralStep('accepted', 'accept')).toBeNull();
    expect(referralStep('accepted', 'decline')).toBeNull();
    for (const status of REFERRAL_STATUSES.filter((s) => !isReferralOpen(s))) {
      expect(allowedReferralActions(status, 'sender')).toEqual([]);
      expect(allowedReferralActions(status, 'recipient')).toEqual([]);
    }
  });

  it('gives the recipient the answers and the sender the cancellation', () => {
    expect(allowedReferralActions('sent', 'recipient')).toEqual(['accept', 'decline']);
    expect(allowedReferralActions('sent', 'sender')).toEqual(['cancel']);
    expect(allowedReferralActions('accepted', 'recipient')).toEqual(['complete']);
    expect(allowedReferralActions('accepted', 'sender')).toEqual(['cancel']);
  });

  it('is overdue from the day after the due date while still unanswered', () => {
    expect(isReferralOverdue({ status: 'sent', dueOn: '2026-03-10' }, '2026-03-10')).toBe(false);
    expect(isReferralOverdue({ status: 'sent', dueOn: '2026-03-10' }, '2026-03-11')).toBe(true);
    expect(isReferralOverdue({ status: 'accepted', dueOn: '2026-03-10' }, '2026-04-01')).toBe(false);
    expect(isReferralOverdue({ status: 'cancelled', dueOn: '2026-03-10' }, '2026-04-01')).toBe(false);
  });
});
