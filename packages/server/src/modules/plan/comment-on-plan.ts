import {
  type CommentInput,
  type CommentView,
  type ConsultationFacts,
  checkComment,
  type PlanFacts,
} from '@ieum/domain';
import { and, eq } from 'drizzle-orm';
import { appendAudit } from '../../platform/audit/audit-log';
import type { Actor } from '../../platform/context';
import type { Tx } from '../../platform/db/client';
import { newId } from '../../platform/db/ids';
import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { assertPlanCheck, planActor } from './plan-rules';
import { planFacts, requirePlan } from './plans.repository';
import { commentViews } from './read-consultation';
import { planComments, planNoComments, planTasks } from './schema';

/**
 * Who an invitee is answering for: their organization when it was invited, otherwise themselves as a
 * council member (a council member whose organization is also invited answers for the organization).
 */
function answeringAs(consultation: ConsultationFacts, actor: Actor): 'organization' | 'council_member' {
  return consultation.organizationIds.includes(actor.organizationId) ? 'organization' : 'council_member';
}

async function admitted(deps: Deps, tx: Tx, options: { actor: Actor; planId: string }) {
  const plan = await requirePlan(tx, options.planId);
  const facts: PlanFacts = await planFacts(tx, plan);
  assertPlanCheck(checkComment(facts, planActor(options.actor), deps.now()));
  return { plan, consultation: facts.consultation as ConsultationFacts };
}

/** A comment on a plan in consultation, by an invited organization's user or an invited council member. */
export async function commentOnPlan(
  deps: Deps,
  options: { actor: Actor; planId: string; input: CommentInput },
): Promise<CommentView> {
  const { actor, input } = options;
  return deps.db.transaction(async (tx) => {
    const { plan, consultation } = await admitted(deps, tx, options);
    let taskCode: string | null = null;
    if (input.taskKey !== null) {
      const [task] = await tx
        .select({ code: planTasks.code })
        .from(planTasks)
        .where(and(eq(planTasks.planId, plan.id), eq(planTasks.key, input.taskKey)));
      if (!task) {
        throw new AppError('request.invalid', {
          fieldErrors: [
            { path: 'taskKey', message: { ko: '계획에 없는 과제입니다.', en: 'The plan has no such task.' } },
          ],
        });
      }
      taskCode = task.code;
    }
    const [row] = await tx
      .insert(planComments)
      .values({
        id: newId(),
        planId: plan.id,
        taskKey: input.taskKey,
        taskCode,
        body: input.body,
        authorId: actor.userId,
        organizationId: actor.organizationId,
        asCouncilMember: answeringAs(consultation, actor) === 'council_member',
        createdAt: deps.now(),
      })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    await appendAudit(tx, {
      action: 'create',
      entityType: 'plan_comment',
      entityId: row.id,
      detail: { planId: plan.id, taskKey: input.taskKey, asCouncilMember: row.asCouncilMember },
    });
    const [view] = await commentViews(tx, [row]);
    return view as CommentView;
  });
}

/** An invitee's answer that they have nothing to comment (의견 없음); saying it twice changes nothing. */
export async function declareNoComment(deps: Deps, options: { actor: Actor; planId: string }): Promise<void> {
  const { actor } = options;
  await deps.db.transaction(async (tx) => {
    const { plan, consultation } = await admitted(deps, tx, options);
    const kind = answeringAs(consultation, actor);
    const inviteeId = kind === 'organization' ? actor.organizationId : actor.userId;
    const inserted = await tx
      .insert(planNoComments)
      .values({
        planId: plan.id,
        inviteeKind: kind,
        inviteeId,
        declaredBy: actor.userId,
        createdAt: deps.now(),
      })
      .onConflictDoNothing()
      .returning({ planId: planNoComments.planId });
    if (inserted.length === 0) return;
    await appendAudit(tx, {
      action: 'create',
      entityType: 'plan_no_comment',
      entityId: plan.id,
      detail: { inviteeKind: kind, inviteeId },
    });
  });
}
