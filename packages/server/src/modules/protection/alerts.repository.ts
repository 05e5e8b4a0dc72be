import type { AlertEvent, AlertLevel } from '@ieum/domain';
import { and, asc, count, desc, eq, inArray, isNull, lt, ne, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { personScopes } from '../../platform/access/scope';
import type { Actor } from '../../platform/context';
import type { Db, Queryable } from '../../platform/db/client';
import { newId } from '../../platform/db/ids';
import { organizations, users } from '../../platform/db/schema';
import type { AppError } from '../../platform/errors';
import { personsFor } from '../registry/persons.repository';
import { refuseOutOfScope } from '../registry/refuse-out-of-scope';
import { persons } from '../registry/schema';
import { protectionAlertEvents, protectionAlerts } from './schema';

export type AlertRow = typeof protectionAlerts.$inferSelect;
export type AlertEventKind = AlertEvent['kind'];

const assignee = alias(users, 'assignee');

/**
 * Alert scope: the alerts of persons the actor may see (a center's workers their center's persons, a residence
 * officer the municipality's, a safety officer those assigned to them; everyone else none). Built with the actor,
 * so no query over alerts can forget it; outside it an alert answers like a missing one.
 */
export function alertScope(q: Queryable, actor: Actor): SQL {
  return inArray(protectionAlerts.personId, personsFor(q, personScopes(actor)).idsQuery());
}

/** Not closed, no reached contact yet, and the deadline has passed. */
export function overdueCondition(now: Date): SQL {
  return and(
    ne(protectionAlerts.status, 'closed'),
    isNull(protectionAlerts.firstContactAt),
    lt(protectionAlerts.dueAt, now),
  ) as SQL;
}

export function isOverdue(row: AlertRow, now: Date): boolean {
  return row.status !== 'closed' && row.firstContactAt === null && row.dueAt < now;
}

export async function findAlert(q: Queryable, actor: Actor, alertId: string): Promise<AlertRow | null> {
  const [row] = await q
    .select()
    .from(protectionAlerts)
    .where(and(eq(protectionAlerts.id, alertId), alertScope(q, actor)));
  return row ?? null;
}

/** Not found for an alert outside the actor's scope, with the refusal logged against the alert's person. */
export async function refuseAlertOutOfScope(db: Db, alertId: string): Promise<AppError> {
  const [row] = await db
    .select({ personId: protectionAlerts.personId })
    .from(protectionAlerts)
    .where(eq(protectionAlerts.id, alertId));
  return refuseOutOfScope(db, {
    personId: row?.personId ?? null,
    entityType: 'protection_alert',
    entityId: alertId,
  });
}

/** An alert with what the queue shows of it: the person's code, the queue's center, the assignee's name. */
const listColumns = {
  alert: protectionAlerts,
  personCode: persons.code,
  organizationName: organizations.name,
  assigneeName: assignee.displayName,
};
export type AlertListRow = {
  alert: AlertRow;
  personCode: string;
  organizationName: string;
  assigneeName: string | null;
};

function listQuery(q: Queryable) {
  return q
    .select(listColumns)
    .from(protectionAlerts)
    .innerJoin(persons, eq(persons.id, protectionAlerts.personId))
    .innerJoin(organizations, eq(organizations.id, protectionAlerts.organizationId))
    .leftJoin(assignee, eq(assignee.id, protectionAlerts.assigneeId));
}

// Crisis first, then high, then watch; within a level the nearest deadline first.
const levelOrder = sql`case ${protectionAlerts.level} when 'crisis' then 0 when 'high' then 1 else 2 end`;

export interface AlertFilter {
  readonly status: 'active' | 'closed' | 'all';
  readonly level?: AlertLevel | undefined;
  readonly assignee: 'me' | 'unassigned' | 'any';
  readonly overdue?: boolean | undefined;
}

function assigneeCondition(actor: Actor, which: AlertFilter['assignee']): SQL | undefined {
  switch (which) {
    case 'me':
      return eq(protectionAlerts.assigneeId, actor.userId);
    case 'unassigned':
      return isNull(protectionAlerts.assigneeId);
    case 'any':
      return undefined;
    default: {
      const unknown: never = which;
      return unknown;
    }
  }
}

const statusCondition: Record<AlertFilter['status'], SQL | undefined> = {
  active: ne(protectionAlerts.status, 'closed'),
  closed: eq(protectionAlerts.status, 'closed'),
  all: undefined,
};

/** The triage queue: one page of alerts in scope, and the counts of the queue header. */
export async function listAlertRows(
  q: Queryable,
  actor: Actor,
  options: { filter: AlertFilter; now: Date; page: number; pageSize: number },
) {
  const { filter, now } = options;
  const scope = alertScope(q, actor);
  const mine = assigneeCondition(actor, filter.assignee);
  const condition = and(
    scope,
    statusCondition[filter.status],
    filter.level ? eq(protectionAlerts.level, filter.level) : undefined,
    mine,
    filter.overdue ? overdueCondition(now) : undefined,
  );
  // The header counts the active queue (with the same assignee choice) whatever level or overdue filter is
  // set, so its figures stay put while the user narrows the list.
  const headerCondition = and(scope, ne(protectionAlerts.status, 'closed'), mine);
  const [rows, [total], [counts]] = await Promise.all([
    listQuery(q)
      .where(condition)
      .orderBy(levelOrder, asc(protectionAlerts.dueAt), asc(protectionAlerts.id))
      .limit(options.pageSize)
      .offset((options.page - 1) * options.pageSize),
    q.select({ n: count() }).from(protectionAlerts).where(condition),
    q
      .select({
        crisis: sql<number>`count(*) filter (where ${protectionAlerts.level} = 'crisis')::int`,
        high: sql<number>`count(*) filter (where ${protectionAlerts.level} = 'high')::int`,
        watch: sql<number>`count(*) filter (where ${protectionAlerts.level} = 'watch')::int`,
        overdue: sql<number>`count(*) filter (where ${overdueCondition(now)})::int`,
      })
      .from(protectionAlerts)
      .where(headerCondition),
  ]);
  return {
    rows: rows as AlertListRow[],
    total: total?.n ?? 0,
    counts: counts ?? { crisis: 0, high: 0, watch: 0, overdue: 0 },
  };
}

/** One alert in scope with its queue columns. */
export async function findAlertListRow(q: Queryable, actor: Actor, alertId: string) {
  const [row] = await listQuery(q).where(and(eq(protectionAlerts.id, alertId), alertScope(q, actor)));
  return (row as AlertListRow | undefined) ?? null;
}

/** Every alert of one person (the caller has checked the person is in scope), newest first. */
export async function personAlertRows(q: Queryable, personId: string) {
  const rows = await listQuery(q)
    .where(eq(protectionAlerts.personId, personId))
    .orderBy(desc(protectionAlerts.openedAt), desc(protectionAlerts.id));
  return rows as AlertListRow[];
}

/**
 * Moves an alert to its next version if it is still at the one the user saw. False when someone changed it
 * first.
 */
export async function bumpAlert(
  q: Queryable,
  alertId: string,
  version: number,
  set: Partial<Omit<AlertRow, 'id' | 'version'>>,
): Promise<boolean> {
  const updated = await q
    .update(protectionAlerts)
    .set({ ...set, version: version + 1 })
    .where(and(eq(protectionAlerts.id, alertId), eq(protectionAlerts.version, version)))
    .returning({ id: protectionAlerts.id });
  return updated.length > 0;
}

export async function insertAlertEvent(
  q: Queryable,
  event: {
    alertId: string;
    at: Date;
    kind: AlertEventKind;
    actorId: string | null;
    detail: Record<string, unknown>;
  },
): Promise<void> {
  await q.insert(protectionAlertEvents).values({ id: newId(), ...event });
}

export async function alertEventRows(q: Queryable, alertId: string) {
  return q
    .select({ event: protectionAlertEvents, actorName: users.displayName })
    .from(protectionAlertEvents)
    .leftJoin(users, eq(users.id, protectionAlertEvents.actorId))
    .where(eq(protectionAlertEvents.alertId, alertId))
    .orderBy(asc(protectionAlertEvents.at), asc(protectionAlertEvents.id));
}

/**
 * Opens an alert with its "opened" event. The screening opens alerts set-based (screen-population.ts); this
 * one-row form serves tests and any caller that opens one alert by hand. A second open alert for the same
 * person fails on `protection_alerts_open_person_key`.
 */
export async function insertAlert(
  q: Queryable,
  values: {
    personId: string;
    organizationId: string;
    level: AlertLevel;
    score: number;
    rulesVersion: string;
    reasons: Record<string, unknown>[];
    openedAt: Date;
    dueAt: Date;
    assigneeId?: string | null;
  },
): Promise<AlertRow> {
  const [row] = await q
    .insert(protectionAlerts)
    .values({ id: newId(), status: 'open', updatedAt: values.openedAt, ...values })
    .returning();
  if (!row) throw new Error('alert not inserted');
  await insertAlertEvent(q, {
    alertId: row.id,
    at: values.openedAt,
    kind: 'opened',
    actorId: null,
    detail: { level: values.level, score: values.score, rulesVersion: values.rulesVersion },
  });
  return row;
}
