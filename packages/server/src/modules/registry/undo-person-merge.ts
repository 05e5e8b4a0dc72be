import type { PersonMerge } from '@ieum/domain';
import { and, eq, isNull } from 'drizzle-orm';
import { personScopes } from '../../platform/access/scope';
import { appendAudit } from '../../platform/audit/audit-log';
import type { Actor } from '../../platform/context';
import type { Deps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import type { SurvivorColumns } from './merge-fields';
import { type MovedRows, movePersonRows, removeSearchTokens, stillWith } from './person-data-moves';
import { readPersonMerge, undoDeadline } from './person-merges.repository';
import { personsFor } from './persons.repository';
import { personMerges, persons } from './schema';

const changedSince = () =>
  new AppError('conflict.stale', {
    detail: {
      ko: '병합한 뒤 기록이 바뀌어 자동으로 되돌릴 수 없습니다. 바뀐 내용을 확인한 뒤 필요한 부분을 직접 고쳐 주십시오.',
      en: 'The records changed after the merge, so it cannot be undone automatically. Review the changes and correct what is needed by hand.',
    },
  });

/**
 * Puts both records back as they were before a merge: the moved rows return to the merged record (with their
 * sealed text sealed again under its key), the survivor's filled fields and gained search tokens are removed,
 * and the merged record is live again. Refused after the undo period, or once either record has changed.
 */
export async function undoPersonMerge(
  deps: Deps,
  options: { actor: Actor; mergeId: string; reason: string },
): Promise<PersonMerge> {
  const { actor } = options;
  await deps.db.transaction(async (tx) => {
    const [merge] = await tx.select().from(personMerges).where(eq(personMerges.id, options.mergeId));
    if (!merge) throw notFound();
    const scoped = personsFor(tx, personScopes(actor));
    const survivor = (await scoped.findById(merge.survivorId))?.person;
    if (!survivor) throw notFound();
    if (merge.undoneAt !== null)
      throw new AppError('rule.violation', {
        detail: { ko: '이미 되돌린 병합입니다.', en: 'This merge has already been undone.' },
      });
    const merged = await scoped.findMergedById(merge.mergedId);
    if (!merged) throw notFound();
    const now = deps.now();
    if (now > undoDeadline(merge.mergedAt))
      throw new AppError('rule.violation', {
        detail: {
          ko: '병합한 지 30일이 지나 되돌릴 수 없습니다.',
          en: 'More than 30 days have passed since the merge; it can no longer be undone.',
        },
      });
    const { searchTokens = [], ...rows } = merge.moved as MovedRows & { searchTokens?: string[] };
    if (
      merged.mergedIntoId !== survivor.id ||
      survivor.version !== merge.survivorVersion ||
      !(await stillWith(tx, survivor.id, rows))
    )
      throw changedSince();

    const before = JSON.parse(
      (await deps.vault.decrypt(
        tx,
        { type: 'person', id: survivor.id },
        `person_merge_before:${merge.id}`,
        merge.survivorBeforeSealed,
      )) ?? '{}',
    ) as SurvivorColumns;
    // The survivor gives back the registration number first, so the merged record can hold it again.
    await tx
      .update(persons)
      .set({ ...before, version: survivor.version + 1, updatedAt: now })
      .where(and(eq(persons.id, survivor.id), eq(persons.version, survivor.version)));
    await movePersonRows(deps.vault, tx, { from: survivor.id, to: merged.id, only: rows });
    await removeSearchTokens(tx, survivor.id, searchTokens);
    await tx
      .update(persons)
      .set({ mergedIntoId: null, mergedAt: null, version: merged.version + 1, updatedAt: now })
      .where(eq(persons.id, merged.id));
    const undone = await tx
      .update(personMerges)
      .set({
        undoneAt: now,
        undoneBy: actor.userId,
        undoReasonSealed: await deps.vault.encrypt(
          tx,
          { type: 'person', id: survivor.id },
          `person_merge_undo_reason:${merge.id}`,
          options.reason,
        ),
      })
      .where(and(eq(personMerges.id, merge.id), isNull(personMerges.undoneAt)))
      .returning({ id: personMerges.id });
    if (undone.length === 0) throw new AppError('conflict.stale');
    for (const [person, role] of [
      [survivor, 'survivor'],
      [merged, 'merged'],
    ] as const) {
      await appendAudit(tx, {
        action: 'person.merge_undo',
        entityType: 'person',
        entityId: person.id,
        subjectId: person.id,
        reason: options.reason,
        detail: { mergeId: merge.id, role, survivor: survivor.code, merged: merged.code },
      });
    }
  });
  return readPersonMerge(deps, options.mergeId);
}
