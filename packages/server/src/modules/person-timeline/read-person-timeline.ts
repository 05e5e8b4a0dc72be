import type { PersonTimeline } from '@ieum/domain';
import { eq } from 'drizzle-orm';
import { personScopes } from '../../platform/access/scope';
import { recordAudit } from '../../platform/audit/audit-log';
import type { Actor } from '../../platform/context';
import type { Queryable } from '../../platform/db/client';
import type { Deps } from '../../platform/deps';
import { notFound } from '../../platform/errors';
import { personsFor } from '../registry/persons.repository';
import { persons } from '../registry/schema';
import { timelineSourcesFor } from './timeline-sources';

/**
 * Everything on one person, newest first, one page at a time. Scoped like the person's record: outside the
 * actor's scope the answer is the same 404 as for a missing id. Each look is audited as a view of the
 * subject; a refused look at an existing person as `permission_denied` with the subject.
 */
export async function readPersonTimeline(
  deps: Deps,
  options: { actor: Actor; personId: string; page: number; pageSize: number },
): Promise<PersonTimeline> {
  const { actor, personId, page, pageSize } = options;
  const found = await personsFor(deps.db, personScopes(actor)).findById(personId);
  if (!found) {
    if (await unsafePersonExists(deps.db, personId)) {
      await recordAudit(deps.db, {
        action: 'permission_denied',
        entityType: 'person_timeline',
        entityId: personId,
        subjectId: personId,
        detail: { refused: 'out_of_scope' },
      });
    }
    throw notFound();
  }
  // Each source's newest `page * pageSize` rows are enough to cut any earlier page exactly.
  const limit = page * pageSize;
  const sources = await Promise.all(
    timelineSourcesFor(actor).map((source) => source(deps.db, personId, limit)),
  );
  const events = sources
    .flatMap((source) => source.events)
    .sort((a, b) => (a.at === b.at ? b.id.localeCompare(a.id) : b.at.localeCompare(a.at)));
  await recordAudit(deps.db, {
    action: 'view',
    entityType: 'person_timeline',
    entityId: personId,
    subjectId: personId,
    detail: { page },
  });
  return {
    items: events.slice((page - 1) * pageSize, page * pageSize),
    total: sources.reduce((sum, source) => sum + source.total, 0),
  };
}

/** Whether a person id exists at all, ignoring scope: only to audit a refusal, never to answer one. */
async function unsafePersonExists(q: Queryable, personId: string): Promise<boolean> {
  const [row] = await q.select({ id: persons.id }).from(persons).where(eq(persons.id, personId));
  return Boolean(row);
}
