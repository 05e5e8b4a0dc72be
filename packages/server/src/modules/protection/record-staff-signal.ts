import { type StaffSignalInput, seoulDate } from '@ieum/domain';
import { personScopes } from '../../platform/access/scope';
import { appendAudit } from '../../platform/audit/audit-log';
import type { Actor } from '../../platform/context';
import { newId } from '../../platform/db/ids';
import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { personsFor } from '../registry/persons.repository';
import { refuseOutOfScope } from '../registry/refuse-out-of-scope';
import { rescorePersons } from './rescore-person';
import { protectionSignals } from './schema';
import { signalNoteField } from './sealed-fields';
import { signalRuleErrors } from './signal-rules';

/**
 * A signal a case worker or officer records by hand (a neighbour's call, a returned letter, a visit) for a
 * person in their scope. The note is sealed with the person's key. The person is re-scored right away, so an
 * alert opens (or rises) while the worker is still on the page.
 */
export async function recordStaffSignal(
  deps: Deps,
  options: { actor: Actor; input: StaffSignalInput },
): Promise<{ id: string }> {
  const { actor, input } = options;
  const found = await personsFor(deps.db, personScopes(actor)).findById(input.personId);
  if (!found)
    throw await refuseOutOfScope(deps.db, {
      personId: input.personId,
      entityType: 'protection_signal',
      entityId: input.personId,
    });
  const errors = signalRuleErrors(input, seoulDate(deps.now()));
  if (errors.length > 0) throw new AppError('request.invalid', { fieldErrors: errors });

  const id = newId();
  const personId = found.person.id;
  await deps.db.transaction(async (tx) => {
    const noteSealed = input.note
      ? await deps.vault.encrypt(tx, { type: 'person', id: personId }, signalNoteField(id), input.note)
      : null;
    await tx.insert(protectionSignals).values({
      id,
      personId,
      type: input.type,
      observedOn: input.observedOn,
      value: input.value ?? null,
      via: 'staff',
      sourceOrganizationId: actor.organizationId,
      noteSealed,
      recordedBy: actor.userId,
      receivedAt: deps.now(),
    });
    await appendAudit(tx, {
      action: 'create',
      entityType: 'protection_signal',
      entityId: id,
      subjectId: personId,
      detail: { via: 'staff', type: input.type, observedOn: input.observedOn, note: noteSealed !== null },
    });
  });
  await rescorePersons(deps, { actor, personIds: [personId] });
  return { id };
}
