import type { Actor } from '../../platform/context';
import type { Deps } from '../../platform/deps';
import { screenPopulation } from './screen-population';

/**
 * Scores persons again after a committed change of what is known of them (signals received, a profile, a
 * survey finding). A failed re-scoring does not undo or hide the change: the sender must not send signals
 * again, the user's edit stands. The run is recorded with its error in `screening_runs`, and the nightly
 * screening scores the persons anyway.
 */
export async function rescorePersons(
  deps: Deps,
  options: { actor: Actor; personIds: readonly string[] },
): Promise<void> {
  if (options.personIds.length === 0) return;
  try {
    await screenPopulation(deps, { trigger: 'signals', personIds: options.personIds, actor: options.actor });
  } catch {
    // Recorded by screenPopulation itself (screening_runs.error); see above.
  }
}
