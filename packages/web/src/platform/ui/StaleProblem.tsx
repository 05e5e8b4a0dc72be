import type { Problem } from '@ieum/domain';
import { Alert, Button, Text } from '@mantine/core';
import { ProblemAlert } from './ProblemAlert';

export interface StaleProblemProps {
  problem: Problem | null;
  onReload: () => void;
}

/**
 * A failed change. A stale version (409) means someone else changed the record first: say so plainly and
 * offer to load their version, since saving again with the old one would fail the same way. Each module
 * binds its own words (what "the record" is) and test ids (`${testIdPrefix}-stale`, `${testIdPrefix}-reload`).
 */
export function StaleProblem({
  problem,
  onReload,
  testIdPrefix,
  words,
}: StaleProblemProps & { testIdPrefix: string; words: { title: string; message: string; reload: string } }) {
  if (!problem) return null;
  if (problem.code !== 'conflict.stale') return <ProblemAlert problem={problem} />;
  return (
    <Alert color="orange" title={words.title} data-testid={`${testIdPrefix}-stale`}>
      <Text size="sm" mb="sm">
        {words.message}
      </Text>
      <Button size="xs" variant="default" onClick={onReload} data-testid={`${testIdPrefix}-reload`}>
        {words.reload}
      </Button>
    </Alert>
  );
}
