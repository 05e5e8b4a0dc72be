import type { PlanActor, PlanCheck, PlanRefusal } from '@ieum/domain';
import type { Actor } from '../../platform/context';
import { AppError } from '../../platform/errors';

/** The actor as the plan rules (domain/plan/plan-status.ts) see them. */
export function planActor(actor: Actor): PlanActor {
  return {
    userId: actor.userId,
    organizationId: actor.organizationId,
    isPlanManager: actor.permissions.has('plans.manage'),
    isTaskReporter: actor.permissions.has('plans.report'),
  };
}

const REFUSALS: Record<PlanRefusal, { forbidden: boolean; ko: string; en: string }> = {
  not_plan_manager: {
    forbidden: true,
    ko: '계획 총괄 담당자만 할 수 있습니다.',
    en: 'Only a plan manager can do this.',
  },
  transition_not_allowed: {
    forbidden: false,
    ko: '현재 상태에서는 이 단계로 바꿀 수 없습니다.',
    en: 'The plan cannot move to this status from its current one.',
  },
  plan_not_editable: {
    forbidden: false,
    ko: '초안일 때만 계획 내용을 고칠 수 있습니다. 확정된 계획은 개정안을 만들어 고쳐 주십시오.',
    en: 'Only a draft can be edited. Start a revision to change a finalized plan.',
  },
  plan_has_no_tasks: {
    forbidden: false,
    ko: '과제가 하나 이상 있어야 합니다.',
    en: 'The plan needs at least one task.',
  },
  consultation_not_set: {
    forbidden: false,
    ko: '협의 기간과 협의 대상을 먼저 정해 주십시오.',
    en: 'Set the consultation period and invitees first.',
  },
  consultation_not_started: {
    forbidden: false,
    ko: '협의 기간이 아직 시작되지 않았습니다.',
    en: 'The consultation period has not begun.',
  },
  consultation_ended: {
    forbidden: false,
    ko: '협의 기간이 끝났습니다.',
    en: 'The consultation period is over.',
  },
  consultation_still_open: {
    forbidden: false,
    ko: '협의 기간이 끝나거나 모든 협의 대상이 답할 때까지 확정할 수 없습니다.',
    en: 'The plan can be finalized once the period ends or every invitee has answered.',
  },
  comments_unresolved: {
    forbidden: false,
    ko: '반영 여부를 정하지 않은 의견이 있습니다.',
    en: 'Some comments have not been resolved.',
  },
  consultation_required: {
    forbidden: false,
    ko: '첫 계획은 협의를 거쳐야 확정할 수 있습니다.',
    en: 'A first plan must go through consultation before it is finalized.',
  },
  not_invited: {
    forbidden: true,
    ko: '이 계획의 협의 대상이 아닙니다.',
    en: 'You were not invited to comment on this plan.',
  },
  not_in_consultation: {
    forbidden: false,
    ko: '협의 중인 계획이 아닙니다.',
    en: 'The plan is not in consultation.',
  },
  revision_already_open: {
    forbidden: false,
    ko: '진행 중인 개정안이 이미 있습니다.',
    en: 'A revision of this plan is already open.',
  },
  revision_not_allowed: {
    forbidden: false,
    ko: '확정되었거나 시행 중인 계획만 개정할 수 있습니다.',
    en: 'Only a finalized or executing plan can be revised.',
  },
  year_not_over: {
    forbidden: false,
    ko: '계획 연도가 끝난 뒤에 종료할 수 있습니다.',
    en: 'The plan can be closed once its year is over.',
  },
  not_in_execution: {
    forbidden: false,
    ko: '시행 중인 계획에만 실적을 보고할 수 있습니다.',
    en: 'Progress is reported on a plan in execution.',
  },
  not_task_reporter: {
    forbidden: true,
    ko: '과제 실적 보고 담당자만 할 수 있습니다.',
    en: 'Only a task reporter can do this.',
  },
  not_lead_organization: {
    forbidden: true,
    ko: '주관기관의 담당자만 이 과제의 실적을 보고할 수 있습니다.',
    en: 'Only the lead organization reports on this task.',
  },
  quarter_outside_plan_year: {
    forbidden: false,
    ko: '계획 연도의 분기만 보고할 수 있습니다.',
    en: 'Report on a quarter of the plan’s year.',
  },
  quarter_not_started: {
    forbidden: false,
    ko: '아직 시작되지 않은 분기입니다.',
    en: 'That quarter has not begun.',
  },
};

/** A refused plan rule as an error: who may not act is 403, what may not be done now is 422. */
export function assertPlanCheck(check: PlanCheck): void {
  if (check.ok) return;
  const refusal = REFUSALS[check.reason];
  throw new AppError(refusal.forbidden ? 'access.denied' : 'rule.violation', {
    detail: { ko: refusal.ko, en: refusal.en },
    extensions: { reason: check.reason },
  });
}
