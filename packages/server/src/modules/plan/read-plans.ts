import {
  type CategoryView,
  evaluateKpi,
  type KpiValueView,
  type KpiView,
  type LatestProgress,
  manualValue,
  metricDefinition,
  metricValue,
  NO_VALUE,
  type PlanDetail,
  type PlanList,
  type PlanQuery,
  type ProgressStatus,
  type Quarter,
  reportDueDate,
  seoulDate,
  startedQuarters,
} from '@ieum/domain';
import { and, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client';
import type { Deps } from '../../platform/deps';
import { notFound } from '../../platform/errors';
import { observeMetric } from './metrics';
import {
  type KpiRow,
  kpiInputOf,
  organizationNames,
  type PlanRow,
  planListItems,
  requirePlan,
  tasksWithKpis,
} from './plans.repository';
import { masterPlans, planCategories, planKpiValues, planProgressReports } from './schema';

/** `GET /api/plans`: the latest revision of each year's plan (or every revision), newest first. */
export async function listPlans(deps: Deps, options: { query: PlanQuery }): Promise<PlanList> {
  const { query } = options;
  return {
    items: await planListItems(deps.db, {
      ...(query.year !== undefined ? { year: query.year } : {}),
      ...(query.status ? { status: query.status } : {}),
      latestOnly: query.revisions === 'latest',
    }),
  };
}

/** A KPI's national values in the quarters of the plan's year that have begun. */
async function kpiValues(
  q: Queryable,
  plan: PlanRow,
  kpi: KpiRow,
  quarters: readonly Quarter[],
  manual: ReadonlyMap<string, number>,
): Promise<KpiValueView[]> {
  const input = kpiInputOf(kpi);
  const values: KpiValueView[] = [];
  for (const quarter of quarters) {
    let shown = NO_VALUE;
    if (input.source.kind === 'metric') {
      const observation = await observeMetric(q, input.source.metricKey, {
        year: plan.year,
        quarter,
        region: null,
      });
      if (observation) shown = metricValue(metricDefinition(input.source.metricKey), observation);
    } else {
      const value = manual.get(`${kpi.key}:${quarter}`);
      shown = manualValue(value ?? null);
    }
    values.push(evaluateKpi(input, { quarter, region: null, ...shown }));
  }
  return values;
}

/**
 * `GET /api/plans/{id}`: the revision with its categories, tasks (leads and cooperating organizations named),
 * KPIs with their values so far, and each task's latest progress report of the plan's year.
 */
export async function readPlan(deps: Deps, options: { planId: string }): Promise<PlanDetail> {
  const q = deps.db;
  const plan = await requirePlan(q, options.planId);
  const [[master], categories, tasks] = await Promise.all([
    q.select().from(masterPlans).where(eq(masterPlans.id, plan.masterPlanId)),
    q.select().from(planCategories).where(eq(planCategories.planId, plan.id)).orderBy(planCategories.code),
    tasksWithKpis(q, plan.id),
  ]);
  if (!master) throw notFound();
  const taskKeys = tasks.map(({ task }) => task.key);
  const kpiKeys = tasks.flatMap(({ kpis }) => kpis.map((k) => k.key));
  const [names, reports, manualRows] = await Promise.all([
    organizationNames(
      q,
      tasks.flatMap(({ task }) => [task.leadOrganizationId, ...task.cooperatingOrganizationIds]),
    ),
    taskKeys.length === 0
      ? []
      : q
          .select()
          .from(planProgressReports)
          .where(
            and(inArray(planProgressReports.taskKey, taskKeys), eq(planProgressReports.year, plan.year)),
          ),
    kpiKeys.length === 0
      ? []
      : q
          .select()
          .from(planKpiValues)
          .where(and(inArray(planKpiValues.kpiKey, kpiKeys), eq(planKpiValues.year, plan.year))),
  ]);
  const manual = new Map(manualRows.map((row) => [`${row.kpiKey}:${row.quarter}`, row.value]));
  const quarters = startedQuarters(plan.year, seoulDate(deps.now()));
  const named = (id: string) => names.get(id) ?? { id, name: '', nameEn: null };

  const latestOf = (key: string): LatestProgress | null => {
    const own = reports.filter((r) => r.taskKey === key).sort((a, b) => b.quarter - a.quarter);
    const report = own[0];
    if (!report) return null;
    const quarter = report.quarter as Quarter;
    return {
      year: report.year,
      quarter,
      status: report.status as ProgressStatus,
      percentComplete: report.percentComplete,
      filedAt: report.filedAt.toISOString(),
      late: seoulDate(report.filedAt) > reportDueDate(report.year, quarter),
    };
  };

  const views: CategoryView[] = [];
  for (const category of categories) {
    const own = tasks.filter(({ task }) => task.categoryCode === category.code);
    const taskViews = [];
    for (const { task, kpis } of own) {
      const kpiViews: KpiView[] = [];
      for (const kpi of kpis) {
        const input = kpiInputOf(kpi);
        kpiViews.push({
          key: input.key,
          nameKo: input.nameKo,
          nameEn: input.nameEn,
          unit: input.unit,
          unitLabelKo: input.unitLabelKo,
          baseline: input.baseline,
          target: input.target,
          direction: input.direction,
          source: input.source,
          milestones: input.milestones,
          values: await kpiValues(q, plan, kpi, quarters, manual),
        });
      }
      taskViews.push({
        id: task.id,
        key: task.key,
        code: task.code,
        categoryCode: task.categoryCode,
        title: task.title,
        description: task.description,
        leadOrganization: named(task.leadOrganizationId),
        cooperatingOrganizations: task.cooperatingOrganizationIds.map(named),
        milestones: task.milestones,
        kpis: kpiViews,
        latestProgress: latestOf(task.key),
      });
    }
    views.push({
      code: category.code,
      nameKo: category.nameKo,
      nameEn: category.nameEn,
      goal: category.goal,
      tasks: taskViews,
    });
  }
  const [item] = await planListItems(q, { planId: plan.id, latestOnly: false });
  if (!item) throw notFound();
  return {
    ...item,
    summary: plan.summary,
    masterPlan: { id: master.id, titleKo: master.titleKo, titleEn: master.titleEn },
    categories: views,
  };
}
