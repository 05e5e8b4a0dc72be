import {
  type ConsultationView,
  formatKpiValue,
  type KpiView,
  type PlanDetail,
  type ProgressStatus,
  type Quarter,
  type TaskView,
} from '@ieum/domain';
import { and, eq, inArray } from 'drizzle-orm';
import type { Deps } from '../../platform/deps';
import { readConsultation } from './read-consultation';
import { readPlan } from './read-plans';
import { planProgressReports } from './schema';

/**
 * The content of the exported files, as tables of strings in Korean: the XLSX and the PDF print the same
 * tables, so what a reader sees in one is what they see in the other. Withheld counts read "<5" through the
 * domain's formatKpiValue.
 */
export interface ReportTable {
  readonly title: string;
  readonly columns: readonly { readonly header: string; readonly width: number }[];
  readonly rows: readonly (readonly (string | number)[])[];
}

export const STATUS_KO: Record<ProgressStatus, string> = {
  on_track: '정상 추진',
  delayed: '지연',
  at_risk: '위험',
  done: '완료',
};
const RESOLUTION_KO = { accepted: '반영', partly_accepted: '일부 반영', not_accepted: '미반영' } as const;
const DIRECTION_KO = { up: '상향', down: '하향' } as const;
const MILESTONE_KO = {
  met: '달성',
  behind: '미달',
  no_milestone: '중간목표 없음',
  not_comparable: '비교 불가',
  no_value: '값 없음',
  suppressed: '비공개(<5)',
} as const;

const tasksOf = (plan: PlanDetail) => plan.categories.flatMap((c) => c.tasks);
const shown = (kpi: KpiView, value: number | null, suppressed = false) =>
  formatKpiValue({ value, suppressed }, kpi.unit, 'ko', kpi.unitLabelKo);
const unitOf = (kpi: KpiView) =>
  kpi.unit === 'rate'
    ? '%'
    : kpi.unit === 'krw'
      ? '원'
      : kpi.unit === 'days'
        ? '일'
        : (kpi.unitLabelKo ?? '');
const orgs = (task: TaskView) => task.cooperatingOrganizations.map((o) => o.name).join(', ');

export function planTables(plan: PlanDetail): ReportTable[] {
  const categories: ReportTable = {
    title: '분야',
    columns: [
      { header: '분야', width: 8 },
      { header: '분야명', width: 20 },
      { header: '목표', width: 50 },
      { header: '과제 수', width: 10 },
    ],
    rows: plan.categories.map((c) => [c.code, c.nameKo, c.goal, c.tasks.length]),
  };
  const tasks: ReportTable = {
    title: '과제',
    columns: [
      { header: '과제번호', width: 10 },
      { header: '과제명', width: 36 },
      { header: '내용', width: 48 },
      { header: '주관기관', width: 22 },
      { header: '협조기관', width: 30 },
      { header: '최근 보고', width: 16 },
      { header: '추진률(%)', width: 10 },
    ],
    rows: tasksOf(plan).map((t) => [
      t.code,
      t.title,
      t.description,
      t.leadOrganization.name,
      orgs(t),
      t.latestProgress ? `${t.latestProgress.quarter}분기 ${STATUS_KO[t.latestProgress.status]}` : '미보고',
      t.latestProgress?.percentComplete ?? '',
    ]),
  };
  const kpis: ReportTable = {
    title: '성과지표',
    columns: [
      { header: '과제번호', width: 10 },
      { header: '지표명', width: 30 },
      { header: '단위', width: 8 },
      { header: '기준값', width: 12 },
      { header: '목표값', width: 12 },
      { header: '방향', width: 8 },
      { header: '최근 값', width: 14 },
      { header: '달성률(%)', width: 10 },
    ],
    rows: tasksOf(plan).flatMap((t) =>
      t.kpis.map((k) => {
        const latest = [...k.values].reverse().find((v) => v.value !== null || v.suppressed) ?? null;
        return [
          t.code,
          k.nameKo,
          unitOf(k),
          k.baseline,
          k.target,
          DIRECTION_KO[k.direction],
          latest ? `${shown(k, latest.value, latest.suppressed)} (${latest.quarter}분기)` : '–',
          latest?.progress ?? '',
        ];
      }),
    ),
  };
  return [categories, tasks, kpis];
}

