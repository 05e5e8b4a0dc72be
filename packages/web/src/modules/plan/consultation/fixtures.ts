import { addDays, koreanToday } from '@ieum/domain';
import type { CommentData, ConsultationData, PlanDetailData, TaskData } from '../api';

/**
 * A 2020 plan in consultation with two tasks, its consultation and the people around it, as the server
 * answers. The period is set around today (Korean date) so the commenting rules see it open.
 */
export const PLAN_ID = '0aa00000-0000-4000-8000-000000000001';
const MASTER_ID = '0aa00000-0000-4000-8000-000000000002';

export const MOU = {
  id: '0bb00000-0000-4000-8000-000000000001',
  name: '통일부',
  nameEn: 'Ministry of Unification',
};
export const MOE = {
  id: '0bb00000-0000-4000-8000-000000000002',
  name: '교육부',
  nameEn: 'Ministry of Education',
};
export const MOEL = {
  id: '0bb00000-0000-4000-8000-000000000003',
  name: '고용노동부',
  nameEn: 'Ministry of Employment and Labor',
};
export const SEOUL = { id: '0bb00000-0000-4000-8000-000000000004', name: '서울특별시', nameEn: 'Seoul' };
export const LEGAL_AID = {
  id: '0bb00000-0000-4000-8000-000000000005',
  name: '대한법률구조공단',
  nameEn: 'Korea Legal Aid Corporation',
};
/** A council member invited in their own name (their organization is not invited). */
export const MEMBER = { id: '0cc00000-0000-4000-8000-000000000001', displayName: '박위원' };
export const MANAGER = { id: '0cc00000-0000-4000-8000-000000000002', displayName: '이총괄' };
export const REPORTER = { id: '0cc00000-0000-4000-8000-000000000003', displayName: '정보고' };

function task(n: number, code: string, title: string, lead: typeof MOEL): TaskData {
  return {
    id: `0dd00000-0000-4000-8000-00000000000${n}`,
    key: `0ee00000-0000-4000-8000-00000000000${n}`,
    code,
    categoryCode: Number(code.split('-')[0]),
    title,
    description: '',
    leadOrganization: lead,
    cooperatingOrganizations: [],
    milestones: [],
    kpis: [],
    latestProgress: null,
  };
}

export const TASK_JOBS = task(1, '1-1', '취업성공패키지 참여 확대', MOEL);
export const TASK_SCHOOL = task(2, '2-1', '탈북학생 학습 멘토링', MOE);

export const PLAN: PlanDetailData = {
  id: PLAN_ID,
  masterPlanId: MASTER_ID,
  year: 2020,
  titleKo: '2020년 북한이탈주민 정착지원 시행계획',
  titleEn: '2020 Implementation Plan for Settlement Support of North Korean Defectors',
  status: 'in_consultation',
  revision: 1,
  previousRevisionId: null,
  supersededById: null,
  taskCount: 2,
  categoryCount: 2,
  finalizedAt: null,
  updatedAt: '2020-02-06T01:00:00.000Z',
  version: 7,
  summary: '',
  masterPlan: {
    id: MASTER_ID,
    titleKo: '제2차 북한이탈주민 정착지원 기본계획',
    titleEn: 'Second Master Plan',
  },
  categories: [
    { code: 1, nameKo: '일자리', nameEn: 'Jobs', goal: '', tasks: [TASK_JOBS] },
    { code: 2, nameKo: '교육지원', nameEn: 'Education', goal: '', tasks: [TASK_SCHOOL] },
  ],
};

export const DRAFT: PlanDetailData = { ...PLAN, status: 'draft' };

const today = koreanToday(new Date());

export function comment(n: number, overrides: Partial<CommentData> = {}): CommentData {
  return {
    id: `0ff00000-0000-4000-8000-00000000000${n}`,
    taskKey: null,
    taskCode: null,
    body: `의견 본문 ${n}`,
    author: REPORTER,
    organization: MOEL,
    createdAt: '2020-02-10T02:00:00.000Z',
    resolution: null,
    resolutionReason: null,
    resolvedBy: null,
    resolvedAt: null,
    version: 1,
    ...overrides,
  };
}

/**
 * Invited: 교육부, 고용노동부, 서울특별시 and council member 박위원. 교육부 commented on task 2-1 (resolved
 * "partly accepted"), 고용노동부 on the plan as a whole (unresolved), 박위원 answered "no comment";
 * 서울특별시 has not answered.
 */
export const CONSULTATION: ConsultationData = {
  planId: PLAN_ID,
  startsOn: addDays(today, -3),
  endsOn: addDays(today, 3),
  message: '2020년 시행계획(안)에 대한 의견을 회신하여 주시기 바랍니다.',
  sentAt: '2020-02-07T00:00:00.000Z',
  invitees: [
    { kind: 'organization', id: MOE.id, name: MOE.name, answered: true, comments: 1, noComment: false },
    { kind: 'organization', id: MOEL.id, name: MOEL.name, answered: true, comments: 1, noComment: false },
    { kind: 'organization', id: SEOUL.id, name: SEOUL.name, answered: false, comments: 0, noComment: false },
    {
      kind: 'council_member',
      id: MEMBER.id,
      name: MEMBER.displayName,
      answered: true,
      comments: 0,
      noComment: true,
    },
  ],
  comments: [
    comment(1, {
      taskKey: TASK_SCHOOL.key,
      taskCode: '2-1',
      body: '멘토링 대상을 중도입국 자녀까지 넓혀 주십시오.',
      organization: MOE,
      resolution: 'partly_accepted',
      resolutionReason: '예산 범위 안에서 시범 운영합니다.',
      resolvedBy: MANAGER,
      resolvedAt: '2020-02-14T01:00:00.000Z',
      version: 2,
    }),
    comment(2, { body: '성과지표를 분기별로 점검할 수 있게 해 주십시오.', version: 3 }),
  ],
  unresolved: 1,
  version: 7,
};

/** The same consultation with no comments and no answers yet. */
export const FRESH_CONSULTATION: ConsultationData = {
  ...CONSULTATION,
  invitees: CONSULTATION.invitees.map((i) => ({ ...i, answered: false, comments: 0, noComment: false })),
  comments: [],
  unresolved: 0,
};
