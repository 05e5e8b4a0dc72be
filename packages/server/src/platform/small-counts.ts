/**
 * Small-cell suppression for statistics (protection, jobs) (DESIGN.md item 8: a population of ~34,000 is easy to
 * re-identify). A count from 1 to 4 travels as null and shows as "<5"; 0 stays 0, since an empty cell names
 * nobody.
 *
 * Suppressing one cell is not enough when the reader also sees the total of its group: the total minus the
 * other cells gives it back. Where a group's total is published (alerts by region add up to the alerts of
 * each level; a round's findings add up to the persons checked), `suppressGroup` also hides the smallest
 * other non-zero cell whenever exactly one cell was hidden, so that only the sum of two hidden cells can be
 * recovered, never either of them. Groups whose total is not published (outcomes, services by provider) are
 * suppressed cell by cell.
 */
export const MIN_SHOWN = 5;

export function suppress(count: number): number | null {
  return count > 0 && count < MIN_SHOWN ? null : count;
}

/** The cells of one group whose total the reader can see, suppressed so no hidden cell can be subtracted out. */
export function suppressGroup(counts: readonly number[]): (number | null)[] {
  const shown = counts.map(suppress);
  const hidden = shown.filter((cell) => cell === null).length;
  if (hidden !== 1) return shown;
  let complement = -1;
  counts.forEach((count, index) => {
    if (shown[index] === null || count === 0) return;
    if (complement === -1 || count < (counts[complement] as number)) complement = index;
  });
  // No other non-zero cell: the hidden one is the whole total, and the caller suppresses the total too.
  if (complement !== -1) shown[complement] = null;
  return shown;
}

/** `suppressGroup` over the values of a record, keeping its keys. */
export function suppressRecord<K extends string>(
  counts: Readonly<Record<K, number>>,
): Record<K, number | null> {
  const keys = Object.keys(counts) as K[];
  const shown = suppressGroup(keys.map((key) => counts[key]));
  return Object.fromEntries(keys.map((key, index) => [key, shown[index] ?? null])) as Record<
    K,
    number | null
  >;
}

/** Each cell on its own, for a group whose total is not published. */
export function suppressEach<K extends string>(
  counts: Readonly<Record<K, number>>,
): Record<K, number | null> {
  const keys = Object.keys(counts) as K[];
  return Object.fromEntries(keys.map((key) => [key, suppress(counts[key])])) as Record<K, number | null>;
}
