import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../platform/db/schema';
import { createTestPlatform, type TestPlatform, type TestSession } from '../../testing';
import { planTestHelpers } from './plan-test-helpers';

/**
 * The plan's read-outs for execution: the dashboard, the reporter's reminders and the council candidates. The
 * 2020 plan has 1-1 (노원구청 leads, 고용센터 cooperates, a manual KPI), 1-2 (고용센터 leads) and 2-1 (노원구청
 * leads); a 2019 plan stays a draft. Clock in Korea time.
 */
describe('the plan dashboard, the due reports and the council candidates', () => {
  let platform: TestPlatform;
  let clock = new Date('2020-02-03T01:00:00Z'); // Monday 3 Feb 2020, 10:00 in Seoul
  let manager: TestSession;
  let nowonReporter: TestSession;
  let employmentReporter: TestSession;
  let nowon: string;
  let employment: string;
  let masterPlanId: string;
  let planId: string;
  let draftPlanId: string;
  const task11 = randomUUID();
  const task12 = randomUUID();
  const task21 = randomUUID();
  const draftTask = randomUUID();
  const manualKpi = randomUUID();

  const { orgId, addReporter: addUser } = planTestHelpers(() => platform);
  const version = async (id = planId) =>
    (await manager.request('GET', `/api/plans/${id}`)).json().version as number;
  const saveTask = async (
    id: string,
    key: string,
    code: string,
    lead: string,
    overrides: Record<string, unknown> = {},
  ) => {
    const saved = await manager.request('PUT', `/api/plans/${id}/tasks/${key}`, {
      version: await version(id),
      task: {
        key,
        code,
        title: `과제 ${code}`,
        description: '',
        leadOrganizationId: lead,
        cooperatingOrganizationIds: [],
        kpis: [],
        milestones: [],
        ...overrides,
      },
    });
    expect(saved.statusCode, saved.body).toBe(200);
  };
  const transition = async (to: string) => {
    const moved = await manager.request('POST', `/api/plans/${planId}/transitions`, {
      to,
      version: await version(),
    });
    expect(moved.statusCode, moved.body).toBe(200);
  };
  /** Moves the clock and signs everyone in again: a session idles out after 30 minutes. */
  const moveClock = async (to: string) => {
    clock = new Date(to);
    manager = await platform.signIn('demo-plan-manager');
    nowonReporter = await platform.signIn('test-nowon-reporter');
    employmentReporter = await platform.signIn('test-employment-reporter');
  };
  const file = async (reporter: TestSession, key: string, report: Record<string, unknown>) => {
    const filed = await reporter.request('POST', `/api/plans/${planId}/tasks/${key}/reports`, {
      year: 2020,
      quarter: 1,
      narrative: '1분기 추진 실적',
      ...report,
    });
    expect(filed.statusCode, filed.body).toBe(200);
  };
  const dashboard = async (query = '', id = planId) => {
    const response = await manager.request('GET', `/api/plans/${id}/dashboard${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };
  const cells = (plan: { matrix: { task: { code: string }; cells: unknown[] }[] }) =>
    Object.fromEntries(plan.matrix.map((row) => [row.task.code, row.cells]));
  const due = async (reporter: TestSession) => {
    const response = await reporter.request('GET', '/api/plan-reports/due');
    expect(response.statusCode, response.body).toBe(200);
    return response.json().items as {
      plan: { id: string };
      task: { code: string };
      quarter: number;
      dueOn: string;
      daysLeft: number;
      state: string;
    }[];
  };

  beforeAll(async () => {
    platform = await createTestPlatform({ now: () => clock });
    manager = await platform.signIn('demo-plan-manager');
    nowon = await orgId('서울특별시 노원구청');
    employment = await orgId('서울북부고용센터');
    nowonReporter = await addUser('test-nowon-reporter', nowon);
    employmentReporter = await addUser('test-employment-reporter', employment);

    const master = await manager.request('POST', '/api/master-plans', {
      titleKo: '제2차 북한이탈주민 정착지원 기본계획',
      titleEn: 'Second Master Plan for Settlement Support',
      startYear: 2018,
      endYear: 2020,
      categories: [
        { code: 1, nameKo: '일자리', nameEn: 'Jobs', goal: '' },
        { code: 2, nameKo: '교육지원', nameEn: 'Education', goal: '' },
      ],
    });
    expect(master.statusCode, master.body).toBe(201);
    masterPlanId = master.json().id;
    const created = await manager.request('POST', '/api/plans', { masterPlanId, year: 2020 });
    expect(created.statusCode, created.body).toBe(201);
    planId = created.json().id;
    await saveTask(planId, task11, '1-1', nowon, {
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
      ],
    });
    await saveTask(planId, task12, '1-2', employment);
    await saveTask(planId, task21, '2-1', nowon);

    // A 2019 plan left in draft, with a task 노원구청 leads: its quarters are long past, and nothing is owed.
    const draft = await manager.request('POST', '/api/plans', { masterPlanId, year: 2019 });
    expect(draft.statusCode, draft.body).toBe(201);
    draftPlanId = draft.json().id;
    await saveTask(draftPlanId, draftTask, '1-1', nowon);

    // Consulted for a week; 노원구청 answers that it has no comment, so the plan may be finalized at once.
    const consultation = await manager.request('PUT', `/api/plans/${planId}/consultation`, {
      version: await version(),
      consultation: {
        startsOn: '2020-02-03',
        endsOn: '2020-02-07',
        organizationIds: [nowon],
        councilMemberIds: [],
        message: '의견을 보내 주십시오.',
      },
    });
    expect(consultation.statusCode, consultation.body).toBe(200);
    await transition('in_consultation');
    const none = await nowonReporter.request('POST', `/api/plans/${planId}/no-comment`, { noComment: true });
    expect(none.statusCode, none.body).toBe(204);
    await transition('finalized');
    await transition('in_execution');
  });
  afterAll(() => platform.close());

  it('shows a quarter as due from its last day to its due day, and a filed one as reported', async () => {
    await moveClock('2020-04-05T01:00:00Z');
    await file(nowonReporter, task11, {
      status: 'on_track',
      percentComplete: 30,
      kpiValues: [{ kpiKey: manualKpi, value: 130 }],
    });
    const plan = await dashboard();
    expect(plan.today).toBe('2020-04-05');
    expect(cells(plan)).toEqual({
      '1-1': [
        { quarter: 1, state: 'reported', status: 'on_track', late: false, percentComplete: 30 },
        { quarter: 2, state: 'not_due' },
        { quarter: 3, state: 'not_due' },
        { quarter: 4, state: 'not_due' },
      ],
      '1-2': [
        { quarter: 1, state: 'due' },
        { quarter: 2, state: 'not_due' },
        { quarter: 3, state: 'not_due' },
        { quarter: 4, state: 'not_due' },
      ],
      '2-1': [
        { quarter: 1, state: 'due' },
        { quarter: 2, state: 'not_due' },
        { quarter: 3, state: 'not_due' },
        { quarter: 4, state: 'not_due' },
      ],
    });
    expect(plan.overdue).toEqual([]);
  });

  it('rolls up the latest reports per category and overall, with the matrix, the overdue reports and the KPIs', async () => {
    await moveClock('2020-04-15T01:00:00Z');
    await file(nowonReporter, task21, { status: 'delayed', percentComplete: 20 });
    const plan = await dashboard();
    expect(plan).toMatchObject({
      planId,
      year: 2020,
      status: 'in_execution',
      today: '2020-04-15',
      filters: { organizationId: null, categoryCode: null },
      plan: {
        tasks: 3,
        byStatus: { on_track: 1, delayed: 1, at_risk: 0, done: 0, not_reported: 1 },
        meanPercentComplete: 25,
      },
    });
    expect(plan.categories).toEqual([
      {
        code: 1,
        nameKo: '일자리',
        nameEn: 'Jobs',
        tasks: 2,
        byStatus: { on_track: 1, delayed: 0, at_risk: 0, done: 0, not_reported: 1 },
        meanPercentComplete: 30,
      },
      {
        code: 2,
        nameKo: '교육지원',
        nameEn: 'Education',
        tasks: 1,
        byStatus: { on_track: 0, delayed: 1, at_risk: 0, done: 0, not_reported: 0 },
        meanPercentComplete: 20,
      },
    ]);
    expect(plan.matrix.map((row: { task: { code: string } }) => row.task.code)).toEqual([
      '1-1',
      '1-2',
      '2-1',
    ]);
    expect(plan.matrix[1].task).toMatchObject({
      key: task12,
      categoryCode: 1,
      leadOrganization: { id: employment, name: '서울북부고용센터' },
    });
    const matrix = cells(plan);
    expect(matrix['1-1']?.[0]).toEqual({
      quarter: 1,
      state: 'reported',
      status: 'on_track',
      late: false,
      percentComplete: 30,
    });
    // Filed on 15 April, after the 10 April due day.
    expect(matrix['2-1']?.[0]).toEqual({
      quarter: 1,
      state: 'reported',
      status: 'delayed',
      late: true,
      percentComplete: 20,
    });
    expect(matrix['1-2']?.map((cell) => (cell as { state: string }).state)).toEqual([
      'overdue',
      'not_due',
      'not_due',
      'not_due',
    ]);
    expect(plan.overdue).toEqual([
      expect.objectContaining({
        task: expect.objectContaining({ code: '1-2' }),
        leadOrganization: expect.objectContaining({ id: employment }),
        quarter: 1,
        dueOn: '2020-04-10',
        daysOverdue: 5,
      }),
    ]);
    expect(plan.kpis).toHaveLength(1);
    expect(plan.kpis[0]).toMatchObject({ taskKey: task11, taskCode: '1-1', taskTitle: '과제 1-1' });
    expect(plan.kpis[0].kpi).toMatchObject({ key: manualKpi, target: 200 });
    expect(plan.kpis[0].kpi.values[0]).toMatchObject({ quarter: 1, value: 130, milestoneStatus: 'met' });
    // Code-point order of the names: 서울북부… before 서울특별시….
    expect(plan.organizations).toEqual([
      { id: employment, name: '서울북부고용센터', nameEn: 'Seoul North Employment Center' },
      { id: nowon, name: '서울특별시 노원구청', nameEn: 'Nowon-gu Office, Seoul' },
    ]);
  });

  it('filters by an organization that leads or cooperates, and by category, keeping every organization as a choice', async () => {
    const byEmployment = await dashboard(`?organizationId=${employment}`);
    expect(byEmployment.filters).toEqual({ organizationId: employment, categoryCode: null });
    // 고용센터 leads 1-2 and cooperates on 1-1.
    expect(byEmployment.matrix.map((row: { task: { code: string } }) => row.task.code)).toEqual([
      '1-1',
      '1-2',
    ]);
    expect(byEmployment.plan).toMatchObject({ tasks: 2, meanPercentComplete: 30 });
    expect(byEmployment.categories.map((c: { code: number }) => c.code)).toEqual([1]);
    expect(byEmployment.overdue.map((o: { task: { code: string } }) => o.task.code)).toEqual(['1-2']);
    expect(byEmployment.kpis.map((k: { taskCode: string }) => k.taskCode)).toEqual(['1-1']);
    expect(byEmployment.organizations).toHaveLength(2);

    const byNowon = await dashboard(`?organizationId=${nowon}`);
    expect(byNowon.matrix.map((row: { task: { code: string } }) => row.task.code)).toEqual(['1-1', '2-1']);
    expect(byNowon.overdue).toEqual([]);

    const education = await dashboard('?categoryCode=2');
    expect(education.filters).toEqual({ organizationId: null, categoryCode: 2 });
    expect(education.matrix.map((row: { task: { code: string } }) => row.task.code)).toEqual(['2-1']);
    expect(education.plan).toMatchObject({ tasks: 1, byStatus: { delayed: 1 }, meanPercentComplete: 20 });
    expect(education.categories).toEqual([expect.objectContaining({ code: 2, nameKo: '교육지원' })]);
    expect(education.kpis).toEqual([]);

    const both = await dashboard(`?organizationId=${employment}&categoryCode=2`);
    expect(both.matrix).toEqual([]);
    expect(both.plan).toMatchObject({ tasks: 0, meanPercentComplete: null });
    expect(both.categories).toEqual([]);

    const invalid = await manager.request('GET', `/api/plans/${planId}/dashboard?categoryCode=10`);
    expect(invalid.statusCode).toBe(400);
  });

  it('shows a draft’s quarters as not due, however long past, and nothing overdue', async () => {
    const draft = await dashboard('', draftPlanId);
    expect(draft).toMatchObject({ year: 2019, status: 'draft', overdue: [] });
    expect(draft.plan.byStatus.not_reported).toBe(1);
    expect(draft.matrix[0].cells).toEqual([1, 2, 3, 4].map((quarter) => ({ quarter, state: 'not_due' })));
  });

  it('refuses the dashboard to a case worker, and answers 404 for an unknown plan', async () => {
    const caseWorker = await platform.signIn('demo-case-worker');
    const refused = await caseWorker.request('GET', `/api/plans/${planId}/dashboard`);
    expect(refused.statusCode).toBe(403);
    const unknown = await manager.request('GET', `/api/plans/${randomUUID()}/dashboard`);
    expect(unknown.statusCode).toBe(404);
    const reporter = await nowonReporter.request('GET', `/api/plans/${planId}/dashboard`);
    expect(reporter.statusCode).toBe(200);
  });

  it('lists the reports a reporter’s organization owes on the tasks it leads, most overdue first', async () => {
    await moveClock('2020-06-30T01:00:00Z'); // 2/4분기 ends today: its reports are due until 10 July
    // 고용센터 cooperates on 1-1 but does not report it; its 1-2 missed the first quarter.
    expect(await due(employmentReporter)).toEqual([
      {
        plan: {
          id: planId,
          year: 2020,
          titleKo: '2020년 북한이탈주민 정착지원 시행계획',
          titleEn: expect.any(String),
        },
        task: { id: expect.any(String), key: task12, code: '1-2', title: '과제 1-2' },
        year: 2020,
        quarter: 1,
        dueOn: '2020-04-10',
        daysLeft: -81,
        state: 'overdue',
      },
      expect.objectContaining({
        task: expect.objectContaining({ code: '1-2' }),
        quarter: 2,
        dueOn: '2020-07-10',
        daysLeft: 10,
        state: 'due',
      }),
    ]);
    // 노원구청 filed both first quarters; its 2019 draft owes nothing.
    const nowonDue = await due(nowonReporter);
    expect(nowonDue.map((d) => [d.task.code, d.quarter, d.state, d.daysLeft])).toEqual([
      ['1-1', 2, 'due', 10],
      ['2-1', 2, 'due', 10],
    ]);
    expect(nowonDue.every((d) => d.plan.id === planId)).toBe(true);

    await moveClock('2020-07-10T14:59:00Z'); // 23:59 on the due day in Seoul
    expect((await due(nowonReporter)).map((d) => d.daysLeft)).toEqual([0, 0]);
    await moveClock('2020-07-10T15:00:00Z'); // midnight: overdue
    expect((await due(nowonReporter)).map((d) => [d.state, d.daysLeft])).toEqual([
      ['overdue', -1],
      ['overdue', -1],
    ]);
  });

  it('keeps the reminders on the plan in execution while a revision is drafted', async () => {
    const before = await due(employmentReporter);
    const revision = await manager.request('POST', `/api/plans/${planId}/revisions`, {
      reason: '과제 조정',
      version: await version(),
    });
    expect(revision.statusCode, revision.body).toBe(201);
    expect(await due(employmentReporter)).toEqual(before);
  });

  it('refuses the due list to a role without plans.report', async () => {
    const refused = await manager.request('GET', '/api/plan-reports/due');
    expect(refused.statusCode).toBe(403);
    const caseWorker = await platform.signIn('demo-case-worker');
    expect((await caseWorker.request('GET', '/api/plan-reports/due')).statusCode).toBe(403);
  });

  it('lists the active users who may comment as council candidates, names and organizations only', async () => {
    await platform.deps.db
      .update(users)
      .set({ active: false })
      .where(eq(users.username, 'test-employment-reporter'));
    const response = await manager.request('GET', '/api/plans/council-candidates');
    expect(response.statusCode, response.body).toBe(200);
    const { items } = response.json() as {
      items: { id: string; displayName: string; organization: { id: string; name: string } }[];
    };
    const names = items.map((item) => item.displayName);
    expect(names).toContain('시험 test-nowon-reporter');
    expect(names).toContain('데모 과제 보고자');
    expect(names).toContain('데모 계획 총괄');
    expect(names).not.toContain('시험 test-employment-reporter'); // deactivated
    expect(names).not.toContain('데모 사례관리자');
    expect(names).not.toContain('데모 시스템 관리자');
    expect(items.find((item) => item.displayName === '시험 test-nowon-reporter')?.organization).toEqual({
      id: nowon,
      name: '서울특별시 노원구청',
      nameEn: 'Nowon-gu Office, Seoul',
    });
    for (const item of items) expect(Object.keys(item).sort()).toEqual(['displayName', 'id', 'organization']);
    const order = items.map((item) => [item.organization.name, item.displayName].join('\u0000'));
    expect(order).toEqual([...order].sort());
  });

  it('refuses the council candidates to a task reporter (the static path is not taken for a plan id)', async () => {
    const refused = await nowonReporter.request('GET', '/api/plans/council-candidates');
    expect(refused.statusCode).toBe(403);
  });
});
