import { and, arrayContains, asc, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/context';
import { users } from '../../platform/db/schema';
import type { Deps } from '../../platform/deps';

/**
 * The active case workers of the actor's own center, to whom its cases may be assigned (the same rule as
 * assertCaseWorkerOfCenter). Only names and ids: nothing about other centers, nothing about persons.
 */
export async function listCaseWorkers(deps: Deps, options: { actor: Actor }) {
  const items = await deps.db
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .where(
      and(
        eq(users.organizationId, options.actor.organizationId),
        eq(users.active, true),
        arrayContains(users.roles, ['case_worker']),
      ),
    )
    .orderBy(asc(users.displayName), asc(users.id));
  return { items };
}
