import { compareTaskCodes, type DueReport, QUARTERS, reportTimeliness, seoulDate } from '@ieum/domain';
import type { Actor } from '../../platform/context';
import type { Deps } from '../../platform/deps';
import { type PlanRow, progressReportsOf, type TaskRow, tasksLedInExecution } from './plans.repository';

/**
 * Keeps, of each year's plan, the latest revision in execution. Starting a revision's execution closes its
 * predecessor, so there is one; should there ever be two, the tasks would otherwise be listed twice. A revision
 * still in draft does not count: until it is in execution, the reports are owed on the one that is.
 */
function latestInExecution(led: readonly { plan: PlanRow; task: TaskRow }[]) {
  const latest = new Map<string, PlanRow>();
  for (const { plan } of led) {
    const year = `${plan.masterPlanId}:${plan.year}`;
    const kept = latest.get(year);
    if (!kept || kept.revision < plan.revision) latest.set(year, plan);
  }
  const kept = new Set([...latest.values()].map((plan) => plan.id));
  return led.filter(({ plan }) => kept.has(plan.id));
}

/**
 * `GET /api/plan-reports/due`: the reporter's reminders — the quarterly reports the actor's organization owes
 * on the tasks it leads in plans in execution and has not filed, due (`reportTimeliness`) or overdue on today's
 * Korean date, most overdue first.
 */
export async function listDueReports(deps: Deps, options: { actor: Actor }): Promise<{ items: DueReport[] }> {
  const today = seoulDate(deps.now());
  const led = latestInExecution(await tasksLedInExecution(deps.db, options.actor.organizationId));
  const filed = await progressReportsOf(deps.db, {
    taskKeys: led.map(({ task }) => task.key),
    years: led.map(({ plan }) => plan.year),
  });
  const done = new Set(filed.map((report) => `${report.taskKey}:${report.year}:${report.quarter}`));
  const items: DueReport[] = [];
  for (const { plan, task } of led) {
    for (const quarter of QUARTERS) {
      if (done.has(`${task.key}:${plan.year}:${quarter}`)) continue;
      const timeliness = reportTimeliness({ year: plan.year, quarter, today, filedOn: null });
      if (timeliness.state !== 'due' && timeliness.state !== 'overdue') continue;
      items.push({
        plan: { id: plan.id, year: plan.year, titleKo: plan.titleKo, titleEn: plan.titleEn },
        task: { id: task.id, key: task.key, code: task.code, title: task.title },
        year: plan.year,
        quarter,
        dueOn: timeliness.dueOn,
        daysLeft: timeliness.state === 'due' ? timeliness.daysLeft : -timeliness.daysOverdue,
        state: timeliness.state,
      });
    }
  }
  items.sort(
    (a, b) =>
      a.daysLeft - b.daysLeft ||
      compareTaskCodes(a.task.code, b.task.code) ||
      a.year - b.year ||
      a.quarter - b.quarter,
  );
  return { items };
}
