import {
  type ConsultationFacts,
  categoryOfTaskCode,
  compareTaskCodes,
  type KpiInput,
  type OrganizationName,
  type PlanFacts,
  type PlanListItem,
  type PlanSnapshot,
  type PlanStatus,
  type Role,
  type TaskInput,
} from '@ieum/domain';
import { and, arrayOverlaps, asc, count, eq, inArray, sql } from 'drizzle-orm';
import type { Queryable, Tx } from '../../platform/db/client';
import { organizations, users } from '../../platform/db/schema';
import { AppError, notFound } from '../../platform/errors';
import {
  planCategories,
  planComments,
  planConsultations,
  planKpis,
  planNoComments,
  planProgressReports,
  plans,
  planTasks,
} from './schema';

export type PlanRow = typeof plans.$inferSelect;
export type TaskRow = typeof planTasks.$inferSelect;
export type KpiRow = typeof planKpis.$inferSelect;
export type ProgressReportRow = typeof planProgressReports.$inferSelect;

export async function findPlan(q: Queryable, planId: string): Promise<PlanRow | null> {
  const [row] = await q.select().from(plans).where(eq(plans.id, planId));
  return row ?? null;
}

export async function requirePlan(q: Queryable, planId: string): Promise<PlanRow> {
  const plan = await findPlan(q, planId);
  if (!plan) throw notFound();
  return plan;
}

/**
 * Takes the plan at the version the editor saw and bumps it: every change to a revision (its content, its
 * consultation, its status) goes through here, so two editors cannot overwrite each other unseen.
 */
export async function claimPlanVersion(
  tx: Tx,
  options: { planId: string; version: number; now: Date; set?: Partial<typeof plans.$inferInsert> },
): Promise<PlanRow> {
  const [row] = await tx
    .update(plans)
    .set({ ...options.set, updatedAt: options.now, version: sql`${plans.version} + 1` })
    .where(and(eq(plans.id, options.planId), eq(plans.version, options.version)))
    .returning();
  if (row) return row;
  throw (await findPlan(tx, options.planId)) ? new AppError('conflict.stale') : notFound();
}

export async function consultationFacts(q: Queryable, planId: string): Promise<ConsultationFacts | null> {
  const [consultation] = await q.select().from(planConsultations).where(eq(planConsultations.planId, planId));
  if (!consultation) return null;
  const [comments, declined] = await Promise.all([
    q
      .select({
        organizationId: planComments.organizationId,
        authorId: planComments.authorId,
        asCouncilMember: planComments.asCouncilMember,
        resolution: planComments.resolution,
      })
      .from(planComments)
      .where(eq(planComments.planId, planId)),
    q.select().from(planNoComments).where(eq(planNoComments.planId, planId)),
  ]);
  const answeredOrgs = new Set([
    ...comments.filter((c) => !c.asCouncilMember).map((c) => c.organizationId),
    ...declined.filter((d) => d.inviteeKind === 'organization').map((d) => d.inviteeId),
  ]);
  const answeredMembers = new Set([
    ...comments.filter((c) => c.asCouncilMember).map((c) => c.authorId),
    ...declined.filter((d) => d.inviteeKind === 'council_member').map((d) => d.inviteeId),
  ]);
  return {
    startsOn: consultation.startsOn,
    endsOn: consultation.endsOn,
    organizationIds: consultation.organizationIds,
    councilMemberIds: consultation.councilMemberIds,
    answered:
      consultation.organizationIds.filter((id) => answeredOrgs.has(id)).length +
      consultation.councilMemberIds.filter((id) => answeredMembers.has(id)).length,
    unresolvedComments: comments.filter((c) => c.resolution === null).length,
  };
}

/** The facts of a revision the plan rules read. */
export async function planFacts(q: Queryable, plan: PlanRow): Promise<PlanFacts> {
  const [[tasks], consultation, [open]] = await Promise.all([
    q.select({ n: count() }).from(planTasks).where(eq(planTasks.planId, plan.id)),
    consultationFacts(q, plan.id),
    q
      .select({ n: count() })
      .from(plans)
      .where(
        and(eq(plans.previousRevisionId, plan.id), sql`${plans.status} not in ('in_execution', 'closed')`),
      ),
  ]);
  return {
    status: plan.status as PlanStatus,
    year: plan.year,
    revision: plan.revision,
    taskCount: tasks?.n ?? 0,
    consultation,
    hasOpenRevision: (open?.n ?? 0) > 0,
  };
}

