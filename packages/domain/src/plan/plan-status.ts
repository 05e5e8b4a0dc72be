import { compareDates, type IsoDate, seoulDate } from '../time/calendar';
import { type Quarter, quarterFirstDay } from './quarters';
import type { PlanStatus } from './schemas';

/**
 * The life of one revision of an implementation plan, and who may do what in which status.
 *
 *   draft → in_consultation → finalized → in_execution → closed
 *
 * A consultation can be withdrawn back to draft (to rework the draft and send it again). A finalized plan is
 * never edited: a change makes a new revision, in draft, that remembers its predecessor; once the revision is
 * in execution, the predecessor is closed as superseded. A revision (2 and later) may be finalized without a
 * second consultation: the plan manager decides whether an amendment needs one.
 *
 * Every check is a pure function of facts the server loads, answering ok or a reason code; dates are Korean
 * calendar dates (the consultation ran "7-13 Feb" in Seoul, whatever the server's clock says).
 */
const TRANSITIONS: Record<PlanStatus, readonly PlanStatus[]> = {
  draft: ['in_consultation', 'finalized'],
  in_consultation: ['draft', 'finalized'],
  finalized: ['in_execution'],
  in_execution: ['closed'],
  closed: [],
};

export function allowedPlanTransitions(from: PlanStatus): readonly PlanStatus[] {
  return TRANSITIONS[from];
}

