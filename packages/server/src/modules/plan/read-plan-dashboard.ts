import {
  compareTaskCodes,
  type DashboardQuery,
  type MatrixCellView,
  matrixCell,
  type OrganizationName,
  type OverdueReport,
  type PlanDashboard,
  type PlanStatus,
  type ProgressStatus,
  QUARTERS,
  type Quarter,
  reportTimeliness,
  rollUpProgress,
  seoulDate,
  type TaskView,
} from '@ieum/domain';
import type { Deps } from '../../platform/deps';
import { type ProgressReportRow, progressReportsOf } from './plans.repository';
import { readPlan } from './read-plans';

/** Only a plan in execution, or closed after it, is owed reports: a draft's quarters are never due. */
function owesReports(status: PlanStatus): boolean {
  return status === 'in_execution' || status === 'closed';
}

function matches(task: TaskView, query: DashboardQuery): boolean {
  const { organizationId, categoryCode } = query;
  if (categoryCode !== undefined && task.categoryCode !== categoryCode) return false;
  if (organizationId === undefined) return true;
  return (
    task.leadOrganization.id === organizationId ||
    task.cooperatingOrganizations.some((org) => org.id === organizationId)
  );
}

function cellOf(options: {
  year: number;
  quarter: Quarter;
  today: string;
  report: ProgressReportRow | undefined;
  owed: boolean;
}): MatrixCellView {
  const { year, quarter, today, report } = options;
  const cell = matrixCell({
    year,
    quarter,
    today,
    report: report ? { status: report.status as ProgressStatus, filedOn: seoulDate(report.filedAt) } : null,
  });
  if (cell.state !== 'reported') return { quarter, state: options.owed ? cell.state : 'not_due' };
  if (!report) throw new Error('matrixCell reported a quarter without its report');
  return { quarter, ...cell, percentComplete: report.percentComplete };
}

/** The matrix's overdue cells as the overdue list gives them (list-overdue-reports.ts), most overdue first. */
function overdueOf(
  year: number,
  today: string,
  rows: readonly { task: TaskView; cells: readonly MatrixCellView[] }[],
): OverdueReport[] {
  const items: OverdueReport[] = [];
  for (const { task, cells } of rows) {
    for (const cell of cells) {
      if (cell.state !== 'overdue') continue;
      const timeliness = reportTimeliness({ year, quarter: cell.quarter, today, filedOn: null });
      if (timeliness.state !== 'overdue') continue;
      items.push({
        task: { id: task.id, key: task.key, code: task.code, title: task.title },
        leadOrganization: task.leadOrganization,
        year,
        quarter: cell.quarter,
        dueOn: timeliness.dueOn,
        daysOverdue: timeliness.daysOverdue,
      });
    }
  }
  return items.sort((a, b) => b.daysOverdue - a.daysOverdue || compareTaskCodes(a.task.code, b.task.code));
}

/** Every organization leading or cooperating on a task, once, by name (code-point order, as the lists sort). */
function organizationsOf(tasks: readonly TaskView[]): OrganizationName[] {
  const byId = new Map<string, OrganizationName>();
  for (const task of tasks) {
    for (const org of [task.leadOrganization, ...task.cooperatingOrganizations]) byId.set(org.id, org);
  }
  return [...byId.values()].sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
  );
}

/**
 * `GET /api/plans/{id}/dashboard`: the plan's execution on today's Korean date for the tasks matching the
 * filters — roll-ups per category and overall (domain rollUpProgress), the task × quarter matrix (matrixCell),
 * the overdue reports (the matrix's overdue cells, read once) and the KPIs. Built on readPlan so the plan view
 * and the dashboard cannot disagree about a task's latest report or a KPI's value.
 */
export async function readPlanDashboard(
  deps: Deps,
  options: { planId: string; query: DashboardQuery },
): Promise<PlanDashboard> {
  const { query } = options;
  const plan = await readPlan(deps, { planId: options.planId });
  const today = seoulDate(deps.now());
  const everyTask = plan.categories.flatMap((category) => category.tasks);
  const tasks = everyTask
    .filter((task) => matches(task, query))
    .sort((a, b) => compareTaskCodes(a.code, b.code));
  const reports = await progressReportsOf(deps.db, {
    taskKeys: tasks.map((task) => task.key),
    years: [plan.year],
  });
  const reportOf = new Map(reports.map((report) => [`${report.taskKey}:${report.quarter}`, report]));
  const owed = owesReports(plan.status);
  const rows = tasks.map((task) => ({
    task,
    cells: QUARTERS.map((quarter) =>
      cellOf({ year: plan.year, quarter, today, report: reportOf.get(`${task.key}:${quarter}`), owed }),
    ),
  }));

  const rollup = rollUpProgress(
    tasks.map((task) => ({ categoryCode: task.categoryCode, latest: task.latestProgress })),
  );
  const categoryNames = new Map(plan.categories.map((category) => [category.code, category]));
  return {
    planId: plan.id,
    year: plan.year,
    status: plan.status,
    today,
    filters: {
      organizationId: query.organizationId ?? null,
      categoryCode: query.categoryCode ?? null,
    },
    plan: rollup.plan,
    categories: rollup.categories.map((category) => ({
      ...category,
      nameKo: categoryNames.get(category.code)?.nameKo ?? '',
      nameEn: categoryNames.get(category.code)?.nameEn ?? '',
    })),
    matrix: rows.map(({ task, cells }) => ({
      task: {
        id: task.id,
        key: task.key,
        code: task.code,
        title: task.title,
        categoryCode: task.categoryCode,
        leadOrganization: task.leadOrganization,
      },
      cells,
    })),
    overdue: overdueOf(plan.year, today, rows),
    kpis: tasks.flatMap((task) =>
      task.kpis.map((kpi) => ({ taskKey: task.key, taskCode: task.code, taskTitle: task.title, kpi })),
    ),
    organizations: organizationsOf(everyTask),
  };
}
