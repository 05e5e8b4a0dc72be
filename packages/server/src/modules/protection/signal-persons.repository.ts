import { and, inArray, ne, or } from 'drizzle-orm';
import type { PersonScope } from '../../platform/access/scope';
import type { Queryable } from '../../platform/db/client';
import { personsFor } from '../registry/persons.repository';
import { persons } from '../registry/schema';

/** How a signal names its person: the blind index of a registration number, the pseudonymous code, or the id. */
export interface SignalPersonRefs {
  readonly rrnIndexes: readonly string[];
  readonly codes: readonly string[];
  readonly ids: readonly string[];
}

export interface SignalPerson {
  readonly id: string;
  readonly code: string;
}

export interface ResolvedSignalPersons {
  readonly byRrnIndex: ReadonlyMap<string, SignalPerson>;
  readonly byCode: ReadonlyMap<string, SignalPerson>;
  readonly byId: ReadonlyMap<string, SignalPerson>;
}

// A merge of a merge is possible; more hops than this would be a loop (undo and merge again), not a chain.
const MAX_MERGE_HOPS = 8;

interface Row {
  id: string;
  code: string;
  rrnIndex: string | null;
  mergedIntoId: string | null;
}

/**
 * Finds the live record behind each reference, in one query per merge hop: a record merged into another
 * answers with its survivor; erased records answer nothing. With `scopes`, only persons the actor may see are
 * found (a file imported by a Hana Center or a municipality); without, the whole registry is searched.
 */
async function resolve(
  q: Queryable,
  refs: SignalPersonRefs,
  scopes: readonly PersonScope[] | null,
): Promise<ResolvedSignalPersons> {
  const byRrnIndex = new Map<string, SignalPerson>();
  const byCode = new Map<string, SignalPerson>();
  const byId = new Map<string, SignalPerson>();
  const conditions = [
    refs.rrnIndexes.length > 0 ? inArray(persons.rrnIndex, [...refs.rrnIndexes]) : undefined,
    refs.codes.length > 0 ? inArray(persons.code, [...refs.codes]) : undefined,
    refs.ids.length > 0 ? inArray(persons.id, [...refs.ids]) : undefined,
  ].filter((condition) => condition !== undefined);
  if (conditions.length === 0) return { byRrnIndex, byCode, byId };

  const columns = {
    id: persons.id,
    code: persons.code,
    rrnIndex: persons.rrnIndex,
    mergedIntoId: persons.mergedIntoId,
  };
  const named: Row[] = await q
    .select(columns)
    .from(persons)
    .where(and(ne(persons.status, 'erased'), or(...conditions)));

  // Follow merged records to their survivors.
  const live = new Map<string, Row>(named.filter((row) => !row.mergedIntoId).map((row) => [row.id, row]));
  const survivorOf = new Map<string, string>();
  let pending = named.filter((row) => row.mergedIntoId);
  for (const row of pending) survivorOf.set(row.id, row.mergedIntoId as string);
  for (let hop = 0; hop < MAX_MERGE_HOPS && pending.length > 0; hop++) {
    const next = await q
      .select(columns)
      .from(persons)
      .where(
        and(
          ne(persons.status, 'erased'),
          inArray(persons.id, [...new Set(pending.map((row) => row.mergedIntoId as string))]),
        ),
      );
    for (const row of next) if (!row.mergedIntoId) live.set(row.id, row);
    pending = next.filter((row) => row.mergedIntoId);
    for (const row of pending) {
      // Whoever pointed at this merged record now points at its survivor.
      for (const [from, to] of survivorOf)
        if (to === row.id) survivorOf.set(from, row.mergedIntoId as string);
    }
  }

  let visible: Set<string> | null = null;
  if (scopes) {
    const ids = [...live.keys()];
    const seen =
      ids.length === 0
        ? []
        : await q
            .select({ id: persons.id })
            .from(persons)
            .where(and(inArray(persons.id, ids), inArray(persons.id, personsFor(q, scopes).idsQuery())));
    visible = new Set(seen.map((row) => row.id));
  }
  const personOf = (row: Row): SignalPerson | null => {
    const target = row.mergedIntoId ? live.get(survivorOf.get(row.id) ?? '') : live.get(row.id);
    if (!target || (visible && !visible.has(target.id))) return null;
    return { id: target.id, code: target.code };
  };
  const wanted = { rrn: new Set(refs.rrnIndexes), code: new Set(refs.codes), id: new Set(refs.ids) };
  // A live record wins over a merged one with the same registration number (the survivor may carry it too).
  for (const row of [...named].sort(
    (a, b) => Number(a.mergedIntoId === null) - Number(b.mergedIntoId === null),
  )) {
    const person = personOf(row);
    if (!person) continue;
    if (row.rrnIndex && wanted.rrn.has(row.rrnIndex)) byRrnIndex.set(row.rrnIndex, person);
    if (wanted.code.has(row.code)) byCode.set(row.code, person);
    if (wanted.id.has(row.id)) byId.set(row.id, person);
  }
  return { byRrnIndex, byCode, byId };
}

/** Persons the actor may see: for a file imported by a Hana Center or a municipality. */
export function resolvePersonsInScope(
  q: Queryable,
  scopes: readonly PersonScope[],
  refs: SignalPersonRefs,
): Promise<ResolvedSignalPersons> {
  return resolve(q, refs, scopes);
}

/**
 * The whole registry, regardless of any scope: for agency systems (`signals.submit`), which report on anyone
 * they observe and see nothing in return but the per-item answer. Reviewed bypass of the row scope.
 */
export function unsafeResolvePersonsNationally(
  q: Queryable,
  refs: SignalPersonRefs,
): Promise<ResolvedSignalPersons> {
  return resolve(q, refs, null);
}
