import { formatKpiValue, latestEvaluation, QUARTERS, type Quarter } from '@ieum/domain';
import { LineChart } from '@mantine/charts';
import { Anchor, Button, Card, Group, Modal, SimpleGrid, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { problemOf } from '../../../platform/api';
import { useLocale } from '../../../platform/i18n';
import { PageLoader } from '../../../platform/ui/PageLoader';
import { ProblemAlert } from '../../../platform/ui/ProblemAlert';
import { Section } from '../../../platform/ui/Section';
import { TableFrame } from '../../../platform/ui/TableFrame';
import { type DashboardData, type KpiData, type KpiValueData, useKpiRegions } from '../api';
import { localized } from '../text';

type DashboardKpi = DashboardData['kpis'][number];

/** Charts are drawn when the filters leave a screenful of KPIs; the table always lists them all. */
export const MAX_KPI_CHARTS = 12;

/** The latest national quarter with a value or a withheld count: the domain's headline rule. */
const latestShown = (kpi: KpiData): KpiValueData | null => latestEvaluation(kpi.values);

function useValueText() {
  const locale = useLocale();
  return (kpi: KpiData, value: { value: number | null; suppressed: boolean }) =>
    formatKpiValue(value, kpi.unit, locale, kpi.unitLabelKo);
}

/** The y-axis range: every value, the baseline and the target in view (the target line must show), padded. */
export function chartDomain(values: readonly number[]): [number, number] {
  const low = Math.min(...values);
  const high = Math.max(...values);
  const pad = high === low ? Math.max(1, Math.abs(high) * 0.1) : (high - low) * 0.1;
  return [low >= 0 && low - pad < 0 ? 0 : low - pad, high + pad];
}

/** A KPI's national values by quarter against its target line (withheld values leave a gap, never a 0). */
function KpiChart({ item }: { item: DashboardKpi }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const valueText = useValueText();
  const { kpi } = item;
  const id = `plan-kpi-chart-${kpi.key}`;
  const data = QUARTERS.map((quarter) => {
    const value = kpi.values.find((v) => v.quarter === quarter);
    const milestone = kpi.milestones.find((m) => m.quarter === quarter);
    return {
      quarter: t('plan.quarter', { quarter }),
      value: value && !value.suppressed ? value.value : null,
      milestone: milestone?.value ?? null,
    };
  });
  const latest = latestShown(kpi);
  const domain = chartDomain([
    kpi.baseline,
    kpi.target,
    ...data.flatMap((point) => [point.value, point.milestone]).filter((v): v is number => v !== null),
  ]);
  return (
    <Card withBorder padding="sm" component="section" aria-labelledby={id}>
      <Title order={3} size="h6" id={id}>
        {`${item.taskCode} · ${localized(kpi, locale)}`}
      </Title>
      <Text size="xs" c="dimmed" mb="xs">
        {t('plan.dashboard.kpiLine', {
          baseline: valueText(kpi, { value: kpi.baseline, suppressed: false }),
          target: valueText(kpi, { value: kpi.target, suppressed: false }),
          latest: latest ? valueText(kpi, latest) : '–',
        })}
      </Text>
      <div aria-hidden="true">
        <LineChart
          h={140}
          data={data}
          dataKey="quarter"
          series={[
            { name: 'value', label: t('plan.dashboard.value'), color: 'teal.7' },
            {
              name: 'milestone',
              label: t('plan.dashboard.milestone'),
              color: 'gray.5',
              strokeDasharray: '4 4',
            },
          ]}
          referenceLines={[
            {
              y: kpi.target,
              label: t('plan.dashboard.target'),
              color: 'red.6',
              labelPosition: 'insideBottomRight',
            },
          ]}
          lineChartProps={{ accessibilityLayer: false }}
          withLegend
          connectNulls={false}
          withTooltip={false}
          yAxisProps={{ width: 60, domain }}
        />
      </div>
    </Card>
  );
}

/** A metric KPI's value in each region for one quarter (small counts withheld by the server). */
function RegionsDialog({
  planId,
  item,
  onClose,
}: {
  planId: string;
  item: DashboardKpi | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const valueText = useValueText();
  const latest = item ? latestShown(item.kpi) : null;
  const quarter: Quarter | null = item ? (latest?.quarter ?? item.kpi.values.at(-1)?.quarter ?? null) : null;
  const regions = useKpiRegions(planId, item?.kpi.key ?? '', item ? quarter : null);
  const heading = item ? t('plan.dashboard.regionsTitle', { name: localized(item.kpi, locale) }) : '';
  return (
    <Modal opened={item !== null} onClose={onClose} title={heading} size="lg">
      {item && quarter === null ? <Text size="sm">{t('plan.dashboard.noQuarterYet')}</Text> : null}
      {regions.isError ? <ProblemAlert problem={problemOf(regions.error, t('errors.loadFailed'))} /> : null}
      {item && quarter !== null && !regions.data && !regions.isError ? <PageLoader /> : null}
      {item && quarter !== null && regions.data ? (
        <>
          <Text size="sm" mb="sm">
            {t('plan.quarter', { quarter })}
          </Text>
          <TableFrame label={heading}>
            <Table striped aria-label={heading} data-testid="plan-kpi-regions">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('plan.dashboard.region')}</Table.Th>
                  <Table.Th scope="col">{t('plan.dashboard.value')}</Table.Th>
                  <Table.Th scope="col">{t('plan.dashboard.progress')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {regions.data.items.map((row) => (
                  <Table.Tr key={row.region ?? 'all'}>
                    <Table.Th scope="row">
                      {row.region ? t(`regions.${row.region}`) : t('plan.dashboard.national')}
                    </Table.Th>
                    <Table.Td>{valueText(item.kpi, row)}</Table.Td>
                    <Table.Td>
                      {row.progress === null ? '–' : t('plan.percent', { value: row.progress })}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableFrame>
          <Text size="xs" c="dimmed" mt="sm">
            {t('plan.suppressedNote')}
          </Text>
        </>
      ) : null}
    </Modal>
  );
}

/** Every KPI of the tasks shown: a table of where each stands, charts when few enough, regions for metrics. */
export function KpiSection({ dashboard, planId }: { dashboard: DashboardData; planId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const valueText = useValueText();
  const [regionsOf, setRegionsOf] = useState<DashboardKpi | null>(null);
  const heading = t('plan.dashboard.kpis');
  const charted = dashboard.kpis.length <= MAX_KPI_CHARTS;
  return (
    <Section id="plan-dashboard-kpis" heading={heading}>
      {dashboard.kpis.length > 0 && charted ? (
        <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }} mb="md" data-testid="plan-kpi-charts">
          {dashboard.kpis.map((item) => (
            <KpiChart key={item.kpi.key} item={item} />
          ))}
        </SimpleGrid>
      ) : null}
      {!charted ? (
        <Text size="sm" c="dimmed" mb="sm" data-testid="plan-kpi-charts-hint">
          {t('plan.dashboard.chartsHint', { count: dashboard.kpis.length, max: MAX_KPI_CHARTS })}
        </Text>
      ) : null}
      <TableFrame label={heading}>
        <Table striped aria-label={heading} data-testid="plan-dashboard-kpis">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('plan.dashboard.task')}</Table.Th>
              <Table.Th scope="col">{t('plan.dashboard.kpi')}</Table.Th>
              <Table.Th scope="col">{t('plan.dashboard.source')}</Table.Th>
              <Table.Th scope="col">{t('plan.dashboard.baseline')}</Table.Th>
              <Table.Th scope="col">{t('plan.dashboard.target')}</Table.Th>
              <Table.Th scope="col">{t('plan.dashboard.latest')}</Table.Th>
              <Table.Th scope="col">{t('plan.dashboard.progress')}</Table.Th>
              <Table.Th scope="col">{t('plan.dashboard.milestoneStatus')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {dashboard.kpis.map((item) => {
              const { kpi } = item;
              const latest = latestShown(kpi);
              return (
                <Table.Tr key={kpi.key} data-testid={`plan-kpi-${kpi.key}`}>
                  <Table.Td>
                    {/* The task's page has every quarter's value in a table. */}
                    <Anchor component={Link} to={`/plans/${planId}/tasks/${item.taskKey}`} size="sm">
                      {item.taskCode}
                    </Anchor>
                  </Table.Td>
                  <Table.Th scope="row" fw={400}>
                    {localized(kpi, locale)}
                  </Table.Th>
                  <Table.Td>
                    {kpi.source.kind === 'metric' ? (
                      <Group gap={6} wrap="nowrap">
                        <Text size="sm">{t('plan.dashboard.metric')}</Text>
                        <Button size="compact-xs" variant="light" onClick={() => setRegionsOf(item)}>
                          {t('plan.dashboard.byRegion')}
                        </Button>
                      </Group>
                    ) : (
                      t('plan.dashboard.manual')
                    )}
                  </Table.Td>
                  <Table.Td>{valueText(kpi, { value: kpi.baseline, suppressed: false })}</Table.Td>
                  <Table.Td>{valueText(kpi, { value: kpi.target, suppressed: false })}</Table.Td>
                  <Table.Td data-testid={`plan-kpi-${kpi.key}-latest`}>
                    {latest
                      ? `${valueText(kpi, latest)} (${t('plan.quarter', { quarter: latest.quarter })})`
                      : '–'}
                  </Table.Td>
                  <Table.Td>
                    {latest?.progress === null || latest === null
                      ? '–'
                      : t('plan.percent', { value: latest.progress })}
                  </Table.Td>
                  <Table.Td>{latest ? t(`plan.milestoneStatuses.${latest.milestoneStatus}`) : '–'}</Table.Td>
                </Table.Tr>
              );
            })}
            {dashboard.kpis.length === 0 ? (
              <Table.Tr>
                <Table.Td colSpan={8}>{t('plan.dashboard.noKpis')}</Table.Td>
              </Table.Tr>
            ) : null}
          </Table.Tbody>
        </Table>
      </TableFrame>
      <Text size="xs" c="dimmed" mt="sm">
        {t('plan.suppressedNote')}
      </Text>
      <RegionsDialog planId={planId} item={regionsOf} onClose={() => setRegionsOf(null)} />
    </Section>
  );
}
