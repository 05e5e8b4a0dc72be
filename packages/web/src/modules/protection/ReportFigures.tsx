import { ALERT_LEVELS, type AlertLevel, REGIONS } from '@ieum/domain';
import { BarChart } from '@mantine/charts';
import { Table } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Figure } from '../../platform/ui/Figure';
import { TableFrame } from '../../platform/ui/TableFrame';
import type { ProtectionReportData } from './api';
import { useCountText } from './badges';

export const LEVELS_DESC: readonly AlertLevel[] = [...ALERT_LEVELS].reverse();
const LEVEL_COLORS: Record<AlertLevel, string> = { crisis: 'red.8', high: 'orange.6', watch: 'yellow.5' };

type Counts = Readonly<Partial<Record<string, number | null>>>;

/** A suppressed cell is not drawn: 0 in the chart, "<5" in the table beside it. */
const drawn = (count: number | null | undefined) => count ?? 0;

/** A one-series bar chart over a record of counts, with the table of the same counts. */
export function CountsFigure({
  id,
  heading,
  tableLabel,
  keyHeader,
  keys,
  counts,
  label,
  color,
}: {
  id: string;
  heading: string;
  tableLabel: string;
  keyHeader: string;
  keys: readonly string[];
  counts: Counts;
  label: (key: string) => string;
  color: string;
}) {
  const { t } = useTranslation();
  const countText = useCountText();
  const data = keys.map((key) => ({ name: label(key), count: drawn(counts[key]) }));
  return (
    <Figure
      id={id}
      heading={heading}
      note={keys.some((key) => counts[key] === null) ? t('protection.reports.chartNote') : undefined}
      chart={
        <BarChart
          h={220}
          barChartProps={{ accessibilityLayer: false }}
          data={data}
          dataKey="name"
          series={[{ name: 'count', label: t('protection.reports.count'), color }]}
          yAxisProps={{ allowDecimals: false }}
          withTooltip={false}
        />
      }
      table={
        <TableFrame label={tableLabel}>
          <Table aria-label={tableLabel} data-testid={`${id}-table`}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{keyHeader}</Table.Th>
                <Table.Th scope="col">{t('protection.reports.count')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {keys.map((key) => (
                <Table.Tr key={key}>
                  <Table.Th scope="row">{label(key)}</Table.Th>
                  <Table.Td data-testid={`${id}-${key}`}>{countText(counts[key])}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableFrame>
      }
    />
  );
}

// Through i18next's own TFunction: the hook's type, instantiated here, hits TypeScript's depth limit.
function regionLabel(t: TFunction, region: string): string {
  if ((REGIONS as readonly string[]).includes(region))
    return t(`regions.${region as (typeof REGIONS)[number]}`);
  return region === 'unknown' ? t('protection.reports.unknownRegion') : region;
}

export function ByRegion({ report }: { report: ProtectionReportData }) {
  const { t } = useTranslation();
  const countText = useCountText();
  const rows = report.alertsByRegion;
  const suppressed = rows.some((row) => LEVELS_DESC.some((level) => row[level] === null));
  const data = rows.map((row) => ({
    region: regionLabel(t, row.region),
    ...Object.fromEntries(LEVELS_DESC.map((level) => [level, drawn(row[level])])),
  }));
  return (
    <Figure
      id="report-by-region"
      heading={t('protection.reports.byRegion')}
      note={suppressed ? t('protection.reports.chartNote') : undefined}
      chart={
        <BarChart
          h={260}
          barChartProps={{ accessibilityLayer: false }}
          data={data}
          dataKey="region"
          type="stacked"
          yAxisProps={{ allowDecimals: false }}
          series={LEVELS_DESC.map((level) => ({
            name: level,
            label: t(`protection.levels.${level}`),
            color: LEVEL_COLORS[level],
          }))}
          withLegend
          withTooltip={false}
        />
      }
      table={
        <TableFrame label={t('protection.reports.byRegionTable')}>
          <Table
            striped
            aria-label={t('protection.reports.byRegionTable')}
            data-testid="report-by-region-table"
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('protection.reports.region')}</Table.Th>
                {LEVELS_DESC.map((level) => (
                  <Table.Th scope="col" key={level}>
                    {t(`protection.levels.${level}`)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={row.region}>
                  <Table.Th scope="row">{regionLabel(t, row.region)}</Table.Th>
                  {LEVELS_DESC.map((level) => (
                    <Table.Td key={level}>{countText(row[level])}</Table.Td>
                  ))}
                </Table.Tr>
              ))}
              {rows.length === 0 ? (
                <Table.Tr>
                  <Table.Td colSpan={4}>{t('common.noResults')}</Table.Td>
                </Table.Tr>
              ) : null}
            </Table.Tbody>
          </Table>
        </TableFrame>
      }
    />
  );
}
