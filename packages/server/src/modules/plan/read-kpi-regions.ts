import {
  evaluateKpi,
  type KpiValueView,
  metricDefinition,
  metricValue,
  NO_VALUE,
  type Quarter,
  REGIONS,
} from '@ieum/domain';
import { and, eq } from 'drizzle-orm';
import type { Deps } from '../../platform/deps';
import { notFound } from '../../platform/errors';
import { observeMetric } from './metrics';
import { kpiInputOf, requirePlan } from './plans.repository';
import { planKpis, planTasks } from './schema';

/**
 * A computed KPI's value in one quarter for every region (the dashboard's region table), each count
 * suppressed on its own. A manual KPI is reported nationally only, so it has no regional values.
 */
export async function readKpiRegions(
  deps: Deps,
  options: { planId: string; kpiKey: string; quarter: Quarter },
): Promise<{ items: KpiValueView[] }> {
  const plan = await requirePlan(deps.db, options.planId);
  const [row] = await deps.db
    .select({ kpi: planKpis })
    .from(planKpis)
    .innerJoin(planTasks, eq(planTasks.id, planKpis.taskId))
    .where(and(eq(planTasks.planId, plan.id), eq(planKpis.key, options.kpiKey)));
  if (!row) throw notFound();
  const kpi = kpiInputOf(row.kpi);
  if (kpi.source.kind !== 'metric') return { items: [] };
  const definition = metricDefinition(kpi.source.metricKey);
  const items: KpiValueView[] = [];
  for (const region of REGIONS) {
    const observation = await observeMetric(deps.db, kpi.source.metricKey, {
      year: plan.year,
      quarter: options.quarter,
      region,
    });
    const shown = observation ? metricValue(definition, observation) : NO_VALUE;
    items.push(evaluateKpi(kpi, { quarter: options.quarter, region, ...shown }));
  }
  return { items };
}
