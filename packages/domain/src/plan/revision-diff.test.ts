import { describe, expect, it } from 'vitest';
import { diffPlans, type PlanSnapshot, type SnapshotTask, summarizeChanges } from './revision-diff';
import { describeChange } from './revision-wording';
import type { KpiInput } from './schemas';

const MOU = { id: '00000000-0000-4000-8000-000000000001', name: '통일부', nameEn: 'Ministry of Unification' };
const LABOR = {
  id: '00000000-0000-4000-8000-000000000002',
  name: '고용노동부',
  nameEn: 'Ministry of Employment and Labor',
};
const FAMILY = { id: '00000000-0000-4000-8000-000000000003', name: '여성가족부', nameEn: null };

const EMPLOYMENT_RATE: KpiInput = {
  key: '10000000-0000-4000-8000-000000000001',
  nameKo: '북한이탈주민 취업률',
  nameEn: 'Employment rate of defectors',
  unit: 'rate',
  unitLabelKo: null,
  baseline: 54.4,
  target: 57,
  direction: 'up',
  source: { kind: 'metric', metricKey: 'jobs.employment_rate' },
  milestones: [{ quarter: 2, value: 55 }],
};

const PACKAGE: SnapshotTask = {
  key: '20000000-0000-4000-8000-000000000001',
  code: '1-2',
  title: '취업성공패키지 참여 확대',
  description: '하나센터와 고용센터 협업으로 참여자를 발굴합니다.',
  leadOrganization: LABOR,
  cooperatingOrganizations: [MOU],
  kpis: [EMPLOYMENT_RATE],
  milestones: [{ quarter: 1, description: '참여자 모집 계획 수립' }],
};
const PURCHASING: SnapshotTask = {
  key: '20000000-0000-4000-8000-000000000002',
  code: '1-3',
  title: '북한이탈주민 고용기업 우선구매',
  description: '',
  leadOrganization: MOU,
  cooperatingOrganizations: [],
  kpis: [],
  milestones: [],
};
const SCHOOLS: SnapshotTask = {
  key: '20000000-0000-4000-8000-000000000003',
  code: '2-1',
  title: '대안학교 지원 기준 마련',
  description: '',
  leadOrganization: MOU,
  cooperatingOrganizations: [],
  kpis: [],
  milestones: [],
};

const revision1: PlanSnapshot = {
  revision: 1,
  categories: [
    { code: 1, nameKo: '일자리', nameEn: 'Jobs', goal: '생산적 시민으로' },
    { code: 2, nameKo: '교육지원', nameEn: 'Education', goal: '' },
    { code: 4, nameKo: '정책 협업체계', nameEn: 'Policy cooperation', goal: '' },
  ],
  tasks: [PACKAGE, PURCHASING, SCHOOLS],
};

