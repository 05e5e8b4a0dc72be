import type { SignalItemResult } from '@ieum/domain';
import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { appendAudit } from '../../platform/audit/audit-log';
import type { Actor } from '../../platform/context';
import type { Tx } from '../../platform/db/client';
import { newId } from '../../platform/db/ids';
import type { Deps } from '../../platform/deps';
import type { CheckedSignal, SignalCheck } from './check-signal-items';
import { protectionSignals } from './schema';

export interface StoredSignals {
  /** One answer per check, in order. */
  readonly results: SignalItemResult[];
  readonly accepted: number;
  readonly duplicates: number;
  readonly rejected: number;
  /** The persons who received a signal: to be re-scored once the transaction has committed. */
  readonly personIds: string[];
}

const INSERT_CHUNK = 500;

/**
 * Writes the checked signals of one batch inside the caller's transaction. A signal whose reference its
 * organization already sent (before, or earlier in the same batch) is answered as a duplicate and not stored
 * again; the unique index settles a race between two batches the same way. The access log gets one entry per
 * person who received signals (no registration number anywhere: only ids, types and counts) and one for the
 * batch with its counts, so a sender trying numbers shows up as a batch of rejections.
 */
export async function storeSignals(
  deps: Deps,
  tx: Tx,
  options: { actor: Actor; checks: readonly SignalCheck[]; via: 'api' | 'import'; importId?: string },
): Promise<StoredSignals> {
  const { actor } = options;
  const results: SignalItemResult[] = [];
  const checked = options.checks.filter((check): check is CheckedSignal => check.ok);
  const references = [...new Set(checked.flatMap((check) => (check.reference ? [check.reference] : [])))];
  const known = new Map<string, string>();
  if (references.length > 0) {
    const rows = await tx
      .select({ id: protectionSignals.id, reference: protectionSignals.reference })
      .from(protectionSignals)
      .where(
        and(
          eq(protectionSignals.sourceOrganizationId, actor.organizationId),
          isNotNull(protectionSignals.reference),
          inArray(protectionSignals.reference, references),
        ),
      );
    for (const row of rows) if (row.reference) known.set(row.reference, row.id);
  }

  const receivedAt = deps.now();
  const fresh: (typeof protectionSignals.$inferInsert & { index: number })[] = [];
  const answers = new Map<number, SignalItemResult>();
  for (const check of options.checks) {
    if (!check.ok) {
      answers.set(check.index, { index: check.index, status: 'rejected', errors: check.errors });
      continue;
    }
    const earlier = check.reference ? known.get(check.reference) : undefined;
    if (earlier) {
      answers.set(check.index, { index: check.index, status: 'duplicate', signalId: earlier });
      continue;
    }
    const id = newId();
    if (check.reference) known.set(check.reference, id);
    fresh.push({
      index: check.index,
      id,
      personId: check.person.id,
      type: check.type,
      observedOn: check.observedOn,
      value: check.value,
      via: options.via,
      sourceOrganizationId: actor.organizationId,
      reference: check.reference,
      recordedBy: actor.userId,
      importId: options.importId ?? null,
      receivedAt,
    });
  }

  const stored = new Set<string>();
  for (let start = 0; start < fresh.length; start += INSERT_CHUNK) {
    const rows = fresh.slice(start, start + INSERT_CHUNK).map(({ index: _index, ...row }) => row);
    const inserted = await tx
      .insert(protectionSignals)
      .values(rows)
      .onConflictDoNothing({
        target: [protectionSignals.sourceOrganizationId, protectionSignals.reference],
        where: sql`${protectionSignals.reference} is not null`,
      })
      .returning({ id: protectionSignals.id });
    for (const row of inserted) stored.add(row.id);
  }
  const byPerson = new Map<string, { ids: string[]; types: Set<string> }>();
  for (const signal of fresh) {
    if (!stored.has(signal.id)) {
      // Another batch with the same reference committed in between.
      answers.set(signal.index, { index: signal.index, status: 'duplicate' });
      continue;
    }
    answers.set(signal.index, { index: signal.index, status: 'accepted', signalId: signal.id });
    const entry = byPerson.get(signal.personId) ?? { ids: [], types: new Set<string>() };
    entry.ids.push(signal.id);
    entry.types.add(signal.type);
    byPerson.set(signal.personId, entry);
  }

  for (const [personId, entry] of byPerson) {
    await appendAudit(tx, {
      action: 'create',
      entityType: 'protection_signal',
      ...(entry.ids.length === 1 ? { entityId: entry.ids[0] } : {}),
      subjectId: personId,
      detail: {
        via: options.via,
        signals: entry.ids,
        types: [...entry.types].sort(),
        ...(options.importId ? { importId: options.importId } : {}),
      },
    });
  }
  for (const check of options.checks) results.push(answers.get(check.index) as SignalItemResult);
  const count = (status: SignalItemResult['status']) => results.filter((r) => r.status === status).length;
  const summary = {
    accepted: count('accepted'),
    duplicates: count('duplicate'),
    rejected: count('rejected'),
  };
  await appendAudit(tx, {
    action: 'create',
    entityType: 'signal_batch',
    ...(options.importId ? { entityId: options.importId } : {}),
    detail: { via: options.via, ...summary },
  });
  return { results, ...summary, personIds: [...byPerson.keys()] };
}
