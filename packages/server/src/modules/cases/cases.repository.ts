import { and, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import { personScopes } from '../../platform/access/scope';
import type { Actor } from '../../platform/context';
import type { Queryable } from '../../platform/db/client';
import { personsFor } from '../registry/persons.repository';
import { cases } from './schema';

/**
 * Case scope: a center manager sees every case of the center, a case worker their own caseload; both only
 * for persons they may see. Everyone else sees no case (default deny) — admin and privacy auditors never.
 */
export function caseScope(q: Queryable, actor: Actor): SQL {
  const parts: SQL[] = [];
  if (actor.roles.includes('center_manager')) parts.push(eq(cases.hanaCenterId, actor.organizationId));
  if (actor.roles.includes('case_worker')) {
    parts.push(
      and(eq(cases.hanaCenterId, actor.organizationId), eq(cases.assignedWorkerId, actor.userId)) as SQL,
    );
  }
  if (parts.length === 0) return sql`false`;
  return and(or(...parts), inArray(cases.personId, personsFor(q, personScopes(actor)).idsQuery())) as SQL;
}

export async function findCase(q: Queryable, actor: Actor, caseId: string) {
  const [row] = await q
    .select()
    .from(cases)
    .where(and(eq(cases.id, caseId), caseScope(q, actor)));
  return row ?? null;
}
