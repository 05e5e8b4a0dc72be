import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listOverdueReports } from '../modules/plan/list-overdue-reports';
import { readConsultation } from '../modules/plan/read-consultation';
import { planComments, planProgressReports, plans } from '../modules/plan/schema';
import { organizations } from '../platform/db/schema';
import { createTestPlatform, type TestPlatform, type TestSession } from '../testing';
import { type DemoPlanResult, insertDemoPlan } from './demo-plan';
import { ILLUSTRATIVE } from './demo-plan-tasks';

interface TaskJson {
  code: string;
  title: string;
  description: string;
  leadOrganization: { name: string };
  cooperatingOrganizations: unknown[];
  kpis: { source: { kind: string; metricKey?: string }; values: { quarter: number }[] }[];
  latestProgress: { quarter: number; status: string } | null;
}

describe('demo implementation plan', () => {
  let platform: TestPlatform;
  let first: DemoPlanResult;
  let reader: TestSession;

  beforeAll(async () => {
    platform = await createTestPlatform({ now: () => new Date('2026-11-20T01:00:00Z') });
    first = await insertDemoPlan(platform.deps);
    reader = await platform.signIn('demo-task-reporter');
  }, 120_000);
  afterAll(() => platform.close());

  it('lists the 2020 plan in execution through GET /api/plans', async () => {
    const response = await reader.request('GET', '/api/plans');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().items).toEqual([
      expect.objectContaining({
        id: first.planId,
        year: 2020,
        status: 'in_execution',
        revision: 1,
        categoryCount: 7,
        taskCount: 53,
      }),
    ]);
  });

  it('holds 7 categories and 53 illustrative tasks with leads, cooperating organizations and KPIs', async () => {
    const response = await reader.request('GET', `/api/plans/${first.planId}`);
    expect(response.statusCode, response.body).toBe(200);
    const plan = response.json();
    expect(plan.summary).toContain(ILLUSTRATIVE);
    expect(plan.categories.map((c: { nameKo: string }) => c.nameKo)).toEqual([
      '일자리',
      '교육지원',
      '생활밀착형 서비스',
      '정책 협업체계',
      '하나센터',
      '취약계층 보호',
      '사회통합',
    ]);
    const tasks: TaskJson[] = plan.categories.flatMap((c: { tasks: TaskJson[] }) => c.tasks);
    expect(tasks).toHaveLength(53);
    expect(first.tasks).toBe(53);
    expect(tasks.every((t) => t.description.startsWith(ILLUSTRATIVE))).toBe(true);
    expect(tasks.every((t) => t.leadOrganization.name !== '' && t.cooperatingOrganizations.length > 0)).toBe(
      true,
    );
    expect(tasks.every((t) => t.kpis.length > 0)).toBe(true);
    expect(tasks.map((t) => t.title)).toEqual(
      expect.arrayContaining(['하나센터-고용센터 협업 체계 구축', '대안학교 지원 기준 객관화']),
    );
    // Every category has tasks; every quarter of 2020 is evaluated for the computed KPIs.
    expect(plan.categories.every((c: { tasks: unknown[] }) => c.tasks.length >= 6)).toBe(true);
    const computed = tasks.flatMap((t) => t.kpis).filter((k) => k.source.kind === 'metric');
    expect(new Set(computed.map((k) => k.source.metricKey))).toEqual(
      new Set([
        'jobs.employment_rate',
        'jobs.placements',
        'protection.alerts_opened',
        'protection.crisis_reached_within_deadline',
        'cases.opened',
      ]),
    );
    expect(computed.every((k) => k.values.length === 4)).toBe(true);
    // The latest progress is the second quarter's where it was filed.
    const latest = tasks.map((t) => t.latestProgress);
    expect(latest.filter((p) => p?.quarter === 2).length).toBeGreaterThan(40);
    expect(new Set(latest.map((p) => p?.status))).toEqual(
      new Set(['on_track', 'delayed', 'at_risk', 'done', ...(latest.includes(null) ? [undefined] : [])]),
    );
  });

  it('has the 20 departments and 3 local governments as organizations, leading the tasks', async () => {
    const rows = await platform.deps.db.select({ type: organizations.type }).from(organizations);
    expect(rows.filter((r) => r.type === 'ministry')).toHaveLength(20);
    expect(rows.filter((r) => r.type === 'local_government')).toHaveLength(3);
  });

  it('keeps a complete consultation record: 7-13 February 2020, every comment resolved', async () => {
    const consultation = await readConsultation(platform.deps, { planId: first.planId as string });
    expect(consultation).toMatchObject({ startsOn: '2020-02-07', endsOn: '2020-02-13', unresolved: 0 });
    expect(consultation.comments).toHaveLength(first.comments);
    expect(new Set(consultation.comments.map((c) => c.resolution))).toEqual(
      new Set(['accepted', 'partly_accepted', 'not_accepted']),
    );
    expect(consultation.comments.filter((c) => c.taskKey === null).length).toBeGreaterThan(0);
    expect(consultation.comments.filter((c) => c.taskKey !== null).length).toBeGreaterThan(
      consultation.comments.length / 2,
    );
    const answered = consultation.invitees.filter((i) => i.answered);
    expect(answered.length).toBeGreaterThan(5);
    expect(answered.length).toBeLessThan(consultation.invitees.length);
  });

  it('has two quarters of reports, some late, some missing and listed as overdue', async () => {
    const reports = await platform.deps.db
      .select({ quarter: planProgressReports.quarter, n: count() })
      .from(planProgressReports)
      .groupBy(planProgressReports.quarter)
      .orderBy(planProgressReports.quarter);
    expect(reports.map((r) => r.quarter)).toEqual([1, 2]);
    expect(reports.reduce((sum, r) => sum + r.n, 0)).toBe(first.reports);
    expect(first.missingReports).toBeGreaterThan(0);
    expect(first.reports + first.missingReports).toBe(106);
    const overdue = await listOverdueReports(platform.deps, { planId: first.planId as string });
    const ofFirstHalf = overdue.items.filter((item) => item.quarter <= 2);
    expect(ofFirstHalf).toHaveLength(first.missingReports);
  });

  it('adds nothing when run again', async () => {
    expect(await insertDemoPlan(platform.deps)).toMatchObject({ planId: null, tasks: 0, reports: 0 });
    expect(await platform.deps.db.select({ n: count() }).from(plans)).toEqual([{ n: 1 }]);
    const [comments] = await platform.deps.db.select({ n: count() }).from(planComments);
    expect(comments?.n).toBe(first.comments);
  });
});
