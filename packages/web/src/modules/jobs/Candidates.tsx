import type { Problem } from '@ieum/domain';
import { Anchor, Button, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { problemOf } from '../../platform/api';
import { PageLoader } from '../../platform/ui/PageLoader';
import { ProblemAlert } from '../../platform/ui/ProblemAlert';
import { TableFrame } from '../../platform/ui/TableFrame';
import { type CandidateData, createApplication, type PostingData, useCandidates } from './api';
import { ExpandableMatchRow } from './MatchReasons';

/**
 * The ten seekers in the reader's scope who fit the posting best, each with the score's reasons on request,
 * and a button that registers the posting as a recommendation for that person.
 */
export function Candidates({
  posting,
  canWrite,
  onCreated,
}: {
  posting: PostingData;
  canWrite: boolean;
  onCreated: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const list = useCandidates(posting.id, true);
  const [busy, setBusy] = useState<string | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);

  if (list.isError) return <ProblemAlert problem={problemOf(list.error, t('errors.loadFailed'))} />;
  if (!list.data) return <PageLoader />;

  const register = (candidate: CandidateData) => {
    setBusy(candidate.person.id);
    setProblem(null);
    createApplication(candidate.person.id, { postingId: posting.id, stage: 'recommended' })
      .then(async () => {
        notifications.show({ color: 'teal', message: t('jobs.recommendations.created') });
        await onCreated();
      })
      .catch((error: unknown) => setProblem(problemOf(error, t('errors.unexpected'))))
      .finally(() => setBusy(null));
  };

  const items = list.data.items;
  const mayRegister = canWrite && posting.status === 'open';
  const columns = mayRegister ? 4 : 3;
  const label = t('jobs.posting.candidatesTableLabel');
  return (
    <Stack gap="sm">
      <Text size="sm">{t('jobs.posting.candidatesIntro', { considered: list.data.considered })}</Text>
      <ProblemAlert problem={problem} onClose={() => setProblem(null)} />
      <TableFrame label={label}>
        <Table miw={640} aria-label={label} data-testid="candidates">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('jobs.fields.person')}</Table.Th>
              <Table.Th scope="col">{t('jobs.fields.score')}</Table.Th>
              <Table.Th scope="col">{t('jobs.match.reasons')}</Table.Th>
              {mayRegister ? <Table.Th scope="col">{t('common.actions')}</Table.Th> : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((candidate) => (
              <ExpandableMatchRow
                key={candidate.person.id}
                id={candidate.person.id}
                columns={columns}
                factors={candidate.factors}
                subject={candidate.person.code}
                testId={`candidate-${candidate.person.code}`}
                cells={
                  <>
                    <Table.Td>
                      <Anchor
                        component={Link}
                        to={`/persons/${candidate.person.id}?tab=jobs`}
                        className="mono"
                        fw={600}
                      >
                        {candidate.person.code}
                      </Anchor>
                      {candidate.person.maskedName ? (
                        <Text size="sm">{candidate.person.maskedName}</Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td fw={700} data-testid="candidate-score">
                      {t('jobs.score', { score: candidate.score })}
                    </Table.Td>
                  </>
                }
                after={
                  mayRegister ? (
                    <Table.Td>
                      {candidate.applicationId ? (
                        <Text size="sm">{t('jobs.recommendations.already')}</Text>
                      ) : (
                        <Button
                          size="xs"
                          loading={busy === candidate.person.id}
                          disabled={busy !== null}
                          onClick={() => register(candidate)}
                          aria-label={t('jobs.posting.recommendLabel', { code: candidate.person.code })}
                          data-testid="candidate-recommend"
                        >
                          {t('jobs.recommendations.recommend')}
                        </Button>
                      )}
                    </Table.Td>
                  ) : null
                }
              />
            ))}
            {items.length === 0 ? (
              <Table.Tr>
                <Table.Td colSpan={columns} data-testid="candidates-empty">
                  {t('jobs.posting.noCandidates')}
                </Table.Td>
              </Table.Tr>
            ) : null}
          </Table.Tbody>
        </Table>
      </TableFrame>
    </Stack>
  );
}
