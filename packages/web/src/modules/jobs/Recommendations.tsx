import type { Problem } from '@ieum/domain';
import { Anchor, Button, Group, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { problemOf } from '../../platform/api';
import { useLocale } from '../../platform/i18n';
import { PageLoader } from '../../platform/ui/PageLoader';
import { ProblemAlert } from '../../platform/ui/ProblemAlert';
import { TableFrame } from '../../platform/ui/TableFrame';
import { createApplication, type RecommendationData, useRecommendations } from './api';
import { PriorityBadge } from './badges';
import { useWon } from './format';
import { ExpandableMatchRow } from './MatchReasons';
import { occupationLabel } from './text';

type Stage = 'recommended' | 'applied';

function RegisterButtons({
  item,
  busy,
  onRegister,
}: {
  item: RecommendationData;
  busy: string | null;
  onRegister: (item: RecommendationData, stage: Stage) => void;
}) {
  const { t } = useTranslation();
  if (item.applicationId)
    return (
      <Text size="sm" data-testid="recommendation-open-application">
        {t('jobs.recommendations.already')}
      </Text>
    );
  const title = item.posting.title;
  return (
    <Group gap="xs" wrap="nowrap">
      <Button
        size="xs"
        loading={busy === `${item.posting.id}:recommended`}
        disabled={busy !== null}
        onClick={() => onRegister(item, 'recommended')}
        aria-label={t('jobs.recommendations.recommendLabel', { title })}
        data-testid="recommendation-recommend"
      >
        {t('jobs.recommendations.recommend')}
      </Button>
      <Button
        size="xs"
        variant="default"
        loading={busy === `${item.posting.id}:applied`}
        disabled={busy !== null}
        onClick={() => onRegister(item, 'applied')}
        aria-label={t('jobs.recommendations.applyLabel', { title })}
        data-testid="recommendation-apply"
      >
        {t('jobs.recommendations.apply')}
      </Button>
    </Group>
  );
}

/**
 * The ten open postings that fit the person best, each with its score and, on request, the reasons for it in
 * the domain's words. An officer registers one as a recommendation, or as an application already made.
 */
export function Recommendations({
  personId,
  enabled,
  canWrite,
  onCreated,
}: {
  personId: string;
  /** Only once a profile exists: there is nothing to match before. */
  enabled: boolean;
  canWrite: boolean;
  onCreated: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const won = useWon();
  const list = useRecommendations(personId, enabled);
  const [busy, setBusy] = useState<string | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);

  if (!enabled)
    return (
      <Text size="sm" data-testid="recommendations-no-profile">
        {t('jobs.recommendations.noProfile')}
      </Text>
    );
  if (list.isError) return <ProblemAlert problem={problemOf(list.error, t('errors.loadFailed'))} />;
  if (!list.data) return <PageLoader />;

  const register = (item: RecommendationData, stage: Stage) => {
    setBusy(`${item.posting.id}:${stage}`);
    setProblem(null);
    createApplication(personId, { postingId: item.posting.id, stage })
      .then(async () => {
        notifications.show({ color: 'teal', message: t('jobs.recommendations.created') });
        await onCreated();
      })
      .catch((error: unknown) => setProblem(problemOf(error, t('errors.unexpected'))))
      .finally(() => setBusy(null));
  };

  const items = list.data.items;
  const columns = canWrite ? 7 : 6;
  const tableLabel = t('jobs.recommendations.tableLabel');
  return (
    <Stack gap="sm">
      <Text size="sm">{t('jobs.recommendations.intro', { considered: list.data.considered })}</Text>
      <ProblemAlert problem={problem} onClose={() => setProblem(null)} />
      <TableFrame label={tableLabel}>
        <Table miw={900} aria-label={tableLabel} data-testid="recommendations">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('jobs.recommendations.posting')}</Table.Th>
              <Table.Th scope="col">{t('jobs.fields.employer')}</Table.Th>
              <Table.Th scope="col">{t('jobs.fields.monthlyWage')}</Table.Th>
              <Table.Th scope="col">{t('jobs.fields.region')}</Table.Th>
              <Table.Th scope="col">{t('jobs.fields.score')}</Table.Th>
              <Table.Th scope="col">{t('jobs.match.reasons')}</Table.Th>
              {canWrite ? <Table.Th scope="col">{t('common.actions')}</Table.Th> : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((item) => (
              <ExpandableMatchRow
                key={item.posting.id}
                id={item.posting.id}
                columns={columns}
                factors={item.factors}
                subject={item.posting.title}
                testId={`recommendation-${item.posting.id}`}
                cells={
                  <>
                    <Table.Td>
                      <Anchor component={Link} to={`/jobs/postings/${item.posting.id}`} fw={600}>
                        {item.posting.title}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {occupationLabel(item.posting.occupation, locale)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Stack gap={2} align="flex-start">
                        <Text size="sm">{item.posting.employer.name}</Text>
                        {item.posting.employer.priorityPurchasing ? <PriorityBadge /> : null}
                      </Stack>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{won(item.posting.monthlyWage)}</Table.Td>
                    <Table.Td>{t(`regions.${item.posting.region}`)}</Table.Td>
                    <Table.Td fw={700} data-testid="recommendation-score">
                      {t('jobs.score', { score: item.score })}
                    </Table.Td>
                  </>
                }
                after={
                  canWrite ? (
                    <Table.Td>
                      <RegisterButtons item={item} busy={busy} onRegister={register} />
                    </Table.Td>
                  ) : null
                }
              />
            ))}
            {items.length === 0 ? (
              <Table.Tr>
                <Table.Td colSpan={columns} data-testid="recommendations-empty">
                  {t('jobs.recommendations.empty')}
                </Table.Td>
              </Table.Tr>
            ) : null}
          </Table.Tbody>
        </Table>
      </TableFrame>
    </Stack>
  );
}