export async function organizationNames(
  q: Queryable,
  ids: readonly string[],
): Promise<Map<string, OrganizationName>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await q
    .select({ id: organizations.id, name: organizations.name, nameEn: organizations.nameEn })
    .from(organizations)
    .where(inArray(organizations.id, unique));
  return new Map(rows.map((row) => [row.id, row]));
}

/** Refuses organizations that do not exist, naming the field, before a foreign key would fail. */
export async function assertOrganizationsExist(q: Queryable, ids: readonly string[], path: string) {
  const found = await organizationNames(q, ids);
  if (ids.every((id) => found.has(id))) return;
  throw new AppError('request.invalid', {
    fieldErrors: [{ path, message: { ko: '없는 기관입니다.', en: 'No such organization.' } }],
  });
}

export function kpiInputOf(row: KpiRow): KpiInput {
  return {
    key: row.key,
    nameKo: row.nameKo,
    nameEn: row.nameEn,
    unit: row.unit as KpiInput['unit'],
    unitLabelKo: row.unitLabelKo,
    baseline: row.baseline,
    target: row.target,
    direction: row.direction as KpiInput['direction'],
    source:
      row.sourceKind === 'metric'
        ? ({ kind: 'metric', metricKey: row.metricKey } as KpiInput['source'])
        : { kind: 'manual' },
    milestones: row.milestones,
  };
}

/** A revision's tasks in plan order, each with its KPIs in their order. */
export async function tasksWithKpis(
  q: Queryable,
  planId: string,
): Promise<{ task: TaskRow; kpis: KpiRow[] }[]> {
  const tasks = await q.select().from(planTasks).where(eq(planTasks.planId, planId));
  const kpis =
    tasks.length === 0
      ? []
      : await q
          .select()
          .from(planKpis)
          .where(
            inArray(
              planKpis.taskId,
              tasks.map((t) => t.id),
            ),
          )
          .orderBy(asc(planKpis.position));
  return tasks
    .map((task) => ({ task, kpis: kpis.filter((k) => k.taskId === task.id) }))
    .sort((a, b) => compareTaskCodes(a.task.code, b.task.code));
}

/** Writes a task and its KPIs into a revision (replacing what the task had). */
export async function writeTask(
  tx: Tx,
  options: { planId: string; taskId: string; task: TaskInput; kpiIds: () => string },
): Promise<void> {
  const { task } = options;
  const values = {
    code: task.code,
    categoryCode: categoryOfTaskCode(task.code),
    title: task.title,
    description: task.description,
    leadOrganizationId: task.leadOrganizationId,
    cooperatingOrganizationIds: task.cooperatingOrganizationIds,
    milestones: task.milestones,
  };
  await tx
    .insert(planTasks)
    .values({ id: options.taskId, planId: options.planId, key: task.key, ...values })
    .onConflictDoUpdate({ target: planTasks.id, set: values });
  await tx.delete(planKpis).where(eq(planKpis.taskId, options.taskId));
  if (task.kpis.length === 0) return;
  await tx.insert(planKpis).values(
    task.kpis.map((kpi, position) => ({
      id: options.kpiIds(),
      taskId: options.taskId,
      key: kpi.key,
      position,
      nameKo: kpi.nameKo,
      nameEn: kpi.nameEn,
      unit: kpi.unit,
      unitLabelKo: kpi.unitLabelKo,
      baseline: kpi.baseline,
      target: kpi.target,
      direction: kpi.direction,
      sourceKind: kpi.source.kind,
      metricKey: kpi.source.kind === 'metric' ? kpi.source.metricKey : null,
      milestones: kpi.milestones,
    })),
  );
}

/** One revision's content with organizations named, for the diff. */
export async function planSnapshot(q: Queryable, plan: PlanRow): Promise<PlanSnapshot> {
  const [categories, tasks] = await Promise.all([
    q.select().from(planCategories).where(eq(planCategories.planId, plan.id)),
    tasksWithKpis(q, plan.id),
  ]);
  const names = await organizationNames(
    q,
    tasks.flatMap(({ task }) => [task.leadOrganizationId, ...task.cooperatingOrganizationIds]),
  );
  const named = (id: string): OrganizationName => names.get(id) ?? { id, name: '', nameEn: null };
  return {
    revision: plan.revision,
    categories: categories.map((c) => ({ code: c.code, nameKo: c.nameKo, nameEn: c.nameEn, goal: c.goal })),
    tasks: tasks.map(({ task, kpis }) => ({
      key: task.key,
      code: task.code,
      title: task.title,
      description: task.description,
      leadOrganization: named(task.leadOrganizationId),
      cooperatingOrganizations: task.cooperatingOrganizationIds.map(named),
      kpis: kpis.map(kpiInputOf),
      milestones: task.milestones,
    })),
  };
}