describe('diffPlans', () => {
  it('finds nothing between a revision and its copy', () => {
    expect(diffPlans(revision1, { ...revision1, revision: 2 })).toEqual([]);
  });

  it('reports a task moved to another category as one move, not a removal and an addition', () => {
    const moved = { ...PURCHASING, code: '4-1' };
    const changes = diffPlans(revision1, { ...revision1, tasks: [PACKAGE, moved, SCHOOLS] });
    expect(changes).toEqual([
      {
        kind: 'task_moved',
        task: { key: PURCHASING.key, code: '4-1', title: PURCHASING.title },
        from: { code: 1, nameKo: '일자리', nameEn: 'Jobs' },
        to: { code: 4, nameKo: '정책 협업체계', nameEn: 'Policy cooperation' },
        fromCode: '1-3',
      },
    ]);
    expect(describeChange(changes[0] as never, 'ko')).toBe(
      '과제 1-3 ‘북한이탈주민 고용기업 우선구매’ 이관: 분야 1(일자리) → 분야 4(정책 협업체계), 과제 번호 1-3 → 4-1',
    );
    expect(describeChange(changes[0] as never, 'en')).toBe(
      'Task 1-3 “북한이탈주민 고용기업 우선구매” moved from category 1 (Jobs) to category 4 (Policy cooperation) (now 4-1).',
    );
  });

  it('lists changed fields of a task with old → new for short ones and only a mention for long ones', () => {
    const changed: SnapshotTask = {
      ...PACKAGE,
      code: '1-4',
      title: '취업성공패키지 연계 강화',
      description: '달라진 설명',
      leadOrganization: MOU,
      cooperatingOrganizations: [LABOR, FAMILY],
      milestones: [
        { quarter: 1, description: '참여자 모집 계획 수립' },
        { quarter: 3, description: '중간 점검' },
      ],
    };
    const [change] = diffPlans(revision1, { ...revision1, tasks: [changed, PURCHASING, SCHOOLS] });
    expect(change).toEqual({
      kind: 'task_changed',
      task: { key: PACKAGE.key, code: '1-4', title: '취업성공패키지 연계 강화' },
      fields: [
        { field: 'code', from: '1-2', to: '1-4' },
        { field: 'title', from: '취업성공패키지 참여 확대', to: '취업성공패키지 연계 강화' },
        { field: 'description' },
        { field: 'lead_organization', from: LABOR, to: MOU },
        { field: 'cooperating_organizations', added: [LABOR, FAMILY], removed: [MOU] },
        { field: 'milestones', quarters: [3] },
      ],
    });
    expect(describeChange(change as never, 'ko')).toBe(
      '과제 1-4 ‘취업성공패키지 연계 강화’ 변경: 과제 번호 1-2 → 1-4, 과제명 ‘취업성공패키지 참여 확대’ → ‘취업성공패키지 연계 강화’, 과제 내용 수정, 주관기관 고용노동부 → 통일부, 협업기관 추가(고용노동부, 여성가족부), 협업기관 제외(통일부), 추진일정 수정(3/4분기)',
    );
    // An organization without an English name keeps its Korean one.
    expect(describeChange(change as never, 'en')).toContain(
      'cooperating added: Ministry of Employment and Labor, 여성가족부',
    );
  });

  it('reports KPI changes by KPI, with values in their unit', () => {
    const kpi: KpiInput = {
      ...EMPLOYMENT_RATE,
      target: 58,
      milestones: [
        { quarter: 2, value: 55.5 },
        { quarter: 3, value: 56.5 },
      ],
    };
    const added: KpiInput = {
      ...EMPLOYMENT_RATE,
      key: '10000000-0000-4000-8000-000000000002',
      nameKo: '참여자 수',
      nameEn: null,
      unit: 'count',
      unitLabelKo: '명',
      baseline: 0,
      target: 1200,
      source: { kind: 'manual' },
      milestones: [],
    };
    const changes = diffPlans(revision1, {
      ...revision1,
      tasks: [{ ...PACKAGE, kpis: [kpi, added] }, PURCHASING, SCHOOLS],
    });
    expect(changes.map((c) => c.kind)).toEqual(['kpi_changed', 'kpi_added']);
    expect(changes[0]).toMatchObject({
      fields: [
        { field: 'target', from: 57, to: 58 },
        { field: 'milestone', quarter: 2, from: 55, to: 55.5 },
        { field: 'milestone', quarter: 3, from: null, to: 56.5 },
      ],
    });
    expect(describeChange(changes[0] as never, 'ko')).toBe(
      '과제 1-2 ‘취업성공패키지 참여 확대’ 성과지표 ‘북한이탈주민 취업률’ 변경: 목표치 57% → 58%, 2/4분기 중간목표 55% → 55.5%, 3/4분기 중간목표 없음 → 56.5%',
    );
    expect(describeChange(changes[0] as never, 'en')).toBe(
      'Task 1-2 “취업성공패키지 참여 확대”: KPI “Employment rate of defectors” changed: target 57% → 58%, Q2 milestone 55% → 55.5%, Q3 milestone none → 56.5%.',
    );
    expect(describeChange(changes[1] as never, 'en')).toBe(
      'Task 1-2 “취업성공패키지 참여 확대”: KPI “참여자 수” added.',
    );
  });

  it('words a change of direction and of source', () => {
    const kpi: KpiInput = {
      ...EMPLOYMENT_RATE,
      direction: 'down',
      baseline: 57,
      target: 54.4,
      source: { kind: 'manual' },
    };
    const [change] = diffPlans(revision1, {
      ...revision1,
      tasks: [{ ...PACKAGE, kpis: [kpi] }, PURCHASING, SCHOOLS],
    });
    expect(describeChange(change as never, 'ko')).toBe(
      '과제 1-2 ‘취업성공패키지 참여 확대’ 성과지표 ‘북한이탈주민 취업률’ 변경: 기준치 54.4% → 57%, 목표치 57% → 54.4%, 평가 방향 높을수록 우수 → 낮을수록 우수, 측정 방식 자동 산출(취업률) → 직접 입력',
    );
  });

  it('orders categories first, then tasks by their new code with removals where they stood', () => {
    const newTask: SnapshotTask = {
      ...SCHOOLS,
      key: '20000000-0000-4000-8000-000000000009',
      code: '1-3',
      title: '취업 박람회',
      kpis: [EMPLOYMENT_RATE],
    };
    const after: PlanSnapshot = {
      revision: 2,
      categories: [
        { code: 1, nameKo: '일자리 창출', nameEn: 'Jobs', goal: '생산적 시민으로' },
        { code: 2, nameKo: '교육지원', nameEn: 'Education', goal: '' },
        { code: 7, nameKo: '사회통합', nameEn: 'Social integration', goal: '' },
      ],
      tasks: [PACKAGE, newTask],
    };
    const changes = diffPlans(revision1, after);
    expect(changes.map((c) => c.kind)).toEqual([
      'category_changed',
      'category_removed',
      'category_added',
      'task_removed',
      'task_added',
      'kpi_added',
      'task_removed',
    ]);
    expect(summarizeChanges(changes)).toEqual({
      category_changed: 1,
      category_removed: 1,
      category_added: 1,
      task_removed: 2,
      task_added: 1,
      kpi_added: 1,
    });
    const ko = changes.map((c) => describeChange(c, 'ko'));
    expect(ko.slice(0, 5)).toEqual([
      '분야 1 변경: 명칭 ‘일자리’ → ‘일자리 창출’',
      '분야 4(정책 협업체계) 삭제',
      '분야 7(사회통합) 신설',
      '과제 1-3 ‘북한이탈주민 고용기업 우선구매’ 삭제',
      '과제 1-3 ‘취업 박람회’ 신설(주관: 통일부)',
    ]);
    expect(describeChange(changes[2] as never, 'en')).toBe('Category 7 (Social integration) added.');
    expect(describeChange(changes[4] as never, 'en')).toBe(
      'Task 1-3 “취업 박람회” added (lead: Ministry of Unification).',
    );
  });

  it('writes Korean lines in 개조식 (no final period) and English sentences that end with one', () => {
    const changes = diffPlans(revision1, { revision: 2, categories: [], tasks: [] });
    for (const change of changes) {
      expect(describeChange(change, 'ko')).not.toMatch(/[.다]$/);
      expect(describeChange(change, 'en')).toMatch(/\.$/);
    }
  });
});
