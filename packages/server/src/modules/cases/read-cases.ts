import {
  allowedTransitions,
  type CaseStatus,
  maskName,
  mayReadNote,
  type NeedDomain,
  type NoteSensitivity,
  priorityNeeds,
} from '@ieum/domain';
import { and, asc, count, desc, eq, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { recordAudit } from '../../platform/audit/audit-log';
import type { Actor } from '../../platform/context';
import type { Db } from '../../platform/db/client';
import { users } from '../../platform/db/schema';
import type { Deps } from '../../platform/deps';
import { type AppError, notFound } from '../../platform/errors';
import { unsealName } from '../registry/person-view';
import { refuseOutOfScope } from '../registry/refuse-out-of-scope';
import { persons } from '../registry/schema';
import { caseScope, findCase } from './cases.repository';
import { assessments, caseEvents, caseNotes, cases, goals } from './schema';

const worker = alias(users, 'worker');

export async function listCases(
  deps: Deps,
  options: {
    actor: Actor;
    mine: boolean;
    status?: CaseStatus | undefined;
    personId?: string | undefined;
    page: number;
    pageSize: number;
  },
) {
  const { actor } = options;
  const condition = and(
    caseScope(deps.db, actor),
    options.mine ? eq(cases.assignedWorkerId, actor.userId) : undefined,
    options.status ? eq(cases.status, options.status) : undefined,
    options.personId ? eq(cases.personId, options.personId) : undefined,
  ) as SQL;
  const [rows, [total]] = await Promise.all([
    deps.db
      .select({ row: cases, person: persons, workerName: worker.displayName })
      .from(cases)
      .innerJoin(persons, eq(persons.id, cases.personId))
      .leftJoin(worker, eq(worker.id, cases.assignedWorkerId))
      .where(condition)
      .orderBy(desc(cases.openedOn), asc(cases.id))
      .limit(options.pageSize)
      .offset((options.page - 1) * options.pageSize),
    deps.db.select({ n: count() }).from(cases).where(condition),
  ]);
  const unseal = await deps.vault.unsealerFor(deps.db, 'person', [...new Set(rows.map((r) => r.person.id))]);
  return {
    items: rows.map(({ row, person, workerName }) => ({
      id: row.id,
      person: { id: person.id, code: person.code, maskedName: maskName(unsealName(person, unseal)) },
      status: row.status as CaseStatus,
      assignedWorker:
        row.assignedWorkerId && workerName ? { id: row.assignedWorkerId, displayName: workerName } : null,
      openedOn: row.openedOn,
      closedOn: row.closedOn,
      version: row.version,
    })),
    total: total?.n ?? 0,
  };
}

/**
 * A case with its notes (those the reader may open), assessments, plan and history. Audited as a view of
 * the person's data.
 */
export async function getCase(deps: Deps, options: { actor: Actor; caseId: string }) {
  const { actor } = options;
  const row = await findCase(deps.db, actor, options.caseId);
  if (!row) throw await refuseCaseOutOfScope(deps.db, options.caseId);
  const subject = { type: 'person' as const, id: row.personId };
  const open = (field: string, sealed: string) => deps.vault.decrypt(deps.db, subject, field, sealed);
  const [[person], [assigned], notes, assessmentRows, goalRows, events] = await Promise.all([
    deps.db.select().from(persons).where(eq(persons.id, row.personId)),
    row.assignedWorkerId
      ? deps.db
          .select({ id: users.id, displayName: users.displayName })
          .from(users)
          .where(eq(users.id, row.assignedWorkerId))
      : Promise.resolve([]),
    deps.db
      .select({ note: caseNotes, author: users.username })
      .from(caseNotes)
      .innerJoin(users, eq(users.id, caseNotes.authorId))
      .where(eq(caseNotes.caseId, row.id))
      .orderBy(desc(caseNotes.createdAt)),
    deps.db
      .select({ assessment: assessments, assessor: users.username })
      .from(assessments)
      .innerJoin(users, eq(users.id, assessments.assessorId))
      .where(eq(assessments.caseId, row.id))
      .orderBy(desc(assessments.assessedOn)),
    deps.db.select().from(goals).where(eq(goals.caseId, row.id)).orderBy(asc(goals.targetOn)),
    deps.db
      .select({ event: caseEvents, by: users.username })
      .from(caseEvents)
      .innerJoin(users, eq(users.id, caseEvents.byUserId))
      .where(eq(caseEvents.caseId, row.id))
      .orderBy(asc(caseEvents.at)),
  ]);
  if (!person) throw notFound();
  const reader = {
    userId: actor.userId,
    isCenterManager: actor.roles.includes('center_manager'),
    isCaseWorkerOfCase: row.assignedWorkerId === actor.userId,
  };
  const readable = notes.filter(({ note }) =>
    mayReadNote({ sensitivity: note.sensitivity as NoteSensitivity, authorId: note.authorId }, reader),
  );
  const unseal = await deps.vault.unsealerFor(deps.db, 'person', [person.id]);
  const detail = {
    id: row.id,
    person: { id: person.id, code: person.code, maskedName: maskName(unsealName(person, unseal)) },
    status: row.status as CaseStatus,
    assignedWorker: assigned ?? null,
    openedOn: row.openedOn,
    closedOn: row.closedOn,
    version: row.version,
    allowedTransitions: [...allowedTransitions(row.status as CaseStatus)],
    notes: await Promise.all(
      readable.map(async ({ note, author }) => ({
        id: note.id,
        authorUsername: author,
        sensitivity: note.sensitivity as NoteSensitivity,
        body: (await open(`case_note:${note.id}`, note.bodySealed)) ?? '',
        createdAt: note.createdAt.toISOString(),
      })),
    ),
    withheldNotes: notes.length - readable.length,
    assessments: await Promise.all(
      assessmentRows.map(async ({ assessment, assessor }) => ({
        id: assessment.id,
        assessedOn: assessment.assessedOn,
        assessorUsername: assessor,
        scores: assessment.scores,
        priorities: priorityNeeds(assessment.scores as Partial<Record<NeedDomain, number>>),
        summary: assessment.summarySealed
          ? await open(`assessment:${assessment.id}`, assessment.summarySealed)
          : null,
      })),
    ),
    goals: await Promise.all(
      goalRows.map(async (goal) => ({
        id: goal.id,
        domain: goal.domain as NeedDomain,
        goal: (await open(`goal:${goal.id}`, goal.goalSealed)) ?? '',
        targetOn: goal.targetOn,
        status: goal.status as 'planned' | 'in_progress' | 'achieved' | 'dropped',
        version: goal.version,
      })),
    ),
    history: await Promise.all(
      events.map(async ({ event, by }) => ({
        status: event.status as CaseStatus,
        at: event.at.toISOString(),
        byUsername: by,
        reason: event.reasonSealed ? await open('case_event_reason', event.reasonSealed) : null,
      })),
    ),
  };
  await recordAudit(deps.db, {
    action: 'view',
    entityType: 'case',
    entityId: row.id,
    subjectId: row.personId,
    detail: { notesShown: readable.length, notesWithheld: notes.length - readable.length },
  });
  return detail;
}

/** Not found for a case outside the actor's scope, with the refusal logged against the case's person. */
export async function refuseCaseOutOfScope(db: Db, caseId: string): Promise<AppError> {
  const [row] = await db.select({ personId: cases.personId }).from(cases).where(eq(cases.id, caseId));
  return refuseOutOfScope(db, { personId: row?.personId ?? null, entityType: 'case', entityId: caseId });
}
