import type { AuditAction, AuditEntry } from '@ieum/domain';
import { and, count, desc, eq, gte, lt, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client';
import { auditLog } from '../../platform/db/schema';

export interface AuditFilter {
  readonly actor?: string | undefined;
  readonly subjectId?: string | undefined;
  readonly action?: AuditAction | undefined;
  /** Inclusive dates (YYYY-MM-DD), read as days in Asia/Seoul. */
  readonly from?: string | undefined;
  readonly to?: string | undefined;
}

/** The start of a calendar day in Seoul (UTC+9, no daylight saving) as an instant. */
export function seoulDayStart(date: string): Date {
  return new Date(`${date}T00:00:00+09:00`);
}

function where(filter: AuditFilter): SQL | undefined {
  const toExclusive = filter.to ? new Date(seoulDayStart(filter.to).getTime() + 86_400_000) : null;
  return and(
    filter.actor ? eq(auditLog.actorUsername, filter.actor.toLowerCase()) : undefined,
    filter.subjectId ? eq(auditLog.subjectId, filter.subjectId) : undefined,
    filter.action ? eq(auditLog.action, filter.action) : undefined,
    filter.from ? gte(auditLog.occurredAt, seoulDayStart(filter.from)) : undefined,
    toExclusive ? lt(auditLog.occurredAt, toExclusive) : undefined,
  );
}

export async function listAuditEntries(
  q: Queryable,
  filter: AuditFilter,
  page: { page: number; pageSize: number },
): Promise<{ items: AuditEntry[]; total: number }> {
  const condition = where(filter);
  // Newest first over the indexes audit_log_{actor,subject,action,occurred}_idx.
  const [rows, [totalRow]] = await Promise.all([
    q
      .select()
      .from(auditLog)
      .where(condition)
      .orderBy(desc(auditLog.seq))
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize),
    q.select({ total: count() }).from(auditLog).where(condition),
  ]);
  return {
    items: rows.map((row) => ({
      id: row.id,
      seq: row.seq,
      occurredAt: row.occurredAt.toISOString(),
      actorId: row.actorId,
      actorUsername: row.actorUsername,
      organizationId: row.organizationId,
      ip: row.ip,
      requestId: row.requestId,
      action: row.action as AuditAction,
      entityType: row.entityType,
      entityId: row.entityId,
      subjectId: row.subjectId,
      reason: row.reason,
      detail: row.detail ?? null,
    })),
    total: totalRow?.total ?? 0,
  };
}

export async function countEntriesInMonth(q: Queryable, month: string): Promise<number> {
  const start = seoulDayStart(`${month}-01`);
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const next = monthNumber === 12 ? `${year + 1}-01` : `${year}-${String(monthNumber + 1).padStart(2, '0')}`;
  const [row] = await q
    .select({ total: count() })
    .from(auditLog)
    .where(and(gte(auditLog.occurredAt, start), lt(auditLog.occurredAt, seoulDayStart(`${next}-01`))));
  return row?.total ?? 0;
}
