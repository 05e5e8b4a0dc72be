import { CASE_STATUSES, type CaseStatus, type Dashboard, type IsoDate } from '@ieum/domain';
import { and, count, eq, gte, inArray, isNull, lt, lte, notInArray, type SQL, sql } from 'drizzle-orm';
import type { PersonScope } from '../../platform/access/scope';
import type { Actor } from '../../platform/context';
import type { Queryable } from '../../platform/db/client';
import { users } from '../../platform/db/schema';
import { appointments } from '../appointments/schema';
import { cases } from '../cases/schema';
import { personsFor } from '../registry/persons.repository';
import { persons } from '../registry/schema';
import { answerableBy } from '../timeline/list-tasks';
import { tasks } from '../timeline/schema';

/**
 * Counts for the role dashboards. Every query carries the actor's person scope; none returns a person's
 * name or id, only numbers (and staff names for the manager's per-worker rows).
 */
const CLOSED_STATUSES = ['closed', 'transferred'];
const PROTECTION_ENDS = ['residence_protection_end', 'safety_protection_end', 'employment_protection_end'];
const n = (value: unknown) => Number(value ?? 0);

/** Open tasks the actor answers for, by how they stand against today. Served by tasks_office_idx. */
export async function countMyTasks(
  q: Queryable,
  actor: Actor,
  scopes: readonly PersonScope[],
  days: { today: IsoDate; weekEnd: IsoDate },
) {
  const [row] = await q
    .select({
      dueToday: sql<number>`count(*) filter (where ${tasks.dueOn} = ${days.today})`,
      dueThisWeek: sql<number>`count(*) filter (where ${tasks.dueOn} between ${days.today} and ${days.weekEnd})`,
      overdue: sql<number>`count(*) filter (where ${tasks.dueOn} < ${days.today})`,
    })
    .from(tasks)
    .where(
      and(
        eq(tasks.status, 'open'),
        answerableBy(actor),
        inArray(tasks.personId, personsFor(q, scopes).idsQuery()),
      ),
    );
  return { dueToday: n(row?.dueToday), dueThisWeek: n(row?.dueThisWeek), overdue: n(row?.overdue) };
}

export async function countAppointments(
  q: Queryable,
  condition: { assigneeId: string; organizationId: string; from: Date; to: Date },
  scopes: readonly PersonScope[],
): Promise<number> {
  const [row] = await q
    .select({ n: count() })
    .from(appointments)
    .where(
      and(
        eq(appointments.assigneeId, condition.assigneeId),
        eq(appointments.organizationId, condition.organizationId),
        eq(appointments.status, 'scheduled'),
        gte(appointments.startsAt, condition.from),
        lt(appointments.startsAt, condition.to),
        inArray(appointments.personId, personsFor(q, scopes).idsQuery()),
      ),
    );
  return row?.n ?? 0;
}

/** Persons (of the scope, or of one worker's open caseload) whose protection ends in the window. */
export async function countProtectionEnding(
  q: Queryable,
  options: { scopes: readonly PersonScope[]; caseWorkerId: string | null; from: IsoDate; to: IsoDate },
): Promise<number> {
  const caseload = options.caseWorkerId
    ? inArray(
        tasks.personId,
        q
          .select({ id: cases.personId })
          .from(cases)
          .where(
            and(eq(cases.assignedWorkerId, options.caseWorkerId), notInArray(cases.status, CLOSED_STATUSES)),
          ),
      )
    : undefined;
  const [row] = await q
    .select({ n: sql<number>`count(distinct ${tasks.personId})` })
    .from(tasks)
    .where(
      and(
        eq(tasks.status, 'open'),
        inArray(tasks.kind, PROTECTION_ENDS),
        gte(tasks.dueOn, options.from),
        lte(tasks.dueOn, options.to),
        inArray(tasks.personId, personsFor(q, options.scopes).idsQuery()),
        caseload,
      ),
    );
  return n(row?.n);
}

type CenterSummary = NonNullable<Dashboard['center']>;

