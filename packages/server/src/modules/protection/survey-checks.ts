import {
  type ContactMethod,
  permissionsOf,
  type Role,
  type SurveyCheckResult,
  type SurveyCheckView,
  type SurveyFinding,
  seoulDate,
} from '@ieum/domain';
import { eq } from 'drizzle-orm';
import { appendAudit } from '../../platform/audit/audit-log';
import type { Actor } from '../../platform/context';
import type { Queryable, Tx } from '../../platform/db/client';
import { newId } from '../../platform/db/ids';
import { users } from '../../platform/db/schema';
import type { Deps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { refuseOutOfScope } from '../registry/refuse-out-of-scope';
import { rescorePersons } from './rescore-person';
import { protectionSignals } from './schema';
import { checkNoteField } from './sealed-fields';
import {
  bumpCheck,
  findCheck,
  listCheckRows,
  roundRows,
  type SurveyCheckRow,
  unsafeCheckPersonId,
} from './surveys.repository';

/** A round's checks of the persons the actor may see, one page, pending ones first. */
export async function listSurveyChecks(
  deps: Deps,
  options: {
    actor: Actor;
    roundId: string;
    assignee: 'me' | 'unassigned' | 'any';
    status?: 'pending' | 'done' | undefined;
    page: number;
    pageSize: number;
  },
): Promise<{ items: SurveyCheckView[]; total: number; page: number; pageSize: number }> {
  const [round] = await roundRows(deps.db, options.roundId);
  if (!round) throw notFound();
  const { rows, total } = await listCheckRows(deps.db, options.actor, options);
  return {
    items: rows.map(({ check, personCode, assigneeName }) => ({
      id: check.id,
      person: { id: check.personId, code: personCode },
      assignee: check.assigneeId && assigneeName ? { id: check.assigneeId, displayName: assigneeName } : null,
      finding: (check.finding as SurveyFinding | null) ?? null,
      checkedOn: check.checkedOn,
      method: (check.method as ContactMethod | null) ?? null,
      version: check.version,
    })),
    total,
    page: options.page,
    pageSize: options.pageSize,
  };
}

/**
 * Runs one change on a check the actor may see, at the version the user saw, with its audit entry. A check
 * outside the scope answers 404 like a missing one and the attempt is logged.
 */
async function changeCheck<T>(
  deps: Deps,
  options: { actor: Actor; checkId: string; version: number },
  change: (
    tx: Tx,
    check: SurveyCheckRow,
    now: Date,
  ) => Promise<{ result: T; set: Partial<SurveyCheckRow>; detail: Record<string, unknown> }>,
): Promise<T> {
  const outcome = await deps.db.transaction(async (tx) => {
    const check = await findCheck(tx, options.actor, options.checkId);
    if (!check) return null;
    if (check.version !== options.version) throw new AppError('conflict.stale');
    const now = deps.now();
    const { result, set, detail } = await change(tx, check, now);
    if (!(await bumpCheck(tx, check.id, options.version, { ...set, updatedAt: now })))
      throw new AppError('conflict.stale');
    await appendAudit(tx, {
      action: 'update',
      entityType: 'survey_check',
      entityId: check.id,
      subjectId: check.personId,
      detail,
    });
    return { result };
  });
  if (!outcome) {
    throw await refuseOutOfScope(deps.db, {
      personId: await unsafeCheckPersonId(deps.db, options.checkId),
      entityType: 'survey_check',
      entityId: options.checkId,
    });
  }
  return outcome.result;
}

/** A center manager gives a check to a member of the center who may carry out checks. */
export function assignSurveyCheck(
  deps: Deps,
  options: { actor: Actor; checkId: string; assigneeId: string; version: number },
): Promise<void> {
  return changeCheck(deps, options, async (tx, check) => {
    if (check.finding !== null) {
      throw new AppError('rule.violation', {
        detail: { ko: '이미 확인을 마친 대상입니다.', en: 'This check is already done.' },
      });
    }
    await assertMayCheck(tx, options.assigneeId, options.actor.organizationId);
    return {
      result: undefined,
      set: { assigneeId: options.assigneeId },
      detail: { fields: ['assigneeId'] },
    };
  });
}

/**
 * Records what a check found (the note sealed with the person's key). A crisis suspected is not only a survey
 * figure: it becomes a signal of the person in the same transaction, and once committed the person is scored
 * again, so the finding opens (or raises) an alert with its reasons like any other signal.
 */
export async function recordSurveyResult(
  deps: Deps,
  options: { actor: Actor; checkId: string } & SurveyCheckResult,
): Promise<void> {
  const { actor } = options;
  const crisisPersonId = await changeCheck(deps, options, async (tx, check, now) => {
    if (options.checkedOn > seoulDate(now)) {
      throw new AppError('request.invalid', {
        fieldErrors: [
          {
            path: 'checkedOn',
            message: {
              ko: '확인일은 오늘 이후일 수 없습니다.',
              en: 'The check date cannot be in the future.',
            },
          },
        ],
      });
    }
    const noteSealed = options.note
      ? await deps.vault.encrypt(
          tx,
          { type: 'person', id: check.personId },
          checkNoteField(check.id),
          options.note,
        )
      : null;
    if (options.finding === 'crisis_suspect') {
      // The check's id as the reference: recording the same finding again adds no second signal.
      await tx
        .insert(protectionSignals)
        .values({
          id: newId(),
          personId: check.personId,
          type: 'survey_crisis_finding',
          observedOn: options.checkedOn,
          via: 'staff',
          sourceOrganizationId: actor.organizationId,
          reference: `survey_check:${check.id}`,
          recordedBy: actor.userId,
          receivedAt: now,
        })
        .onConflictDoNothing();
    }
    return {
      result: options.finding === 'crisis_suspect' ? check.personId : null,
      set: {
        finding: options.finding,
        checkedOn: options.checkedOn,
        method: options.method,
        noteSealed,
        checkedBy: actor.userId,
      },
      detail: { finding: options.finding, method: options.method, checkedOn: options.checkedOn },
    };
  });
  if (crisisPersonId) await rescorePersons(deps, { actor, personIds: [crisisPersonId] });
}

/** An active user of this organization whose roles grant surveys.check. */
async function assertMayCheck(q: Queryable, userId: string, organizationId: string): Promise<void> {
  const [user] = await q
    .select({ roles: users.roles, organizationId: users.organizationId, active: users.active })
    .from(users)
    .where(eq(users.id, userId));
  const mayCheck = user ? permissionsOf(user.roles as Role[]).includes('surveys.check') : false;
  if (!user?.active || user.organizationId !== organizationId || !mayCheck) {
    throw new AppError('request.invalid', {
      fieldErrors: [
        {
          path: 'assigneeId',
          message: {
            ko: '실태조사를 할 수 있는 이 기관의 직원을 선택해 주십시오.',
            en: 'Choose a member of this organization who can carry out checks.',
          },
        },
      ],
    });
  }
}
