import { type CommentResolutionInput, type CommentView, checkResolveComment } from '@ieum/domain';
import { and, eq, sql } from 'drizzle-orm';
import { appendAudit } from '../../platform/audit/audit-log';
import type { Actor } from '../../platform/context';
import type { Deps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { assertPlanCheck, planActor } from './plan-rules';
import { planFacts, requirePlan } from './plans.repository';
import { commentViews } from './read-consultation';
import { planComments } from './schema';

/** The plan manager's answer to a comment (반영, 일부 반영, 미반영, with a reason), at the comment's version. */
export async function resolveComment(
  deps: Deps,
  options: { actor: Actor; commentId: string; input: CommentResolutionInput },
): Promise<CommentView> {
  const { actor, input } = options;
  return deps.db.transaction(async (tx) => {
    const [comment] = await tx.select().from(planComments).where(eq(planComments.id, options.commentId));
    if (!comment) throw notFound();
    const plan = await requirePlan(tx, comment.planId);
    assertPlanCheck(checkResolveComment(await planFacts(tx, plan), planActor(actor)));
    const now = deps.now();
    const [row] = await tx
      .update(planComments)
      .set({
        resolution: input.resolution,
        resolutionReason: input.reason,
        resolvedBy: actor.userId,
        resolvedAt: now,
        version: sql`${planComments.version} + 1`,
      })
      .where(and(eq(planComments.id, comment.id), eq(planComments.version, input.version)))
      .returning();
    if (!row) throw new AppError('conflict.stale');
    await appendAudit(tx, {
      action: 'update',
      entityType: 'plan_comment',
      entityId: comment.id,
      detail: { planId: plan.id, resolution: input.resolution },
    });
    const [view] = await commentViews(tx, [row]);
    return view as CommentView;
  });
}