export function canTransitionPlan(from: PlanStatus, to: PlanStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** Whether the plan's content (categories, tasks, KPIs, milestones) may change: only a draft's. */
export function isPlanEditable(status: PlanStatus): boolean {
  return status === 'draft';
}

export type PlanRefusal =
  | 'not_plan_manager'
  | 'transition_not_allowed'
  | 'plan_not_editable'
  | 'plan_has_no_tasks'
  | 'consultation_not_set'
  | 'consultation_not_started'
  | 'consultation_ended'
  | 'consultation_still_open'
  | 'comments_unresolved'
  | 'consultation_required'
  | 'not_invited'
  | 'not_in_consultation'
  | 'revision_already_open'
  | 'revision_not_allowed'
  | 'year_not_over'
  | 'not_in_execution'
  | 'not_task_reporter'
  | 'not_lead_organization'
  | 'quarter_outside_plan_year'
  | 'quarter_not_started';

export type PlanCheck = { readonly ok: true } | { readonly ok: false; readonly reason: PlanRefusal };

const OK: PlanCheck = { ok: true };
function refuse(reason: PlanRefusal): PlanCheck {
  return { ok: false, reason };
}

/** Who is acting, as the plan rules need to know them. */
export interface PlanActor {
  readonly userId: string;
  readonly organizationId: string;
  readonly isPlanManager: boolean;
  readonly isTaskReporter: boolean;
}

export interface ConsultationFacts {
  readonly startsOn: IsoDate;
  readonly endsOn: IsoDate;
  readonly organizationIds: readonly string[];
  readonly councilMemberIds: readonly string[];
  /** Invitees (organizations and council members) who have commented or said they have none. */
  readonly answered: number;
  readonly unresolvedComments: number;
}

/** The facts of one plan revision that the rules read. */
export interface PlanFacts {
  readonly status: PlanStatus;
  readonly year: number;
  readonly revision: number;
  readonly taskCount: number;
  readonly consultation: ConsultationFacts | null;
  /** A later revision exists that is not yet in execution or closed (one open revision at a time). */
  readonly hasOpenRevision: boolean;
}

/** The Korean date of an instant: every rule below compares calendar days in Seoul. */
export function koreanToday(now: Date): IsoDate {
  return seoulDate(now);
}

/** Whether comments are taken on `today`: from the first to the last day of the period, both inclusive. */
export function isWithinConsultation(
  consultation: Pick<ConsultationFacts, 'startsOn' | 'endsOn'>,
  today: IsoDate,
) {
  return compareDates(consultation.startsOn, today) <= 0 && compareDates(today, consultation.endsOn) <= 0;
}

function invitees(consultation: ConsultationFacts): number {
  return consultation.organizationIds.length + consultation.councilMemberIds.length;
}

/** Changing the plan's content (categories, tasks, KPIs, milestones). */
export function checkEditPlan(plan: PlanFacts, actor: PlanActor): PlanCheck {
  if (!actor.isPlanManager) return refuse('not_plan_manager');
  return isPlanEditable(plan.status) ? OK : refuse('plan_not_editable');
}

/**
 * Moving a plan to another status, on the Korean date of `now`. Sending needs tasks, a period and invitees;
 * finalizing after a consultation needs every comment resolved and either the period over or every invitee
 * answered; closing waits for the plan's year to end.
 */
export function checkPlanTransition(plan: PlanFacts, to: PlanStatus, actor: PlanActor, now: Date): PlanCheck {
  if (!actor.isPlanManager) return refuse('not_plan_manager');
  if (!canTransitionPlan(plan.status, to)) return refuse('transition_not_allowed');
  const today = koreanToday(now);
  switch (to) {
    case 'in_consultation': {
      if (plan.taskCount === 0) return refuse('plan_has_no_tasks');
      const consultation = plan.consultation;
      if (consultation === null || invitees(consultation) === 0) return refuse('consultation_not_set');
      if (compareDates(consultation.endsOn, today) < 0) return refuse('consultation_ended');
      return OK;
    }
    case 'draft':
      return OK;
    case 'finalized': {
      if (plan.taskCount === 0) return refuse('plan_has_no_tasks');
      if (plan.status === 'draft') return plan.revision > 1 ? OK : refuse('consultation_required');
      const consultation = plan.consultation;
      if (consultation === null) return refuse('consultation_not_set');
      const everyoneAnswered = consultation.answered >= invitees(consultation);
      if (compareDates(today, consultation.endsOn) <= 0 && !everyoneAnswered) {
        return refuse('consultation_still_open');
      }
      return consultation.unresolvedComments > 0 ? refuse('comments_unresolved') : OK;
    }
    case 'in_execution':
      return OK;
    case 'closed':
      return compareDates(today, `${plan.year}-12-31`) > 0 ? OK : refuse('year_not_over');
    default: {
      const unknown: never = to;
      return unknown;
    }
  }
}

/**
 * Starting a new revision of a finalized or executing plan: the content is copied into a draft whose
 * predecessor is this revision. One open revision at a time, so two drafts cannot race each other.
 */
export function checkStartRevision(plan: PlanFacts, actor: PlanActor): PlanCheck {
  if (!actor.isPlanManager) return refuse('not_plan_manager');
  if (plan.status !== 'finalized' && plan.status !== 'in_execution') return refuse('revision_not_allowed');
  return plan.hasOpenRevision ? refuse('revision_already_open') : OK;
}

/**
 * Whether the predecessor of a revision that has just entered execution is closed with it: yes when it was
 * finalized or executing (it is superseded), whatever its year.
 */
export function isSupersededBy(predecessor: PlanStatus, revision: PlanStatus): boolean {
  return revision === 'in_execution' && (predecessor === 'finalized' || predecessor === 'in_execution');
}

/**
 * Commenting: an invited organization's user (any role) or an invited council member, while the plan is in
 * consultation and on a day of the period (Korea time, both ends inclusive).
 */
export function checkComment(plan: PlanFacts, actor: PlanActor, now: Date): PlanCheck {
  const consultation = plan.consultation;
  if (plan.status !== 'in_consultation' || consultation === null) return refuse('not_in_consultation');
  const invited =
    consultation.organizationIds.includes(actor.organizationId) ||
    consultation.councilMemberIds.includes(actor.userId);
  if (!invited) return refuse('not_invited');
  const today = koreanToday(now);
  if (compareDates(today, consultation.startsOn) < 0) return refuse('consultation_not_started');
  if (compareDates(consultation.endsOn, today) < 0) return refuse('consultation_ended');
  return OK;
}

/** Resolving a comment: the plan manager, while the plan is in consultation (also after the period ends). */
export function checkResolveComment(plan: PlanFacts, actor: PlanActor): PlanCheck {
  if (!actor.isPlanManager) return refuse('not_plan_manager');
  return plan.status === 'in_consultation' ? OK : refuse('not_in_consultation');
}

/**
 * Filing (or correcting) a task's quarterly report: a task reporter of the task's lead organization, while the
 * plan is in execution, for a quarter of the plan's year that has begun in Korea. Late reports for past
 * quarters are welcome; they show as late (quarters.ts `reportTimeliness`).
 */
export function checkProgressReport(
  plan: PlanFacts,
  task: { readonly leadOrganizationId: string },
  report: { readonly year: number; readonly quarter: Quarter },
  actor: PlanActor,
  now: Date,
): PlanCheck {
  if (!actor.isTaskReporter) return refuse('not_task_reporter');
  if (task.leadOrganizationId !== actor.organizationId) return refuse('not_lead_organization');
  if (plan.status !== 'in_execution') return refuse('not_in_execution');
  if (report.year !== plan.year) return refuse('quarter_outside_plan_year');
  const today = koreanToday(now);
  return compareDates(quarterFirstDay(report.year, report.quarter), today) <= 0
    ? OK
    : refuse('quarter_not_started');
}
