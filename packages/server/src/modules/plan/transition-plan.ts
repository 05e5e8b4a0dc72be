import { checkPlanTransition, isSupersededBy, type PlanDetail, type PlanStatus } from '@ieum/domain';
import { eq } from 'drizzle-orm';
import { appendAudit } from '../../platform/audit/audit-log';
import type { Actor } from '../../platform/context';
import type { Deps } from '../../platform/deps';
import { assertPlanCheck, planActor } from './plan-rules';
import { claimPlanVersion, findPlan, planFacts, requirePlan } from './plans.repository';
import { readPlan } from './read-plans';
import { planConsultations, plans } from './schema';

/**
 * Moves a revision to another status by the domain's rules (plan-status.ts). Sending it for consultation
 * stamps the consultation as sent; finalizing stamps the plan; a revision entering execution closes its
 * predecessor as superseded, in the same transaction.
 */
export async function transitionPlan(
  deps: Deps,
  options: { actor: Actor; planId: string; to: PlanStatus; version: number },
): Promise<PlanDetail> {
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    const plan = await requirePlan(tx, options.planId);
    const from = plan.status as PlanStatus;
    assertPlanCheck(
      checkPlanTransition(await planFacts(tx, plan), options.to, planActor(options.actor), now),
    );
    await claimPlanVersion(tx, {
      planId: plan.id,
      version: options.version,
      now,
      set: { status: options.to, ...(options.to === 'finalized' ? { finalizedAt: now } : {}) },
    });
    if (options.to === 'in_consultation') {
      await tx.update(planConsultations).set({ sentAt: now }).where(eq(planConsultations.planId, plan.id));
    }
    let supersededId: string | null = null;
    if (options.to === 'in_execution' && plan.previousRevisionId) {
      const predecessor = await findPlan(tx, plan.previousRevisionId);
      if (predecessor && isSupersededBy(predecessor.status as PlanStatus, 'in_execution')) {
        supersededId = predecessor.id;
        await tx
          .update(plans)
          .set({
            status: 'closed',
            supersededById: plan.id,
            updatedAt: now,
            version: predecessor.version + 1,
          })
          .where(eq(plans.id, predecessor.id));
        await appendAudit(tx, {
          action: 'update',
          entityType: 'plan',
          entityId: predecessor.id,
          detail: { from: predecessor.status, to: 'closed', supersededById: plan.id },
        });
      }
    }
    await appendAudit(tx, {
      action: 'update',
      entityType: 'plan',
      entityId: plan.id,
      detail: { from, to: options.to, ...(supersededId ? { supersedes: supersededId } : {}) },
    });
  });
  return readPlan(deps, { planId: options.planId });
}
