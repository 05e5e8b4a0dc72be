import {
  allowedReferralActions,
  type ConsentPurpose,
  type ConsentSearch,
  type DataCategory,
  findCoveringConsent,
  isReferralOpen,
  isReferralOverdue,
  NEED_DOMAINS_OF_CATEGORY,
  type NeedDomain,
  priorityNeeds,
  type RecipientReferral,
  type RecipientType,
  type ReferralSide,
  type ReferralStatus,
  type ReferralSummary,
} from '@ieum/domain';
import type { Queryable } from '../../platform/db/client';
import type { Deps } from '../../platform/deps';
import type { ConsentRecord } from './consents.repository';
import { type ReferralRow, unsafeCaseDataOfReferral, unsafePersonOfReferral } from './referrals.repository';

export interface ReferralWithOrganizations {
  readonly referral: ReferralRow;
  readonly sender: { id: string; name: string };
  readonly recipient: { id: string; name: string; type: string };
}

/** Whether a consent of the person covers the referral today: its recipient, every category, its purpose. */
export function referralCoverage(
  found: ReferralWithOrganizations,
  consents: readonly ConsentRecord[],
  today: string,
): ConsentSearch<ConsentRecord> {
  return findCoveringConsent(consents, {
    recipientOrgId: found.recipient.id,
    recipientType: found.recipient.type,
    categories: found.referral.categories as DataCategory[],
    purpose: found.referral.purpose as ConsentPurpose,
    on: today,
  });
}

export function toSummary(
  found: ReferralWithOrganizations,
  options: {
    side: ReferralSide;
    person: ReferralSummary['person'];
    covered: boolean;
    today: string;
  },
): ReferralSummary {
  const { referral } = found;
  const status = referral.status as ReferralStatus;
  const suspended = isReferralOpen(status) && !options.covered;
  return {
    id: referral.id,
    person: options.person,
    senderOrganization: found.sender,
    recipientOrganization: { ...found.recipient, type: found.recipient.type as RecipientType },
    purpose: referral.purpose as ConsentPurpose,
    categories: referral.categories as DataCategory[],
    dueOn: referral.dueOn,
    sentAt: referral.createdAt.toISOString(),
    status,
    overdue: isReferralOverdue({ status, dueOn: referral.dueOn }, options.today),
    suspended,
    // Taking a referral on needs consent; saying no, finishing or cancelling never does.
    allowedActions: allowedReferralActions(status, options.side).filter(
      (action) => !(suspended && action === 'accept'),
    ),
    version: referral.version,
  };
}

type CarriedData = Pick<RecipientReferral, 'identity' | 'contact' | 'caseSummary' | 'needs'>;

/**
 * Exactly the carried categories of the person's data, nothing else: no registration number, former
 * names, notes or categories the referral does not carry. Call only after the consent check.
 */
export async function carriedData(deps: Deps, q: Queryable, referral: ReferralRow): Promise<CarriedData> {
  const carried = new Set(referral.categories as DataCategory[]);
  const subject = { type: 'person' as const, id: referral.personId };
  const open = (field: string, sealed: string | null) =>
    sealed ? deps.vault.decrypt(q, subject, field, sealed) : Promise.resolve(null);
  const data: CarriedData = {};

  if (carried.has('identity') || carried.has('contact')) {
    const person = await unsafePersonOfReferral(q, referral);
    if (person && carried.has('identity')) {
      data.identity = {
        name: (await open('name', person.nameSealed)) ?? '(삭제됨)',
        birthDate: await open('birth_date', person.birthDateSealed),
      };
    }
    if (person && carried.has('contact')) {
      data.contact = {
        phone: await open('phone', person.phoneSealed),
        address: await open('address', person.addressSealed),
      };
    }
  }

  const needDomains = [...carried].flatMap((category) => NEED_DOMAINS_OF_CATEGORY[category]);
  if (carried.has('case_summary') || needDomains.length > 0) {
    const caseData = await unsafeCaseDataOfReferral(q, referral);
    const scores = (caseData.assessment?.scores ?? {}) as Partial<Record<NeedDomain, number>>;
    if (carried.has('case_summary')) {
      data.caseSummary = {
        priorities: priorityNeeds(scores),
        goals: await Promise.all(
          caseData.goals.map(async (goal) => ({
            domain: goal.domain as NeedDomain,
            goal: (await open(`goal:${goal.id}`, goal.goalSealed)) ?? '',
            targetOn: goal.targetOn,
            status: goal.status as 'planned' | 'in_progress' | 'achieved' | 'dropped',
          })),
        ),
      };
    }
    if (needDomains.length > 0) {
      data.needs = needDomains
        .filter((domain) => scores[domain] !== undefined)
        .map((domain) => ({ domain, score: scores[domain] as number }));
    }
  }
  return data;
}
