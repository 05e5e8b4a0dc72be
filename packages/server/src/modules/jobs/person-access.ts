import { maskName } from '@ieum/domain';
import { inArray } from 'drizzle-orm';
import { personScopes } from '../../platform/access/scope';
import type { Actor } from '../../platform/context';
import type { Queryable } from '../../platform/db/client';
import type { Deps } from '../../platform/deps';
import { unsealName } from '../registry/person-view';
import { personsFor } from '../registry/persons.repository';
import { refuseOutOfScope } from '../registry/refuse-out-of-scope';
import { persons } from '../registry/schema';

export type PersonRow = typeof persons.$inferSelect;

/**
 * The person a jobs request is about, within the actor's scope; outside it, "not found" exactly as for an id
 * that names nobody (and the refusal is logged with the person as subject).
 */
export async function personInScope(
  deps: Deps,
  actor: Actor,
  personId: string,
  entityType: string,
): Promise<PersonRow> {
  const found = await personsFor(deps.db, personScopes(actor)).findById(personId);
  if (!found) throw await refuseOutOfScope(deps.db, { personId, entityType, entityId: personId });
  return found.person;
}

export interface PersonRef {
  readonly id: string;
  readonly code: string;
  readonly maskedName: string | null;
}

/** Pseudonymous ID and masked name of persons (for lists), opening only their names. */
export async function personRefs(
  deps: Deps,
  q: Queryable,
  ids: readonly string[],
): Promise<Map<string, PersonRef>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await q.select().from(persons).where(inArray(persons.id, unique));
  const unseal = await deps.vault.unsealerFor(q, 'person', unique);
  return new Map(
    rows.map((row) => [
      row.id,
      { id: row.id, code: row.code, maskedName: maskName(unsealName(row, unseal)) },
    ]),
  );
}
