import type { PersonTransfer } from '@ieum/domain';
import { and, desc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { personScopes } from '../../platform/access/scope';
import { appendAudit, recordAudit } from '../../platform/audit/audit-log';
import type { Actor } from '../../platform/context';
import { organizations, users } from '../../platform/db/schema';
import type { Deps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { personsFor } from '../registry/persons.repository';
import { refuseOutOfScope } from '../registry/refuse-out-of-scope';
import { caseScope, findCase } from './cases.repository';
import { cases, caseTransfers } from './schema';

const fromCenter = alias(organizations, 'from_center');
const toCenter = alias(organizations, 'to_center');
const requester = alias(users, 'requester');
const decider = alias(users, 'decider');

/**
 * Every transfer of a person's cases, for the person's page: whoever holds the person now sees the whole
 * history, reasons included (sealed with the person's key). Scoped like the person; audited as a view.
 */
export async function listPersonTransfers(
  deps: Deps,
  options: { actor: Actor; personId: string },
): Promise<PersonTransfer[]> {
  const { actor, personId } = options;
  if (!(await personsFor(deps.db, personScopes(actor)).findById(personId)))
    throw await refuseOutOfScope(deps.db, { personId, entityType: 'case_transfer', entityId: personId });
  const rows = await deps.db
    .select({
      transfer: caseTransfers,
      from: fromCenter.name,
      to: toCenter.name,
      requestedBy: requester.displayName,
      decidedBy: decider.displayName,
    })
    .from(caseTransfers)
    .innerJoin(fromCenter, eq(fromCenter.id, caseTransfers.fromCenterId))
    .innerJoin(toCenter, eq(toCenter.id, caseTransfers.toCenterId))
    .innerJoin(requester, eq(requester.id, caseTransfers.requestedBy))
    .leftJoin(decider, eq(decider.id, caseTransfers.decidedBy))
    .where(eq(caseTransfers.personId, personId))
    .orderBy(desc(caseTransfers.requestedAt));
  const withdrawable = new Set(
    actor.permissions.has('cases.write')
      ? (
          await deps.db
            .select({ id: cases.id })
            .from(cases)
            .where(and(eq(cases.personId, personId), caseScope(deps.db, actor)))
        ).map((c) => c.id)
      : [],
  );
  const unseal = await deps.vault.unsealerFor(deps.db, 'person', [personId]);
  await recordAudit(deps.db, {
    action: 'view',
    entityType: 'case_transfer',
    subjectId: personId,
    detail: { transfers: rows.length },
  });
  return rows.map(({ transfer, from, to, requestedBy, decidedBy }) => ({
    id: transfer.id,
    caseId: transfer.caseId,
    fromCenter: from,
    toCenter: to,
    status: transfer.status as PersonTransfer['status'],
    reason: unseal(personId, `transfer:${transfer.id}`, transfer.reasonSealed) ?? '',
    decisionReason: transfer.decisionReasonSealed
      ? unseal(personId, `transfer_decision:${transfer.id}`, transfer.decisionReasonSealed)
      : null,
    requestedBy,
    requestedAt: transfer.requestedAt.toISOString(),
    decidedBy: decidedBy ?? null,
    decidedAt: transfer.decidedAt?.toISOString() ?? null,
    cancellable:
      transfer.status === 'requested' &&
      transfer.fromCenterId === actor.organizationId &&
      withdrawable.has(transfer.caseId),
  }));
}

/**
 * The sending center withdraws a pending request (the person is not moving after all). Only someone who
 * may change the case; a request already decided answers 409.
 */
export async function cancelTransfer(
  deps: Deps,
  options: { actor: Actor; transferId: string },
): Promise<void> {
  const { actor } = options;
  await deps.db.transaction(async (tx) => {
    const [transfer] = await tx
      .select()
      .from(caseTransfers)
      .where(
        and(eq(caseTransfers.id, options.transferId), eq(caseTransfers.fromCenterId, actor.organizationId)),
      );
    if (!transfer || !(await findCase(tx, actor, transfer.caseId))) throw notFound();
    const cancelled = await tx
      .update(caseTransfers)
      .set({ status: 'cancelled', decidedBy: actor.userId, decidedAt: deps.now() })
      .where(and(eq(caseTransfers.id, transfer.id), eq(caseTransfers.status, 'requested')))
      .returning({ id: caseTransfers.id });
    if (cancelled.length === 0) throw new AppError('conflict.stale');
    await appendAudit(tx, {
      action: 'update',
      entityType: 'case_transfer',
      entityId: transfer.id,
      subjectId: transfer.personId,
      detail: { status: 'cancelled' },
    });
  });
}
