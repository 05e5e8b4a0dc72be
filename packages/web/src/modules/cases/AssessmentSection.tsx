import { NEED_DOMAINS } from '@ieum/domain';
import { BarChart } from '@mantine/charts';
import { Box, Card, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../platform/format';
import { useLocale } from '../../platform/i18n';
import { TableFrame } from '../../platform/ui/TableFrame';
import { AssessmentForm } from './AssessmentForm';
import type { AssessmentData, CaseDetailData } from './api';

function scoreOf(assessment: AssessmentData | undefined, domain: string): number | null {
  const score = assessment?.scores[domain];
  return score === undefined ? null : score;
}

/**
 * The latest scores beside the previous ones, as a bar chart for the eye and a table with the same numbers
 * for screen readers and anyone who prefers to read them.
 */
function LatestScores({
  latest,
  previous,
}: {
  latest: AssessmentData;
  previous: AssessmentData | undefined;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const latestLabel = t('cases.assessment.latest', { date: formatDate(latest.assessedOn, locale) });
  const previousLabel = previous
    ? t('cases.assessment.previous', { date: formatDate(previous.assessedOn, locale) })
    : '';
  const data = NEED_DOMAINS.map((domain) => ({
    domain: t(`cases.domain.${domain}`),
    latest: scoreOf(latest, domain) ?? 0,
    ...(previous ? { previous: scoreOf(previous, domain) ?? 0 } : {}),
  }));
  const series = [
    { name: 'latest', label: latestLabel, color: 'indigo.6' },
    ...(previous ? [{ name: 'previous', label: previousLabel, color: 'gray.5' }] : []),
  ];
  const dash = (score: number | null) => (score === null ? t('cases.assessment.notAssessedShort') : score);

  return (
    <Stack gap="sm">
      {/* The chart repeats the table below; it is one image to assistive technology, not a maze of bars. */}
      <Box role="img" aria-label={t('cases.assessment.chartLabel')} data-testid="assessment-chart">
        <BarChart
          h={260}
          data={data}
          dataKey="domain"
          series={series}
          withLegend={previous !== undefined}
          yAxisProps={{ domain: [0, 4], allowDecimals: false }}
          barChartProps={{ accessibilityLayer: false }}
        />
      </Box>
      <TableFrame label={t('cases.assessment.tableLabel')}>
        <Table striped fz="sm" aria-label={t('cases.assessment.tableLabel')} data-testid="assessment-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('cases.assessment.domain')}</Table.Th>
              <Table.Th scope="col">{latestLabel}</Table.Th>
              {previous ? <Table.Th scope="col">{previousLabel}</Table.Th> : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {NEED_DOMAINS.map((domain) => (
              <Table.Tr key={domain} data-testid={`assessment-row-${domain}`}>
                <Table.Th scope="row">{t(`cases.domain.${domain}`)}</Table.Th>
                <Table.Td>{dash(scoreOf(latest, domain))}</Table.Td>
                {previous ? <Table.Td>{dash(scoreOf(previous, domain))}</Table.Td> : null}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableFrame>
      {latest.priorities.length > 0 ? (
        <Text size="sm" data-testid="assessment-priorities">
          {t('cases.assessment.priorities', {
            domains: latest.priorities.map((domain) => t(`cases.domain.${domain}`)).join(', '),
          })}
        </Text>
      ) : null}
    </Stack>
  );
}

function AssessmentHistory({ assessments }: { assessments: readonly AssessmentData[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <TableFrame label={t('cases.assessment.historyLabel')}>
      <Table striped fz="sm" aria-label={t('cases.assessment.historyLabel')} data-testid="assessment-history">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('cases.assessment.assessedOn')}</Table.Th>
            <Table.Th scope="col">{t('cases.assessment.assessor')}</Table.Th>
            <Table.Th scope="col">{t('cases.assessment.priorityHeading')}</Table.Th>
            <Table.Th scope="col">{t('cases.assessment.summary')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {assessments.map((assessment) => (
            <Table.Tr key={assessment.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {formatDate(assessment.assessedOn, locale)}
              </Table.Td>
              <Table.Td className="mono">{assessment.assessorUsername}</Table.Td>
              <Table.Td>
                {assessment.priorities.length > 0
                  ? assessment.priorities.map((domain) => t(`cases.domain.${domain}`)).join(', ')
                  : t('common.none')}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{assessment.summary ?? '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableFrame>
  );
}

/** Needs assessment: the latest scores (chart and table), earlier assessments, and a form for a new one. */
export function AssessmentSection({
  caseData,
  canWrite,
  onChanged,
}: {
  caseData: CaseDetailData;
  canWrite: boolean;
  onChanged: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  // The server lists assessments newest first.
  const [latest, previous] = caseData.assessments;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="case-assessment">
      <Title order={2} size="h4" id="case-assessment" mb="md">
        {t('cases.assessment.heading')}
      </Title>
      <Stack gap="lg">
        {latest ? (
          <>
            <LatestScores latest={latest} previous={previous} />
            <AssessmentHistory assessments={caseData.assessments} />
          </>
        ) : (
          <Text size="sm" data-testid="assessment-empty">
            {t('cases.assessment.empty')}
          </Text>
        )}
        {canWrite ? <AssessmentForm caseId={caseData.id} onSaved={onChanged} /> : null}
      </Stack>
    </Card>
  );
}
