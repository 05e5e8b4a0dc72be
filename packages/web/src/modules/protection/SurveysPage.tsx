import { Anchor, Button, Modal, Progress, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { problemOf } from '../../platform/api';
import { hasPermission, useMe } from '../../platform/auth/session';
import { formatDate } from '../../platform/format';
import { useLocale } from '../../platform/i18n';
import { PageHeader } from '../../platform/ui/PageHeader';
import { ProblemAlert } from '../../platform/ui/ProblemAlert';
import { TableFrame } from '../../platform/ui/TableFrame';
import { protectionKeys, useSurveyRounds } from './api';
import { useCountText } from './badges';
import { SurveyRoundForm } from './SurveyRoundForm';

const percentOf = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 100) : 0);

/** Survey rounds with their progress and findings; plan managers create rounds here. */
export default function SurveysPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const rounds = useSurveyRounds();
  const countText = useCountText();
  const [creating, setCreating] = useState(false);
  const canCreate = hasPermission(me, 'surveys.manage');
  const items = rounds.data?.items ?? [];

  return (
    <Stack gap="md">
      <PageHeader
        title={t('protection.surveys.title')}
        actions={
          canCreate ? (
            <Button onClick={() => setCreating(true)} data-testid="survey-create">
              {t('protection.surveys.create')}
            </Button>
          ) : null
        }
      />
      <Text>{t('protection.surveys.intro')}</Text>
      <Text size="sm" c="dimmed">
        {t('protection.suppressedNote')}
      </Text>
      {rounds.isError ? <ProblemAlert problem={problemOf(rounds.error, t('errors.loadFailed'))} /> : null}
      <TableFrame label={t('protection.surveys.tableLabel')}>
        <Table
          striped
          miw={900}
          aria-label={t('protection.surveys.tableLabel')}
          aria-busy={rounds.isFetching}
          data-testid="survey-table"
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('protection.surveys.name')}</Table.Th>
              <Table.Th scope="col">{t('protection.surveys.period')}</Table.Th>
              <Table.Th scope="col">{t('protection.surveys.progress')}</Table.Th>
              <Table.Th scope="col">{t('protection.surveys.crisisSuspects')}</Table.Th>
              <Table.Th scope="col">{t('protection.surveys.needsSupport')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((round) => {
              const progress = t('protection.surveys.progressValue', {
                checked: round.checked.toLocaleString(locale),
                selected: round.selected.toLocaleString(locale),
              });
              return (
                <Table.Tr key={round.id} data-testid={`survey-row-${round.id}`}>
                  <Table.Td>
                    <Anchor component={Link} to={`/protection/surveys/${round.id}`} fw={600}>
                      {round.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {t('protection.surveys.periodValue', {
                      from: formatDate(round.startsOn, locale),
                      to: formatDate(round.endsOn, locale),
                    })}
                  </Table.Td>
                  <Table.Td miw={200}>
                    <Stack gap={4}>
                      <Text size="sm">{progress}</Text>
                      <Progress
                        value={percentOf(round.checked, round.selected)}
                        aria-label={t('protection.surveys.progressLabel', { name: round.name })}
                      />
                    </Stack>
                  </Table.Td>
                  <Table.Td>{countText(round.findings.crisis_suspect)}</Table.Td>
                  <Table.Td>{countText(round.findings.needs_support)}</Table.Td>
                </Table.Tr>
              );
            })}
            {rounds.isSuccess && items.length === 0 ? (
              <Table.Tr>
                <Table.Td colSpan={5} data-testid="survey-empty">
                  <Text size="sm">{t('protection.surveys.empty')}</Text>
                </Table.Td>
              </Table.Tr>
            ) : null}
          </Table.Tbody>
        </Table>
      </TableFrame>
      <Modal
        opened={creating}
        onClose={() => setCreating(false)}
        title={t('protection.surveys.createTitle')}
        size="xl"
      >
        <SurveyRoundForm
          onCancel={() => setCreating(false)}
          onCreated={(round) => {
            setCreating(false);
            notifications.show({
              color: 'teal',
              message: t('protection.surveys.created', { count: round.selected }),
            });
            void queryClient.invalidateQueries({ queryKey: protectionKeys.surveys });
            void navigate(`/protection/surveys/${round.id}`);
          }}
        />
      </Modal>
    </Stack>
  );
}
