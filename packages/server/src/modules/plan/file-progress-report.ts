import {
  checkProgressReport,
  type ProgressReportInput,
  type ProgressReportView,
  type ProgressStatus,
  type Quarter,
  reportDueDate,
  seoulDate,
} from '@ieum/domain';
import { and, asc, eq, sql } from 'drizzle-orm';
import { appendAudit } from '../../platform/audit/audit-log';
import type { Actor } from '../../platform/context';
import type { Queryable } from '../../platform/db/client';
import { newId } from '../../platform/db/ids';
import { users } from '../../platform/db/schema';
import type { Deps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { assertEvidenceOfTask } from './check-evidence-refs';
import { assertPlanCheck, planActor } from './plan-rules';
import { planFacts, requirePlan } from './plans.repository';
import { planKpis, planKpiValues, planProgressReports, planTasks } from './schema';

type ReportRow = typeof planProgressReports.$inferSelect;

async function reportView(q: Queryable, row: ReportRow, taskId: string): Promise<ProgressReportView> {
  const [[filer], values] = await Promise.all([
    q.select({ id: users.id, displayName: users.displayName }).from(users).where(eq(users.id, row.filedBy)),
    q.select().from(planKpiValues).where(eq(planKpiValues.reportId, row.id)),
  ]);
  const quarter = row.quarter as Quarter;
  return {
    id: row.id,
    taskId,
    taskKey: row.taskKey,
    year: row.year,
    quarter,
    status: row.status as ProgressStatus,
    percentComplete: row.percentComplete,
    narrative: row.narrative,
    evidence: row.evidence,
    kpiValues: values.map((v) => ({ kpiKey: v.kpiKey, value: v.value })),
    filedBy: filer ?? { id: row.filedBy, displayName: '' },
    filedAt: row.filedAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    late: seoulDate(row.filedAt) > reportDueDate(row.year, quarter),
    version: row.version,
  };
}

/** A task's reports of the plan's year, by quarter: what a reporter corrects and a reader follows. */
export async function listTaskReports(
  deps: Deps,
  options: { planId: string; taskKey: string },
): Promise<{ items: ProgressReportView[] }> {
  const plan = await requirePlan(deps.db, options.planId);
  const [task] = await deps.db
    .select({ id: planTasks.id })
    .from(planTasks)
    .where(and(eq(planTasks.planId, plan.id), eq(planTasks.key, options.taskKey)));
  if (!task) throw notFound();
  const rows = await deps.db
    .select()
    .from(planProgressReports)
    .where(and(eq(planProgressReports.taskKey, options.taskKey), eq(planProgressReports.year, plan.year)))
    .orderBy(asc(planProgressReports.quarter));
  const items: ProgressReportView[] = [];
  for (const row of rows) items.push(await reportView(deps.db, row, task.id));
  return { items };
}

/**
 * Files a task's quarterly report, or corrects it at the version the reporter saw: a task reporter of the
 * task's lead organization, on a plan in execution (domain checkProgressReport). Values of the task's manual
 * KPIs ride with the report; a value for a computed KPI or another task's KPI is refused, and so is evidence
 * that is not a file uploaded for the task (check-evidence-refs.ts).
 */
export async function fileProgressReport(
  deps: Deps,
  options: { actor: Actor; planId: string; taskKey: string; input: ProgressReportInput },
): Promise<ProgressReportView> {
  const { actor, input } = options;
  return deps.db.transaction(async (tx) => {
    const plan = await requirePlan(tx, options.planId);
    const [task] = await tx
      .select()
      .from(planTasks)
      .where(and(eq(planTasks.planId, plan.id), eq(planTasks.key, options.taskKey)));
    if (!task) throw notFound();
    const now = deps.now();
    assertPlanCheck(checkProgressReport(await planFacts(tx, plan), task, input, planActor(actor), now));
    const manualKeys = new Set(
      (await tx.select().from(planKpis).where(eq(planKpis.taskId, task.id)))
        .filter((kpi) => kpi.sourceKind === 'manual')
        .map((kpi) => kpi.key),
    );
    const strangers = input.kpiValues.filter((v) => !manualKeys.has(v.kpiKey));
    if (
      strangers.length > 0 ||
      new Set(input.kpiValues.map((v) => v.kpiKey)).size !== input.kpiValues.length
    ) {
      throw new AppError('request.invalid', {
        fieldErrors: [
          {
            path: 'kpiValues',
            message: {
              ko: '이 과제의 직접 입력 성과지표 값만, 지표마다 한 번 보고할 수 있습니다.',
              en: 'Report each of this task’s manual KPIs at most once.',
            },
          },
        ],
      });
    }
    await assertEvidenceOfTask(tx, { plan, taskKey: task.key, evidence: input.evidence });
    const values = {
      status: input.status,
      percentComplete: input.percentComplete,
      narrative: input.narrative,
      evidence: input.evidence,
    };
    const [existing] = await tx
      .select()
      .from(planProgressReports)
      .where(
        and(
          eq(planProgressReports.taskKey, task.key),
          eq(planProgressReports.year, input.year),
          eq(planProgressReports.quarter, input.quarter),
        ),
      );
    let row: ReportRow | undefined;
    if (existing) {
      if (input.version === undefined) throw new AppError('conflict.stale');
      [row] = await tx
        .update(planProgressReports)
        .set({
          ...values,
          planId: plan.id,
          updatedBy: actor.userId,
          updatedAt: now,
          version: sql`${planProgressReports.version} + 1`,
        })
        .where(and(eq(planProgressReports.id, existing.id), eq(planProgressReports.version, input.version)))
        .returning();
      if (!row) throw new AppError('conflict.stale');
    } else {
      if (input.version !== undefined) throw new AppError('conflict.stale');
      [row] = await tx
        .insert(planProgressReports)
        .values({
          id: newId(),
          planId: plan.id,
          taskKey: task.key,
          year: input.year,
          quarter: input.quarter,
          ...values,
          organizationId: actor.organizationId,
          filedBy: actor.userId,
          filedAt: now,
          updatedAt: now,
        })
        .returning();
    }
    if (!row) throw new Error('write returned nothing');
    await tx.delete(planKpiValues).where(eq(planKpiValues.reportId, row.id));
    if (input.kpiValues.length > 0) {
      await tx.insert(planKpiValues).values(
        input.kpiValues.map((v) => ({
          reportId: (row as ReportRow).id,
          kpiKey: v.kpiKey,
          year: input.year,
          quarter: input.quarter,
          value: v.value,
        })),
      );
    }
    await appendAudit(tx, {
      action: existing ? 'update' : 'create',
      entityType: 'plan_progress_report',
      entityId: row.id,
      detail: {
        planId: plan.id,
        taskKey: task.key,
        year: input.year,
        quarter: input.quarter,
        status: input.status,
        percentComplete: input.percentComplete,
        evidence: input.evidence.length,
        kpiValues: input.kpiValues.length,
      },
    });
    return reportView(tx, row, task.id);
  });
}
