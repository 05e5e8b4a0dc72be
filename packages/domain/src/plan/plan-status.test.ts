import { describe, expect, it } from 'vitest';
import {
  allowedPlanTransitions,
  checkComment,
  checkEditPlan,
  checkPlanTransition,
  checkProgressReport,
  checkResolveComment,
  checkStartRevision,
  isSupersededBy,
  isWithinConsultation,
  type PlanActor,
  type PlanFacts,
} from './plan-status';
import { PLAN_STATUSES } from './schemas';

const MOU = '00000000-0000-4000-8000-000000000001';
const LABOR = '00000000-0000-4000-8000-000000000002';
const SEOUL_CITY = '00000000-0000-4000-8000-000000000003';
const MEMBER = '00000000-0000-4000-8000-0000000000aa';

const manager: PlanActor = {
  userId: 'u-manager',
  organizationId: MOU,
  isPlanManager: true,
  isTaskReporter: false,
};
const laborReporter: PlanActor = {
  userId: 'u-labor',
  organizationId: LABOR,
  isPlanManager: false,
  isTaskReporter: true,
};
const councilMember: PlanActor = {
  userId: MEMBER,
  organizationId: SEOUL_CITY,
  isPlanManager: false,
  isTaskReporter: false,
};

// The 2020 plan: written consultation with the Council on 7-13 Feb 2020 (DOMAIN.md).
const consultation = {
  startsOn: '2020-02-07',
  endsOn: '2020-02-13',
  organizationIds: [LABOR],
  councilMemberIds: [MEMBER],
  answered: 0,
  unresolvedComments: 0,
};
const draft: PlanFacts = {
  status: 'draft',
  year: 2020,
  revision: 1,
  taskCount: 53,
  consultation,
  hasOpenRevision: false,
};
const inConsultation: PlanFacts = { ...draft, status: 'in_consultation' };
const executing: PlanFacts = { ...draft, status: 'in_execution' };
/** Midnight in Seoul at the start of a Korean day. */
const seoul = (date: string, time = '00:00:00') => new Date(`${date}T${time}+09:00`);

