import { asc, type SQL, sql } from 'drizzle-orm';
import type { Db, Tx } from '../platform/db/client';
import { auditLog } from '../platform/db/schema';

/**
 * What a database superuser can do to the ledger despite the append-only trigger: switch the trigger off,
 * change rows, switch it on again. Tests use it to prove that `verifyAuditChain` notices.
 */
export async function tamperAsSuperuser(db: Db, change: SQL | ((tx: Tx) => Promise<unknown>)): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`alter table audit_log disable trigger user`);
    if (typeof change === 'function') await change(tx);
    else await tx.execute(change);
    await tx.execute(sql`alter table audit_log enable trigger user`);
  });
}

export function auditRows(db: Db) {
  return db.select().from(auditLog).orderBy(asc(auditLog.seq));
}
