import { eq } from 'drizzle-orm';
import { appendAudit, verifyAuditChain } from '../../platform/audit/audit-log';
import type { Actor } from '../../platform/context';
import { isUniqueViolation } from '../../platform/db/errors';
import { newId } from '../../platform/db/ids';
import { auditReviews, users } from '../../platform/db/schema';
import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { countEntriesInMonth } from './audit.repository';

/**
 * The monthly review of the access log that PIPA's safety standard requires: the auditor states findings
 * for a past or current month; the sign-off records how many entries the month held and whether the
 * hash chain verified at that moment.
 */
export async function signAuditReview(
  deps: Deps,
  options: { actor: Actor; month: string; findings: string },
) {
  const currentMonth = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Seoul',
    year: 'numeric',
    month: '2-digit',
  })
    .format(deps.now())
    .slice(0, 7);
  if (options.month > currentMonth) {
    throw new AppError('rule.violation', {
      fieldErrors: [
        {
          path: 'month',
          message: {
            ko: '아직 오지 않은 달은 검토할 수 없습니다.',
            en: 'A future month cannot be reviewed.',
          },
        },
      ],
    });
  }
  const verification = await verifyAuditChain(deps.db);
  const entriesReviewed = await countEntriesInMonth(deps.db, options.month);
  const id = newId();
  try {
    await deps.db.transaction(async (tx) => {
      await tx.insert(auditReviews).values({
        id,
        month: options.month,
        reviewerId: options.actor.userId,
        findings: options.findings,
        entriesReviewed,
        chainVerified: verification.ok,
        signedAt: deps.now(),
      });
      await appendAudit(tx, {
        action: 'review_signed',
        entityType: 'audit_review',
        entityId: id,
        detail: { month: options.month, entriesReviewed, chainVerified: verification.ok },
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError('conflict.duplicate', {
        fieldErrors: [
          {
            path: 'month',
            message: { ko: '이미 검토를 마친 달입니다.', en: 'This month has already been reviewed.' },
          },
        ],
      });
    }
    throw error;
  }
  const [review] = await listAuditReviews(deps, { id });
  if (!review) throw new Error('signed review not found after commit');
  return review;
}

export async function listAuditReviews(deps: Deps, options: { id?: string } = {}) {
  const rows = await deps.db
    .select({ review: auditReviews, reviewerUsername: users.username })
    .from(auditReviews)
    .innerJoin(users, eq(users.id, auditReviews.reviewerId))
    .where(options.id ? eq(auditReviews.id, options.id) : undefined)
    .orderBy(auditReviews.month);
  return rows.reverse().map(({ review, reviewerUsername }) => ({
    id: review.id,
    month: review.month,
    reviewerId: review.reviewerId,
    reviewerUsername,
    findings: review.findings,
    entriesReviewed: review.entriesReviewed,
    chainVerified: review.chainVerified,
    signedAt: review.signedAt.toISOString(),
  }));
}
