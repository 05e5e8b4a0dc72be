import { eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/audit-log';
import type { Db } from '../../platform/db/client';
import { type AppError, notFound } from '../../platform/errors';
import { persons } from './schema';

/**
 * The answer to a look at a person outside the actor's scope: not found, exactly as for an id that names
 * nobody, so the refusal confirms nothing. The access log still records it, with the person as the data
 * subject, so the privacy auditor sees who tried to reach whom. An id that names nobody is not logged with
 * a subject (there is none). Call it where a scoped lookup came back empty; throw what it returns.
 */
export async function refuseOutOfScope(
  db: Db,
  target: { personId: string | null; entityType: string; entityId: string },
): Promise<AppError> {
  const [exists] = target.personId
    ? await db.select({ id: persons.id }).from(persons).where(eq(persons.id, target.personId))
    : [];
  if (exists) {
    await recordAudit(db, {
      action: 'permission_denied',
      entityType: target.entityType,
      entityId: target.entityId,
      subjectId: exists.id,
      detail: { reason: 'out_of_scope' },
    });
  }
  return notFound();
}
