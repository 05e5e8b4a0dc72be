import type { AuditAction } from '@ieum/domain';
import { asc, desc, gt, sql } from 'drizzle-orm';
import { currentContext } from '../context';
import type { Db, Tx } from '../db/client';
import { newId } from '../db/ids';
import { auditLog } from '../db/schema';
import { type ChainedFields, chainHash, GENESIS_HASH } from './chain';

export interface AuditEvent {
  readonly action: AuditAction;
  readonly entityType?: string;
  readonly entityId?: string;
  /** The data subject: whose personal data this concerns (a person id; a user id for account events). */
  readonly subjectId?: string;
  readonly reason?: string;
  /** Safe, non-personal detail (field names changed, counts, codes). Never names, numbers or addresses. */
  readonly detail?: Record<string, unknown>;
  /** Overrides the actor from the request context (sign-in events, CLI jobs). */
  readonly actor?: {
    readonly userId: string;
    readonly username: string;
    readonly organizationId: string;
  } | null;
}

// One key for pg_advisory_xact_lock: appends take turns, so the chain never forks.
const AUDIT_CHAIN_LOCK = 741_900_001;

/**
 * Appends an entry inside the caller's transaction: the entry commits with the change it records, or
 * neither does. Request id, IP and actor come from the request context unless given.
 */
export async function appendAudit(tx: Tx, event: AuditEvent): Promise<void> {
  const context = currentContext();
  const actor =
    event.actor !== undefined
      ? event.actor
      : context?.actor
        ? {
            userId: context.actor.userId,
            username: context.actor.username,
            organizationId: context.actor.organizationId,
          }
        : null;
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
  const [last] = await tx
    .select({ seq: auditLog.seq, hash: auditLog.hash })
    .from(auditLog)
    .orderBy(desc(auditLog.seq))
    .limit(1);
  const fields: ChainedFields = {
    seq: (last?.seq ?? 0) + 1,
    id: newId(),
    occurredAt: new Date(),
    actorId: actor?.userId ?? null,
    actorUsername: actor?.username ?? null,
    organizationId: actor?.organizationId ?? null,
    ip: context?.ip ?? null,
    requestId: context?.requestId ?? null,
    action: event.action,
    entityType: event.entityType ?? null,
    entityId: event.entityId ?? null,
    subjectId: event.subjectId ?? null,
    reason: event.reason ?? null,
    detail: event.detail ?? null,
  };
  const prevHash = last?.hash ?? GENESIS_HASH;
  await tx.insert(auditLog).values({ ...fields, prevHash, hash: chainHash(prevHash, fields) });
}

/** Records an event that has no other write to ride with (a view, a refusal, a failed sign-in). */
export async function recordAudit(db: Db, event: AuditEvent): Promise<void> {
  await db.transaction((tx) => appendAudit(tx, event));
}

export interface ChainVerification {
  readonly ok: boolean;
  readonly checked: number;
  readonly firstBrokenSeq: number | null;
  readonly reason: 'hash_mismatch' | 'broken_link' | 'missing_entry' | null;
}

/** Walks the whole chain in order and reports the first entry that was altered, removed or re-linked. */
export async function verifyAuditChain(db: Db, batchSize = 2000): Promise<ChainVerification> {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditLog)
      .where(gt(auditLog.seq, expectedSeq - 1))
      .orderBy(asc(auditLog.seq))
      .limit(batchSize);
    for (const row of rows) {
      if (row.seq !== expectedSeq)
        return { ok: false, checked, firstBrokenSeq: expectedSeq, reason: 'missing_entry' };
      if (row.prevHash !== prevHash)
        return { ok: false, checked, firstBrokenSeq: row.seq, reason: 'broken_link' };
      const { prevHash: _stored, hash, ...fields } = row;
      if (chainHash(prevHash, fields) !== hash) {
        return { ok: false, checked, firstBrokenSeq: row.seq, reason: 'hash_mismatch' };
      }
      prevHash = hash;
      expectedSeq += 1;
      checked += 1;
    }
    if (rows.length < batchSize) return { ok: true, checked, firstBrokenSeq: null, reason: null };
  }
}
