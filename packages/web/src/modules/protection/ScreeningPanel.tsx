import { Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { problemOf } from '../../platform/api';
import { formatDateTime } from '../../platform/format';
import { useLocale } from '../../platform/i18n';
import { ProblemAlert } from '../../platform/ui/ProblemAlert';
import { TableFrame } from '../../platform/ui/TableFrame';
import { protectionKeys, runScreening, useScreeningRuns } from './api';

const RECENT_RUNS = 5;

/** A center manager's control: run the screening now, and how the last runs went. */
export function ScreeningPanel({ onRan }: { onRan: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const queryClient = useQueryClient();
  const runs = useScreeningRuns(true);
  const run = useMutation({
    mutationFn: runScreening,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: protectionKeys.screenings });
      await onRan();
    },
  });
  const recent = (runs.data?.items ?? []).slice(0, RECENT_RUNS);
  const seconds = (ms: number | null) =>
    ms === null
      ? t('protection.screening.unfinished')
      : t('protection.screening.seconds', { value: (ms / 1000).toFixed(1) });

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="screening-heading">
      <Group justify="space-between" align="flex-start" mb="sm" wrap="wrap">
        <Stack gap={4} maw={640}>
          <Title order={2} size="h4" id="screening-heading">
            {t('protection.screening.heading')}
          </Title>
          <Text size="sm">{t('protection.screening.intro')}</Text>
        </Stack>
        <Button onClick={() => run.mutate()} loading={run.isPending} data-testid="screening-run">
          {t('protection.screening.run')}
        </Button>
      </Group>
      <Stack gap="sm">
        <div role="status" aria-live="polite">
          {run.isPending ? <Text size="sm">{t('protection.screening.running')}</Text> : null}
          {run.data ? (
            <Text size="sm" fw={600} data-testid="screening-done">
              {t('protection.screening.done', {
                scored: run.data.scored,
                opened: run.data.alertsOpened,
                raised: run.data.alertsRaised,
              })}
            </Text>
          ) : null}
        </div>
        {run.isError ? <ProblemAlert problem={problemOf(run.error, t('errors.unexpected'))} /> : null}
        {runs.isError ? <ProblemAlert problem={problemOf(runs.error, t('errors.loadFailed'))} /> : null}
        <Title order={3} size="h5" id="screening-runs">
          {t('protection.screening.lastRuns')}
        </Title>
        {runs.isSuccess && recent.length === 0 ? (
          <Text size="sm">{t('protection.screening.none')}</Text>
        ) : (
          <TableFrame label={t('protection.screening.tableLabel')}>
            <Table miw={760} aria-labelledby="screening-runs" data-testid="screening-runs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('protection.screening.startedAt')}</Table.Th>
                  <Table.Th scope="col">{t('protection.screening.trigger')}</Table.Th>
                  <Table.Th scope="col">{t('protection.screening.scored')}</Table.Th>
                  <Table.Th scope="col">{t('protection.screening.alertsOpened')}</Table.Th>
                  <Table.Th scope="col">{t('protection.screening.alertsRaised')}</Table.Th>
                  <Table.Th scope="col">{t('protection.screening.duration')}</Table.Th>
                  <Table.Th scope="col">{t('protection.screening.rulesVersion')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {recent.map((item) => (
                  <Table.Tr key={item.id}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {formatDateTime(item.startedAt, locale)}
                    </Table.Td>
                    <Table.Td>{t(`protection.screening.triggers.${item.trigger}`)}</Table.Td>
                    <Table.Td>{item.scored.toLocaleString(locale)}</Table.Td>
                    <Table.Td>{item.alertsOpened.toLocaleString(locale)}</Table.Td>
                    <Table.Td>{item.alertsRaised.toLocaleString(locale)}</Table.Td>
                    <Table.Td>{seconds(item.durationMs)}</Table.Td>
                    <Table.Td className="mono">{item.rulesVersion}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableFrame>
        )}
      </Stack>
    </Card>
  );
}
