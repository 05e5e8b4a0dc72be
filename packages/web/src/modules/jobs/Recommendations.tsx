import { Anchor, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { problemOf } from '../../platform/api';
import { useLocale } from '../../platform/i18n';
import { PageLoader } from '../../platform/ui/PageLoader';
import { ProblemAlert } from '../../platform/ui/ProblemAlert';
import { TableFrame } from '../../platform/ui/TableFrame';
import { type RecommendationData, useRecommendations } from './api';
import { PriorityBadge } from './badges';
import { useWon } from './format';
import { ExpandableMatchRow, NoMatchesRow } from './MatchReasons';
import { RegisterButton, useRegisterApplication } from './register-application';
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
      <RegisterButton
        busy={busy}
        busyKey={`${item.posting.id}:recommended`}
        onClick={() => onRegister(item, 'recommended')}
        label={t('jobs.recommendations.recommendLabel', { title })}
        testId="recommendation-recommend"
      >
        {t('jobs.recommendations.recommend')}
      </RegisterButton>
      <RegisterButton
        busy={busy}
        busyKey={`${item.posting.id}:applied`}
        variant="default"
        onClick={() => onRegister(item, 'applied')}
        label={t('jobs.recommendations.applyLabel', { title })}
        testId="recommendation-apply"
      >
        {t('jobs.recommendations.apply')}
      </RegisterButton>
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
  const { busy, problem, clearProblem, register: registerApplication } = useRegisterApplication(onCreated);

  if (!enabled)
    return (
      <Text size="sm" data-testid="recommendations-no-profile">
        {t('jobs.recommendations.noProfile')}
      </Text>
    );
  if (list.isError) return <ProblemAlert problem={problemOf(list.error, t('errors.loadFailed'))} />;
  if (!list.data) return <PageLoader />;

  const register = (item: RecommendationData, stage: Stage) =>
    registerApplication(`${item.posting.id}:${stage}`, personId, { postingId: item.posting.id, stage });

  const items = list.data.items;
  const columns = canWrite ? 7 : 6;
  const tableLabel = t('jobs.recommendations.tableLabel');
  return (
    <Stack gap="sm">
      <Text size="sm">{t('jobs.recommendations.intro', { considered: list.data.considered })}</Text>
      <ProblemAlert problem={problem} onClose={clearProblem} />
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
              <NoMatchesRow columns={columns} testId="recommendations-empty">
                {t('jobs.recommendations.empty')}
              </NoMatchesRow>
            ) : null}
          </Table.Tbody>
        </Table>
      </TableFrame>
    </Stack>
  );
}
