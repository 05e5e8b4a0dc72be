import { type CategoryUpdateInput, checkEditPlan, type PlanDetail, type PlanUpdateInput } from '@ieum/domain';
import { and, eq } from 'drizzle-orm';
import { appendAudit } from '../../platform/audit/audit-log';
import type { Actor } from '../../platform/context';
import type { Deps } from '../../platform/deps';
import { notFound } from '../../platform/errors';
import { assertPlanCheck, planActor } from './plan-rules';
import { claimPlanVersion, planFacts, requirePlan } from './plans.repository';
import { readPlan } from './read-plans';
import { planCategories } from './schema';

/** Changes a draft's title and preface at the plan's version. */
export async function updatePlan(
  deps: Deps,
  options: { actor: Actor; planId: string; input: PlanUpdateInput },
): Promise<PlanDetail> {
  const { input } = options;
  await deps.db.transaction(async (tx) => {
    const plan = await requirePlan(tx, options.planId);
    assertPlanCheck(checkEditPlan(await planFacts(tx, plan), planActor(options.actor)));
    await claimPlanVersion(tx, {
      planId: plan.id,
      version: input.version,
      now: deps.now(),
      set: { titleKo: input.titleKo, titleEn: input.titleEn, summary: input.summary },
    });
    await appendAudit(tx, {
      action: 'update',
      entityType: 'plan',
      entityId: plan.id,
      detail: { fields: ['titleKo', 'titleEn', 'summary'] },
    });
  });
  return readPlan(deps, { planId: options.planId });
}

/** Renames a draft's category or rewords its goal (its number stays: task codes hang on it). */
export async function updateCategory(
  deps: Deps,
  options: { actor: Actor; planId: string; code: number; input: CategoryUpdateInput },
): Promise<PlanDetail> {
  const { input } = options;
  await deps.db.transaction(async (tx) => {
    const plan = await requirePlan(tx, options.planId);
    assertPlanCheck(checkEditPlan(await planFacts(tx, plan), planActor(options.actor)));
    await claimPlanVersion(tx, { planId: plan.id, version: input.version, now: deps.now() });
    const updated = await tx
      .update(planCategories)
      .set({ nameKo: input.nameKo, nameEn: input.nameEn, goal: input.goal })
      .where(and(eq(planCategories.planId, plan.id), eq(planCategories.code, options.code)))
      .returning({ id: planCategories.id });
    if (updated.length === 0) throw notFound();
    await appendAudit(tx, {
      action: 'update',
      entityType: 'plan_category',
      entityId: updated[0]?.id as string,
      detail: { planId: plan.id, code: options.code },
    });
  });
  return readPlan(deps, { planId: options.planId });
}
