import { describe, expect, it } from 'vitest';
import { PlanDetail } from './api';
import { computableMetrics, isMetricKey, METRICS, metricDefinition } from './metrics';
import {
  CommentResolutionInput,
  ConsultationInput,
  categoryOfTaskCode,
  compareTaskCodes,
  KpiInput,
  MasterPlanInput,
  ProgressReportInput,
  TaskCode,
  TaskInput,
} from './schemas';

const ORG_A = '00000000-0000-4000-8000-000000000001';
const ORG_B = '00000000-0000-4000-8000-000000000002';
const KEY = '10000000-0000-4000-8000-000000000001';

const kpi = {
  key: KEY,
  nameKo: '취업률',
  unit: 'rate',
  baseline: 54.4,
  target: 57,
  direction: 'up',
  source: { kind: 'metric', metricKey: 'jobs.employment_rate' },
};
const messages = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.error?.issues.map((issue) => issue.message) ?? [];

describe('task codes', () => {
  it('takes a one-digit category and a task number up to 99', () => {
    for (const code of ['1-1', '7-53', '9-99']) expect(TaskCode.safeParse(code).success).toBe(true);
    for (const code of ['0-1', '1-0', '10-1', '1-100', '1-03', '1.3', '1-'])
      expect(TaskCode.safeParse(code).success, code).toBe(false);
  });

  it('orders codes by category, then number', () => {
    expect(['2-1', '1-10', '1-2'].sort(compareTaskCodes)).toEqual(['1-2', '1-10', '2-1']);
    expect(categoryOfTaskCode('7-12')).toBe(7);
  });
});

describe('KpiInput', () => {
  it('accepts a KPI bound to a computable metric of its unit, with defaults filled in', () => {
    const parsed = KpiInput.parse(kpi);
    expect(parsed).toMatchObject({ nameEn: null, unitLabelKo: null, milestones: [] });
  });

  it('refuses a target on the wrong side of the baseline, and accepts baseline = target', () => {
    expect(messages(KpiInput.safeParse({ ...kpi, target: 50 }))).toEqual(['plan.kpi_target_direction']);
    expect(KpiInput.safeParse({ ...kpi, target: 54.4 }).success).toBe(true);
    expect(KpiInput.safeParse({ ...kpi, direction: 'down', target: 50 }).success).toBe(true);
  });

  it('refuses a metric that cannot be computed yet, or of another unit', () => {
    const events = { ...kpi, unit: 'count', baseline: 0, target: 40 };
    expect(
      messages(
        KpiInput.safeParse({ ...events, source: { kind: 'metric', metricKey: 'community.events_held' } }),
      ),
    ).toEqual(['plan.metric_not_computable']);
    expect(KpiInput.safeParse({ ...events, source: { kind: 'manual' } }).success).toBe(true);
    expect(messages(KpiInput.safeParse({ ...kpi, unit: 'count' }))).toEqual([
      'plan.kpi_unit_not_metric_unit',
    ]);
    expect(
      KpiInput.safeParse({ ...kpi, source: { kind: 'metric', metricKey: 'jobs.nonsense' } }).success,
    ).toBe(false);
  });

  it('keeps rates within 0-100 and milestones one per quarter', () => {
    expect(messages(KpiInput.safeParse({ ...kpi, target: 101 }))).toEqual(['plan.kpi_rate_range']);
    const twice = [
      { quarter: 2, value: 55 },
      { quarter: 2, value: 56 },
    ];
    expect(messages(KpiInput.safeParse({ ...kpi, milestones: twice }))).toEqual([
      'plan.milestone_quarter_duplicate',
    ]);
  });
});

describe('TaskInput', () => {
  const task = { key: KEY, code: '1-3', title: '취업성공패키지', leadOrganizationId: ORG_A };

  it('fills defaults and keeps the lead out of the cooperating organizations', () => {
    expect(TaskInput.parse(task)).toMatchObject({
      description: '',
      cooperatingOrganizationIds: [],
      kpis: [],
    });
    expect(messages(TaskInput.safeParse({ ...task, cooperatingOrganizationIds: [ORG_A] }))).toEqual([
      'plan.lead_also_cooperating',
    ]);
    expect(messages(TaskInput.safeParse({ ...task, cooperatingOrganizationIds: [ORG_B, ORG_B] }))).toEqual([
      'plan.organization_duplicate',
    ]);
  });

  it('takes a title of 200 characters and not 201, a description of 4000 and not 4001', () => {
    expect(TaskInput.safeParse({ ...task, title: '가'.repeat(200) }).success).toBe(true);
    expect(TaskInput.safeParse({ ...task, title: '가'.repeat(201) }).success).toBe(false);
    expect(TaskInput.safeParse({ ...task, title: '   ' }).success).toBe(false);
    expect(TaskInput.safeParse({ ...task, description: '가'.repeat(4000) }).success).toBe(true);
    expect(TaskInput.safeParse({ ...task, description: '가'.repeat(4001) }).success).toBe(false);
  });
});

