import { defaultPlanTitle, type PlanCreateInput, type PlanDetail } from '@ieum/domain';
import { and, eq } from 'drizzle-orm';
import { appendAudit } from '../../platform/audit/audit-log';
import type { Actor } from '../../platform/context';
import { newId } from '../../platform/db/ids';
import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { readPlan } from './read-plans';
import { masterPlans, planCategories, plans } from './schema';

/**
 * Starts a year's implementation plan as a draft, with the master plan's categories. One plan per year of a
 * master plan: later changes are revisions of it.
 */
export async function createPlan(
  deps: Deps,
  options: { actor: Actor; input: PlanCreateInput },
): Promise<PlanDetail> {
  const { input } = options;
  const id = newId();
  await deps.db.transaction(async (tx) => {
    const [master] = await tx.select().from(masterPlans).where(eq(masterPlans.id, input.masterPlanId));
    if (!master) {
      throw new AppError('request.invalid', {
        fieldErrors: [
          { path: 'masterPlanId', message: { ko: '없는 기본계획입니다.', en: 'No such master plan.' } },
        ],
      });
    }
    if (input.year < master.startYear || input.year > master.endYear) {
      throw new AppError('request.invalid', {
        fieldErrors: [
          {
            path: 'year',
            message: {
              ko: `기본계획 기간(${master.startYear}~${master.endYear}년) 안의 연도여야 합니다.`,
              en: `The year must fall within the master plan (${master.startYear}-${master.endYear}).`,
            },
          },
        ],
      });
    }
    const [existing] = await tx
      .select({ id: plans.id })
      .from(plans)
      .where(and(eq(plans.masterPlanId, master.id), eq(plans.year, input.year)))
      .limit(1);
    if (existing) {
      throw new AppError('conflict.duplicate', {
        detail: {
          ko: '이 연도의 시행계획이 이미 있습니다. 바꾸려면 개정안을 만들어 주십시오.',
          en: 'This year already has a plan. Start a revision to change it.',
        },
      });
    }
    const title = defaultPlanTitle(input.year);
    await tx.insert(plans).values({
      id,
      masterPlanId: master.id,
      year: input.year,
      titleKo: input.titleKo ?? title.ko,
      titleEn: input.titleEn ?? title.en,
      createdBy: options.actor.userId,
    });
    await tx.insert(planCategories).values(
      master.categories.map((category) => ({
        id: newId(),
        planId: id,
        code: category.code,
        nameKo: category.nameKo,
        nameEn: category.nameEn,
        goal: category.goal,
      })),
    );
    await appendAudit(tx, {
      action: 'create',
      entityType: 'plan',
      entityId: id,
      detail: { year: input.year, masterPlanId: master.id, categories: master.categories.length },
    });
  });
  return readPlan(deps, { planId: id });
}