/** A center's cases by status, and its open caseload by worker. Served by cases_center_idx. */
export async function centerCaseload(
  q: Queryable,
  centerId: string,
  scopes: readonly PersonScope[],
): Promise<Pick<CenterSummary, 'casesByStatus' | 'caseloadByWorker'>> {
  const rows = await q
    .select({
      status: cases.status,
      workerId: cases.assignedWorkerId,
      displayName: users.displayName,
      n: count(),
    })
    .from(cases)
    .leftJoin(users, eq(users.id, cases.assignedWorkerId))
    .where(and(eq(cases.hanaCenterId, centerId), inArray(cases.personId, personsFor(q, scopes).idsQuery())))
    .groupBy(cases.status, cases.assignedWorkerId, users.displayName);
  const byStatus = new Map<CaseStatus, number>();
  const byWorker = new Map<string, CenterSummary['caseloadByWorker'][number]>();
  for (const row of rows) {
    const status = row.status as CaseStatus;
    byStatus.set(status, (byStatus.get(status) ?? 0) + row.n);
    if (CLOSED_STATUSES.includes(status)) continue;
    const key = row.workerId ?? '';
    const worker = byWorker.get(key) ?? {
      id: row.workerId,
      displayName: row.displayName,
      openCases: 0,
      byStatus: {},
    };
    worker.openCases += row.n;
    worker.byStatus[status] = (worker.byStatus[status] ?? 0) + row.n;
    byWorker.set(key, worker);
  }
  return {
    casesByStatus: CASE_STATUSES.filter((status) => byStatus.has(status)).map((status) => ({
      status,
      count: byStatus.get(status) ?? 0,
    })),
    caseloadByWorker: [...byWorker.values()].sort((a, b) => b.openCases - a.openCases),
  };
}

/**
 * Overdue work of a center by the worker who carries the person's open case: statutory and manual tasks past
 * due, and appointments still marked scheduled after their day. Tasks of persons without an open case
 * count under "unassigned" (null worker).
 */
export async function centerOverdueByWorker(
  q: Queryable,
  actor: Actor,
  scopes: readonly PersonScope[],
  days: { today: IsoDate; todayStart: Date },
): Promise<CenterSummary['overdueByWorker']> {
  const visible = personsFor(q, scopes).idsQuery();
  const openCase = and(
    eq(cases.personId, tasks.personId),
    eq(cases.hanaCenterId, actor.organizationId),
    notInArray(cases.status, CLOSED_STATUSES),
  ) as SQL;
  const [taskRows, appointmentRows] = await Promise.all([
    q
      .select({ workerId: cases.assignedWorkerId, displayName: users.displayName, n: count() })
      .from(tasks)
      .leftJoin(cases, openCase)
      .leftJoin(users, eq(users.id, cases.assignedWorkerId))
      .where(
        and(
          eq(tasks.status, 'open'),
          lt(tasks.dueOn, days.today),
          answerableBy(actor),
          inArray(tasks.personId, visible),
        ),
      )
      .groupBy(cases.assignedWorkerId, users.displayName),
    q
      .select({ workerId: appointments.assigneeId, displayName: users.displayName, n: count() })
      .from(appointments)
      .innerJoin(users, eq(users.id, appointments.assigneeId))
      .where(
        and(
          eq(appointments.organizationId, actor.organizationId),
          eq(appointments.status, 'scheduled'),
          lt(appointments.startsAt, days.todayStart),
          inArray(appointments.personId, visible),
        ),
      )
      .groupBy(appointments.assigneeId, users.displayName),
  ]);
  const byWorker = new Map<string, CenterSummary['overdueByWorker'][number]>();
  const entry = (workerId: string | null, displayName: string | null) => {
    const key = workerId ?? '';
    const found = byWorker.get(key) ?? {
      id: workerId,
      displayName,
      overdueTasks: 0,
      overdueAppointments: 0,
    };
    byWorker.set(key, found);
    return found;
  };
  for (const row of taskRows) entry(row.workerId, row.displayName).overdueTasks += row.n;
  for (const row of appointmentRows) entry(row.workerId, row.displayName).overdueAppointments += row.n;
  return [...byWorker.values()].sort(
    (a, b) => b.overdueTasks + b.overdueAppointments - (a.overdueTasks + a.overdueAppointments),
  );
}

/** Residents of a municipality (live records), served by persons_municipality_idx. */
export async function countResidents(q: Queryable, municipalityId: string): Promise<number> {
  const [row] = await q
    .select({ n: count() })
    .from(persons)
    .where(
      inArray(
        persons.id,
        personsFor(q, [{ kind: 'municipality', organizationId: municipalityId }]).idsQuery(),
      ),
    );
  return row?.n ?? 0;
}

/** Half-year reports the actor answers for: reminded and not yet due, and past due. */
export async function countHalfYearReports(
  q: Queryable,
  actor: Actor,
  scopes: readonly PersonScope[],
  today: IsoDate,
) {
  const [row] = await q
    .select({
      due: sql<number>`count(*) filter (where ${tasks.remindOn} <= ${today} and ${tasks.dueOn} >= ${today})`,
      overdue: sql<number>`count(*) filter (where ${tasks.dueOn} < ${today})`,
    })
    .from(tasks)
    .where(
      and(
        eq(tasks.status, 'open'),
        eq(tasks.kind, 'half_year_report'),
        answerableBy(actor),
        inArray(tasks.personId, personsFor(q, scopes).idsQuery()),
        isNull(tasks.completedAt),
      ),
    );
  return { due: n(row?.due), overdue: n(row?.overdue) };
}
