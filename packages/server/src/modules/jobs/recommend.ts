import {
  buildPostingIndex,
  buildSeekerIndex,
  OPEN_STAGES,
  recommendPostings,
  recommendSeekers,
  scoreMatch,
  seoulDate,
} from '@ieum/domain';
import { and, eq, inArray } from 'drizzle-orm';
import { personScopes } from '../../platform/access/scope';
import { recordAudit } from '../../platform/audit/audit-log';
import type { Actor } from '../../platform/context';
import type { Deps } from '../../platform/deps';
import { notFound } from '../../platform/errors';
import { personsFor } from '../registry/persons.repository';
import { personInScope, personRefs } from './person-access';
import { openPostingsForMatching, postingForMatching, postingViews } from './postings';
import { jobApplications, jobPostings, seekerProfiles } from './schema';
import { seekerForMatching, seekingProfiles } from './seekers.repository';

const TOP = 10;

/**
 * The ten open postings that fit a person best, by the domain's match score (the pruned search returns
 * exactly what scoring every posting would), each with its factors for the explanation. Empty without a
 * profile. Audited as a view of the person's profile.
 */
export async function recommendPostingsFor(deps: Deps, options: { actor: Actor; personId: string }) {
  const person = await personInScope(deps, options.actor, options.personId, 'job_recommendations');
  const [profile] = await deps.db.select().from(seekerProfiles).where(eq(seekerProfiles.personId, person.id));
  if (!profile) return { items: [], considered: 0 };
  const postings = await openPostingsForMatching(deps.db, seoulDate(deps.now()));
  const seeker = seekerForMatching(profile);
  const top = recommendPostings(seeker, buildPostingIndex(postings), TOP);
  const ids = top.map((each) => each.id);
  const [views, open] = await Promise.all([
    ids.length > 0 ? postingViews(deps.db, inArray(jobPostings.id, ids)) : [],
    ids.length > 0
      ? deps.db
          .select({ id: jobApplications.id, postingId: jobApplications.postingId })
          .from(jobApplications)
          .where(
            and(
              eq(jobApplications.personId, person.id),
              inArray(jobApplications.postingId, ids),
              inArray(jobApplications.stage, [...OPEN_STAGES]),
            ),
          )
      : [],
  ]);
  const byId = new Map(postings.map((posting) => [posting.id, posting]));
  const viewById = new Map(views.map((view) => [view.id, view]));
  await recordAudit(deps.db, {
    action: 'view',
    entityType: 'job_recommendations',
    entityId: person.id,
    subjectId: person.id,
    detail: { considered: postings.length },
  });
  return {
    considered: postings.length,
    items: top.flatMap(({ id, score }) => {
      const posting = byId.get(id);
      const view = viewById.get(id);
      if (!posting || !view) return [];
      return [
        {
          posting: view,
          score,
          factors: scoreMatch(seeker, posting).factors.map((factor) => ({
            ...factor,
            params: { ...factor.params },
          })),
          applicationId: open.find((each) => each.postingId === id)?.id ?? null,
        },
      ];
    }),
  };
}

/** The ten seekers in the reader's scope who fit a posting best, with the factors of each score. */
export async function recommendCandidates(deps: Deps, options: { actor: Actor; postingId: string }) {
  const [row] = await deps.db.select().from(jobPostings).where(eq(jobPostings.id, options.postingId));
  if (!row) throw notFound();
  const visible = personsFor(deps.db, personScopes(options.actor)).idsQuery();
  const profiles = await seekingProfiles(deps.db, visible);
  const seekers = profiles.map(seekerForMatching);
  const posting = postingForMatching(row);
  const top = recommendSeekers(posting, buildSeekerIndex(seekers), TOP);
  const ids = top.map((each) => each.id);
  const [refs, open] = await Promise.all([
    personRefs(deps, deps.db, ids),
    ids.length > 0
      ? deps.db
          .select({ id: jobApplications.id, personId: jobApplications.personId })
          .from(jobApplications)
          .where(
            and(
              eq(jobApplications.postingId, row.id),
              inArray(jobApplications.personId, ids),
              inArray(jobApplications.stage, [...OPEN_STAGES]),
            ),
          )
      : [],
  ]);
  const seekerById = new Map(seekers.map((seeker) => [seeker.id, seeker]));
  return {
    considered: seekers.length,
    items: top.flatMap(({ id, score }) => {
      const seeker = seekerById.get(id);
      const person = refs.get(id);
      if (!seeker || !person) return [];
      return [
        {
          person,
          score,
          factors: scoreMatch(seeker, posting).factors.map((factor) => ({
            ...factor,
            params: { ...factor.params },
          })),
          applicationId: open.find((each) => each.personId === id)?.id ?? null,
        },
      ];
    }),
  };
}
