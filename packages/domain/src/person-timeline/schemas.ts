import { z } from 'zod';
import { IncentiveLineKind } from '../benefits/schemas';
import { CaseStatus, NeedDomain, NoteSensitivity } from '../cases/lifecycle';
import { GOAL_STATUSES } from '../cases/schemas';
import { ReferralStatus } from '../consent/referral-lifecycle';
import { ConsentPurpose, DataCategory, RecipientType } from '../consent/terms';
import { APPLICATION_STAGES } from '../jobs/pipeline';
import { AlertOutcome, ContactMethod } from '../protection/schemas';
import { AlertLevel } from '../protection/screening-rules';
import { SignalType } from '../protection/signal-types';
import { TaskKind } from '../timeline/schemas';

/**
 * Everything that happened on a person, newest first. Each entry says what, when and who; never free text
 * (note bodies, reasons, goal wording stay sealed behind their own screens).
 */
const base = {
  /** Stable across pages: `<kind>:<source row id>`. */
  id: z.string(),
  at: z.string(),
  /** Display name of the staff member who did it; null when it was an import or a system job. */
  actor: z.string().nullable(),
};
const caseRef = { caseId: z.uuid() };
/** A consent names one organization, or every organization of a type. */
const consentRecipient = {
  recipientOrganization: z.string().nullable(),
  recipientType: RecipientType.nullable(),
};

export const PersonTimelineEvent = z.discriminatedUnion('kind', [
  z.object({ ...base, kind: z.literal('registered') }),
  z.object({ ...base, ...caseRef, kind: z.literal('case_opened'), center: z.string() }),
  z.object({ ...base, ...caseRef, kind: z.literal('case_status_changed'), status: CaseStatus }),
  z.object({ ...base, ...caseRef, kind: z.literal('assessment_recorded') }),
  z.object({ ...base, ...caseRef, kind: z.literal('goal_added'), domain: NeedDomain }),
  z.object({
    ...base,
    ...caseRef,
    kind: z.literal('goal_changed'),
    domain: NeedDomain,
    status: z.enum(GOAL_STATUSES),
  }),
  z.object({ ...base, ...caseRef, kind: z.literal('note_added'), sensitivity: NoteSensitivity }),
  z.object({ ...base, kind: z.literal('task_created'), taskKind: TaskKind, dueOn: z.string() }),
  z.object({ ...base, kind: z.literal('task_completed'), taskKind: TaskKind }),
  z.object({
    ...base,
    kind: z.literal('consent_given'),
    purpose: ConsentPurpose,
    categories: z.array(DataCategory),
    ...consentRecipient,
  }),
  z.object({ ...base, kind: z.literal('consent_withdrawn'), purpose: ConsentPurpose, ...consentRecipient }),
  z.object({ ...base, kind: z.literal('referral_status'), status: ReferralStatus, recipient: z.string() }),
  z.object({
    ...base,
    kind: z.literal('transfer_requested'),
    fromCenter: z.string(),
    toCenter: z.string(),
  }),
  z.object({
    ...base,
    kind: z.literal('transfer_decided'),
    status: z.enum(['accepted', 'declined', 'cancelled']),
    fromCenter: z.string(),
    toCenter: z.string(),
  }),
  z.object({ ...base, kind: z.literal('signal_received'), signalType: SignalType, observedOn: z.string() }),
  z.object({ ...base, kind: z.literal('alert_opened'), level: AlertLevel }),
  z.object({ ...base, kind: z.literal('alert_contact'), method: ContactMethod, reached: z.boolean() }),
  z.object({ ...base, kind: z.literal('alert_closed'), outcome: AlertOutcome }),
  z.object({
    ...base,
    kind: z.literal('application_stage'),
    stage: z.enum(APPLICATION_STAGES),
    posting: z.string(),
    employer: z.string(),
  }),
  z.object({ ...base, kind: z.literal('employment_started'), employer: z.string(), insured: z.boolean() }),
  z.object({ ...base, kind: z.literal('employment_ended'), employer: z.string() }),
  z.object({ ...base, kind: z.literal('incentive_paid'), line: IncentiveLineKind, amount: z.number().int() }),
]);
export type PersonTimelineEvent = z.infer<typeof PersonTimelineEvent>;
export type PersonTimelineKind = PersonTimelineEvent['kind'];

export const PersonTimelineQuery = z.object({
  page: z.coerce.number().int().min(1).max(1000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(30),
});
export const PersonTimeline = z.object({ items: z.array(PersonTimelineEvent), total: z.number().int() });
export type PersonTimeline = z.infer<typeof PersonTimeline>;

/** One transfer of a person's case as both centers remember it, for the person's page. */
export const PersonTransfer = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  fromCenter: z.string(),
  toCenter: z.string(),
  status: z.enum(['requested', 'accepted', 'declined', 'cancelled']),
  reason: z.string(),
  decisionReason: z.string().nullable(),
  requestedBy: z.string(),
  requestedAt: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  /** Whether this reader may withdraw the request (the sending center, while it is pending). */
  cancellable: z.boolean(),
});
export type PersonTransfer = z.infer<typeof PersonTransfer>;
export const PersonTransferList = z.object({ items: z.array(PersonTransfer) });
