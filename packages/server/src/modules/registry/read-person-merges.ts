import type { MergeCandidateList, PersonMerge } from '@ieum/domain';
import type { z } from 'zod';
import { personScopes } from '../../platform/access/scope';
import { recordAudit } from '../../platform/audit/audit-log';
import type { Actor } from '../../platform/context';
import type { Deps } from '../../platform/deps';
import { notFound } from '../../platform/errors';
import { checkDuplicates, publicCandidate } from './check-duplicates';
import { mergesInto } from './person-merges.repository';
import { personsFor } from './persons.repository';

/**
 * The records that may be the same person as an existing one, for merging: the intake's duplicate check run
 * with the record's own identity. Only records the actor may see carry their id (and can be merged).
 */
export async function findMergeCandidates(
  deps: Deps,
  options: { actor: Actor; personId: string },
): Promise<z.infer<typeof MergeCandidateList>> {
  const found = await personsFor(deps.db, personScopes(options.actor)).findById(options.personId);
  if (!found) throw notFound();
  const { person } = found;
  const unseal = await deps.vault.unsealerFor(deps.db, 'person', [person.id]);
  const open = (field: string, sealed: string | null) => (sealed ? unseal(person.id, field, sealed) : null);
  const name = open('name', person.nameSealed);
  if (!name) return { candidates: [] };
  const candidates = await checkDuplicates(deps, deps.db, {
    actor: options.actor,
    identity: {
      name,
      otherNames: JSON.parse(open('other_names', person.otherNamesSealed) ?? '[]'),
      rrn: open('rrn', person.rrnSealed) ?? undefined,
      birthDate: open('birth_date', person.birthDateSealed) ?? undefined,
      sex: (person.sex as 'male' | 'female' | null) ?? undefined,
    },
    excludePersonId: person.id,
  });
  return {
    candidates: candidates.map((candidate) => ({
      ...publicCandidate(candidate),
      personId: candidate.inScope ? candidate.personId : null,
    })),
  };
}

/** The merges into a person, with their reasons: audited as a view of that person. */
export async function listPersonMerges(
  deps: Deps,
  options: { actor: Actor; personId: string },
): Promise<PersonMerge[]> {
  const found = await personsFor(deps.db, personScopes(options.actor)).findById(options.personId);
  if (!found) throw notFound();
  const merges = await mergesInto(deps, found.person.id);
  await recordAudit(deps.db, {
    action: 'view',
    entityType: 'person_merges',
    entityId: found.person.id,
    subjectId: found.person.id,
    detail: { merges: merges.length },
  });
  return merges;
}