describe('plans, consultation and reports', () => {
  it('takes a master plan with distinct category codes and years in order', () => {
    const master = {
      titleKo: '제2차 북한이탈주민 정착지원 기본계획',
      titleEn: 'Second Master Plan for Settlement Support',
      startYear: 2018,
      endYear: 2020,
      categories: [{ code: 1, nameKo: '일자리', nameEn: 'Jobs' }],
    };
    expect(MasterPlanInput.safeParse(master).success).toBe(true);
    expect(messages(MasterPlanInput.safeParse({ ...master, endYear: 2017 }))).toEqual(['plan.years_order']);
    const twice = [master.categories[0], { code: 1, nameKo: '교육', nameEn: 'Education' }];
    expect(messages(MasterPlanInput.safeParse({ ...master, categories: twice }))).toEqual([
      'plan.category_code_duplicate',
    ]);
  });

  it('takes a consultation of one day, but not one that ends before it starts or asks nobody', () => {
    const base = {
      startsOn: '2020-02-07',
      endsOn: '2020-02-07',
      organizationIds: [ORG_A],
      councilMemberIds: [],
    };
    expect(ConsultationInput.safeParse(base).success).toBe(true);
    expect(messages(ConsultationInput.safeParse({ ...base, endsOn: '2020-02-06' }))).toEqual([
      'plan.period_order',
    ]);
    expect(messages(ConsultationInput.safeParse({ ...base, organizationIds: [] }))).toEqual([
      'plan.no_invitees',
    ]);
    expect(ConsultationInput.safeParse({ ...base, startsOn: '2020-02-30' }).success).toBe(false);
  });

  it('asks a reason for a comment not fully accepted', () => {
    expect(CommentResolutionInput.safeParse({ resolution: 'accepted', version: 1 }).success).toBe(true);
    expect(messages(CommentResolutionInput.safeParse({ resolution: 'partly_accepted', version: 1 }))).toEqual(
      ['plan.resolution_reason_required'],
    );
    expect(
      CommentResolutionInput.safeParse({ resolution: 'not_accepted', reason: '예산 사정상 곤란', version: 1 })
        .success,
    ).toBe(true);
  });

  it('keeps percent complete within 0-100, and done at 100 only', () => {
    const report = { year: 2020, quarter: 1, status: 'on_track', percentComplete: 0, narrative: '계획 수립' };
    expect(ProgressReportInput.safeParse(report).success).toBe(true);
    expect(ProgressReportInput.safeParse({ ...report, percentComplete: -1 }).success).toBe(false);
    expect(ProgressReportInput.safeParse({ ...report, percentComplete: 101 }).success).toBe(false);
    expect(ProgressReportInput.safeParse({ ...report, quarter: 5 }).success).toBe(false);
    expect(ProgressReportInput.safeParse({ ...report, status: 'done', percentComplete: 100 }).success).toBe(
      true,
    );
    expect(
      messages(ProgressReportInput.safeParse({ ...report, status: 'done', percentComplete: 99 })),
    ).toEqual(['plan.done_means_100']);
    expect(messages(ProgressReportInput.safeParse({ ...report, percentComplete: 100 }))).toEqual([
      'plan.done_means_100',
    ]);
  });

  it('describes GET /api/plans/{id} with categories, tasks and their latest progress', () => {
    const detail = PlanDetail.safeParse({
      id: ORG_A,
      masterPlanId: ORG_B,
      year: 2020,
      titleKo: '2020년 북한이탈주민 정착지원 시행계획',
      titleEn: '2020 Implementation Plan',
      status: 'in_execution',
      revision: 1,
      previousRevisionId: null,
      supersededById: null,
      taskCount: 1,
      categoryCount: 1,
      finalizedAt: '2020-02-18T01:00:00.000Z',
      updatedAt: '2020-02-18T01:00:00.000Z',
      version: 3,
      summary: '',
      masterPlan: { id: ORG_B, titleKo: '제2차 기본계획', titleEn: 'Second Master Plan' },
      categories: [
        {
          code: 1,
          nameKo: '일자리',
          nameEn: 'Jobs',
          goal: '',
          tasks: [
            {
              id: ORG_A,
              key: KEY,
              code: '1-3',
              categoryCode: 1,
              title: '취업성공패키지',
              description: '',
              leadOrganization: { id: ORG_A, name: '고용노동부', nameEn: null },
              cooperatingOrganizations: [],
              milestones: [],
              kpis: [],
              latestProgress: {
                year: 2020,
                quarter: 1,
                status: 'on_track',
                percentComplete: 25,
                filedAt: '2020-04-08T01:00:00.000Z',
                late: false,
              },
            },
          ],
        },
      ],
    });
    expect(detail.success).toBe(true);
  });
});

describe('metric registry', () => {
  it('has unique keys, each with words in both languages', () => {
    expect(new Set(METRICS.map((m) => m.key)).size).toBe(METRICS.length);
    for (const metric of METRICS) {
      expect(
        metric.label.ko && metric.label.en && metric.description.ko && metric.description.en,
      ).toBeTruthy();
    }
  });

  it('marks community events as not yet computable and everything else as live', () => {
    expect(metricDefinition('community.events_held').computable).toBe(false);
    expect(computableMetrics().map((m) => m.key)).not.toContain('community.events_held');
    expect(metricDefinition('jobs.employment_rate')).toMatchObject({
      unit: 'rate',
      kind: 'ratio',
      period: 'quarter_end',
    });
    expect(isMetricKey('cases.opened')).toBe(true);
    expect(isMetricKey('cases.closed')).toBe(false);
  });
});
