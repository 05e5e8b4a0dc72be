import { type CouncilCandidateList, ROLE_PERMISSIONS, ROLES } from '@ieum/domain';
import type { Deps } from '../../platform/deps';
import { activeUsersInRoles } from './plans.repository';

/** The roles that may comment on a plan, read from the grant table so that a role given the right later counts. */
const COMMENTING_ROLES = ROLES.filter((role) => ROLE_PERMISSIONS[role].includes('plans.comment'));

/**
 * `GET /api/plans/council-candidates`: whom a plan manager may invite to a consultation in their own name —
 * the active users who may comment — with their organization. Names only: the invitation needs no more.
 */
export async function listCouncilCandidates(deps: Deps): Promise<CouncilCandidateList> {
  return { items: await activeUsersInRoles(deps.db, COMMENTING_ROLES) };
}
