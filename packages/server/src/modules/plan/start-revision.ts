import { checkStartRevision, type PlanDetail } from '@ieum/domain';
import { eq } from 'drizzle-orm';
import { appendAudit } from '../../platform/audit/audit-log';
import type { Actor } from '../../platform/context';
import { newId } from '../../platform/db/ids';
import type { Deps } from '../../platform/deps';
import { assertPlanCheck, planActor } from './plan-rules';
import {
  claimPlanVersion,
  kpiInputOf,
  planFacts,
  requirePlan,
  tasksWithKpis,
  writeTask,
} from './plans.repository';
import { readPlan } from './read-plans';
import { planCategories, plans } from './schema';

/**
 * Starts a revision of a finalized or executing plan: a new draft with the same categories, tasks and KPIs,
 * keys kept, so the two can be compared and the year's reports follow the tasks. The predecessor stays as it
 * is (its version is bumped so that nobody acts on it unaware) until the revision enters execution.
 */
export async function startRevision(
  deps: Deps,
  options: { actor: Actor; planId: string; reason: string; version: number },
): Promise<PlanDetail> {
  const id = newId();
  await deps.db.transaction(async (tx) => {
    const plan = await requirePlan(tx, options.planId);
    assertPlanCheck(checkStartRevision(await planFacts(tx, plan), planActor(options.actor)));
    const now = deps.now();
    await claimPlanVersion(tx, { planId: plan.id, version: options.version, now });
    const revisions = await tx
      .select({ revision: plans.revision, year: plans.year })
      .from(plans)
      .where(eq(plans.masterPlanId, plan.masterPlanId));
    const revision = Math.max(...revisions.filter((r) => r.year === plan.year).map((r) => r.revision)) + 1;
    await tx.insert(plans).values({
      id,
      masterPlanId: plan.masterPlanId,
      year: plan.year,
      titleKo: plan.titleKo,
      titleEn: plan.titleEn,
      summary: plan.summary,
      revision,
      previousRevisionId: plan.id,
      revisionReason: options.reason,
      createdBy: options.actor.userId,
    });
    const categories = await tx.select().from(planCategories).where(eq(planCategories.planId, plan.id));
    await tx.insert(planCategories).values(
      categories.map(({ id: _old, planId: _plan, ...category }) => ({
        id: newId(),
        planId: id,
        ...category,
      })),
    );
    for (const { task, kpis } of await tasksWithKpis(tx, plan.id)) {
      await writeTask(tx, {
        planId: id,
        taskId: newId(),
        task: {
          key: task.key,
          code: task.code,
          title: task.title,
          description: task.description,
          leadOrganizationId: task.leadOrganizationId,
          cooperatingOrganizationIds: task.cooperatingOrganizationIds,
          kpis: kpis.map(kpiInputOf),
          milestones: task.milestones,
        },
        kpiIds: newId,
      });
    }
    await appendAudit(tx, {
      action: 'create',
      entityType: 'plan',
      entityId: id,
      reason: options.reason,
      detail: { year: plan.year, revision, previousRevisionId: plan.id },
    });
  });
  return readPlan(deps, { planId: id });
}
