import { JobFairRequest } from '@ieum/domain';
import {
  Alert,
  Anchor,
  Button,
  Card,
  Checkbox,
  Group,
  Loader,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { problemOf } from '../../platform/api';
import { messageText, useForm } from '../../platform/forms';
import { useLocale } from '../../platform/i18n';
import { ProblemAlert } from '../../platform/ui/ProblemAlert';
import { TableFrame } from '../../platform/ui/TableFrame';
import { FAIR_POSTING_LIMIT, type JobFairResultData, type PostingData, runJobFair, usePostings } from './api';
import { numberText, typedNumber } from './format';
import { JobsHeader } from './JobsHeader';

const OPEN_POSTINGS = { status: 'open', employerId: null, occupation: null, region: null, page: 1 } as const;

function Result({ result, postings }: { result: JobFairResultData; postings: readonly PostingData[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const titles = new Map(postings.map((posting) => [posting.id, posting.title]));
  const gain = result.exact.totalScore - result.greedy.totalScore;
  const figures = [
    ['seekers', numberText(result.seekers, locale)],
    ['openings', numberText(result.openings, locale)],
    [
      'exactTotal',
      t('jobs.fair.totalValue', {
        total: numberText(result.exact.totalScore, locale),
        placed: result.exact.placements.length,
      }),
    ],
    [
      'greedyTotal',
      t('jobs.fair.totalValue', {
        total: numberText(result.greedy.totalScore, locale),
        placed: result.greedy.placed,
      }),
    ],
  ] as const;
  const label = t('jobs.fair.placementsTableLabel');
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="fair-result" data-testid="fair-result">
      <Title order={2} size="h4" id="fair-result" mb="sm">
        {t('jobs.fair.resultHeading')}
      </Title>
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} component="dl" m={0}>
          {figures.map(([key, value]) => (
            <Card key={key} withBorder padding="sm">
              <Text component="dt" size="sm">
                {t(`jobs.fair.${key}`)}
              </Text>
              <Text component="dd" m={0} fw={700} size="lg" data-testid={`fair-${key}`}>
                {value}
              </Text>
            </Card>
          ))}
        </SimpleGrid>
        <Text size="sm" data-testid="fair-comparison">
          {gain > 0 ? t('jobs.fair.better', { gain: numberText(gain, locale) }) : t('jobs.fair.same')}
        </Text>
        <Text size="xs" c="dimmed">
          {t('jobs.fair.method', { ms: numberText(result.exact.durationMs, locale, 1) })}
        </Text>
        {result.exact.placements.length === 0 ? (
          <Text size="sm" data-testid="fair-no-placements">
            {t('jobs.fair.noPlacements')}
          </Text>
        ) : (
          <TableFrame label={label}>
            <Table striped miw={560} aria-label={label} data-testid="fair-placements">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('jobs.fields.person')}</Table.Th>
                  <Table.Th scope="col">{t('jobs.fair.posting')}</Table.Th>
                  <Table.Th scope="col">{t('jobs.fields.score')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {result.exact.placements.map((placement) => (
                  <Table.Tr key={`${placement.person.id}:${placement.postingId}`}>
                    <Table.Td>
                      <Anchor
                        component={Link}
                        to={`/persons/${placement.person.id}?tab=jobs`}
                        className="mono"
                      >
                        {placement.person.code}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={`/jobs/postings/${placement.postingId}`}>
                        {titles.get(placement.postingId) ?? placement.postingId}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{t('jobs.score', { score: placement.score })}</Table.Td>
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

/**
 * A job fair: the officer picks the open postings taking part and the lowest score worth proposing; the server
 * assigns seekers to openings for the highest total score (min-cost flow) and shows what taking the best pair
 * first would have given, so the gain of the exact assignment is plain.
 */
export default function JobFairPage() {
  const { t } = useTranslation();
  const postings = usePostings(OPEN_POSTINGS, FAIR_POSTING_LIMIT);
  const items = postings.data?.items ?? [];
  const form = useForm<{ postingIds: string[]; minScore: string }>({ postingIds: [], minScore: '40' });
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<JobFairResultData | null>(null);
  const chosen = new Set(form.values.postingIds);
  const label = t('jobs.fair.postingsTableLabel');

  const toggle = (id: string, on: boolean) =>
    form.setValue(
      'postingIds',
      on ? [...form.values.postingIds, id] : form.values.postingIds.filter((x) => x !== id),
    );

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    form.setProblem(null);
    const input = form.validate(
      JobFairRequest,
      { postingIds: form.values.postingIds, minScore: typedNumber(form.values.minScore) },
      { messages: { postingIds: 'jobs.fair.choosePostings', minScore: 'jobs.fair.minScoreRange' } },
    );
    if (!input) return;
    setRunning(true);
    setResult(null);
    runJobFair(input)
      .then(setResult, form.fail)
      .finally(() => setRunning(false));
  };

  return (
    <Stack gap="md">
      <JobsHeader title={t('jobs.fair.title')} />
      <Text>{t('jobs.fair.intro')}</Text>
      {postings.isError ? <ProblemAlert problem={problemOf(postings.error, t('errors.loadFailed'))} /> : null}
      <form onSubmit={onSubmit} noValidate aria-label={t('jobs.fair.formLabel')} data-testid="fair-form">
        <Stack gap="md">
          <ProblemAlert problem={form.problem} onClose={() => form.setProblem(null)} />
          <Group gap="sm">
            <Button
              size="xs"
              variant="default"
              onClick={() =>
                form.setValue(
                  'postingIds',
                  items.map((posting) => posting.id),
                )
              }
              disabled={items.length === 0}
              data-testid="fair-select-all"
            >
              {t('jobs.fair.selectAll')}
            </Button>
            <Button
              size="xs"
              variant="default"
              onClick={() => form.setValue('postingIds', [])}
              disabled={chosen.size === 0}
            >
              {t('common.clear')}
            </Button>
            <Text size="sm" aria-live="polite" data-testid="fair-chosen">
              {t('jobs.fair.chosen', { count: chosen.size })}
            </Text>
          </Group>
          {form.errors.postingIds ? (
            <Alert color="red" data-testid="fair-postings-error">
              {messageText(t, form.errors.postingIds)}
            </Alert>
          ) : null}
          <TableFrame label={label}>
            <Table striped miw={640} aria-label={label} data-testid="fair-postings">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('jobs.fair.take')}</Table.Th>
                  <Table.Th scope="col">{t('jobs.fair.posting')}</Table.Th>
                  <Table.Th scope="col">{t('jobs.fields.employer')}</Table.Th>
                  <Table.Th scope="col">{t('jobs.fields.region')}</Table.Th>
                  <Table.Th scope="col">{t('jobs.fair.remaining')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((posting) => (
                  <Table.Tr key={posting.id}>
                    <Table.Td>
                      <Checkbox
                        aria-label={t('jobs.fair.takeLabel', { title: posting.title })}
                        checked={chosen.has(posting.id)}
                        onChange={(event) => toggle(posting.id, event.currentTarget.checked)}
                        data-testid={`fair-posting-${posting.id}`}
                      />
                    </Table.Td>
                    <Table.Td>{posting.title}</Table.Td>
                    <Table.Td>{posting.employer.name}</Table.Td>
                    <Table.Td>{t(`regions.${posting.region}`)}</Table.Td>
                    <Table.Td>{Math.max(0, posting.openings - posting.placed)}</Table.Td>
                  </Table.Tr>
                ))}
                {postings.isSuccess && items.length === 0 ? (
                  <Table.Tr>
                    <Table.Td colSpan={5}>{t('jobs.fair.noOpenPostings')}</Table.Td>
                  </Table.Tr>
                ) : null}
              </Table.Tbody>
            </Table>
          </TableFrame>
          <Group align="flex-end" gap="sm">
            <TextInput
              type="number"
              min={0}
              max={100}
              label={t('jobs.fair.minScore')}
              description={t('jobs.fair.minScoreHint')}
              required
              error={messageText(t, form.errors.minScore)}
              {...form.text('minScore')}
              w={320}
              data-testid="fair-min-score"
            />
            <Button type="submit" loading={running} data-testid="fair-run">
              {t('jobs.fair.run')}
            </Button>
          </Group>
        </Stack>
      </form>
      {running ? (
        <Group gap="sm" role="status" aria-live="polite">
          <Loader size="sm" aria-hidden="true" />
          <Text size="sm">{t('jobs.fair.running')}</Text>
        </Group>
      ) : null}
      {result ? <Result result={result} postings={items} /> : null}
    </Stack>
  );
}
