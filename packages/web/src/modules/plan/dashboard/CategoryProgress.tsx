import { PROGRESS_STATUSES } from '@ieum/domain';
import { BarChart } from '@mantine/charts';
import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../platform/i18n';
import { Figure } from '../../../platform/ui/Figure';
import { TableFrame } from '../../../platform/ui/TableFrame';
import type { DashboardData } from '../api';
import { PROGRESS_COLORS } from '../badges';
import { localized } from '../text';

const STATUSES = [...PROGRESS_STATUSES, 'not_reported'] as const;
const CHART_COLORS = Object.fromEntries(
  STATUSES.map((status) => [status, `${PROGRESS_COLORS[status]}.6`]),
) as Record<(typeof STATUSES)[number], string>;

/** Per category: how many tasks stand where on their latest report, and their mean percent complete. */
export function CategoryProgress({ dashboard }: { dashboard: DashboardData }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const heading = t('plan.dashboard.byCategory');
  const rows = [
    ...dashboard.categories.map((c) => ({
      key: String(c.code),
      label: `${c.code}. ${localized(c, locale)}`,
      ...c,
    })),
    { key: 'total', label: t('plan.dashboard.total'), ...dashboard.plan },
  ];
  const mean = (value: number | null) =>
    value === null ? t('plan.dashboard.noReports') : t('plan.percent', { value });
  return (
    <Figure
      id="plan-dashboard-categories"
      heading={heading}
      chart={
        <BarChart
          h={Math.max(180, dashboard.categories.length * 40)}
          orientation="vertical"
          type="stacked"
          barChartProps={{ accessibilityLayer: false }}
          data={dashboard.categories.map((c) => ({ name: localized(c, locale), ...c.byStatus }))}
          dataKey="name"
          series={STATUSES.map((status) => ({
            name: status,
            label: t(`plan.progressStatuses.${status}`),
            color: CHART_COLORS[status],
          }))}
          withLegend
          xAxisProps={{ allowDecimals: false }}
          yAxisProps={{ width: 150 }}
          withTooltip={false}
        />
      }
      table={
        <TableFrame label={heading}>
          <Table striped aria-label={heading} data-testid="plan-dashboard-categories-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('plan.dashboard.category')}</Table.Th>
                <Table.Th scope="col">{t('plan.dashboard.tasks')}</Table.Th>
                {STATUSES.map((status) => (
                  <Table.Th scope="col" key={status}>
                    {t(`plan.progressStatuses.${status}`)}
                  </Table.Th>
                ))}
                <Table.Th scope="col">{t('plan.dashboard.meanPercent')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={row.key} data-testid={`plan-dashboard-category-${row.key}`}>
                  <Table.Th scope="row">{row.label}</Table.Th>
                  <Table.Td>{row.tasks}</Table.Td>
                  {STATUSES.map((status) => (
                    <Table.Td key={status}>{row.byStatus[status]}</Table.Td>
                  ))}
                  <Table.Td>{mean(row.meanPercentComplete)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableFrame>
      }
    />
  );
}
