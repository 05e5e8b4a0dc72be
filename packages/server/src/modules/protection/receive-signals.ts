import type { SignalSubmissionResult } from '@ieum/domain';
import { personScopes } from '../../platform/access/scope';
import type { Actor } from '../../platform/context';
import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { checkSignalItems } from './check-signal-items';
import { rescorePersons } from './rescore-person';
import { storeSignals } from './store-signals';

/**
 * A batch of signals from an agency system (`api`: the person is looked for in the whole registry) or from
 * a staff member's upload (`import`: only persons in the uploader's scope). Each item is checked on its own
 * and answered accepted, duplicate or rejected; the accepted ones are stored together, in one transaction,
 * and their persons re-scored once it has committed.
 */
export async function receiveSignals(
  deps: Deps,
  options: { actor: Actor; items: readonly unknown[]; via: 'api' | 'import' },
): Promise<SignalSubmissionResult> {
  const { actor } = options;
  if (options.via === 'api' && !actor.permissions.has('signals.submit')) throw new AppError('access.denied');
  const checks = await checkSignalItems(deps, {
    items: options.items,
    search: options.via === 'api' ? { kind: 'national' } : { kind: 'scoped', scopes: personScopes(actor) },
  });
  const stored = await deps.db.transaction((tx) =>
    storeSignals(deps, tx, { actor, checks, via: options.via }),
  );
  await rescorePersons(deps, { actor, personIds: stored.personIds });
  return {
    accepted: stored.accepted,
    duplicates: stored.duplicates,
    rejected: stored.rejected,
    results: stored.results,
  };
}
