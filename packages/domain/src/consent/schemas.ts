import { z } from 'zod';
import { NeedDomain } from '../cases/lifecycle';
import { GOAL_STATUSES } from '../cases/schemas';
import { OrganizationType } from '../platform/roles';
import { IsoDateString } from '../registry/schemas';
import { ReferralAction, ReferralStatus } from './referral-lifecycle';
import { ConsentPurpose, DataCategory, RecipientType } from './terms';

/** Each category once, in the order given. */
const Categories = z
  .array(DataCategory)
  .min(1)
  .max(DataCategory.options.length)
  .transform((categories) => [...new Set(categories)]);
const Version = z.number().int();

/**
 * A consent as the case worker records it from the signed form: exactly one of a named organization or a
 * kind of organization, the categories, one purpose and its period (the expiry day included).
 */
export const ConsentInput = z.object({
  recipientOrganizationId: z.uuid().optional(),
  recipientType: RecipientType.optional(),
  categories: Categories,
  purpose: ConsentPurpose,
  givenOn: IsoDateString,
  expiresOn: IsoDateString,
});
export type ConsentInput = z.infer<typeof ConsentInput>;

/** Withdrawal takes effect on `withdrawnOn` (today when absent; never a future day). */
export const ConsentWithdrawal = z.object({ withdrawnOn: IsoDateString.optional(), version: Version });

const UserRef = z.object({ id: z.uuid(), displayName: z.string() });

export const ConsentView = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  recipientOrganization: z.object({ id: z.uuid(), name: z.string(), type: OrganizationType }).nullable(),
  recipientType: RecipientType.nullable(),
  categories: z.array(DataCategory),
  purpose: ConsentPurpose,
  givenOn: z.string(),
  expiresOn: z.string(),
  withdrawnOn: z.string().nullable(),
  withdrawnBy: UserRef.nullable(),
  recordedBy: UserRef,
  recordedAt: z.string(),
  /** On the reader's today (Asia/Seoul). */
  state: z.enum(['active', 'not_yet_given', 'expired', 'withdrawn']),
  version: Version,
});
export type ConsentView = z.infer<typeof ConsentView>;
export const ConsentList = z.object({ items: z.array(ConsentView) });

export const ReferralInput = z.object({
  personId: z.uuid(),
  recipientOrganizationId: z.uuid(),
  purpose: ConsentPurpose,
  categories: Categories,
  dueOn: IsoDateString,
  /** Sealed with the person's key; the recipient reads it, so it should stay within the carried categories. */
  message: z.string().trim().min(1).max(4000),
});
export type ReferralInput = z.infer<typeof ReferralInput>;

export const ReferralAccept = z.object({ version: Version });
export const ReferralDecision = z.object({ reason: z.string().trim().min(2).max(1000), version: Version });
export const ReferralCompletion = z.object({
  note: z.string().trim().max(1000).optional(),
  version: Version,
});
export const ReferralCancellation = z.object({
  reason: z.string().trim().max(1000).optional(),
  version: Version,
});

export const ReferralQuery = z.object({
  /** `sent`: referrals of one's own center (a worker's own, a manager's whole center); `received`: one's organization's. */
  box: z.enum(['sent', 'received']),
  /** `open`: sent or accepted; `overdue`: sent and unanswered past the due date; `all`. */
  view: z.enum(['open', 'overdue', 'all']).default('open'),
  /** Only this person's referrals; for the sending side (a person's page), refused with `received`. */
  personId: z.uuid().optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(50),
});
export type ReferralQuery = z.infer<typeof ReferralQuery>;

const OrganizationRef = z.object({ id: z.uuid(), name: z.string() });

export const ReferralSummary = z.object({
  id: z.uuid(),
  /** Only for the sending center. The recipient sees personal data in the detail, and only what is carried. */
  person: z.object({ id: z.uuid(), code: z.string(), maskedName: z.string() }).nullable(),
  senderOrganization: OrganizationRef,
  recipientOrganization: OrganizationRef.extend({ type: RecipientType }),
  purpose: ConsentPurpose,
  categories: z.array(DataCategory),
  dueOn: z.string(),
  sentAt: z.string(),
  status: ReferralStatus,
  /** Sent and not answered by the due date (reader's today, Asia/Seoul). */
  overdue: z.boolean(),
  /** Open, but no consent covers it today (withdrawn or expired): the recipient can no longer read it. */
  suspended: z.boolean(),
  allowedActions: z.array(ReferralAction),
  version: Version,
});
export type ReferralSummary = z.infer<typeof ReferralSummary>;
export const ReferralList = z.object({ items: z.array(ReferralSummary), total: z.number().int() });

const ReferralEvent = z.object({
  status: ReferralStatus,
  at: z.string(),
  organizationName: z.string(),
  note: z.string().nullable(),
});

/** What the sending center sees: everything it sent, and why the referral is suspended if it is. */
export const SenderReferral = ReferralSummary.extend({
  side: z.literal('sender'),
  message: z.string(),
  consentId: z.uuid().nullable(),
  /** Why no consent covers the referral today (empty when one does); codes of `ConsentGap`. */
  consentGaps: z.array(z.string()),
  history: z.array(ReferralEvent),
});

/**
 * What the recipient sees: the purpose and message, and of the person only the carried categories. A block
 * whose category is not carried is absent, not empty.
 */
export const RecipientReferral = ReferralSummary.extend({
  side: z.literal('recipient'),
  message: z.string(),
  identity: z.object({ name: z.string(), birthDate: z.string().nullable() }).optional(),
  contact: z.object({ phone: z.string().nullable(), address: z.string().nullable() }).optional(),
  caseSummary: z
    .object({
      priorities: z.array(NeedDomain),
      goals: z.array(
        z.object({
          domain: NeedDomain,
          goal: z.string(),
          targetOn: z.string(),
          status: z.enum(GOAL_STATUSES),
        }),
      ),
    })
    .optional(),
  needs: z.array(z.object({ domain: NeedDomain, score: z.number().int() })).optional(),
  history: z.array(ReferralEvent),
});

export const ReferralDetail = z.discriminatedUnion('side', [SenderReferral, RecipientReferral]);
export type ReferralDetail = z.infer<typeof ReferralDetail>;
export type SenderReferral = z.infer<typeof SenderReferral>;
export type RecipientReferral = z.infer<typeof RecipientReferral>;
