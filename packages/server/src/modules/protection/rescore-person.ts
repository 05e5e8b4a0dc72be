import type { Actor } from '../../platform/context';
import type { Deps } from '../../platform/deps';
import { screenPopulation } from './screen-population';

/**
 * Scores one person again after a committed change of what is known of them (their profile, a survey
 * finding). A failed re-scoring does not undo or hide the change the user made: the run is recorded with
 * its error in screening_runs, and the nightly screening scores the person anyway.
 */
export async function rescorePerson(deps: Deps, options: { actor: Actor; personId: string }): Promise<void> {
  try {
    await screenPopulation(deps, { trigger: 'signals', personIds: [options.personId], actor: options.actor });
  } catch {
    // Recorded by screenPopulation itself (screening_runs.error); see above.
  }
}
