import { MINISTRY, SEOUL_CENTER } from '../../../testing/fake-server';
import type { ImportPreviewData, PlanDetailData, ProgressReportData, TaskData } from '../api';

/** A 2026 draft with two categories, as `GET /api/plans/{id}` answers; the execution variant below. */
export const PLAN_ID = '0190a6b2-0000-7000-8000-0000000000b1';
const MASTER_ID = '0190a6b2-0000-7000-8000-0000000000b2';

const org = (o: { id: string; name: string; nameEn: string | null }) => ({
  id: o.id,
  name: o.name,
  nameEn: o.nameEn,
});
export const CENTER = org(SEOUL_CENTER);
export const MOU = org(MINISTRY);
export const MOEL = {
  id: '0190a6b2-0000-7000-8000-0000000000b3',
  name: '고용노동부',
  nameEn: 'Ministry of Employment and Labor',
};

/** `GET /api/reference/organizations`. */
export const ORGANIZATIONS = {
  items: [
    { ...MOU, type: 'ministry', region: null },
    { ...MOEL, type: 'ministry', region: null },
    { ...CENTER, type: 'hana_center', region: 'seoul' },
  ],
};

export const KPI_MANUAL = '0190a6b2-0000-7000-8000-0000000000c1';
export const KPI_METRIC = '0190a6b2-0000-7000-8000-0000000000c2';

export const TASK: TaskData = {
  id: '0190a6b2-0000-7000-8000-0000000000d1',
  key: '0190a6b2-0000-7000-8000-0000000000d2',
  code: '1-1',
  categoryCode: 1,
  title: '취업 연계 맞춤형 직업훈련 확대',
  description: '하나센터와 고용센터가 함께 훈련 과정을 연계합니다.',
  leadOrganization: CENTER,
  cooperatingOrganizations: [MOEL],
  milestones: [
    { quarter: 1, description: '훈련 수요 조사' },
    { quarter: 3, description: '훈련 과정 개설' },
  ],
  kpis: [
    {
      key: KPI_MANUAL,
      nameKo: '직업훈련 수료 인원',
      nameEn: 'Training graduates',
      unit: 'count',
      unitLabelKo: '명',
      baseline: 100,
      target: 150,
      direction: 'up',
      source: { kind: 'manual' },
      milestones: [],
      values: [
        {
          quarter: 1,
          region: null,
          value: 120,
          suppressed: false,
          progress: 40,
          milestone: null,
          milestoneStatus: 'no_milestone',
          targetReached: false,
        },
      ],
    },
    {
      key: KPI_METRIC,
      nameKo: '취업 연계 건수',
      nameEn: 'Job placements',
      unit: 'count',
      unitLabelKo: '건',
      baseline: 0,
      target: 40,
      direction: 'up',
      source: { kind: 'metric', metricKey: 'jobs.placements' },
      milestones: [{ quarter: 2, value: 20 }],
      values: [
        {
          quarter: 1,
          region: null,
          value: null,
          suppressed: true,
          progress: null,
          milestone: null,
          milestoneStatus: 'suppressed',
          targetReached: null,
        },
        {
          quarter: 2,
          region: null,
          value: 24,
          suppressed: false,
          progress: 60,
          milestone: 20,
          milestoneStatus: 'met',
          targetReached: false,
        },
      ],
    },
  ],
  latestProgress: {
    year: 2026,
    quarter: 1,
    status: 'delayed',
    percentComplete: 20,
    filedAt: '2026-04-14T01:00:00.000Z',
    late: true,
  },
};

const OTHER_TASK: TaskData = {
  ...TASK,
  id: '0190a6b2-0000-7000-8000-0000000000d3',
  key: '0190a6b2-0000-7000-8000-0000000000d4',
  code: '1-2',
  title: '고용장려금 제도 안내 강화',
  leadOrganization: MOEL,
  cooperatingOrganizations: [],
  milestones: [],
  kpis: [],
  latestProgress: null,
};

export const DRAFT: PlanDetailData = {
  id: PLAN_ID,
  masterPlanId: MASTER_ID,
  year: 2026,
  titleKo: '2026년 북한이탈주민 정착지원 시행계획',
  titleEn: '2026 Implementation Plan for Settlement Support of North Korean Defectors',
  status: 'draft',
  revision: 1,
  previousRevisionId: null,
  supersededById: null,
  taskCount: 2,
  categoryCount: 2,
  finalizedAt: null,
  updatedAt: '2026-01-10T01:00:00.000Z',
  version: 7,
  summary: '정착 초기 자립 기반을 강화합니다.',
  masterPlan: {
    id: MASTER_ID,
    titleKo: '제3차 북한이탈주민 정착지원 기본계획',
    titleEn: 'Third Master Plan',
  },
  categories: [
    {
      code: 1,
      nameKo: '일자리',
      nameEn: 'Jobs',
      goal: '북한이탈주민을 생산적 시민으로',
      tasks: [TASK, OTHER_TASK],
    },
    { code: 2, nameKo: '교육지원', nameEn: 'Education', goal: '', tasks: [] },
  ],
};

export const IN_EXECUTION: PlanDetailData = {
  ...DRAFT,
  status: 'in_execution',
  finalizedAt: '2026-02-20T01:00:00.000Z',
};

export const Q1_REPORT: ProgressReportData = {
  id: '0190a6b2-0000-7000-8000-0000000000e1',
  taskId: TASK.id,
  taskKey: TASK.key,
  year: 2026,
  quarter: 1,
  status: 'delayed',
  percentComplete: 20,
  narrative: '훈련 수요 조사를 마쳤으나 과정 개설이 늦어지고 있습니다.',
  evidence: [],
  kpiValues: [{ kpiKey: KPI_MANUAL, value: 120 }],
  filedBy: { id: '0190a6b2-0000-7000-8000-0000000000aa', displayName: '김하나' },
  filedAt: '2026-04-14T01:00:00.000Z',
  updatedAt: '2026-04-14T01:00:00.000Z',
  late: true,
  version: 2,
};

export const PREVIEW: ImportPreviewData = {
  planId: PLAN_ID,
  version: 7,
  total: 2,
  creates: 1,
  replaces: 0,
  invalid: 1,
  rows: [
    { row: 2, code: '2-1', title: '탈북청소년 방과후 학습 지원', action: 'create', errors: [] },
    {
      row: 3,
      code: '9-1',
      title: '없는 분야의 과제',
      action: 'invalid',
      errors: [
        {
          column: '과제번호',
          message: { ko: '계획에 없는 분야입니다.', en: 'The plan has no such category.' },
        },
      ],
    },
  ],
};
