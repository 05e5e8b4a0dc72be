import { assignJobFair, greedyAssignment, type JobFairResult, jobFairScores } from '@ieum/domain';
import { personScopes } from '../../platform/access/scope';
import { recordAudit } from '../../platform/audit/audit-log';
import type { Actor } from '../../platform/context';
import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { personsFor } from '../registry/persons.repository';
import { personRefs } from './person-access';
import { postingForMatching, postingsByIds } from './postings';
import { seekerForMatching, seekingProfiles } from './seekers.repository';

/**
 * A job fair's proposal of who should talk to whom: the reader's seekers and the chosen open postings, each
 * seeker to at most one posting and each posting to at most its openings, maximising the total match score
 * exactly (min-cost flow, domain/jobs/job-fair.ts), beside the greedy assignment's total for comparison.
 * Nothing is stored: the officers act on the proposal by creating applications.
 */
export async function proposeJobFair(
  deps: Deps,
  options: { actor: Actor; postingIds: readonly string[]; minScore: number },
): Promise<JobFairResult> {
  const rows = (await postingsByIds(deps.db, [...new Set(options.postingIds)])).filter(
    (row) => row.status === 'open',
  );
  if (rows.length === 0)
    throw new AppError('rule.violation', {
      detail: { ko: '진행 중인 채용공고를 하나 이상 고르십시오.', en: 'Choose at least one open posting.' },
    });
  const visible = personsFor(deps.db, personScopes(options.actor)).idsQuery();
  const seekers = (await seekingProfiles(deps.db, visible)).map(seekerForMatching);
  const postings = rows.map(postingForMatching);
  const scores = jobFairScores(seekers, postings);
  const input = {
    seekerIds: seekers.map((seeker) => seeker.id),
    postings: postings.map((posting) => ({ id: posting.id, openings: posting.openings })),
    scores,
    minScore: options.minScore,
  };
  const started = performance.now();
  const exact = assignJobFair(input);
  const durationMs = performance.now() - started;
  const greedy = greedyAssignment(input);
  const refs = await personRefs(
    deps,
    deps.db,
    exact.placements.map((placement) => placement.seekerId),
  );
  await recordAudit(deps.db, {
    action: 'view',
    entityType: 'job_fair',
    detail: { postings: rows.length, seekers: seekers.length, placed: exact.placements.length },
  });
  return {
    seekers: seekers.length,
    openings: postings.reduce((sum, posting) => sum + posting.openings, 0),
    exact: {
      placements: exact.placements.flatMap((placement) => {
        const person = refs.get(placement.seekerId);
        return person ? [{ person, postingId: placement.postingId, score: placement.score }] : [];
      }),
      totalScore: exact.totalScore,
      durationMs: Math.round(durationMs * 10) / 10,
    },
    greedy: { placed: greedy.placements.length, totalScore: greedy.totalScore },
  };
}
