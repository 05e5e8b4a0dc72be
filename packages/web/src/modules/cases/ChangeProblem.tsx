import type { Problem } from '@ieum/domain';
import { Alert, Button, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../platform/ui/ProblemAlert';

/**
 * A failed change to a case. A stale version (409) means someone else changed it first: say so plainly and
 * offer to load their version, since saving again with the old one would fail the same way.
 */
export function ChangeProblem({ problem, onReload }: { problem: Problem | null; onReload: () => void }) {
  const { t } = useTranslation();
  if (!problem) return null;
  if (problem.code !== 'conflict.stale') return <ProblemAlert problem={problem} />;
  return (
    <Alert color="orange" title={t('cases.stale.title')} data-testid="case-stale">
      <Text size="sm" mb="sm">
        {t('cases.stale.message')}
      </Text>
      <Button size="xs" variant="default" onClick={onReload} data-testid="case-reload">
        {t('cases.stale.reload')}
      </Button>
    </Alert>
  );
}
