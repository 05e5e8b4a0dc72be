import { MERGE_UNDO_DAYS, type MergeFilledField, type PersonMerge } from '@ieum/domain';
import { desc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Queryable } from '../../platform/db/client';
import { users } from '../../platform/db/schema';
import type { Deps } from '../../platform/deps';
import { notFound } from '../../platform/errors';
import { personMerges, persons } from './schema';

const survivors = alias(persons, 'survivor');
const mergedRecords = alias(persons, 'merged');
const undoers = alias(users, 'undoer');

function selectMerges(q: Queryable) {
  return q
    .select({
      merge: personMerges,
      survivorCode: survivors.code,
      mergedCode: mergedRecords.code,
      mergedBy: users.displayName,
      undoneBy: undoers.displayName,
    })
    .from(personMerges)
    .innerJoin(survivors, eq(survivors.id, personMerges.survivorId))
    .innerJoin(mergedRecords, eq(mergedRecords.id, personMerges.mergedId))
    .innerJoin(users, eq(users.id, personMerges.mergedBy))
    .leftJoin(undoers, eq(undoers.id, personMerges.undoneBy));
}

type MergeRow = Awaited<ReturnType<ReturnType<typeof selectMerges>['where']>>[number];

export function undoDeadline(mergedAt: Date): Date {
  return new Date(mergedAt.getTime() + MERGE_UNDO_DAYS * 24 * 60 * 60 * 1000);
}

async function toView(deps: Deps, q: Queryable, row: MergeRow): Promise<PersonMerge> {
  const { merge } = row;
  const subject = { type: 'person' as const, id: merge.survivorId };
  const open = (field: string, sealed: string | null) =>
    sealed ? deps.vault.decrypt(q, subject, field, sealed) : Promise.resolve(null);
  return {
    id: merge.id,
    survivor: { id: merge.survivorId, code: row.survivorCode },
    merged: { id: merge.mergedId, code: row.mergedCode },
    mergedBy: row.mergedBy,
    mergedAt: merge.mergedAt.toISOString(),
    reason: (await open(`person_merge_reason:${merge.id}`, merge.reasonSealed)) ?? '',
    moved: Object.fromEntries(
      Object.entries(merge.moved).map(([kind, ids]) => [kind, ids.length]),
    ) as PersonMerge['moved'],
    filledFields: merge.filledFields as MergeFilledField[],
    undoUntil: undoDeadline(merge.mergedAt).toISOString(),
    undoneAt: merge.undoneAt?.toISOString() ?? null,
    undoneBy: row.undoneBy,
    undoReason: await open(`person_merge_undo_reason:${merge.id}`, merge.undoReasonSealed),
  };
}

export async function readPersonMerge(deps: Deps, id: string): Promise<PersonMerge> {
  const [row] = await selectMerges(deps.db).where(eq(personMerges.id, id));
  if (!row) throw notFound();
  return toView(deps, deps.db, row);
}

/** The merges into one survivor, newest first. The caller has checked that the survivor is in scope. */
export async function mergesInto(deps: Deps, survivorId: string): Promise<PersonMerge[]> {
  const rows = await selectMerges(deps.db)
    .where(eq(personMerges.survivorId, survivorId))
    .orderBy(desc(personMerges.mergedAt));
  return Promise.all(rows.map((row) => toView(deps, deps.db, row)));
}