export function consultationTables(consultation: ConsultationView, plan: PlanDetail): ReportTable[] {
  const codeOf = new Map(tasksOf(plan).map((t) => [t.key, t.code]));
  return [
    {
      title: '협의 대상',
      columns: [
        { header: '구분', width: 12 },
        { header: '이름', width: 30 },
        { header: '회신', width: 10 },
        { header: '의견 수', width: 10 },
        { header: '의견 없음', width: 10 },
      ],
      rows: consultation.invitees.map((i) => [
        i.kind === 'organization' ? '기관' : '협의회 위원',
        i.name,
        i.answered ? '회신' : '미회신',
        i.comments,
        i.noComment ? '예' : '',
      ]),
    },
    {
      title: '의견',
      columns: [
        { header: '대상', width: 12 },
        { header: '기관', width: 24 },
        { header: '의견', width: 50 },
        { header: '반영 여부', width: 12 },
        { header: '사유', width: 40 },
        { header: '제출일', width: 12 },
      ],
      rows: consultation.comments.map((c) => [
        c.taskKey ? `과제 ${codeOf.get(c.taskKey) ?? c.taskCode ?? ''}` : '계획 전체',
        c.organization.name,
        c.body,
        c.resolution ? RESOLUTION_KO[c.resolution] : '검토 중',
        c.resolutionReason ?? '',
        c.createdAt.slice(0, 10),
      ]),
    },
  ];
}

export interface QuarterReport {
  readonly taskKey: string;
  readonly status: ProgressStatus;
  readonly percentComplete: number;
  readonly narrative: string;
}

export function statusReportTables(
  plan: PlanDetail,
  quarter: Quarter,
  reports: ReadonlyMap<string, QuarterReport>,
): ReportTable[] {
  const tasks = tasksOf(plan);
  return [
    {
      title: `${quarter}분기 과제 추진 현황`,
      columns: [
        { header: '과제번호', width: 10 },
        { header: '과제명', width: 32 },
        { header: '주관기관', width: 20 },
        { header: '상태', width: 10 },
        { header: '추진률(%)', width: 10 },
        { header: '추진 실적', width: 60 },
      ],
      rows: tasks.map((t) => {
        const report = reports.get(t.key);
        return [
          t.code,
          t.title,
          t.leadOrganization.name,
          report ? STATUS_KO[report.status] : '미보고',
          report?.percentComplete ?? '',
          report?.narrative ?? '',
        ];
      }),
    },
    {
      title: `${quarter}분기 성과지표`,
      columns: [
        { header: '과제번호', width: 10 },
        { header: '지표명', width: 30 },
        { header: '값', width: 14 },
        { header: '중간목표', width: 14 },
        { header: '목표값', width: 14 },
        { header: '중간목표 대비', width: 14 },
      ],
      rows: tasks.flatMap((t) =>
        t.kpis.map((k) => {
          const cell = k.values.find((v) => v.quarter === quarter && v.region === null) ?? null;
          return [
            t.code,
            k.nameKo,
            cell ? shown(k, cell.value, cell.suppressed) : '–',
            cell?.milestone === null || cell === null ? '–' : shown(k, cell.milestone),
            shown(k, k.target),
            cell ? MILESTONE_KO[cell.milestoneStatus] : '값 없음',
          ];
        }),
      ),
    },
  ];
}

/** The quarter's report of each task of the plan. */
export async function quarterReports(
  deps: Deps,
  plan: PlanDetail,
  quarter: Quarter,
): Promise<Map<string, QuarterReport>> {
  const keys = tasksOf(plan).map((t) => t.key);
  if (keys.length === 0) return new Map();
  const rows = await deps.db
    .select()
    .from(planProgressReports)
    .where(
      and(
        inArray(planProgressReports.taskKey, keys),
        eq(planProgressReports.year, plan.year),
        eq(planProgressReports.quarter, quarter),
      ),
    );
  return new Map(
    rows.map((r) => [
      r.taskKey,
      {
        taskKey: r.taskKey,
        status: r.status as ProgressStatus,
        percentComplete: r.percentComplete,
        narrative: r.narrative,
      },
    ]),
  );
}

export type PlanDocument =
  | { readonly kind: 'plan' }
  | { readonly kind: 'consultation' }
  | { readonly kind: 'status'; readonly quarter: Quarter };

/** The title and tables of one exported document. */
export async function documentTables(
  deps: Deps,
  planId: string,
  document: PlanDocument,
): Promise<{ plan: PlanDetail; title: string; fileStem: string; tables: ReportTable[] }> {
  const plan = await readPlan(deps, { planId });
  const stem = `plan-${plan.year}-r${plan.revision}`;
  switch (document.kind) {
    case 'plan':
      return { plan, title: plan.titleKo, fileStem: stem, tables: planTables(plan) };
    case 'consultation': {
      const consultation = await readConsultation(deps, { planId });
      return {
        plan,
        title: `${plan.titleKo} 협의 결과`,
        fileStem: `${stem}-consultation`,
        tables: consultationTables(consultation, plan),
      };
    }
    case 'status':
      return {
        plan,
        title: `${plan.titleKo} ${document.quarter}분기 추진 현황`,
        fileStem: `${stem}-q${document.quarter}-status`,
        tables: statusReportTables(
          plan,
          document.quarter,
          await quarterReports(deps, plan, document.quarter),
        ),
      };
    default: {
      const unknown: never = document;
      return unknown;
    }
  }
}
