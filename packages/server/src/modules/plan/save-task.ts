import { checkEditPlan, type PlanDetail, type TaskInput } from '@ieum/domain';
import { and, eq } from 'drizzle-orm';
import { appendAudit } from '../../platform/audit/audit-log';
import type { Actor } from '../../platform/context';
import { isUniqueViolation } from '../../platform/db/errors';
import { newId } from '../../platform/db/ids';
import type { Deps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { assertPlanCheck, planActor } from './plan-rules';
import {
  assertOrganizationsExist,
  claimPlanVersion,
  planFacts,
  requirePlan,
  writeTask,
} from './plans.repository';
import { readPlan } from './read-plans';
import { planCategories, planTasks } from './schema';

/**
 * Adds a task to a draft, or replaces the task with the same key (its KPIs and milestones with it), at the
 * plan's version. The task's code must name one of the plan's categories and be free in the plan.
 */
export async function saveTask(
  deps: Deps,
  options: { actor: Actor; planId: string; taskKey: string; task: TaskInput; version: number },
): Promise<PlanDetail> {
  const { task } = options;
  if (task.key !== options.taskKey) {
    throw new AppError('request.invalid', {
      fieldErrors: [
        {
          path: 'task.key',
          message: { ko: '주소의 과제와 다릅니다.', en: 'Does not match the task in the address.' },
        },
      ],
    });
  }
  try {
    await deps.db.transaction(async (tx) => {
      const plan = await requirePlan(tx, options.planId);
      assertPlanCheck(checkEditPlan(await planFacts(tx, plan), planActor(options.actor)));
      await assertOrganizationsExist(tx, [task.leadOrganizationId], 'task.leadOrganizationId');
      await assertOrganizationsExist(tx, task.cooperatingOrganizationIds, 'task.cooperatingOrganizationIds');
      const categoryCode = Number(task.code.split('-')[0]);
      const [category] = await tx
        .select({ id: planCategories.id })
        .from(planCategories)
        .where(and(eq(planCategories.planId, plan.id), eq(planCategories.code, categoryCode)));
      if (!category) {
        throw new AppError('request.invalid', {
          fieldErrors: [
            {
              path: 'task.code',
              message: { ko: '계획에 없는 분야입니다.', en: 'The plan has no such category.' },
            },
          ],
        });
      }
      await claimPlanVersion(tx, { planId: plan.id, version: options.version, now: deps.now() });
      const [existing] = await tx
        .select({ id: planTasks.id })
        .from(planTasks)
        .where(and(eq(planTasks.planId, plan.id), eq(planTasks.key, task.key)));
      const taskId = existing?.id ?? newId();
      await writeTask(tx, { planId: plan.id, taskId, task, kpiIds: newId });
      await appendAudit(tx, {
        action: existing ? 'update' : 'create',
        entityType: 'plan_task',
        entityId: taskId,
        detail: { planId: plan.id, taskKey: task.key, code: task.code, kpis: task.kpis.length },
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError('conflict.duplicate', {
        detail: { ko: '같은 과제 번호가 이미 있습니다.', en: 'Another task already has this code.' },
      });
    }
    throw error;
  }
  return readPlan(deps, { planId: options.planId });
}

/** Removes a task (with its KPIs) from a draft, at the plan's version. */
export async function removeTask(
  deps: Deps,
  options: { actor: Actor; planId: string; taskKey: string; version: number },
): Promise<PlanDetail> {
  await deps.db.transaction(async (tx) => {
    const plan = await requirePlan(tx, options.planId);
    assertPlanCheck(checkEditPlan(await planFacts(tx, plan), planActor(options.actor)));
    await claimPlanVersion(tx, { planId: plan.id, version: options.version, now: deps.now() });
    const removed = await tx
      .delete(planTasks)
      .where(and(eq(planTasks.planId, plan.id), eq(planTasks.key, options.taskKey)))
      .returning({ id: planTasks.id, code: planTasks.code });
    const [task] = removed;
    if (!task) throw notFound();
    await appendAudit(tx, {
      action: 'delete',
      entityType: 'plan_task',
      entityId: task.id,
      detail: { planId: plan.id, taskKey: options.taskKey, code: task.code },
    });
  });
  return readPlan(deps, { planId: options.planId });
}
