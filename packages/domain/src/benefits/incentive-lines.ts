import type { IsoDate } from '../time/calendar';
import { INCENTIVE_RULES } from './incentive-rules';
import type { IncentiveFacts, IncentiveLineKind } from './schemas';

/**
 * One line of an incentive statement says whether it is paid, due (claimable since `dueOn`), upcoming
 * (claimable from `dueOn`, if the current job goes on) or not payable; how much; and why, as reason codes
 * that incentive-explanation.ts turns into sentences.
 */
export type IncentiveStatus = 'paid' | 'due' | 'upcoming' | 'ineligible';

export type IncentiveReasonCode =
  | 'months_at_employer'
  | 'not_reached'
  | 'short_spells_ignored'
  | 'uninsured_ignored'
  | 'upcoming_if_work_continues'
  | 'after_protection_period'
  | 'protection_extended_by_births'
  | 'capital_rate'
  | 'province_rate'
  | 'first_instalment_deducted'
  | 'residence_unknown'
  | 'no_rate_on_record'
  | 'ceiling_reduced'
  | 'ceiling_reached'
  | 'paid'
  | 'partly_paid'
  | 'abolished_for_decision'
  | 'training_hours'
  | 'training_below_minimum'
  | 'one_year_course'
  | 'certificate_acquired'
  | 'outside_protection_period';

export interface IncentiveReason {
  readonly code: IncentiveReasonCode;
  readonly params: Readonly<Record<string, string | number>>;
}

export interface IncentiveLine {
  readonly kind: IncentiveLineKind;
  readonly status: IncentiveStatus;
  /** Paid, or claimable now. */
  readonly eligible: boolean;
  /** KRW: what is (or will be) payable for the line now that the ceiling is applied; what was paid when paid. */
  readonly amount: number;
  readonly dueOn: IsoDate | null;
  readonly reasons: readonly IncentiveReason[];
}

/** A line before the ledger and the ceiling: its full amount, or why it has none. */
export interface DraftLine {
  readonly kind: IncentiveLineKind;
  readonly dueOn: IsoDate | null;
  /** Null when the line is not payable; `reasons` say why. */
  readonly amount: number | null;
  readonly reasons: IncentiveReason[];
}

/**
 * Applies the ledger and the ceiling. Payments count first, whatever line they were for; what is left of the
 * ceiling goes to unpaid lines in the order they fall due (ties in line order), so the latest claim is the
 * one cut short.
 */
export function settleIncentiveLines(drafts: readonly DraftLine[], facts: IncentiveFacts): IncentiveLine[] {
  const paidFor = new Map<IncentiveLineKind, { amount: number; paidOn: IsoDate }>();
  for (const payment of facts.payments) {
    const before = paidFor.get(payment.line);
    paidFor.set(payment.line, {
      amount: (before?.amount ?? 0) + payment.amount,
      paidOn: before && before.paidOn > payment.paidOn ? before.paidOn : payment.paidOn,
    });
  }
  const paidTotal = facts.payments.reduce((sum, payment) => sum + payment.amount, 0);
  let left = Math.max(0, INCENTIVE_RULES.ceiling - paidTotal);
  const order = drafts
    .map((draft, i) => ({ draft, i }))
    .sort((a, b) => {
      const da = a.draft.dueOn ?? '9999-12-31';
      const db = b.draft.dueOn ?? '9999-12-31';
      return da < db ? -1 : da > db ? 1 : a.i - b.i;
    });
  const lines: IncentiveLine[] = new Array(drafts.length);
  for (const { draft, i } of order) {
    const paid = paidFor.get(draft.kind);
    const reasons = [...draft.reasons];
    const finish = (status: IncentiveStatus, amount: number): void => {
      lines[i] = {
        kind: draft.kind,
        status,
        eligible: status === 'paid' || status === 'due',
        amount,
        dueOn: draft.dueOn,
        reasons,
      };
    };
    if (paid && (draft.amount === null || paid.amount >= draft.amount)) {
      reasons.push({ code: 'paid', params: { amount: paid.amount, paidOn: paid.paidOn } });
      finish('paid', paid.amount);
      continue;
    }
    if (draft.amount === null || draft.dueOn === null) {
      finish('ineligible', 0);
      continue;
    }
    const outstanding = draft.amount - (paid?.amount ?? 0);
    if (paid) reasons.push({ code: 'partly_paid', params: { paid: paid.amount, outstanding } });
    const amount = Math.min(outstanding, left);
    left -= amount;
    if (amount === 0) {
      reasons.push({ code: 'ceiling_reached', params: { ceiling: INCENTIVE_RULES.ceiling } });
      finish('ineligible', 0);
      continue;
    }
    if (amount < outstanding)
      reasons.push({ code: 'ceiling_reduced', params: { ceiling: INCENTIVE_RULES.ceiling, amount } });
    finish(draft.dueOn <= facts.asOf ? 'due' : 'upcoming', amount);
  }
  return lines;
}
