import { maskName, seoulDate } from '@ieum/domain';
import { and, desc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { appendAudit } from '../../platform/audit/audit-log';
import type { Actor } from '../../platform/context';
import { isUniqueViolation } from '../../platform/db/errors';
import { newId } from '../../platform/db/ids';
import { organizations } from '../../platform/db/schema';
import type { Deps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { unsealName } from '../registry/person-view';
import { persons } from '../registry/schema';
import { syncStatutoryTasks } from '../timeline/sync-statutory-tasks';
import { findCase } from './cases.repository';
import { assertCaseWorkerOfCenter } from './open-case';
import { caseEvents, cases, caseTransfers } from './schema';

/**
 * Transfers: when a person moves, their case goes to the Hana Center of the new region. The sending center
 * asks; the receiving center's manager accepts (the person's record moves, the old case ends as
 * `transferred`, a new case opens in intake) or declines with a reason. Both keep the history.
 */
export async function requestTransfer(
  deps: Deps,
  options: { actor: Actor; caseId: string; toCenterId: string; reason: string },
): Promise<{ id: string }> {
  const { actor } = options;
  const id = newId();
  try {
    await deps.db.transaction(async (tx) => {
      const row = await findCase(tx, actor, options.caseId);
      if (!row) throw notFound();
      if (row.status === 'closed' || row.status === 'transferred') throw new AppError('rule.violation');
      const [target] = await tx
        .select({ type: organizations.type, active: organizations.active })
        .from(organizations)
        .where(eq(organizations.id, options.toCenterId));
      if (target?.type !== 'hana_center' || !target.active || options.toCenterId === row.hanaCenterId) {
        throw new AppError('request.invalid', {
          fieldErrors: [
            {
              path: 'toCenterId',
              message: { ko: '옮겨 갈 다른 하나센터를 선택해 주십시오.', en: 'Choose another Hana Center.' },
            },
          ],
        });
      }
      const reasonSealed = await deps.vault.encrypt(
        tx,
        { type: 'person', id: row.personId },
        `transfer:${id}`,
        options.reason,
      );
      await tx.insert(caseTransfers).values({
        id,
        caseId: row.id,
        personId: row.personId,
        fromCenterId: row.hanaCenterId,
        toCenterId: options.toCenterId,
        status: 'requested',
        reasonSealed,
        requestedBy: actor.userId,
        requestedAt: deps.now(),
      });
      await appendAudit(tx, {
        action: 'create',
        entityType: 'case_transfer',
        entityId: id,
        subjectId: row.personId,
        detail: { toCenterId: options.toCenterId },
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError('conflict.duplicate', {
        detail: { ko: '이미 이관 요청 중인 사례입니다.', en: 'A transfer of this case is already pending.' },
      });
    }
    throw error;
  }
  return { id };
}

const fromCenter = alias(organizations, 'from_center');
const toCenter = alias(organizations, 'to_center');

/**
 * The center's transfers. Incoming requests name the person by masked name and birth year only: the
 * receiving center does not see the record until it accepts.
 */
export async function listTransfers(deps: Deps, options: { actor: Actor; box: 'incoming' | 'outgoing' }) {
  const { actor } = options;
  if (!actor.roles.includes('center_manager') && !actor.roles.includes('case_worker')) return [];
  const rows = await deps.db
    .select({ transfer: caseTransfers, person: persons, from: fromCenter.name, to: toCenter.name })
    .from(caseTransfers)
    .innerJoin(persons, eq(persons.id, caseTransfers.personId))
    .innerJoin(fromCenter, eq(fromCenter.id, caseTransfers.fromCenterId))
    .innerJoin(toCenter, eq(toCenter.id, caseTransfers.toCenterId))
    .where(
      options.box === 'incoming'
        ? eq(caseTransfers.toCenterId, actor.organizationId)
        : eq(caseTransfers.fromCenterId, actor.organizationId),
    )
    .orderBy(desc(caseTransfers.requestedAt))
    .limit(200);
  const unseal = await deps.vault.unsealerFor(deps.db, 'person', [...new Set(rows.map((r) => r.person.id))]);
  return rows.map(({ transfer, person, from, to }) => ({
    id: transfer.id,
    caseId: transfer.caseId,
    person: {
      code: person.code,
      maskedName: maskName(unsealName(person, unseal)),
      birthYear: person.birthYear,
    },
    fromCenter: from,
    toCenter: to,
    status: transfer.status as 'requested' | 'accepted' | 'declined' | 'cancelled',
    reason: unseal(person.id, `transfer:${transfer.id}`, transfer.reasonSealed) ?? '',
    decisionReason: transfer.decisionReasonSealed
      ? unseal(person.id, `transfer_decision:${transfer.id}`, transfer.decisionReasonSealed)
      : null,
    requestedAt: transfer.requestedAt.toISOString(),
    decidedAt: transfer.decidedAt?.toISOString() ?? null,
    newCaseId: transfer.newCaseId,
  }));
}

async function pendingIncoming(deps: Deps, actor: Actor, transferId: string) {
  if (!actor.roles.includes('center_manager')) throw notFound();
  const [transfer] = await deps.db
    .select()
    .from(caseTransfers)
    .where(and(eq(caseTransfers.id, transferId), eq(caseTransfers.toCenterId, actor.organizationId)));
  if (!transfer) throw notFound();
  if (transfer.status !== 'requested') throw new AppError('conflict.stale');
  return transfer;
}

export async function acceptTransfer(
  deps: Deps,
  options: { actor: Actor; transferId: string; assignedWorkerId: string },
): Promise<{ caseId: string }> {
  const { actor } = options;
  const transfer = await pendingIncoming(deps, actor, options.transferId);
  await assertCaseWorkerOfCenter(deps.db, options.assignedWorkerId, actor.organizationId);
  const newCaseId = newId();
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    const claimed = await tx
      .update(caseTransfers)
      .set({ status: 'accepted', decidedBy: actor.userId, decidedAt: now, newCaseId })
      .where(and(eq(caseTransfers.id, transfer.id), eq(caseTransfers.status, 'requested')))
      .returning({ id: caseTransfers.id });
    if (claimed.length === 0) throw new AppError('conflict.stale');
    const [oldCase] = await tx.select().from(cases).where(eq(cases.id, transfer.caseId));
    if (oldCase && oldCase.status !== 'closed' && oldCase.status !== 'transferred') {
      await tx
        .update(cases)
        .set({
          status: 'transferred',
          closedOn: seoulDate(now),
          version: oldCase.version + 1,
          updatedAt: now,
        })
        .where(eq(cases.id, oldCase.id));
      await tx
        .insert(caseEvents)
        .values({ id: newId(), caseId: oldCase.id, status: 'transferred', byUserId: actor.userId, at: now });
    }
    const [moved] = await tx
      .update(persons)
      .set({ hanaCenterId: actor.organizationId, updatedAt: now })
      .where(eq(persons.id, transfer.personId))
      .returning();
    if (moved) await syncStatutoryTasks(tx, moved);
    await tx.insert(cases).values({
      id: newCaseId,
      personId: transfer.personId,
      hanaCenterId: actor.organizationId,
      status: 'intake',
      assignedWorkerId: options.assignedWorkerId,
      openedOn: seoulDate(now),
    });
    await tx
      .insert(caseEvents)
      .values({ id: newId(), caseId: newCaseId, status: 'intake', byUserId: actor.userId, at: now });
    await appendAudit(tx, {
      action: 'update',
      entityType: 'case_transfer',
      entityId: transfer.id,
      subjectId: transfer.personId,
      detail: { status: 'accepted', newCaseId, fromCenterId: transfer.fromCenterId },
    });
  });
  return { caseId: newCaseId };
}

export async function declineTransfer(
  deps: Deps,
  options: { actor: Actor; transferId: string; reason: string },
): Promise<void> {
  const { actor } = options;
  const transfer = await pendingIncoming(deps, actor, options.transferId);
  await deps.db.transaction(async (tx) => {
    const decisionReasonSealed = await deps.vault.encrypt(
      tx,
      { type: 'person', id: transfer.personId },
      `transfer_decision:${transfer.id}`,
      options.reason,
    );
    const updated = await tx
      .update(caseTransfers)
      .set({ status: 'declined', decidedBy: actor.userId, decidedAt: deps.now(), decisionReasonSealed })
      .where(and(eq(caseTransfers.id, transfer.id), eq(caseTransfers.status, 'requested')))
      .returning({ id: caseTransfers.id });
    if (updated.length === 0) throw new AppError('conflict.stale');
    await appendAudit(tx, {
      action: 'update',
      entityType: 'case_transfer',
      entityId: transfer.id,
      subjectId: transfer.personId,
      detail: { status: 'declined' },
    });
  });
}
