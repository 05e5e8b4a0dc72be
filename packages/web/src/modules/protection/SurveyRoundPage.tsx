import { SURVEY_FINDINGS, SurveyRoundView } from '@ieum/domain';
import { BarChart } from '@mantine/charts';
import { Button, Card, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError, problemOf } from '../../platform/api';
import { hasPermission, useMe } from '../../platform/auth/session';
import { formatDate } from '../../platform/format';
import { useLocale } from '../../platform/i18n';
import { Fact } from '../../platform/ui/Fact';
import { Figure } from '../../platform/ui/Figure';
import { PageHeader } from '../../platform/ui/PageHeader';
import { PageLoader } from '../../platform/ui/PageLoader';
import { ProblemAlert } from '../../platform/ui/ProblemAlert';
import { TableFrame } from '../../platform/ui/TableFrame';
import { type SurveyRoundData, useSurveyRound } from './api';
import { useCountText } from './badges';
import { SurveyChecks } from './SurveyChecks';
import { categoryLabel } from './text';

function BackToList() {
  const { t } = useTranslation();
  return (
    <Button variant="default" component={Link} to="/protection/surveys">
      {t('protection.surveys.round.back')}
    </Button>
  );
}

function Overview({ round }: { round: SurveyRoundData }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { criteria } = round;
  const exclusions = [
    criteria.excludeOnLivelihoodOrMedicalAid ? t('protection.surveys.excludeAid') : null,
    criteria.excludeInsuredRegularWorkers ? t('protection.surveys.excludeInsured') : null,
  ].filter((text): text is string => text !== null);
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="survey-overview">
      <Title order={2} size="h4" id="survey-overview" mb="sm">
        {t('protection.surveys.round.overview')}
      </Title>
      <Table variant="vertical" layout="fixed" withRowBorders={false} aria-labelledby="survey-overview">
        <Table.Tbody>
          <Fact label={t('protection.surveys.period')}>
            {t('protection.surveys.periodValue', {
              from: formatDate(round.startsOn, locale),
              to: formatDate(round.endsOn, locale),
            })}
          </Fact>
          <Fact label={t('protection.surveys.round.criteria')}>
            {criteria.categories.map((category) => categoryLabel(category, locale)).join(', ')}
          </Fact>
          <Fact label={t('protection.surveys.exclusions')}>
            {exclusions.length > 0 ? exclusions.join(' · ') : t('common.none')}
          </Fact>
          <Fact label={t('protection.surveys.round.selected')}>
            <span data-testid="survey-selected">{round.selected.toLocaleString(locale)}</span>
          </Fact>
          <Fact label={t('protection.surveys.round.checked')}>
            <span data-testid="survey-checked">{round.checked.toLocaleString(locale)}</span>
          </Fact>
          <Fact label={t('protection.surveys.round.createdBy')}>
            {round.createdBy.displayName} · {formatDate(round.createdAt, locale)}
          </Fact>
        </Table.Tbody>
      </Table>
    </Card>
  );
}

function Findings({ round }: { round: SurveyRoundData }) {
  const { t } = useTranslation();
  const countText = useCountText();
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="survey-findings">
      <Title order={2} size="h4" id="survey-findings" mb="sm">
        {t('protection.surveys.round.findingsHeading')}
      </Title>
      <Table aria-label={t('protection.surveys.round.findingsLabel')} data-testid="survey-findings-table">
        <Table.Tbody>
          {SURVEY_FINDINGS.map((finding) => (
            <Table.Tr key={finding}>
              <Table.Th scope="row">{t(`protection.surveys.findings.${finding}`)}</Table.Th>
              <Table.Td data-testid={`survey-finding-${finding}`}>
                {countText(round.findings[finding])}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="xs" c="dimmed" mt="sm">
        {t('protection.suppressedNote')}
      </Text>
    </Card>
  );
}

/** Progress by organization: bars for the eye (hidden from assistive technology), the table for reading. */
function ByOrganization({ round }: { round: SurveyRoundData }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const countText = useCountText();
  const checkedLabel = t('protection.surveys.round.checked');
  const pendingLabel = t('protection.surveys.round.pending');
  const data = round.byOrganization.map((row) => ({
    organization: row.organization.name,
    checked: row.checked,
    pending: Math.max(0, row.selected - row.checked),
  }));
  return (
    <Figure
      id="survey-by-organization"
      heading={t('protection.surveys.round.byOrganization')}
      chart={
        <BarChart
          h={Math.max(160, 48 * data.length)}
          orientation="vertical"
          barChartProps={{ accessibilityLayer: false }}
          data={data}
          dataKey="organization"
          type="stacked"
          series={[
            { name: 'checked', label: checkedLabel, color: 'teal.7' },
            { name: 'pending', label: pendingLabel, color: 'gray.4' },
          ]}
          yAxisProps={{ width: 160 }}
          xAxisProps={{ allowDecimals: false }}
          withLegend
          withTooltip={false}
        />
      }
      table={
        <TableFrame label={t('protection.surveys.round.byOrganizationTable')}>
          <Table
            striped
            aria-label={t('protection.surveys.round.byOrganizationTable')}
            data-testid="survey-by-organization"
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('protection.surveys.round.organization')}</Table.Th>
                <Table.Th scope="col">{t('protection.surveys.round.selected')}</Table.Th>
                <Table.Th scope="col">{t('protection.surveys.round.checked')}</Table.Th>
                <Table.Th scope="col">{t('protection.surveys.crisisSuspects')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {round.byOrganization.map((row) => (
                <Table.Tr key={row.organization.id}>
                  <Table.Th scope="row">{row.organization.name}</Table.Th>
                  <Table.Td>{row.selected.toLocaleString(locale)}</Table.Td>
                  <Table.Td>{row.checked.toLocaleString(locale)}</Table.Td>
                  <Table.Td>{countText(row.crisisSuspects)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableFrame>
      }
    />
  );
}

/** One survey round: what selected its persons, progress and findings by organization, and the checks. */
export default function SurveyRoundPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { id = '' } = useParams();
  const wellFormed = SurveyRoundView.shape.id.safeParse(id).success;
  const round = useSurveyRound(id, wellFormed);
  const seesChecks = hasPermission(me, 'surveys.check') || hasPermission(me, 'surveys.assign');

  if (!wellFormed || (isApiError(round.error) && round.error.status === 404)) {
    return (
      <Stack align="flex-start" data-testid="survey-not-found">
        <PageHeader title={t('protection.surveys.round.notFoundTitle')} />
        <Text>{t('protection.surveys.round.notFoundMessage')}</Text>
        <BackToList />
      </Stack>
    );
  }
  if (round.isError)
    return (
      <Stack>
        <PageHeader title={t('protection.surveys.title')} actions={<BackToList />} />
        <ProblemAlert problem={problemOf(round.error, t('errors.unexpected'))} />
      </Stack>
    );
  if (!round.data) return <PageLoader />;
  const data = round.data;
  return (
    <Stack gap="lg" data-testid="survey-round">
      <PageHeader title={data.name} actions={<BackToList />} />
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <Overview round={data} />
        <Findings round={data} />
      </SimpleGrid>
      {data.byOrganization.length > 0 ? <ByOrganization round={data} /> : null}
      {seesChecks ? (
        <Card withBorder padding="lg" component="section" aria-labelledby="survey-checks">
          <Title order={2} size="h4" id="survey-checks" mb="sm">
            {t('protection.surveys.checks.heading')}
          </Title>
          <SurveyChecks roundId={data.id} />
        </Card>
      ) : null}
    </Stack>
  );
}
