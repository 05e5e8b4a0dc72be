import type { Problem } from '@ieum/domain';
import { Alert, Button, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../platform/ui/ProblemAlert';

/**
 * A failed change, as protection shows it. A stale version (409) means someone else changed the record first:
 * say so plainly and offer to load their version, since saving again with the old one would fail the same way.
 */
export function StaleProblem({ problem, onReload }: { problem: Problem | null; onReload: () => void }) {
  const { t } = useTranslation();
  if (!problem) return null;
  if (problem.code !== 'conflict.stale') return <ProblemAlert problem={problem} />;
  return (
    <Alert color="orange" title={t('jobs.stale.title')} data-testid="jobs-stale">
      <Text size="sm" mb="sm">
        {t('jobs.stale.message')}
      </Text>
      <Button size="xs" variant="default" onClick={onReload} data-testid="jobs-reload">
        {t('jobs.stale.reload')}
      </Button>
    </Alert>
  );
}
