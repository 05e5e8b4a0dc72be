import {
  IncentiveStatementView,
  PostingRecommendationList,
  SeekerList,
  type SeekerListItem,
} from '@ieum/domain';

export interface JobsShowcase {
  /** Seekers whose best open posting scores at least the minimum, with that posting. */
  readonly recommended: readonly { personId: string; code: string; postingId: string; score: number }[];
  /** Persons with an employment incentive line due now. */
  readonly incentiveDue: readonly { personId: string; code: string; line: string; amount: number }[];
}

/**
 * What a browser walk can show the signed-in account, found through the API only (`get` answers a path with
 * the response's JSON): seekers with a good recommendation, and persons with an employment incentive due. A
 * test relies on this, never on the ids or codes of one database. Empty until the demo jobs are in.
 */
export async function findJobsShowcase(
  get: (path: string) => Promise<unknown>,
  options: { minScore?: number; wanted?: number } = {},
): Promise<JobsShowcase> {
  const minScore = options.minScore ?? 60;
  const wanted = options.wanted ?? 3;
  const seekers: SeekerListItem[] = [];
  for (let page = 1; ; page++) {
    const list = SeekerList.parse(await get(`/api/jobs/seekers?pageSize=100&page=${page}`));
    seekers.push(...list.items);
    if (list.items.length === 0 || seekers.length >= list.total) break;
  }
  seekers.sort((a, b) => (a.person.code < b.person.code ? -1 : a.person.code > b.person.code ? 1 : 0));
  const recommended: JobsShowcase['recommended'][number][] = [];
  for (const { person, status } of seekers) {
    if (recommended.length >= wanted) break;
    if (status !== 'seeking') continue;
    const [best] = PostingRecommendationList.parse(
      await get(`/api/persons/${person.id}/jobs/recommendations`),
    ).items;
    if (best && best.score >= minScore)
      recommended.push({
        personId: person.id,
        code: person.code,
        postingId: best.posting.id,
        score: best.score,
      });
  }
  const incentiveDue: JobsShowcase['incentiveDue'][number][] = [];
  for (const { person } of seekers) {
    if (incentiveDue.length >= wanted) break;
    const statement = IncentiveStatementView.parse(await get(`/api/persons/${person.id}/incentives`));
    const line = statement.lines.find((each) => each.status === 'due' && each.kind.startsWith('employment_'));
    if (line)
      incentiveDue.push({ personId: person.id, code: person.code, line: line.kind, amount: line.amount });
  }
  return { recommended, incentiveDue };
}