/** The list items of plans matching `where`, by year and revision, newest first. */
export async function planListItems(
  q: Queryable,
  filter: { year?: number; status?: PlanStatus; latestOnly: boolean; planId?: string },
): Promise<PlanListItem[]> {
  const taskCounts = q
    .select({ planId: planTasks.planId, n: count().as('task_count') })
    .from(planTasks)
    .groupBy(planTasks.planId)
    .as('task_counts');
  const categoryCounts = q
    .select({ planId: planCategories.planId, n: count().as('category_count') })
    .from(planCategories)
    .groupBy(planCategories.planId)
    .as('category_counts');
  const later = sql`exists (select 1 from ${plans} as later where later.master_plan_id = ${plans.masterPlanId}
    and later.year = ${plans.year} and later.revision > ${plans.revision})`;
  const rows = await q
    .select({ plan: plans, tasks: taskCounts.n, categories: categoryCounts.n })
    .from(plans)
    .leftJoin(taskCounts, eq(taskCounts.planId, plans.id))
    .leftJoin(categoryCounts, eq(categoryCounts.planId, plans.id))
    .where(
      and(
        filter.planId ? eq(plans.id, filter.planId) : undefined,
        filter.year !== undefined ? eq(plans.year, filter.year) : undefined,
        filter.status ? eq(plans.status, filter.status) : undefined,
        filter.latestOnly ? sql`not ${later}` : undefined,
      ),
    )
    .orderBy(sql`${plans.year} desc`, sql`${plans.revision} desc`);
  return rows.map(({ plan, tasks, categories }) => ({
    id: plan.id,
    masterPlanId: plan.masterPlanId,
    year: plan.year,
    titleKo: plan.titleKo,
    titleEn: plan.titleEn,
    status: plan.status as PlanStatus,
    revision: plan.revision,
    previousRevisionId: plan.previousRevisionId,
    supersededById: plan.supersededById,
    taskCount: Number(tasks ?? 0),
    categoryCount: Number(categories ?? 0),
    finalizedAt: plan.finalizedAt?.toISOString() ?? null,
    updatedAt: plan.updatedAt.toISOString(),
    version: plan.version,
  }));
}

/** The reports filed for the given tasks (by key) in the given years (plan_progress_reports_task_quarter_key). */
export async function progressReportsOf(
  q: Queryable,
  filter: { taskKeys: readonly string[]; years: readonly number[] },
): Promise<ProgressReportRow[]> {
  if (filter.taskKeys.length === 0 || filter.years.length === 0) return [];
  return q
    .select()
    .from(planProgressReports)
    .where(
      and(
        inArray(planProgressReports.taskKey, [...filter.taskKeys]),
        inArray(planProgressReports.year, [...new Set(filter.years)]),
      ),
    );
}

/** The tasks an organization leads in the plans in execution, each with its plan (plan_tasks_lead_idx). */
export async function tasksLedInExecution(
  q: Queryable,
  organizationId: string,
): Promise<{ plan: PlanRow; task: TaskRow }[]> {
  return q
    .select({ plan: plans, task: planTasks })
    .from(planTasks)
    .innerJoin(plans, eq(plans.id, planTasks.planId))
    .where(and(eq(planTasks.leadOrganizationId, organizationId), eq(plans.status, 'in_execution')));
}

/**
 * Active users holding any of `roles`, with their organization, by organization name and then name. Names
 * only: no username, e-mail or phone leaves this query. Code-point order (COLLATE "C") so that PGlite and
 * PostgreSQL list them alike whatever the server's locale.
 */
export async function activeUsersInRoles(
  q: Queryable,
  roles: readonly Role[],
): Promise<{ id: string; displayName: string; organization: OrganizationName }[]> {
  if (roles.length === 0) return [];
  return q
    .select({
      id: users.id,
      displayName: users.displayName,
      organization: { id: organizations.id, name: organizations.name, nameEn: organizations.nameEn },
    })
    .from(users)
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .where(and(eq(users.active, true), arrayOverlaps(users.roles, [...roles])))
    .orderBy(sql`${organizations.name} collate "C"`, sql`${users.displayName} collate "C"`, asc(users.id));
}
