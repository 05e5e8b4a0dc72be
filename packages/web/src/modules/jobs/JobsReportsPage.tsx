import { JobsReportQuery } from '@ieum/domain';
import { BarChart } from '@mantine/charts';
import { SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../platform/i18n';
import { Figure } from '../../platform/ui/Figure';
import { FigureList } from '../../platform/ui/FigureList';
import { ReportPeriodForm, ReportScopeBadge, useReportPeriod } from '../../platform/ui/ReportPeriod';
import { Section } from '../../platform/ui/Section';
import { TableFrame } from '../../platform/ui/TableFrame';
import { type JobsReportData, useJobsReport } from './api';
import { numberText, useCountText, useWon } from './format';
import { JobsHeader } from './JobsHeader';
import { occupationLabel } from './text';

/** The page opens on the last 365 days: placements are counted by the year, as the programmes are. */
const DEFAULT_DAYS = 365;

function Figures({ report }: { report: JobsReportData }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const countText = useCountText();
  const won = useWon();
  const none = t('jobs.reports.notAvailable');
  const figures = [
    ['workingAge', countText(report.workingAge)],
    ['employed', countText(report.employed)],
    [
      'employmentRate',
      report.employmentRate === null
        ? none
        : report.employmentRate.toLocaleString(locale, { style: 'percent', maximumFractionDigits: 1 }),
    ],
    [
      'averageMonthlyWage',
      report.averageMonthlyWage === null ? none : won(Math.round(report.averageMonthlyWage)),
    ],
    [
      'medianTenureMonths',
      report.medianTenureMonths === null
        ? none
        : t('jobs.reports.monthsValue', { value: numberText(report.medianTenureMonths, locale, 1) }),
    ],
    ['placements', countText(report.placements)],
    ['endedBeforeSixMonths', countText(report.endedBeforeSixMonths)],
    ['employers', countText(report.employers)],
    ['priorityPurchasingEmployers', countText(report.priorityPurchasingEmployers)],
    ['openPostings', countText(report.openPostings)],
    ['openOpenings', countText(report.openOpenings)],
  ] as const;
  return (
    <Section id="jobs-report-figures" heading={t('jobs.reports.figures')}>
      <FigureList
        items={figures.map(([key, value]) => ({
          key,
          label: t(`jobs.reports.${key}`),
          value,
          testId: `jobs-report-${key}`,
        }))}
      />
      <Text size="xs" c="dimmed" mt="sm">
        {t('jobs.suppressedNote')}
      </Text>
    </Section>
  );
}

/** Placements by one key (region or occupation): a bar chart for the eye, and the table of the same counts. */
function PlacementsBy({
  id,
  heading,
  keyHeader,
  rows,
}: {
  id: string;
  heading: string;
  keyHeader: string;
  rows: readonly { key: string; label: string; count: number | null }[];
}) {
  const { t } = useTranslation();
  const countText = useCountText();
  const tableLabel = t('jobs.reports.tableLabel', { heading });
  return (
    <Figure
      id={id}
      heading={heading}
      note={rows.some((row) => row.count === null) ? t('jobs.reports.chartNote') : undefined}
      chart={
        <BarChart
          h={Math.max(160, rows.length * 28)}
          orientation="vertical"
          barChartProps={{ accessibilityLayer: false }}
          data={rows.map((row) => ({ name: row.label, count: row.count ?? 0 }))}
          dataKey="name"
          series={[{ name: 'count', label: t('jobs.reports.count'), color: 'teal.7' }]}
          xAxisProps={{ allowDecimals: false }}
          yAxisProps={{ width: 120 }}
          withTooltip={false}
        />
      }
      table={
        <TableFrame label={tableLabel}>
          <Table striped aria-label={tableLabel} data-testid={`${id}-table`}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{keyHeader}</Table.Th>
                <Table.Th scope="col">{t('jobs.reports.count')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={row.key}>
                  <Table.Th scope="row">{row.label}</Table.Th>
                  <Table.Td data-testid={`${id}-${row.key}`}>{countText(row.count)}</Table.Td>
                </Table.Tr>
              ))}
              {rows.length === 0 ? (
                <Table.Tr>
                  <Table.Td colSpan={2}>{t('common.noResults')}</Table.Td>
                </Table.Tr>
              ) : null}
            </Table.Tbody>
          </Table>
        </TableFrame>
      }
    />
  );
}

function Report({ report }: { report: JobsReportData }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Stack gap="lg" data-testid="jobs-report">
      <Figures report={report} />
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <PlacementsBy
          id="jobs-report-by-region"
          heading={t('jobs.reports.byRegion')}
          keyHeader={t('jobs.fields.region')}
          rows={report.placementsByRegion.map((row) => ({
            key: row.region,
            label: t(`regions.${row.region}`),
            count: row.count,
          }))}
        />
        <PlacementsBy
          id="jobs-report-by-occupation"
          heading={t('jobs.reports.byOccupation')}
          keyHeader={t('jobs.fields.occupation')}
          rows={report.placementsByOccupation.map((row) => ({
            key: row.occupation,
            label: occupationLabel(row.occupation, locale),
            count: row.count,
          }))}
        />
      </SimpleGrid>
    </Stack>
  );
}

/** Employment figures for a chosen period: rate, wage, tenure, placements by region and occupation. */
export default function JobsReportsPage() {
  const { t } = useTranslation();
  const periodForm = useReportPeriod(JobsReportQuery, DEFAULT_DAYS);
  const report = useJobsReport(periodForm.period.from, periodForm.period.to);

  return (
    <Stack gap="lg">
      <JobsHeader
        title={t('jobs.reports.title')}
        actions={
          report.data ? (
            <ReportScopeBadge testId="jobs-report-scope">
              {t(`jobs.reports.scopes.${report.data.scope}`)}
            </ReportScopeBadge>
          ) : null
        }
      />
      <Text>{t('jobs.reports.intro')}</Text>
      <ReportPeriodForm
        periodForm={periodForm}
        query={report}
        labels={{
          form: t('jobs.reports.periodLabel'),
          from: t('jobs.reports.from'),
          to: t('jobs.reports.to'),
          show: t('jobs.reports.show'),
        }}
        testIdPrefix="jobs-report"
      >
        {(data) => <Report report={data} />}
      </ReportPeriodForm>
    </Stack>
  );
}
