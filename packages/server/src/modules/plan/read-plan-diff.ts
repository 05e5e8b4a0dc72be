import { describeChange, diffPlans, type Locale, type PlanDiff } from '@ieum/domain';
import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { findPlan, planSnapshot, requirePlan } from './plans.repository';

/**
 * What a revision changed against its predecessor (or against `fromPlanId`, another revision of the same
 * year's plan), each change worded in the reader's language (the 신구대비표).
 */
export async function readPlanDiff(
  deps: Deps,
  options: { planId: string; fromPlanId?: string; locale: Locale },
): Promise<PlanDiff> {
  const plan = await requirePlan(deps.db, options.planId);
  const fromId = options.fromPlanId ?? plan.previousRevisionId;
  const before = fromId ? await findPlan(deps.db, fromId) : null;
  if (!before || before.masterPlanId !== plan.masterPlanId || before.year !== plan.year) {
    throw new AppError('rule.violation', {
      detail: {
        ko: '비교할 이전 개정안이 없습니다.',
        en: 'There is no earlier revision of this plan to compare with.',
      },
    });
  }
  const [from, to] = await Promise.all([planSnapshot(deps.db, before), planSnapshot(deps.db, plan)]);
  return {
    fromPlanId: before.id,
    toPlanId: plan.id,
    fromRevision: before.revision,
    toRevision: plan.revision,
    changes: diffPlans(from, to).map((change) => ({
      kind: change.kind,
      text: describeChange(change, options.locale),
    })),
  };
}
