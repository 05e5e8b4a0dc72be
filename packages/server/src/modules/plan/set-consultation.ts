import { type ConsultationInput, type ConsultationView, checkEditPlan } from '@ieum/domain';
import { inArray } from 'drizzle-orm';
import { appendAudit } from '../../platform/audit/audit-log';
import type { Actor } from '../../platform/context';
import { users } from '../../platform/db/schema';
import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { assertPlanCheck, planActor } from './plan-rules';
import { assertOrganizationsExist, claimPlanVersion, planFacts, requirePlan } from './plans.repository';
import { readConsultation } from './read-consultation';
import { planConsultations } from './schema';

/** Sets (or resets) a draft's consultation: the period in Korean dates and who is asked, at the plan's version. */
export async function setConsultation(
  deps: Deps,
  options: { actor: Actor; planId: string; consultation: ConsultationInput; version: number },
): Promise<ConsultationView> {
  const { consultation } = options;
  await deps.db.transaction(async (tx) => {
    const plan = await requirePlan(tx, options.planId);
    assertPlanCheck(checkEditPlan(await planFacts(tx, plan), planActor(options.actor)));
    await assertOrganizationsExist(tx, consultation.organizationIds, 'consultation.organizationIds');
    if (consultation.councilMemberIds.length > 0) {
      const found = await tx
        .select({ id: users.id })
        .from(users)
        .where(inArray(users.id, consultation.councilMemberIds));
      if (found.length !== consultation.councilMemberIds.length) {
        throw new AppError('request.invalid', {
          fieldErrors: [
            {
              path: 'consultation.councilMemberIds',
              message: { ko: '없는 사용자입니다.', en: 'No such user.' },
            },
          ],
        });
      }
    }
    const now = deps.now();
    await claimPlanVersion(tx, { planId: plan.id, version: options.version, now });
    const values = {
      startsOn: consultation.startsOn,
      endsOn: consultation.endsOn,
      organizationIds: consultation.organizationIds,
      councilMemberIds: consultation.councilMemberIds,
      message: consultation.message,
      updatedBy: options.actor.userId,
      updatedAt: now,
    };
    await tx
      .insert(planConsultations)
      .values({ planId: plan.id, ...values })
      .onConflictDoUpdate({ target: planConsultations.planId, set: values });
    await appendAudit(tx, {
      action: 'update',
      entityType: 'plan_consultation',
      entityId: plan.id,
      detail: {
        startsOn: consultation.startsOn,
        endsOn: consultation.endsOn,
        organizations: consultation.organizationIds.length,
        councilMembers: consultation.councilMemberIds.length,
      },
    });
  });
  return readConsultation(deps, { planId: options.planId });
}
