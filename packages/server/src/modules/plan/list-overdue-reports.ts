import {
  compareTaskCodes,
  isReportOverdue,
  type OverdueReport,
  QUARTERS,
  reportTimeliness,
  seoulDate,
} from '@ieum/domain';
import type { Deps } from '../../platform/deps';
import { organizationNames, progressReportsOf, requirePlan, tasksWithKpis } from './plans.repository';

/**
 * The reports a plan in execution is owed and has not received (the overdue list and the reminders): every
 * task × quarter of the plan's year whose due date has passed in Korea without a filing, most overdue first.
 */
export async function listOverdueReports(
  deps: Deps,
  options: { planId: string },
): Promise<{ items: OverdueReport[] }> {
  const plan = await requirePlan(deps.db, options.planId);
  if (plan.status !== 'in_execution' && plan.status !== 'closed') return { items: [] };
  const today = seoulDate(deps.now());
  const tasks = (await tasksWithKpis(deps.db, plan.id)).map(({ task }) => task);
  if (tasks.length === 0) return { items: [] };
  const [filed, names] = await Promise.all([
    progressReportsOf(deps.db, { taskKeys: tasks.map((t) => t.key), years: [plan.year] }),
    organizationNames(
      deps.db,
      tasks.map((t) => t.leadOrganizationId),
    ),
  ]);
  const done = new Set(filed.map((f) => `${f.taskKey}:${f.quarter}`));
  const items: OverdueReport[] = [];
  for (const task of tasks) {
    for (const quarter of QUARTERS) {
      if (done.has(`${task.key}:${quarter}`) || !isReportOverdue(plan.year, quarter, today)) continue;
      const timeliness = reportTimeliness({ year: plan.year, quarter, today, filedOn: null });
      if (timeliness.state !== 'overdue') continue;
      items.push({
        task: { id: task.id, key: task.key, code: task.code, title: task.title },
        leadOrganization: names.get(task.leadOrganizationId) ?? {
          id: task.leadOrganizationId,
          name: '',
          nameEn: null,
        },
        year: plan.year,
        quarter,
        dueOn: timeliness.dueOn,
        daysOverdue: timeliness.daysOverdue,
      });
    }
  }
  items.sort((a, b) => b.daysOverdue - a.daysOverdue || compareTaskCodes(a.task.code, b.task.code));
  return { items };
}
