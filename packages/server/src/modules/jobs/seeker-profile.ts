import type { SeekerProfileInput, SeekerProfileView } from '@ieum/domain';
import { appendAudit } from '../../platform/audit/audit-log';
import type { Actor } from '../../platform/context';
import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { personInScope } from './person-access';
import { findSeekerProfile, insertSeekerProfile, updateSeekerProfile } from './seekers.repository';

/**
 * Records or changes a person's job-seeker profile at the version the user saw (none or 0 for a first record).
 * Audited with the person as subject, naming the fields that changed and never their values: constraints such
 * as health or disability are sensitive.
 */
export async function saveSeekerProfile(
  deps: Deps,
  options: { actor: Actor; personId: string; input: SeekerProfileInput },
): Promise<SeekerProfileView> {
  const { actor, input } = options;
  const person = await personInScope(deps, actor, options.personId, 'seeker_profile');
  const { version, ...fields } = input;
  const values = {
    ...fields,
    childbirths: [...new Set(fields.childbirths)].sort(),
    updatedBy: actor.userId,
    updatedAt: deps.now(),
  };
  return deps.db.transaction(async (tx) => {
    const before = await findSeekerProfile(tx, person.id);
    const first = !version;
    if (first && before) throw new AppError('conflict.stale');
    const done = first
      ? await insertSeekerProfile(tx, person.id, values)
      : await updateSeekerProfile(tx, person.id, version, values);
    if (!done) throw new AppError('conflict.stale');
    await appendAudit(tx, {
      action: first ? 'create' : 'update',
      entityType: 'seeker_profile',
      entityId: person.id,
      subjectId: person.id,
      detail: { fields: changedFields(before, input) },
    });
    const saved = await findSeekerProfile(tx, person.id);
    if (!saved) throw new Error('seeker profile vanished inside its own transaction');
    return saved;
  });
}

const FIELDS = [
  'status',
  'occupations',
  'skills',
  'certificates',
  'experience',
  'region',
  'willingToMoveTo',
  'maxCommuteMinutes',
  'hours',
  'expectedMonthlyWage',
  'koreanLevel',
  'computerLevel',
  'constraints',
  'childbirths',
] as const;

function changedFields(before: SeekerProfileView | null, input: SeekerProfileInput): string[] {
  return FIELDS.filter(
    (field) => before === null || JSON.stringify(before[field]) !== JSON.stringify(input[field]),
  );
}
