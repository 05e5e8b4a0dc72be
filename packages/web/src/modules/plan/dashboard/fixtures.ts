import type { DashboardData, PlanDetailData } from '../api';

/** A 2020 plan in execution with two categories and two tasks, as `GET /api/plans/{id}` answers. */
export const PLAN_ID = '11111111-1111-4111-8111-111111111111';
const MASTER_ID = '22222222-2222-4222-8222-222222222222';
export const MOU = {
  id: '33333333-3333-4333-8333-333333333333',
  name: '통일부',
  nameEn: 'Ministry of Unification',
};
export const MOEL = {
  id: '44444444-4444-4444-8444-444444444444',
  name: '고용노동부',
  nameEn: 'Ministry of Employment and Labor',
};
const TASK_1 = { id: '55555555-5555-4555-8555-555555555555', key: '66666666-6666-4666-8666-666666666666' };
const TASK_2 = { id: '77777777-7777-4777-8777-777777777777', key: '88888888-8888-4888-8888-888888888888' };
export const KPI_RATE = '99999999-9999-4999-8999-999999999999';
export const KPI_COUNT = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';

export const PLAN: PlanDetailData = {
  id: PLAN_ID,
  masterPlanId: MASTER_ID,
  year: 2020,
  titleKo: '2020년 북한이탈주민 정착지원 시행계획',
  titleEn: '2020 Implementation Plan for Settlement Support of North Korean Defectors',
  status: 'in_execution',
  revision: 1,
  previousRevisionId: null,
  supersededById: null,
  taskCount: 2,
  categoryCount: 2,
  finalizedAt: '2020-02-20T01:00:00.000Z',
  updatedAt: '2020-02-21T01:00:00.000Z',
  version: 4,
  summary: '',
  masterPlan: {
    id: MASTER_ID,
    titleKo: '제2차 북한이탈주민 정착지원 기본계획',
    titleEn: 'Second Master Plan',
  },
  categories: [
    { code: 1, nameKo: '일자리', nameEn: 'Jobs', goal: '', tasks: [] },
    { code: 2, nameKo: '교육지원', nameEn: 'Education', goal: '', tasks: [] },
  ],
};

const rate = {
  key: KPI_RATE,
  nameKo: '취업률',
  nameEn: 'Employment rate',
  unit: 'rate' as const,
  unitLabelKo: null,
  baseline: 50,
  target: 60,
  direction: 'up' as const,
  source: { kind: 'metric' as const, metricKey: 'jobs.employment_rate' as const },
  milestones: [{ quarter: 2 as const, value: 55 }],
  values: [
    {
      quarter: 1 as const,
      region: null,
      value: 54.4,
      suppressed: false,
      progress: 44,
      milestone: null,
      milestoneStatus: 'no_milestone' as const,
      targetReached: false,
    },
    {
      quarter: 2 as const,
      region: null,
      value: 56,
      suppressed: false,
      progress: 60,
      milestone: 55,
      milestoneStatus: 'met' as const,
      targetReached: false,
    },
  ],
};

const count = {
  key: KPI_COUNT,
  nameKo: '멘토링 참여 학생',
  nameEn: null,
  unit: 'count' as const,
  unitLabelKo: '명',
  baseline: 0,
  target: 100,
  direction: 'up' as const,
  source: { kind: 'manual' as const },
  milestones: [],
  values: [
    {
      quarter: 1 as const,
      region: null,
      value: null,
      suppressed: true,
      progress: null,
      milestone: null,
      milestoneStatus: 'suppressed' as const,
      targetReached: null,
    },
  ],
};

/** `GET /api/plans/{id}/dashboard` on 2020-07-20: Q1 reported, Q2 overdue for one task. */
export const DASHBOARD: DashboardData = {
  planId: PLAN_ID,
  year: 2020,
  status: 'in_execution',
  today: '2020-07-20',
  filters: { organizationId: null, categoryCode: null },
  plan: {
    tasks: 2,
    byStatus: { on_track: 1, delayed: 0, at_risk: 1, done: 0, not_reported: 0 },
    meanPercentComplete: 37.5,
  },
  categories: [
    {
      code: 1,
      nameKo: '일자리',
      nameEn: 'Jobs',
      tasks: 1,
      byStatus: { on_track: 1, delayed: 0, at_risk: 0, done: 0, not_reported: 0 },
      meanPercentComplete: 50,
    },
    {
      code: 2,
      nameKo: '교육지원',
      nameEn: 'Education',
      tasks: 1,
      byStatus: { on_track: 0, delayed: 0, at_risk: 1, done: 0, not_reported: 0 },
      meanPercentComplete: 25,
    },
  ],
  matrix: [
    {
      task: { ...TASK_1, code: '1-1', title: '취업 지원 강화', categoryCode: 1, leadOrganization: MOEL },
      cells: [
        { quarter: 1, state: 'reported', status: 'on_track', late: false, percentComplete: 25 },
        { quarter: 2, state: 'reported', status: 'on_track', late: true, percentComplete: 50 },
        { quarter: 3, state: 'not_due' },
        { quarter: 4, state: 'not_due' },
      ],
    },
    {
      task: { ...TASK_2, code: '2-1', title: '학습 멘토링', categoryCode: 2, leadOrganization: MOU },
      cells: [
        { quarter: 1, state: 'reported', status: 'at_risk', late: false, percentComplete: 25 },
        { quarter: 2, state: 'overdue' },
        { quarter: 3, state: 'not_due' },
        { quarter: 4, state: 'not_due' },
      ],
    },
  ],
  overdue: [
    {
      task: { ...TASK_2, code: '2-1', title: '학습 멘토링' },
      leadOrganization: MOU,
      year: 2020,
      quarter: 2,
      dueOn: '2020-07-10',
      daysOverdue: 10,
    },
  ],
  kpis: [
    { taskKey: TASK_1.key, taskCode: '1-1', taskTitle: '취업 지원 강화', kpi: rate },
    { taskKey: TASK_2.key, taskCode: '2-1', taskTitle: '학습 멘토링', kpi: count },
  ],
  organizations: [MOEL, MOU],
};
