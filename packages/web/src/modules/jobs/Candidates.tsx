import { Anchor, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { problemOf } from '../../platform/api';
import { PageLoader } from '../../platform/ui/PageLoader';
import { ProblemAlert } from '../../platform/ui/ProblemAlert';
import { TableFrame } from '../../platform/ui/TableFrame';
import { type PostingData, useCandidates } from './api';
import { ExpandableMatchRow, NoMatchesRow } from './MatchReasons';
import { RegisterButton, useRegisterApplication } from './register-application';

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
  const { busy, problem, clearProblem, register } = useRegisterApplication(onCreated);

  if (list.isError) return <ProblemAlert problem={problemOf(list.error, t('errors.loadFailed'))} />;
  if (!list.data) return <PageLoader />;

  const items = list.data.items;
  const mayRegister = canWrite && posting.status === 'open';
  const columns = mayRegister ? 4 : 3;
  const label = t('jobs.posting.candidatesTableLabel');
  return (
    <Stack gap="sm">
      <Text size="sm">{t('jobs.posting.candidatesIntro', { considered: list.data.considered })}</Text>
      <ProblemAlert problem={problem} onClose={clearProblem} />
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
                        <RegisterButton
                          busy={busy}
                          busyKey={candidate.person.id}
                          onClick={() =>
                            register(candidate.person.id, candidate.person.id, {
                              postingId: posting.id,
                              stage: 'recommended',
                            })
                          }
                          label={t('jobs.posting.recommendLabel', { code: candidate.person.code })}
                          testId="candidate-recommend"
                        >
                          {t('jobs.recommendations.recommend')}
                        </RegisterButton>
                      )}
                    </Table.Td>
                  ) : null
                }
              />
            ))}
            {items.length === 0 ? (
              <NoMatchesRow columns={columns} testId="candidates-empty">
                {t('jobs.posting.noCandidates')}
              </NoMatchesRow>
            ) : null}
          </Table.Tbody>
        </Table>
      </TableFrame>
    </Stack>
  );
}
