import type { PersonDetail, PersonSummary } from '@ieum/domain';
import { and, eq } from 'drizzle-orm';
import { personScopes } from '../../platform/access/scope';
import { appendAudit, recordAudit } from '../../platform/audit/audit-log';
import type { Actor } from '../../platform/context';
import { organizations } from '../../platform/db/schema';
import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { toDetail, toSummary } from './person-view';
import { personsFor } from './persons.repository';
import { refuseOutOfScope } from './refuse-out-of-scope';
import { sessionUnmasks } from './schema';
import { parseQuery } from './search-tokens';

const personTarget = (personId: string) => ({ personId, entityType: 'person', entityId: personId });

/**
 * Search within the actor's scope by name (partial, or initial consonants), person ID, phone's last four
 * digits or birth date. Results carry masked names only. The search is audited without the query text.
 */
export async function searchPersons(
  deps: Deps,
  options: { actor: Actor; q: string | undefined; page: number; pageSize: number },
): Promise<{ items: PersonSummary[]; total: number }> {
  const parsed = parseQuery(deps.vault, options.q);
  const persons = personsFor(deps.db, personScopes(options.actor));
  const filter =
    parsed.kind === 'code'
      ? { code: parsed.code }
      : parsed.kind === 'tokens'
        ? { tokens: parsed.tokens }
        : {};
  const { rows, total } = await persons.search(filter, { page: options.page, pageSize: options.pageSize });
  const unseal = await deps.vault.unsealerFor(
    deps.db,
    'person',
    rows.map((row) => row.person.id),
  );
  await recordAudit(deps.db, {
    action: 'view',
    entityType: 'person_search',
    detail: { kind: parsed.kind === 'tokens' ? parsed.what : parsed.kind, results: rows.length, total },
  });
  return { items: rows.map((row) => toSummary(row.person, row.centerName, unseal)), total };
}

/** A merged record answers where its data went, when the actor may see both records. */
async function mergedAway(scoped: ReturnType<typeof personsFor>, personId: string): Promise<AppError | null> {
  const merged = await scoped.findMergedById(personId);
  const survivor = merged?.mergedIntoId ? await scoped.findById(merged.mergedIntoId) : null;
  if (!survivor) return null;
  return new AppError('person.merged', {
    extensions: { mergedInto: { id: survivor.person.id, code: survivor.person.code } },
  });
}

/** One person's record: masked unless unmasked in this session. Every look is audited with the data subject. */
export async function getPerson(
  deps: Deps,
  options: { actor: Actor; personId: string },
): Promise<PersonDetail> {
  const scoped = personsFor(deps.db, personScopes(options.actor));
  const found = await scoped.findById(options.personId);
  if (!found) {
    const gone = await mergedAway(scoped, options.personId);
    throw gone ?? (await refuseOutOfScope(deps.db, personTarget(options.personId)));
  }
  const { person, centerName } = found;
  const [unmask] = await deps.db
    .select({ reason: sessionUnmasks.reason })
    .from(sessionUnmasks)
    .where(
      and(eq(sessionUnmasks.sessionId, options.actor.sessionId), eq(sessionUnmasks.personId, person.id)),
    );
  const [municipality] = person.municipalityId
    ? await deps.db
        .select({ name: organizations.name })
        .from(organizations)
        .where(eq(organizations.id, person.municipalityId))
    : [];
  const unseal = await deps.vault.unsealerFor(deps.db, 'person', [person.id]);
  await recordAudit(deps.db, {
    action: 'view',
    entityType: 'person',
    entityId: person.id,
    subjectId: person.id,
    detail: { unmasked: Boolean(unmask) },
  });
  return toDetail(
    person,
    { center: centerName, municipality: municipality?.name ?? null },
    unseal,
    Boolean(unmask),
  );
}

/**
 * Shows the full identity for the rest of this session, for a stated reason. Audited as `unmask` with the
 * reason and the data subject.
 */
export async function unmaskPerson(
  deps: Deps,
  options: { actor: Actor; personId: string; reason: string },
): Promise<void> {
  const found = await personsFor(deps.db, personScopes(options.actor)).findById(options.personId);
  if (!found) throw await refuseOutOfScope(deps.db, personTarget(options.personId));
  await deps.db.transaction(async (tx) => {
    await tx
      .insert(sessionUnmasks)
      .values({
        sessionId: options.actor.sessionId,
        personId: found.person.id,
        reason: options.reason,
        createdAt: deps.now(),
      })
      .onConflictDoUpdate({
        target: [sessionUnmasks.sessionId, sessionUnmasks.personId],
        set: { reason: options.reason, createdAt: deps.now() },
      });
    await appendAudit(tx, {
      action: 'unmask',
      entityType: 'person',
      entityId: found.person.id,
      subjectId: found.person.id,
      reason: options.reason,
    });
  });
}