describe('transitions', () => {
  it('runs forward draft → in_consultation → finalized → in_execution → closed, with withdrawal to draft', () => {
    expect(allowedPlanTransitions('draft')).toEqual(['in_consultation', 'finalized']);
    expect(allowedPlanTransitions('in_consultation')).toEqual(['draft', 'finalized']);
    expect(allowedPlanTransitions('finalized')).toEqual(['in_execution']);
    expect(allowedPlanTransitions('in_execution')).toEqual(['closed']);
    expect(allowedPlanTransitions('closed')).toEqual([]);
  });

  it('refuses every move that is not in the table, for every pair', () => {
    for (const from of PLAN_STATUSES) {
      for (const to of PLAN_STATUSES) {
        if (allowedPlanTransitions(from).includes(to)) continue;
        const result = checkPlanTransition({ ...draft, status: from }, to, manager, seoul('2020-02-01'));
        expect(result, `${from} → ${to}`).toEqual({ ok: false, reason: 'transition_not_allowed' });
      }
    }
  });

  it('lets only a plan manager move a plan', () => {
    expect(checkPlanTransition(draft, 'in_consultation', laborReporter, seoul('2020-02-01'))).toEqual({
      ok: false,
      reason: 'not_plan_manager',
    });
  });

  it('sends a draft only with tasks, invitees and a period that has not ended', () => {
    const on = seoul('2020-02-07');
    expect(checkPlanTransition(draft, 'in_consultation', manager, on)).toEqual({ ok: true });
    expect(checkPlanTransition({ ...draft, taskCount: 0 }, 'in_consultation', manager, on)).toEqual({
      ok: false,
      reason: 'plan_has_no_tasks',
    });
    expect(checkPlanTransition({ ...draft, consultation: null }, 'in_consultation', manager, on)).toEqual({
      ok: false,
      reason: 'consultation_not_set',
    });
    const nobody = { ...consultation, organizationIds: [], councilMemberIds: [] };
    expect(checkPlanTransition({ ...draft, consultation: nobody }, 'in_consultation', manager, on)).toEqual({
      ok: false,
      reason: 'consultation_not_set',
    });
    expect(checkPlanTransition(draft, 'in_consultation', manager, seoul('2020-02-14'))).toEqual({
      ok: false,
      reason: 'consultation_ended',
    });
  });

  it('finalizes after the period, or earlier once everyone has answered, with every comment resolved', () => {
    expect(
      checkPlanTransition(inConsultation, 'finalized', manager, seoul('2020-02-13', '23:59:59')),
    ).toEqual({
      ok: false,
      reason: 'consultation_still_open',
    });
    expect(checkPlanTransition(inConsultation, 'finalized', manager, seoul('2020-02-14'))).toEqual({
      ok: true,
    });
    const allAnswered = { ...inConsultation, consultation: { ...consultation, answered: 2 } };
    expect(checkPlanTransition(allAnswered, 'finalized', manager, seoul('2020-02-10'))).toEqual({ ok: true });
    const open = { ...inConsultation, consultation: { ...consultation, unresolvedComments: 1 } };
    expect(checkPlanTransition(open, 'finalized', manager, seoul('2020-02-18'))).toEqual({
      ok: false,
      reason: 'comments_unresolved',
    });
  });

  it('finalizes a first draft only through a consultation, a later revision directly', () => {
    expect(checkPlanTransition(draft, 'finalized', manager, seoul('2020-02-18'))).toEqual({
      ok: false,
      reason: 'consultation_required',
    });
    expect(checkPlanTransition({ ...draft, revision: 2 }, 'finalized', manager, seoul('2020-07-01'))).toEqual(
      {
        ok: true,
      },
    );
  });

  it('closes a plan only after its year has ended in Korea', () => {
    expect(checkPlanTransition(executing, 'closed', manager, seoul('2020-12-31', '23:59:59'))).toEqual({
      ok: false,
      reason: 'year_not_over',
    });
    expect(checkPlanTransition(executing, 'closed', manager, new Date('2020-12-31T15:00:00Z'))).toEqual({
      ok: true,
    });
  });
});

describe('editing and revisions', () => {
  it('edits a draft only: a finalized version is immutable', () => {
    expect(checkEditPlan(draft, manager)).toEqual({ ok: true });
    for (const status of ['in_consultation', 'finalized', 'in_execution', 'closed'] as const) {
      expect(checkEditPlan({ ...draft, status }, manager)).toEqual({
        ok: false,
        reason: 'plan_not_editable',
      });
    }
    expect(checkEditPlan(draft, laborReporter)).toEqual({ ok: false, reason: 'not_plan_manager' });
  });

  it('starts a revision of a finalized or executing plan, one at a time', () => {
    expect(checkStartRevision({ ...draft, status: 'finalized' }, manager)).toEqual({ ok: true });
    expect(checkStartRevision(executing, manager)).toEqual({ ok: true });
    expect(checkStartRevision(draft, manager)).toEqual({ ok: false, reason: 'revision_not_allowed' });
    expect(checkStartRevision({ ...executing, status: 'closed' }, manager)).toEqual({
      ok: false,
      reason: 'revision_not_allowed',
    });
    expect(checkStartRevision({ ...executing, hasOpenRevision: true }, manager)).toEqual({
      ok: false,
      reason: 'revision_already_open',
    });
    expect(checkStartRevision(executing, laborReporter)).toEqual({ ok: false, reason: 'not_plan_manager' });
  });

  it('closes the predecessor once its revision is in execution', () => {
    expect(isSupersededBy('in_execution', 'in_execution')).toBe(true);
    expect(isSupersededBy('finalized', 'in_execution')).toBe(true);
    expect(isSupersededBy('in_execution', 'finalized')).toBe(false);
  });
});

