import {
  type CaseStatus,
  canTransition,
  type NeedDomain,
  type NoteSensitivity,
  seoulDate,
} from '@ieum/domain';
import { and, eq } from 'drizzle-orm';
import { appendAudit } from '../../platform/audit/audit-log';
import type { Actor } from '../../platform/context';
import type { Tx } from '../../platform/db/client';
import { newId } from '../../platform/db/ids';
import type { Deps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { findCase } from './cases.repository';
import { assertCaseWorkerOfCenter } from './open-case';
import { assessments, caseEvents, caseNotes, cases, goals } from './schema';

type CaseRow = typeof cases.$inferSelect;

/** Runs a change on a case the actor may see, in one transaction with its audit entry. */
async function withCase<T>(
  deps: Deps,
  actor: Actor,
  caseId: string,
  change: (
    tx: Tx,
    row: CaseRow,
  ) => Promise<{
    result: T;
    audit: {
      action: 'create' | 'update';
      entityType: string;
      entityId: string;
      detail?: Record<string, unknown>;
    };
  }>,
): Promise<T> {
  return deps.db.transaction(async (tx) => {
    const row = await findCase(tx, actor, caseId);
    if (!row) throw notFound();
    const { result, audit } = await change(tx, row);
    await appendAudit(tx, { ...audit, subjectId: row.personId });
    return result;
  });
}

async function bumpVersion(
  tx: Tx,
  row: CaseRow,
  version: number,
  set: Partial<CaseRow>,
  now: Date,
): Promise<void> {
  const updated = await tx
    .update(cases)
    .set({ ...set, version: version + 1, updatedAt: now })
    .where(and(eq(cases.id, row.id), eq(cases.version, version)))
    .returning({ id: cases.id });
  if (updated.length === 0) throw new AppError('conflict.stale');
}

export function transitionCase(
  deps: Deps,
  options: { actor: Actor; caseId: string; to: CaseStatus; reason?: string | undefined; version: number },
): Promise<void> {
  return withCase(deps, options.actor, options.caseId, async (tx, row) => {
    if (!canTransition(row.status as CaseStatus, options.to)) {
      throw new AppError('rule.violation', {
        detail: {
          ko: `'${row.status}'에서 '${options.to}'(으)로 바꿀 수 없습니다.`,
          en: `Cannot move from '${row.status}' to '${options.to}'.`,
        },
      });
    }
    if (options.to === 'closed' && !options.reason) {
      throw new AppError('request.invalid', {
        fieldErrors: [
          {
            path: 'reason',
            message: { ko: '종결 사유를 입력해 주십시오.', en: 'Give a reason for closing.' },
          },
        ],
      });
    }
    const now = deps.now();
    await bumpVersion(
      tx,
      row,
      options.version,
      { status: options.to, closedOn: options.to === 'closed' ? seoulDate(now) : null },
      now,
    );
    const reasonSealed = options.reason
      ? await deps.vault.encrypt(
          tx,
          { type: 'person', id: row.personId },
          'case_event_reason',
          options.reason,
        )
      : null;
    await tx.insert(caseEvents).values({
      id: newId(),
      caseId: row.id,
      status: options.to,
      byUserId: options.actor.userId,
      reasonSealed,
      at: now,
    });
    return {
      result: undefined,
      audit: {
        action: 'update',
        entityType: 'case',
        entityId: row.id,
        detail: { from: row.status, to: options.to },
      },
    };
  });
}

export function assignCase(
  deps: Deps,
  options: { actor: Actor; caseId: string; assignedWorkerId: string; version: number },
): Promise<void> {
  return withCase(deps, options.actor, options.caseId, async (tx, row) => {
    await assertCaseWorkerOfCenter(tx, options.assignedWorkerId, row.hanaCenterId);
    await bumpVersion(tx, row, options.version, { assignedWorkerId: options.assignedWorkerId }, deps.now());
    return {
      result: undefined,
      audit: {
        action: 'update',
        entityType: 'case',
        entityId: row.id,
        detail: { fields: ['assignedWorkerId'] },
      },
    };
  });
}

export function addNote(
  deps: Deps,
  options: { actor: Actor; caseId: string; body: string; sensitivity: NoteSensitivity },
): Promise<{ id: string }> {
  return withCase(deps, options.actor, options.caseId, async (tx, row) => {
    const id = newId();
    const bodySealed = await deps.vault.encrypt(
      tx,
      { type: 'person', id: row.personId },
      `case_note:${id}`,
      options.body,
    );
    await tx.insert(caseNotes).values({
      id,
      caseId: row.id,
      authorId: options.actor.userId,
      sensitivity: options.sensitivity,
      bodySealed,
      createdAt: deps.now(),
    });
    return {
      result: { id },
      audit: {
        action: 'create',
        entityType: 'case_note',
        entityId: id,
        detail: { sensitivity: options.sensitivity },
      },
    };
  });
}

export function recordAssessment(
  deps: Deps,
  options: {
    actor: Actor;
    caseId: string;
    scores: Partial<Record<NeedDomain, number>>;
    summary?: string | undefined;
  },
): Promise<{ id: string }> {
  return withCase(deps, options.actor, options.caseId, async (tx, row) => {
    const id = newId();
    const summarySealed = options.summary
      ? await deps.vault.encrypt(
          tx,
          { type: 'person', id: row.personId },
          `assessment:${id}`,
          options.summary,
        )
      : null;
    await tx.insert(assessments).values({
      id,
      caseId: row.id,
      assessorId: options.actor.userId,
      assessedOn: seoulDate(deps.now()),
      scores: options.scores as Record<string, number>,
      summarySealed,
    });
    return { result: { id }, audit: { action: 'create', entityType: 'assessment', entityId: id } };
  });
}

export function addGoal(
  deps: Deps,
  options: { actor: Actor; caseId: string; domain: NeedDomain; goal: string; targetOn: string },
): Promise<{ id: string }> {
  return withCase(deps, options.actor, options.caseId, async (tx, row) => {
    const id = newId();
    const goalSealed = await deps.vault.encrypt(
      tx,
      { type: 'person', id: row.personId },
      `goal:${id}`,
      options.goal,
    );
    await tx
      .insert(goals)
      .values({ id, caseId: row.id, domain: options.domain, goalSealed, targetOn: options.targetOn });
    return {
      result: { id },
      audit: { action: 'create', entityType: 'goal', entityId: id, detail: { domain: options.domain } },
    };
  });
}

export function updateGoal(
  deps: Deps,
  options: {
    actor: Actor;
    caseId: string;
    goalId: string;
    status: 'planned' | 'in_progress' | 'achieved' | 'dropped';
    version: number;
  },
): Promise<void> {
  return withCase(deps, options.actor, options.caseId, async (tx, row) => {
    const updated = await tx
      .update(goals)
      .set({ status: options.status, version: options.version + 1 })
      .where(and(eq(goals.id, options.goalId), eq(goals.caseId, row.id), eq(goals.version, options.version)))
      .returning({ id: goals.id });
    if (updated.length === 0) {
      const [exists] = await tx
        .select({ id: goals.id })
        .from(goals)
        .where(and(eq(goals.id, options.goalId), eq(goals.caseId, row.id)));
      throw exists ? new AppError('conflict.stale') : notFound();
    }
    return {
      result: undefined,
      audit: {
        action: 'update',
        entityType: 'goal',
        entityId: options.goalId,
        detail: { status: options.status },
      },
    };
  });
}
