import { seoulDate } from '@ieum/domain';
import { and, eq } from 'drizzle-orm';
import { personScopes } from '../../platform/access/scope';
import { appendAudit } from '../../platform/audit/audit-log';
import type { Actor } from '../../platform/context';
import type { Deps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { consentsFor } from './consents.repository';
import { consents } from './schema';

/**
 * Records the withdrawal of a consent, effective from `withdrawnOn` (today by default; a withdrawal told
 * earlier may be dated back, never ahead). From that day no referral relying on it can be sent, and every
 * recipient's next read of such a referral is refused.
 */
export async function withdrawConsent(
  deps: Deps,
  options: { actor: Actor; consentId: string; withdrawnOn?: string | undefined; version: number },
): Promise<void> {
  const { actor } = options;
  const today = seoulDate(deps.now());
  const withdrawnOn = options.withdrawnOn ?? today;
  await deps.db.transaction(async (tx) => {
    const consent = await consentsFor(tx, personScopes(actor)).findById(options.consentId);
    if (!consent) throw notFound();
    if (consent.withdrawnOn !== null) {
      throw new AppError('rule.violation', {
        detail: { ko: '이미 철회된 동의입니다.', en: 'This consent was already withdrawn.' },
      });
    }
    if (withdrawnOn > today || withdrawnOn < consent.givenOn) {
      throw new AppError('request.invalid', {
        fieldErrors: [
          {
            path: 'withdrawnOn',
            message: {
              ko: '철회일은 동의일부터 오늘 사이여야 합니다.',
              en: 'The withdrawal date must fall between the consent date and today.',
            },
          },
        ],
      });
    }
    const now = deps.now();
    const updated = await tx
      .update(consents)
      .set({
        withdrawnOn,
        withdrawnBy: actor.userId,
        withdrawnAt: now,
        version: options.version + 1,
        updatedAt: now,
      })
      .where(and(eq(consents.id, consent.id), eq(consents.version, options.version)))
      .returning({ id: consents.id });
    if (updated.length === 0) throw new AppError('conflict.stale');
    await appendAudit(tx, {
      action: 'update',
      entityType: 'consent',
      entityId: consent.id,
      subjectId: consent.personId,
      detail: { withdrawnOn },
    });
  });
}