describe('consultation comments', () => {
  it('takes comments from the first to the last day in Korea, both inclusive', () => {
    expect(isWithinConsultation(consultation, '2020-02-06')).toBe(false);
    expect(isWithinConsultation(consultation, '2020-02-07')).toBe(true);
    expect(isWithinConsultation(consultation, '2020-02-13')).toBe(true);
    expect(isWithinConsultation(consultation, '2020-02-14')).toBe(false);
    // 6 Feb 15:00 UTC is the first minute of 7 Feb in Seoul; 13 Feb 15:00 UTC the first of the 14th.
    expect(checkComment(inConsultation, laborReporter, new Date('2020-02-06T14:59:59Z'))).toEqual({
      ok: false,
      reason: 'consultation_not_started',
    });
    expect(checkComment(inConsultation, laborReporter, new Date('2020-02-06T15:00:00Z'))).toEqual({
      ok: true,
    });
    expect(checkComment(inConsultation, laborReporter, new Date('2020-02-13T14:59:59Z'))).toEqual({
      ok: true,
    });
    expect(checkComment(inConsultation, laborReporter, new Date('2020-02-13T15:00:00Z'))).toEqual({
      ok: false,
      reason: 'consultation_ended',
    });
  });

  it('takes comments from invited organizations and council members only', () => {
    const on = seoul('2020-02-10');
    expect(checkComment(inConsultation, councilMember, on)).toEqual({ ok: true });
    const stranger = { ...laborReporter, userId: 'u-other', organizationId: SEOUL_CITY };
    expect(checkComment(inConsultation, stranger, on)).toEqual({ ok: false, reason: 'not_invited' });
  });

  it('takes no comments outside the consultation status, even within the dates', () => {
    expect(checkComment(draft, laborReporter, seoul('2020-02-10'))).toEqual({
      ok: false,
      reason: 'not_in_consultation',
    });
  });

  it('lets the plan manager resolve comments while in consultation, also after the period', () => {
    expect(checkResolveComment(inConsultation, manager)).toEqual({ ok: true });
    expect(checkResolveComment({ ...inConsultation, status: 'finalized' }, manager)).toEqual({
      ok: false,
      reason: 'not_in_consultation',
    });
    expect(checkResolveComment(inConsultation, laborReporter)).toEqual({
      ok: false,
      reason: 'not_plan_manager',
    });
  });
});

describe('progress reports', () => {
  const task = { leadOrganizationId: LABOR };

  it('takes a report from the lead organization’s reporter for a quarter that has begun in Korea', () => {
    const q2 = { year: 2020, quarter: 2 as const };
    expect(checkProgressReport(executing, task, q2, laborReporter, new Date('2020-03-31T14:59:59Z'))).toEqual(
      {
        ok: false,
        reason: 'quarter_not_started',
      },
    );
    expect(checkProgressReport(executing, task, q2, laborReporter, new Date('2020-03-31T15:00:00Z'))).toEqual(
      {
        ok: true,
      },
    );
    // Late reports for a past quarter are still taken.
    expect(
      checkProgressReport(executing, task, { year: 2020, quarter: 1 }, laborReporter, seoul('2020-08-01')),
    ).toEqual({ ok: true });
  });

  it('refuses other organizations, other roles, other years and plans not in execution', () => {
    const q1 = { year: 2020, quarter: 1 as const };
    const on = seoul('2020-04-01');
    expect(checkProgressReport(executing, { leadOrganizationId: MOU }, q1, laborReporter, on)).toEqual({
      ok: false,
      reason: 'not_lead_organization',
    });
    expect(checkProgressReport(executing, task, q1, { ...laborReporter, isTaskReporter: false }, on)).toEqual(
      {
        ok: false,
        reason: 'not_task_reporter',
      },
    );
    expect(
      checkProgressReport(executing, task, { year: 2021, quarter: 1 }, laborReporter, seoul('2021-04-01')),
    ).toEqual({ ok: false, reason: 'quarter_outside_plan_year' });
    for (const status of ['draft', 'in_consultation', 'finalized', 'closed'] as const) {
      expect(checkProgressReport({ ...executing, status }, task, q1, laborReporter, on)).toEqual({
        ok: false,
        reason: 'not_in_execution',
      });
    }
  });
});
