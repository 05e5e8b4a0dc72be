import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, users } from '../../platform/db/schema';
import { createTestPlatform, type TestPlatform, type TestSession } from '../../testing';
import { planTestHelpers } from './plan-test-helpers';

/**
 * The plan from draft through consultation to execution and a revision, with who may do what when. Clock in
 * Korea time: the consultation runs 7-13 February 2020, as the real one did.
 */
describe('the implementation plan: drafting, consultation, execution, revision', () => {
  let platform: TestPlatform;
  let clock = new Date('2020-02-03T01:00:00Z'); // Monday 3 Feb 2020, 10:00 in Seoul
  let manager: TestSession;
  let nowonReporter: TestSession; // 노원구청, leads task 1-1, consulted
  let employmentReporter: TestSession; // 고용센터, leads task 2-1, not consulted
  let councilMember: TestSession; // 법률구조공단, invited in their own name
  let nowon: string;
  let employment: string;
  let councilMemberId: string;
  let planId: string;
  const task11 = randomUUID();
  const task21 = randomUUID();
  const manualKpi = randomUUID();
  const metricKpi = randomUUID();

  const { orgId, addReporter: addUser } = planTestHelpers(() => platform);
  const detail = async (id = planId) => {
    const response = await manager.request('GET', `/api/plans/${id}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };
  const task = (key: string, code: string, lead: string, overrides: Record<string, unknown> = {}) => ({
    key,
    code,
    title: code === '1-1' ? '지역 맞춤형 정착지원 강화' : '취업 연계 확대',
    description: '',
    leadOrganizationId: lead,
    cooperatingOrganizationIds: [],
    kpis: [],
    milestones: [{ quarter: 1, description: '추진계획 수립' }],
    ...overrides,
  });
  /** Moves the clock and signs everyone in again: a session idles out after 30 minutes. */
  const moveClock = async (to: string) => {
    clock = new Date(to);
    manager = await platform.signIn('demo-plan-manager');
    nowonReporter = await platform.signIn('test-nowon-reporter');
    employmentReporter = await platform.signIn('test-employment-reporter');
    councilMember = await platform.signIn('test-council-member');
  };
  const transition = async (to: string, id = planId) =>
    manager.request('POST', `/api/plans/${id}/transitions`, { to, version: (await detail(id)).version });

  beforeAll(async () => {
    platform = await createTestPlatform({ now: () => clock });
    manager = await platform.signIn('demo-plan-manager');
    nowon = await orgId('서울특별시 노원구청');
    employment = await orgId('서울북부고용센터');
    nowonReporter = await addUser('test-nowon-reporter', nowon);
    employmentReporter = await addUser('test-employment-reporter', employment);
    councilMember = await addUser('test-council-member', await orgId('대한법률구조공단 서울북부지부'));
    const [member] = await platform.deps.db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.username, 'test-council-member'));
    councilMemberId = member?.id as string;
  });
  afterAll(() => platform.close());

  it('creates the 2020 plan as a draft with the master plan’s categories and the usual title', async () => {
    const master = await manager.request('POST', '/api/master-plans', {
      titleKo: '제2차 북한이탈주민 정착지원 기본계획',
      titleEn: 'Second Master Plan for Settlement Support',
      startYear: 2018,
      endYear: 2020,
      categories: [
        { code: 2, nameKo: '교육지원', nameEn: 'Education', goal: '' },
        { code: 1, nameKo: '일자리', nameEn: 'Jobs', goal: '생산적 시민으로' },
      ],
    });
    expect(master.statusCode, master.body).toBe(201);
    const created = await manager.request('POST', '/api/plans', {
      masterPlanId: master.json().id,
      year: 2020,
    });
    expect(created.statusCode, created.body).toBe(201);
    const plan = created.json();
    planId = plan.id;
    expect(plan).toMatchObject({
      year: 2020,
      status: 'draft',
      revision: 1,
      titleKo: '2020년 북한이탈주민 정착지원 시행계획',
      categoryCount: 2,
      taskCount: 0,
    });
    expect(plan.categories.map((c: { code: number }) => c.code)).toEqual([1, 2]);
    const again = await manager.request('POST', '/api/plans', { masterPlanId: master.json().id, year: 2020 });
    expect(again.statusCode).toBe(409);
    const outside = await manager.request('POST', '/api/plans', {
      masterPlanId: master.json().id,
      year: 2021,
    });
    expect(outside.statusCode).toBe(400);
  });

  it('drafts tasks with KPIs at the plan’s version, and refuses a stale version and an unknown category', async () => {
    const first = await manager.request('PUT', `/api/plans/${planId}/tasks/${task11}`, {
      version: (await detail()).version,
      task: task(task11, '1-1', nowon, {
        cooperatingOrganizationIds: [employment],
        kpis: [
          {
            key: manualKpi,
            nameKo: '정착지원 프로그램 참여자',
            unit: 'count',
            unitLabelKo: '명',
            baseline: 100,
            target: 200,
            direction: 'up',
            source: { kind: 'manual' },
            milestones: [{ quarter: 1, value: 120 }],
          },
          {
            key: metricKpi,
            nameKo: '사례관리 개시',
            unit: 'count',
            baseline: 0,
            target: 50,
            direction: 'up',
            source: { kind: 'metric', metricKey: 'cases.opened' },
          },
        ],
      }),
    });
    expect(first.statusCode, first.body).toBe(200);
    const stale = await manager.request('PUT', `/api/plans/${planId}/tasks/${task21}`, {
      version: first.json().version - 1,
      task: task(task21, '2-1', employment),
    });
    expect(stale.statusCode).toBe(409);
    const noCategory = await manager.request('PUT', `/api/plans/${planId}/tasks/${task21}`, {
      version: first.json().version,
      task: task(task21, '3-1', employment),
    });
    expect(noCategory.statusCode).toBe(400);
    const second = await manager.request('PUT', `/api/plans/${planId}/tasks/${task21}`, {
      version: first.json().version,
      task: task(task21, '2-1', employment),
    });
    expect(second.statusCode, second.body).toBe(200);
    const plan = second.json();
    expect(plan.taskCount).toBe(2);
    const [jobs] = plan.categories;
    expect(jobs.tasks[0]).toMatchObject({
      code: '1-1',
      leadOrganization: { id: nowon, name: '서울특별시 노원구청' },
      cooperatingOrganizations: [{ id: employment }],
      latestProgress: null,
    });
    expect(jobs.tasks[0].kpis.map((k: { key: string }) => k.key)).toEqual([manualKpi, metricKpi]);
    const extra = randomUUID();
    const added = await manager.request('PUT', `/api/plans/${planId}/tasks/${extra}`, {
      version: plan.version,
      task: task(extra, '2-2', employment),
    });
    expect(added.json().taskCount).toBe(3);
    const removed = await manager.request(
      'DELETE',
      `/api/plans/${planId}/tasks/${extra}?version=${added.json().version}`,
    );
    expect(removed.statusCode, removed.body).toBe(200);
    expect(removed.json().taskCount).toBe(2);
    const titled = await manager.request('PUT', `/api/plans/${planId}`, {
      titleKo: '2020년 북한이탈주민 정착지원 시행계획(안)',
      titleEn: '2020 Implementation Plan (draft)',
      summary: '추진 배경과 기본 방향',
      version: removed.json().version,
    });
    expect(titled.json()).toMatchObject({
      titleKo: '2020년 북한이탈주민 정착지원 시행계획(안)',
      summary: '추진 배경과 기본 방향',
    });
    const renamed = await manager.request('PUT', `/api/plans/${planId}/categories/2`, {
      nameKo: '교육',
      nameEn: 'Education',
      goal: '',
      version: titled.json().version,
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json().categories[1]).toMatchObject({ code: 2, nameKo: '교육' });
    const back = await manager.request('PUT', `/api/plans/${planId}/categories/2`, {
      nameKo: '교육지원',
      nameEn: 'Education',
      goal: '',
      version: renamed.json().version,
    });
    expect(back.statusCode).toBe(200);
    const reporterEdits = await nowonReporter.request('PUT', `/api/plans/${planId}/tasks/${task21}`, {
      version: plan.version,
      task: task(task21, '2-1', employment),
    });
    expect(reporterEdits.statusCode).toBe(403);
  });

  it('sends the draft for consultation only once a period and invitees are set', async () => {
    const early = await transition('in_consultation');
    expect(early.statusCode).toBe(422);
    expect(early.json().reason).toBe('consultation_not_set');
    const set = await manager.request('PUT', `/api/plans/${planId}/consultation`, {
      version: (await detail()).version,
      consultation: {
        startsOn: '2020-02-07',
        endsOn: '2020-02-13',
        organizationIds: [nowon],
        councilMemberIds: [councilMemberId],
        message: '2020년 시행계획(안)에 대한 의견을 2월 13일까지 보내 주십시오.',
      },
    });
    expect(set.statusCode, set.body).toBe(200);
    const sent = await transition('in_consultation');
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json().status).toBe('in_consultation');
    const consultation = (await manager.request('GET', `/api/plans/${planId}/consultation`)).json();
    expect(consultation.sentAt).toBe(clock.toISOString());
    expect(
      consultation.invitees.map((i: { kind: string; answered: boolean }) => [i.kind, i.answered]),
    ).toEqual([
      ['organization', false],
      ['council_member', false],
    ]);
  });

  it('takes comments from invitees only, and only within the period in Korea time', async () => {
    const comment = { taskKey: task11, body: '협업기관에 지역 하나센터를 추가해 주십시오.' };
    const tooEarly = await nowonReporter.request('POST', `/api/plans/${planId}/comments`, comment);
    expect(tooEarly.statusCode).toBe(422);
    expect(tooEarly.json().reason).toBe('consultation_not_started');
    await moveClock('2020-02-06T15:00:00Z'); // 7 Feb, midnight in Seoul
    const onTime = await nowonReporter.request('POST', `/api/plans/${planId}/comments`, comment);
    expect(onTime.statusCode, onTime.body).toBe(201);
    expect(onTime.json()).toMatchObject({ taskKey: task11, taskCode: '1-1', organization: { id: nowon } });
    const notInvited = await employmentReporter.request('POST', `/api/plans/${planId}/comments`, comment);
    expect(notInvited.statusCode).toBe(403);
    expect(notInvited.json().reason).toBe('not_invited');
    const member = await councilMember.request('POST', `/api/plans/${planId}/comments`, {
      taskKey: null,
      body: '성과지표에 취업 유지율을 넣는 방안을 검토해 주십시오.',
    });
    expect(member.statusCode, member.body).toBe(201);
    const outsider = await employmentReporter.request('POST', `/api/plans/${planId}/no-comment`, {
      noComment: true,
    });
    expect(outsider.statusCode).toBe(403);
    for (let i = 0; i < 2; i += 1) {
      const none = await councilMember.request('POST', `/api/plans/${planId}/no-comment`, {
        noComment: true,
      });
      expect(none.statusCode, none.body).toBe(204);
    }
    const consultation = (await manager.request('GET', `/api/plans/${planId}/consultation`)).json();
    expect(consultation.invitees.map((i: { answered: boolean }) => i.answered)).toEqual([true, true]);
    expect(consultation.invitees[1]).toMatchObject({ kind: 'council_member', comments: 1, noComment: true });
    expect(consultation.unresolved).toBe(2);
    await moveClock('2020-02-13T15:00:00Z'); // 14 Feb in Seoul: the period is over
    const tooLate = await nowonReporter.request('POST', `/api/plans/${planId}/comments`, comment);
    expect(tooLate.statusCode).toBe(422);
    expect(tooLate.json().reason).toBe('consultation_ended');
  });

  it('finalizes once every comment is resolved, a reason given for anything short of acceptance', async () => {
    const unresolved = await transition('finalized');
    expect(unresolved.statusCode).toBe(422);
    expect(unresolved.json().reason).toBe('comments_unresolved');
    const { comments } = (await manager.request('GET', `/api/plans/${planId}/consultation`)).json();
    const noReason = await manager.request('POST', `/api/plans/comments/${comments[1].id}/resolution`, {
      resolution: 'not_accepted',
      version: comments[1].version,
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors[0].message).toContain('사유');
    const byReporter = await nowonReporter.request(
      'POST',
      `/api/plans/comments/${comments[0].id}/resolution`,
      {
        resolution: 'accepted',
        version: comments[0].version,
      },
    );
    expect(byReporter.statusCode).toBe(403);
    for (const [comment, resolution] of [
      [comments[0], 'accepted'],
      [comments[1], 'partly_accepted'],
    ] as const) {
      const resolved = await manager.request('POST', `/api/plans/comments/${comment.id}/resolution`, {
        resolution,
        reason: resolution === 'accepted' ? '' : '2021년 계획에 반영 예정',
        version: comment.version,
      });
      expect(resolved.statusCode, resolved.body).toBe(200);
      expect(resolved.json()).toMatchObject({ resolution, resolvedBy: { displayName: '데모 계획 총괄' } });
    }
    const finalized = await transition('finalized');
    expect(finalized.statusCode, finalized.body).toBe(200);
    expect(finalized.json()).toMatchObject({ status: 'finalized', finalizedAt: clock.toISOString() });
    const edit = await manager.request('PUT', `/api/plans/${planId}/tasks/${task21}`, {
      version: finalized.json().version,
      task: task(task21, '2-1', employment),
    });
    expect(edit.statusCode).toBe(422);
    expect(edit.json().reason).toBe('plan_not_editable');
  });

  it('takes quarterly reports from the lead organization’s reporter only, and lists what is overdue', async () => {
    expect((await transition('in_execution')).statusCode).toBe(200);
    await moveClock('2020-04-05T01:00:00Z');
    const report = {
      year: 2020,
      quarter: 1,
      status: 'on_track',
      percentComplete: 30,
      narrative: '추진계획 수립 완료, 2분기 프로그램 공고 예정',
      kpiValues: [{ kpiKey: manualKpi, value: 130 }],
    };
    const other = await employmentReporter.request(
      'POST',
      `/api/plans/${planId}/tasks/${task11}/reports`,
      report,
    );
    expect(other.statusCode).toBe(403);
    expect(other.json().reason).toBe('not_lead_organization');
    const byManager = await manager.request('POST', `/api/plans/${planId}/tasks/${task11}/reports`, report);
    expect(byManager.statusCode).toBe(403);
    const computed = await nowonReporter.request('POST', `/api/plans/${planId}/tasks/${task11}/reports`, {
      ...report,
      kpiValues: [{ kpiKey: metricKpi, value: 3 }],
    });
    expect(computed.statusCode).toBe(400);
    const future = await nowonReporter.request('POST', `/api/plans/${planId}/tasks/${task11}/reports`, {
      ...report,
      quarter: 3,
    });
    expect(future.json().reason).toBe('quarter_not_started');
    const filed = await nowonReporter.request('POST', `/api/plans/${planId}/tasks/${task11}/reports`, report);
    expect(filed.statusCode, filed.body).toBe(200);
    expect(filed.json()).toMatchObject({ quarter: 1, late: false, version: 1, kpiValues: report.kpiValues });
    const duplicate = await nowonReporter.request(
      'POST',
      `/api/plans/${planId}/tasks/${task11}/reports`,
      report,
    );
    expect(duplicate.statusCode).toBe(409);
    const corrected = await nowonReporter.request('POST', `/api/plans/${planId}/tasks/${task11}/reports`, {
      ...report,
      percentComplete: 35,
      version: 1,
    });
    expect(corrected.json()).toMatchObject({ percentComplete: 35, version: 2 });
    const listed = await employmentReporter.request('GET', `/api/plans/${planId}/tasks/${task11}/reports`);
    expect(listed.statusCode, listed.body).toBe(200);
    expect(listed.json().items).toEqual([
      expect.objectContaining({
        quarter: 1,
        percentComplete: 35,
        version: 2,
        filedAt: filed.json().filedAt,
        filedBy: expect.objectContaining({ displayName: '시험 test-nowon-reporter' }),
      }),
    ]);

    const plan = await detail();
    const reported = plan.categories[0].tasks[0];
    expect(reported.latestProgress).toMatchObject({
      quarter: 1,
      status: 'on_track',
      percentComplete: 35,
      late: false,
    });
    const manual = reported.kpis[0].values;
    expect(manual[0]).toMatchObject({
      quarter: 1,
      value: 130,
      milestone: 120,
      milestoneStatus: 'met',
      progress: 30,
    });
    expect(
      reported.kpis[1].values.map((v: { quarter: number; value: number }) => [v.quarter, v.value]),
    ).toEqual([
      [1, 0],
      [2, 0],
    ]);

    const regions = await manager.request('GET', `/api/plans/${planId}/kpis/${metricKpi}/regions?quarter=1`);
    expect(regions.statusCode, regions.body).toBe(200);
    expect(regions.json().items).toHaveLength(17);
    // A region holds part of a national count: its value is shown but not held against the national milestone.
    expect(regions.json().items[0]).toMatchObject({
      region: 'seoul',
      value: 0,
      milestoneStatus: 'not_comparable',
    });
    const manualRegions = await manager.request(
      'GET',
      `/api/plans/${planId}/kpis/${manualKpi}/regions?quarter=1`,
    );
    expect(manualRegions.json().items).toEqual([]);

    await moveClock('2020-04-20T01:00:00Z');
    const overdue = (await manager.request('GET', `/api/plans/${planId}/overdue-reports`)).json();
    expect(overdue.items).toEqual([
      expect.objectContaining({
        task: expect.objectContaining({ key: task21, code: '2-1' }),
        leadOrganization: expect.objectContaining({ id: employment }),
        quarter: 1,
        dueOn: '2020-04-10',
        daysOverdue: 10,
      }),
    ]);
  });

  it('revises the executing plan: keys kept, a readable diff in the reader’s language, the old one superseded', async () => {
    const started = await manager.request('POST', `/api/plans/${planId}/revisions`, {
      reason: '고용센터 과제를 일자리 분야로 이관',
      version: (await detail()).version,
    });
    expect(started.statusCode, started.body).toBe(201);
    const revision = started.json();
    expect(revision).toMatchObject({
      status: 'draft',
      revision: 2,
      previousRevisionId: planId,
      taskCount: 2,
    });
    const again = await manager.request('POST', `/api/plans/${planId}/revisions`, {
      reason: '또',
      version: (await detail()).version,
    });
    expect(again.json().reason).toBe('revision_already_open');

    const moved = await manager.request('PUT', `/api/plans/${revision.id}/tasks/${task21}`, {
      version: revision.version,
      task: task(task21, '1-2', employment),
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const korean = await manager.request('GET', `/api/plans/${revision.id}/diff`);
    expect(korean.statusCode, korean.body).toBe(200);
    expect(korean.json()).toMatchObject({ fromRevision: 1, toRevision: 2 });
    expect(korean.json().changes).toEqual([
      {
        kind: 'task_moved',
        text: '과제 2-1 ‘취업 연계 확대’ 이관: 분야 2(교육지원) → 분야 1(일자리), 과제 번호 2-1 → 1-2',
      },
    ]);
    const english = await platform.app.inject({
      method: 'GET',
      url: `/api/plans/${revision.id}/diff`,
      headers: { cookie: manager.cookie, 'accept-language': 'en-US,en;q=0.9' },
    });
    expect(english.json().changes[0].text).toBe(
      'Task 2-1 “취업 연계 확대” moved from category 2 (Education) to category 1 (Jobs) (now 1-2).',
    );

    expect((await transition('finalized', revision.id)).statusCode).toBe(200);
    expect((await transition('in_execution', revision.id)).statusCode).toBe(200);
    const old = await detail(planId);
    expect(old).toMatchObject({ status: 'closed', supersededById: revision.id });
    // The year's reports follow the task into the revision.
    const current = await detail(revision.id);
    expect(current.categories[0].tasks[0].latestProgress).toMatchObject({ quarter: 1, percentComplete: 35 });
  });

  it('lists the latest revision of each year by default, every revision on request', async () => {
    const latest = (await nowonReporter.request('GET', '/api/plans')).json();
    expect(latest.items.map((p: { revision: number; status: string }) => [p.revision, p.status])).toEqual([
      [2, 'in_execution'],
    ]);
    const all = (await nowonReporter.request('GET', '/api/plans?revisions=all')).json();
    expect(all.items.map((p: { revision: number }) => p.revision)).toEqual([2, 1]);
  });

  it('audits every change to the plan', async () => {
    const entries = await platform.deps.db
      .select({ entityType: auditLog.entityType, action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'update'), eq(auditLog.entityType, 'plan')));
    // The title, draft → in_consultation → finalized → in_execution, revision 2's two steps, the predecessor closed.
    expect(entries).toHaveLength(7);
    const types = new Set(
      (await platform.deps.db.select({ entityType: auditLog.entityType }).from(auditLog)).map(
        (e) => e.entityType,
      ),
    );
    for (const type of [
      'master_plan',
      'plan',
      'plan_task',
      'plan_category',
      'plan_no_comment',
      'plan_consultation',
      'plan_comment',
      'plan_progress_report',
    ]) {
      expect(types, type).toContain(type);
    }
  });
});
