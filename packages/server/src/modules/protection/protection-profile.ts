import type {
  ProtectionProfileInput,
  ProtectionProfileView,
  SupportBenefit,
  VulnerabilityCategory,
} from '@ieum/domain';
import { personScopes } from '../../platform/access/scope';
import { appendAudit } from '../../platform/audit/audit-log';
import type { Actor } from '../../platform/context';
import type { Queryable } from '../../platform/db/client';
import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { personsFor } from '../registry/persons.repository';
import { refuseOutOfScope } from '../registry/refuse-out-of-scope';
import { findProfile, insertProfile, updateProfile } from './person-protection.repository';
import { rescorePersons } from './rescore-person';

/** A person's protection profile as the page shows it: empty, at version 0, when nothing was recorded yet. */
export async function readProtectionProfile(q: Queryable, personId: string): Promise<ProtectionProfileView> {
  const found = await findProfile(q, personId);
  if (!found) {
    return {
      personId,
      categories: [],
      childrenInHousehold: 0,
      benefits: [],
      insuredRegularWorker: false,
      updatedAt: null,
      updatedBy: null,
      version: 0,
    };
  }
  const { profile, editorName } = found;
  return {
    personId,
    categories: profile.categories as VulnerabilityCategory[],
    childrenInHousehold: profile.childrenInHousehold,
    benefits: profile.benefits as SupportBenefit[],
    insuredRegularWorker: profile.insuredRegularWorker,
    updatedAt: profile.updatedAt.toISOString(),
    updatedBy: profile.updatedBy && editorName ? { id: profile.updatedBy, displayName: editorName } : null,
    version: profile.version,
  };
}

/**
 * Records or changes what is known of a person's vulnerability (categories, children, benefits, insured
 * work) at the version the user saw — none (or 0) for a first record. Audited with the person as subject.
 * Once committed, the person is scored again, so a changed profile shows in their score and alerts at once.
 */
export async function saveProtectionProfile(
  deps: Deps,
  options: { actor: Actor; personId: string; input: ProtectionProfileInput },
): Promise<ProtectionProfileView> {
  const { actor, input } = options;
  const found = await personsFor(deps.db, personScopes(actor)).findById(options.personId);
  if (!found)
    throw await refuseOutOfScope(deps.db, {
      personId: options.personId,
      entityType: 'protection_profile',
      entityId: options.personId,
    });
  const personId = found.person.id;
  const values = {
    categories: input.categories,
    childrenInHousehold: input.childrenInHousehold,
    benefits: input.benefits,
    insuredRegularWorker: input.insuredRegularWorker,
    updatedBy: actor.userId,
    updatedAt: deps.now(),
  };
  const saved = await deps.db.transaction(async (tx) => {
    const first = !input.version;
    const before = first ? null : await readProtectionProfile(tx, personId);
    const done = first
      ? await insertProfile(tx, { personId, ...values })
      : await updateProfile(tx, personId, input.version as number, values);
    if (!done) throw new AppError('conflict.stale');
    await appendAudit(tx, {
      action: first ? 'create' : 'update',
      entityType: 'protection_profile',
      entityId: personId,
      subjectId: personId,
      // Which fields changed, not their values: categories such as mental health are sensitive.
      detail: { fields: changedFields(before, input) },
    });
    return readProtectionProfile(tx, personId);
  });
  await rescorePersons(deps, { actor, personIds: [personId] });
  return saved;
}

const PROFILE_FIELDS = ['categories', 'childrenInHousehold', 'benefits', 'insuredRegularWorker'] as const;

function changedFields(before: ProtectionProfileView | null, input: ProtectionProfileInput): string[] {
  const same = (a: unknown, b: unknown) =>
    Array.isArray(a) && Array.isArray(b) ? [...a].sort().join() === [...b].sort().join() : a === b;
  return PROFILE_FIELDS.filter((field) => before === null || !same(before[field], input[field]));
}
