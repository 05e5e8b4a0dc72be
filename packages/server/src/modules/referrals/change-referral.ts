import {
  type ReferralAction,
  type ReferralStatus,
  referralActionSide,
  referralStep,
  seoulDate,
} from '@ieum/domain';
import { and, eq } from 'drizzle-orm';
import { appendAudit, recordAudit } from '../../platform/audit/audit-log';
import type { Actor } from '../../platform/context';
import { newId } from '../../platform/db/ids';
import type { Deps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { consentTermsOf } from './consents.repository';
import { referralCoverage } from './referral-view';
import { referralsFor } from './referrals.repository';
import { referralEvents, referrals } from './schema';

const ACTION_NAMES: Record<ReferralAction, { ko: string; en: string }> = {
  accept: { ko: '수락', en: 'accept' },
  decline: { ko: '거절', en: 'decline' },
  complete: { ko: '완료', en: 'complete' },
  cancel: { ko: '취소', en: 'cancel' },
};

/**
 * One step of a referral by the side it belongs to: the recipient accepts, declines (with a reason) or
 * completes; the sender cancels. Accepting starts work on the person's data, so it needs a consent that
 * covers the referral today; declining, completing and cancelling never do (stopping must always be
 * possible). A reason or note is sealed with the person's key. The change, its event and the audit entry
 * commit together; a stale version is refused.
 */
export async function changeReferral(
  deps: Deps,
  options: {
    actor: Actor;
    referralId: string;
    action: ReferralAction;
    version: number;
    note?: string | undefined;
  },
): Promise<void> {
  const { actor, action } = options;
  const side = referralActionSide(action);
  const today = seoulDate(deps.now());
  const found = await referralsFor(deps.db, actor).findById(options.referralId);
  if (!found) throw notFound();
  if (found.side !== side) throw new AppError('access.denied');
  const { referral } = found;
  if (action === 'accept') {
    const consents = (await consentTermsOf(deps.db, [referral.personId])).get(referral.personId) ?? [];
    const coverage = referralCoverage(found, consents, today);
    if (!coverage.covered) {
      await recordAudit(deps.db, {
        action: 'permission_denied',
        entityType: 'referral',
        entityId: referral.id,
        subjectId: referral.personId,
        reason: 'referral',
        detail: { refused: 'consent', missing: coverage.missing, step: action },
      });
      throw new AppError('referral.consent_lapsed');
    }
  }

  await deps.db.transaction(async (tx) => {
    const row = await referralsFor(tx, actor).findById(options.referralId);
    if (!row || row.side !== side) throw notFound();
    const from = row.referral.status as ReferralStatus;
    const to = referralStep(from, action);
    if (!to) {
      throw new AppError('rule.violation', {
        detail: {
          ko: `'${from}' 상태의 의뢰는 ${ACTION_NAMES[action].ko}할 수 없습니다.`,
          en: `Cannot ${ACTION_NAMES[action].en} a referral in status '${from}'.`,
        },
      });
    }
    const now = deps.now();
    const updated = await tx
      .update(referrals)
      .set({ status: to, version: options.version + 1, updatedAt: now })
      .where(and(eq(referrals.id, referral.id), eq(referrals.version, options.version)))
      .returning({ id: referrals.id });
    if (updated.length === 0) throw new AppError('conflict.stale');
    const eventId = newId();
    const noteSealed = options.note
      ? await deps.vault.encrypt(
          tx,
          { type: 'person', id: referral.personId },
          `referral_event:${eventId}`,
          options.note,
        )
      : null;
    await tx.insert(referralEvents).values({
      id: eventId,
      referralId: referral.id,
      status: to,
      byUserId: actor.userId,
      byOrganizationId: actor.organizationId,
      noteSealed,
      at: now,
    });
    await appendAudit(tx, {
      action: 'update',
      entityType: 'referral',
      entityId: referral.id,
      subjectId: referral.personId,
      reason: 'referral',
      detail: { from, to, withNote: noteSealed !== null },
    });
  });
}
