import { randomUUID } from 'node:crypto';
import type { KpiView, PlanDetail, TaskView } from '@ieum/domain';
import { describe, expect, it } from 'vitest';
import { koreaTime, layoutTables, tablesToPdf } from './plan-pdf';
import { type ReportTable, statusReportTables } from './plan-report-data';

const org = (name: string) => ({ id: randomUUID(), name, nameEn: null });

function kpi(overrides: Partial<KpiView>): KpiView {
  return {
    key: randomUUID(),
    nameKo: '위기 발굴 후 14일 내 지원 인원',
    nameEn: null,
    unit: 'count',
    unitLabelKo: '명',
    baseline: 0,
    target: 40,
    direction: 'up',
    source: { kind: 'manual' },
    milestones: [{ quarter: 2, value: 20 }],
    values: [],
    ...overrides,
  };
}

function task(code: string, kpis: KpiView[]): TaskView {
  return {
    id: randomUUID(),
    key: randomUUID(),
    code,
    categoryCode: Number(code.split('-')[0]),
    title: `과제 ${code}`,
    description: '',
    leadOrganization: org('통일부'),
    cooperatingOrganizations: [],
    milestones: [],
    kpis,
    latestProgress: null,
  };
}

function plan(tasks: TaskView[]): PlanDetail {
  return {
    id: randomUUID(),
    masterPlanId: randomUUID(),
    year: 2020,
    titleKo: '2020년 북한이탈주민 정착지원 시행계획',
    titleEn: '2020 plan',
    status: 'in_execution',
    revision: 1,
    previousRevisionId: null,
    supersededById: null,
    taskCount: tasks.length,
    categoryCount: 1,
    finalizedAt: null,
    updatedAt: '2020-02-20T00:00:00.000Z',
    version: 1,
    summary: '',
    masterPlan: { id: randomUUID(), titleKo: '제2차 기본계획', titleEn: 'Second master plan' },
    categories: [{ code: 1, nameKo: '일자리', nameEn: 'Jobs', goal: '', tasks }],
  };
}

describe('the quarterly status report', () => {
  it('shows a withheld count as "<5", a value against its milestone, and an unreported task as such', () => {
    const withheld = kpi({
      values: [
        {
          quarter: 2,
          region: null,
          value: null,
          suppressed: true,
          progress: null,
          milestone: 20,
          milestoneStatus: 'suppressed',
          targetReached: null,
        },
      ],
    });
    const rate = kpi({
      nameKo: '취업률',
      unit: 'rate',
      unitLabelKo: null,
      baseline: 50,
      target: 60,
      milestones: [{ quarter: 2, value: 55 }],
      values: [
        {
          quarter: 2,
          region: null,
          value: 54.4,
          suppressed: false,
          progress: 44,
          milestone: 55,
          milestoneStatus: 'behind',
          targetReached: false,
        },
      ],
    });
    const first = task('1-1', [withheld, rate]);
    const second = task('1-2', []);
    const reports = new Map([
      [
        first.key,
        { taskKey: first.key, status: 'delayed' as const, percentComplete: 40, narrative: '모집 지연' },
      ],
    ]);
    const [tasks, kpis] = statusReportTables(plan([first, second]), 2, reports);
    expect(tasks?.rows).toEqual([
      ['1-1', '과제 1-1', '통일부', '지연', 40, '모집 지연'],
      ['1-2', '과제 1-2', '통일부', '미보고', '', ''],
    ]);
    expect(kpis?.rows).toEqual([
      ['1-1', '위기 발굴 후 14일 내 지원 인원', '<5', '20명', '40명', '비공개(<5)'],
      ['1-1', '취업률', '54.4%', '55%', '60%', '미달'],
    ]);
  });
});

describe('the PDF layout', () => {
  const table = (rows: number): ReportTable => ({
    title: '과제',
    columns: [
      { header: '번호', width: 10 },
      { header: '내용', width: 50 },
    ],
    rows: Array.from({ length: rows }, (_, i) => [`1-${i + 1}`, '내용']),
  });

  it('breaks a long table between rows and repeats its header on every page', () => {
    // Every row 20pt high: the first page holds fewer rows than the next, which start at the top margin.
    const { placed, pages } = layoutTables([table(100)], () => 14, 100);
    expect(pages).toBe(3);
    const headers = placed.filter((p) => p.row === -1);
    expect(headers.map((h) => h.page)).toEqual([0, 1, 2]);
    const rows = placed.filter((p) => p.row >= 0);
    expect(rows.map((r) => r.row)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    for (const row of rows) expect(row.y + row.height).toBeLessThanOrEqual(841.89 - 40 - 24);
    // A page's rows follow its header without a gap or overlap.
    for (const page of [1, 2]) {
      const header = headers.find((h) => h.page === page);
      const firstRow = rows.find((r) => r.page === page);
      expect(firstRow?.y).toBe((header?.y ?? 0) + (header?.height ?? 0));
    }
  });

  it('moves a table to the next page rather than leave its title and header alone at the bottom', () => {
    // The first table ends at 718pt: the second's title and header would fit above 777.89pt, its first row not.
    const { placed } = layoutTables([table(28), table(3)], () => 14, 100);
    expect(placed.filter((p) => p.table === 0).every((p) => p.page === 0)).toBe(true);
    const second = placed.filter((p) => p.table === 1);
    expect(new Set(second.map((p) => p.page))).toEqual(new Set([1]));
  });

  it('prints as many A4 pages as the layout says, in the embedded Pretendard GOV', async () => {
    const { pdf, pages } = await tablesToPdf({
      title: '2020년 시행계획 2분기 추진 현황',
      subtitle: '제2차 기본계획',
      generatedAt: new Date('2020-07-01T15:30:00Z'),
      tables: [table(120)],
    });
    const bytes = pdf.toString('latin1');
    expect(bytes.startsWith('%PDF-')).toBe(true);
    expect(pages).toBeGreaterThan(2);
    expect(bytes.match(/\/Type \/Page\b/g)).toHaveLength(pages);
    expect(bytes).toContain('PretendardGOV-Regular');
    expect(bytes).toContain('PretendardGOV-Bold');
  });

  it('dates the document in Korea time', () => {
    expect(koreaTime(new Date('2020-07-01T15:30:00Z'))).toBe('2020-07-02 00:30 (한국 시간)');
  });
});
