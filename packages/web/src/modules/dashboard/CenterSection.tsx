import { CASE_STATUSES, type CaseStatus } from '@ieum/domain';
import { BarChart } from '@mantine/charts';
import { Card, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { TableFrame } from '../../platform/ui/TableFrame';
import type { DashboardData } from './api';

type Center = NonNullable<DashboardData['center']>;

const OPEN_STATUSES = CASE_STATUSES.filter(
  (status): status is Exclude<CaseStatus, 'closed' | 'transferred'> =>
    status !== 'closed' && status !== 'transferred',
);
const STATUS_COLORS: Record<CaseStatus, string> = {
  intake: 'gray.6',
  assessment: 'yellow.6',
  active: 'blue.6',
  review: 'grape.6',
  closed: 'teal.6',
  transferred: 'orange.6',
};

/**
 * The chart is for looking; the table beside it carries the same numbers for reading and for screen
 * readers, which is why the chart itself is hidden from them.
 */
function Figure({
  heading,
  id,
  chart,
  table,
}: {
  heading: string;
  id: string;
  chart: React.ReactNode;
  table: React.ReactNode;
}) {
  return (
    <Card withBorder padding="md" component="section" aria-labelledby={id}>
      <Title order={3} size="h5" id={id} mb="sm">
        {heading}
      </Title>
      <Stack gap="md">
        {/* The table beside it carries the numbers; the chart is hidden from assistive technology and, without
            recharts' keyboard layer, holds nothing focusable (axe: aria-hidden-focus). */}
        <div aria-hidden="true">{chart}</div>
        {table}
      </Stack>
    </Card>
  );
}

/** A center manager's view: the caseload by status and by worker, and who has overdue work. */
export function CenterSection({ center }: { center: Center }) {
  const { t } = useTranslation();
  const workerName = (worker: { displayName: string | null }) =>
    worker.displayName ?? t('dashboard.home.unassigned');
  const statusLabel = (status: CaseStatus) => t(`dashboard.caseStatus.${status}`);

  const byStatus = center.casesByStatus.map((row) => ({ status: statusLabel(row.status), count: row.count }));
  const byWorker = center.caseloadByWorker.map((worker) => ({
    worker: workerName(worker),
    ...Object.fromEntries(OPEN_STATUSES.map((status) => [status, worker.byStatus[status] ?? 0])),
  }));

  return (
    <section aria-labelledby="dashboard-center" data-testid="dashboard-center">
      <Title order={2} size="h4" id="dashboard-center" mb="sm">
        {t('dashboard.home.centerHeading')}
      </Title>
      {center.casesByStatus.length === 0 ? (
        <Text size="sm" data-testid="dashboard-center-empty">
          {t('dashboard.home.casesNone')}
        </Text>
      ) : (
        <SimpleGrid cols={{ base: 1, lg: 2 }}>
          <Figure
            id="dashboard-by-status"
            heading={t('dashboard.home.byStatusHeading')}
            chart={
              <BarChart
                h={220}
                barChartProps={{ accessibilityLayer: false }}
                data={byStatus}
                dataKey="status"
                series={[{ name: 'count', label: t('dashboard.home.cases'), color: 'blue.6' }]}
                withTooltip={false}
              />
            }
            table={
              <TableFrame label={t('dashboard.home.byStatusTable')}>
                <Table aria-label={t('dashboard.home.byStatusTable')} data-testid="table-by-status">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('dashboard.tasks.status')}</Table.Th>
                      <Table.Th scope="col">{t('dashboard.home.cases')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {center.casesByStatus.map((row) => (
                      <Table.Tr key={row.status}>
                        <Table.Th scope="row">{statusLabel(row.status)}</Table.Th>
                        <Table.Td>{row.count}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </TableFrame>
            }
          />
          <Figure
            id="dashboard-by-worker"
            heading={t('dashboard.home.byWorkerHeading')}
            chart={
              <BarChart
                h={220}
                barChartProps={{ accessibilityLayer: false }}
                data={byWorker}
                dataKey="worker"
                type="stacked"
                series={OPEN_STATUSES.map((status) => ({
                  name: status,
                  label: statusLabel(status),
                  color: STATUS_COLORS[status],
                }))}
                withLegend
                withTooltip={false}
              />
            }
            table={
              <TableFrame label={t('dashboard.home.byWorkerTable')}>
                <Table aria-label={t('dashboard.home.byWorkerTable')} data-testid="table-by-worker">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('dashboard.home.worker')}</Table.Th>
                      {OPEN_STATUSES.map((status) => (
                        <Table.Th scope="col" key={status}>
                          {statusLabel(status)}
                        </Table.Th>
                      ))}
                      <Table.Th scope="col">{t('dashboard.home.openCases')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {center.caseloadByWorker.map((worker) => (
                      <Table.Tr key={worker.id ?? 'none'}>
                        <Table.Th scope="row">{workerName(worker)}</Table.Th>
                        {OPEN_STATUSES.map((status) => (
                          <Table.Td key={status}>{worker.byStatus[status] ?? 0}</Table.Td>
                        ))}
                        <Table.Td>{worker.openCases}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </TableFrame>
            }
          />
        </SimpleGrid>
      )}

      <Card withBorder padding="md" mt="md" component="section" aria-labelledby="dashboard-overdue">
        <Title order={3} size="h5" id="dashboard-overdue" mb="sm">
          {t('dashboard.home.overdueHeading')}
        </Title>
        {center.overdueByWorker.length === 0 ? (
          <Text size="sm" data-testid="dashboard-overdue-none">
            {t('dashboard.home.overdueNone')}
          </Text>
        ) : (
          <TableFrame label={t('dashboard.home.overdueTable')}>
            <Table aria-label={t('dashboard.home.overdueTable')} data-testid="table-overdue">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('dashboard.home.worker')}</Table.Th>
                  <Table.Th scope="col">{t('dashboard.home.overdueTasks')}</Table.Th>
                  <Table.Th scope="col">{t('dashboard.home.overdueAppointments')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {center.overdueByWorker.map((worker) => (
                  <Table.Tr key={worker.id ?? 'none'}>
                    <Table.Th scope="row">{workerName(worker)}</Table.Th>
                    <Table.Td>{worker.overdueTasks}</Table.Td>
                    <Table.Td>{worker.overdueAppointments}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableFrame>
        )}
      </Card>
    </section>
  );
}
