/**
 * A badge's label may be cut to "위…" when a table squeezes its column (Mantine lets the label shrink to
 * nothing): a badge given these styles always shows its whole word.
 */
export const UNCLIPPED = { label: { overflow: 'visible' } } as const;
