import { findCoveringConsent, isRecipientType, type ReferralInput, seoulDate } from '@ieum/domain';
import { eq } from 'drizzle-orm';
import { personScopes } from '../../platform/access/scope';
import { appendAudit, recordAudit } from '../../platform/audit/audit-log';
import type { Actor } from '../../platform/context';
import { newId } from '../../platform/db/ids';
import { organizations } from '../../platform/db/schema';
import type { Deps } from '../../platform/deps';
import { AppError, type FieldError } from '../../platform/errors';
import { personsFor } from '../registry/persons.repository';
import { refuseOutOfScope } from '../registry/refuse-out-of-scope';
import { describeConsentGaps } from './consent-gaps';
import { consentTermsOf } from './consents.repository';
import { referralEvents, referrals } from './schema';

function field(path: string, ko: string, en: string): FieldError {
  return { path, message: { ko, en } };
}

/**
 * Sends a referral for a person the actor may see, to a partner organization. Refused (422, naming what is
 * missing) unless one consent of the person covers that recipient, every category and the purpose today;
 * the refusal is audited. The message is sealed with the person's key; the referral, its first event and
 * the audit entry commit together.
 */
export async function sendReferral(
  deps: Deps,
  options: { actor: Actor; input: ReferralInput },
): Promise<{ id: string }> {
  const { actor, input } = options;
  const found = await personsFor(deps.db, personScopes(actor)).findById(input.personId);
  if (!found)
    throw await refuseOutOfScope(deps.db, {
      personId: input.personId,
      entityType: 'referral',
      entityId: input.personId,
    });
  const today = seoulDate(deps.now());

  const errors: FieldError[] = [];
  const [recipient] = await deps.db
    .select({ type: organizations.type, active: organizations.active })
    .from(organizations)
    .where(eq(organizations.id, input.recipientOrganizationId));
  if (!recipient?.active || !isRecipientType(recipient.type)) {
    errors.push(
      field(
        'recipientOrganizationId',
        '의뢰할 수 있는 협력기관(고용센터, 학교, 법률구조기관, 민간단체, 지방자치단체, 고용주)을 선택해 주십시오.',
        'Choose a partner organization to refer to (employment center, school, legal aid, NGO, local government, employer).',
      ),
    );
  }
  if (input.dueOn < today) {
    errors.push(field('dueOn', '회신 기한은 오늘 이후여야 합니다.', 'The due date cannot be in the past.'));
  }
  if (errors.length > 0 || !recipient) throw new AppError('request.invalid', { fieldErrors: errors });

  const consents = (await consentTermsOf(deps.db, [found.person.id])).get(found.person.id) ?? [];
  const coverage = findCoveringConsent(consents, {
    recipientOrgId: input.recipientOrganizationId,
    recipientType: recipient.type,
    categories: input.categories,
    purpose: input.purpose,
    on: today,
  });
  if (!coverage.covered) {
    await recordAudit(deps.db, {
      action: 'permission_denied',
      entityType: 'referral',
      subjectId: found.person.id,
      reason: 'referral',
      detail: {
        refused: 'consent',
        missing: coverage.missing,
        recipientOrganizationId: input.recipientOrganizationId,
        purpose: input.purpose,
        categories: input.categories,
      },
    });
    throw new AppError('consent.not_covered', {
      detail: describeConsentGaps(coverage.missing, input.purpose),
      extensions: { missing: coverage.missing },
    });
  }

  const id = newId();
  await deps.db.transaction(async (tx) => {
    const messageSealed = await deps.vault.encrypt(
      tx,
      { type: 'person', id: found.person.id },
      `referral_message:${id}`,
      input.message,
    );
    const now = deps.now();
    await tx.insert(referrals).values({
      id,
      personId: found.person.id,
      senderOrganizationId: actor.organizationId,
      senderUserId: actor.userId,
      recipientOrganizationId: input.recipientOrganizationId,
      purpose: input.purpose,
      categories: input.categories,
      consentId: coverage.consent.id,
      messageSealed,
      dueOn: input.dueOn,
      status: 'sent',
      createdAt: now,
      updatedAt: now,
    });
    await tx.insert(referralEvents).values({
      id: newId(),
      referralId: id,
      status: 'sent',
      byUserId: actor.userId,
      byOrganizationId: actor.organizationId,
      at: now,
    });
    await appendAudit(tx, {
      action: 'create',
      entityType: 'referral',
      entityId: id,
      subjectId: found.person.id,
      reason: 'referral',
      detail: {
        recipientOrganizationId: input.recipientOrganizationId,
        purpose: input.purpose,
        categories: input.categories,
        consentId: coverage.consent.id,
      },
    });
  });
  return { id };
}
