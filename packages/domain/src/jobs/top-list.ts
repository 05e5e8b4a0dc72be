/**
 * The best `n` candidates seen so far, in the one order every recommendation uses: score descending, then id
 * ascending (code-unit order). A total order, so the indexed search and the all-pairs baseline must return the
 * same list, not merely lists of equal scores.
 */
export interface Recommendation {
  readonly id: string;
  readonly score: number;
}

export interface TopList {
  readonly n: number;
  count: number;
  readonly scores: Int32Array;
  readonly ids: string[];
}

export function createTopList(n: number): TopList {
  return { n, count: 0, scores: new Int32Array(Math.max(n, 0)), ids: [] };
}

/**
 * The lowest score that can still enter: a candidate scoring less than this cannot, whatever its id; -1 while
 * the list has room. A search may skip everything whose upper bound is below it.
 */
export function entryScore(top: TopList): number {
  return top.count < top.n ? -1 : (top.scores[top.n - 1] as number);
}

function before(score: number, id: string, otherScore: number, otherId: string): boolean {
  return score > otherScore || (score === otherScore && id < otherId);
}

export function offerToTopList(top: TopList, score: number, id: string): void {
  if (top.n === 0) return;
  if (top.count === top.n) {
    const last = top.n - 1;
    if (!before(score, id, top.scores[last] as number, top.ids[last] as string)) return;
    top.count--;
  }
  let i = top.count;
  while (i > 0 && before(score, id, top.scores[i - 1] as number, top.ids[i - 1] as string)) {
    top.scores[i] = top.scores[i - 1] as number;
    top.ids[i] = top.ids[i - 1] as string;
    i--;
  }
  top.scores[i] = score;
  top.ids[i] = id;
  top.count++;
}

export function topListResult(top: TopList): Recommendation[] {
  const out: Recommendation[] = [];
  for (let i = 0; i < top.count; i++) out.push({ id: top.ids[i] as string, score: top.scores[i] as number });
  return out;
}

/**
 * The baseline: score every candidate, keep the best `n`. It keeps them with the same bounded list as the
 * indexed search rather than sorting all scores, so a comparison of the two measures the pruning alone.
 */
export function naiveTopN<C>(
  candidates: readonly C[],
  n: number,
  score: (candidate: C) => number,
  id: (candidate: C) => string,
): Recommendation[] {
  const top = createTopList(n);
  for (const candidate of candidates) offerToTopList(top, score(candidate), id(candidate));
  return topListResult(top);
}
