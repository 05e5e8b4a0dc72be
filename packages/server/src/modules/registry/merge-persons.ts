import type { PersonMerge, PersonMergeRequest } from '@ieum/domain';
import { and, eq } from 'drizzle-orm';
import { personScopes } from '../../platform/access/scope';
import { appendAudit } from '../../platform/audit/audit-log';
import type { Actor } from '../../platform/context';
import { newId } from '../../platform/db/ids';
import type { Deps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { bothHaveOpenAlerts } from '../protection/protection-moves';
import { survivorFill } from './merge-fields';
import { conflictingOpenCases, copySearchTokens, movePersonRows } from './person-data-moves';
import { readPersonMerge } from './person-merges.repository';
import { personsFor } from './persons.repository';
import { personMerges, persons } from './schema';

const refuse = (ko: string, en: string) => new AppError('rule.violation', { detail: { ko, en } });

/**
 * Folds a duplicate record into the surviving one: the duplicate's cases, tasks, consents, referrals and
 * appointments move to the survivor, its names and the survivor's empty fields carry over, and the duplicate
 * is marked merged (gone from search and lists; reading it answers where it went). Everything needed to undo
 * is recorded in `person_merges`, and both data subjects get an audit entry, in the same transaction.
 */
export async function mergePersons(
  deps: Deps,
  options: { actor: Actor; survivorId: string } & PersonMergeRequest,
): Promise<PersonMerge> {
  const { actor } = options;
  if (options.survivorId === options.mergedId)
    throw refuse('같은 기록끼리는 병합할 수 없습니다.', 'A record cannot be merged into itself.');
  const id = newId();
  await deps.db.transaction(async (tx) => {
    const scoped = personsFor(tx, personScopes(actor));
    const survivor = (await scoped.findById(options.survivorId))?.person;
    if (!survivor) throw notFound();
    const merged = (await scoped.findById(options.mergedId))?.person;
    if (!merged) {
      if (await scoped.findMergedById(options.mergedId))
        throw refuse(
          '이미 다른 기록에 병합된 기록입니다.',
          'That record has already been merged into another one.',
        );
      throw notFound();
    }
    if (survivor.version !== options.survivorVersion || merged.version !== options.mergedVersion)
      throw new AppError('conflict.stale');
    const conflicts = await conflictingOpenCases(tx, survivor.id, merged.id);
    if (conflicts > 0)
      throw refuse(
        '두 기록 모두 같은 하나센터에서 진행 중인 사례가 있습니다. 한쪽 사례를 종결한 뒤 병합해 주십시오.',
        'Both records have an open case at the same Hana Center. Close one of the cases, then merge.',
      );
    if (await bothHaveOpenAlerts(tx, survivor.id, merged.id))
      throw refuse(
        '두 기록 모두 처리 중인 위기 알림이 있습니다. 한쪽 알림을 종결한 뒤 병합해 주십시오.',
        'Both records have an open crisis alert. Close one of the alerts, then merge.',
      );

    const now = deps.now();
    const fill = await survivorFill(deps.vault, tx, survivor, merged);
    // The duplicate leaves the live registry first: its registration number may pass to the survivor.
    const hidden = await tx
      .update(persons)
      .set({ mergedIntoId: survivor.id, mergedAt: now, version: merged.version + 1, updatedAt: now })
      .where(and(eq(persons.id, merged.id), eq(persons.version, merged.version)))
      .returning({ id: persons.id });
    const kept = await tx
      .update(persons)
      .set({ ...fill.set, version: survivor.version + 1, updatedAt: now })
      .where(and(eq(persons.id, survivor.id), eq(persons.version, survivor.version)))
      .returning({ version: persons.version });
    if (hidden.length === 0 || !kept[0]) throw new AppError('conflict.stale');

    const moved = await movePersonRows(deps.vault, tx, { from: merged.id, to: survivor.id });
    const tokens = await copySearchTokens(tx, merged.id, survivor.id);
    const subject = { type: 'person' as const, id: survivor.id };
    await tx.insert(personMerges).values({
      id,
      survivorId: survivor.id,
      mergedId: merged.id,
      mergedBy: actor.userId,
      mergedAt: now,
      reasonSealed: await deps.vault.encrypt(tx, subject, `person_merge_reason:${id}`, options.reason),
      moved: { ...moved, searchTokens: tokens },
      filledFields: fill.filled,
      survivorBeforeSealed: await deps.vault.encrypt(
        tx,
        subject,
        `person_merge_before:${id}`,
        JSON.stringify(fill.before),
      ),
      survivorVersion: kept[0].version,
    });
    const counts = Object.fromEntries(
      Object.entries({ ...moved, searchTokens: tokens }).map(([kind, ids]) => [kind, ids.length]),
    );
    for (const [person, role] of [
      [survivor, 'survivor'],
      [merged, 'merged'],
    ] as const) {
      await appendAudit(tx, {
        action: 'person.merge',
        entityType: 'person',
        entityId: person.id,
        subjectId: person.id,
        reason: options.reason,
        detail: {
          mergeId: id,
          role,
          survivor: survivor.code,
          merged: merged.code,
          moved: counts,
          filled: fill.filled,
        },
      });
    }
  });
  return readPersonMerge(deps, id);
}
