import { QUARTERS } from '@ieum/domain';
import { Anchor, Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLocale } from '../../../platform/i18n';
import { UNCLIPPED } from '../../../platform/ui/badges';
import { Section } from '../../../platform/ui/Section';
import { TableFrame } from '../../../platform/ui/TableFrame';
import type { DashboardData } from '../api';
import { PROGRESS_COLORS } from '../badges';
import { orgName } from '../text';

type Cell = DashboardData['matrix'][number]['cells'][number];

/** A cell says in words what its colour shows: the status and percent, or that the report is due or overdue. */
function MatrixCell({ cell }: { cell: Cell | undefined }) {
  const { t } = useTranslation();
  if (!cell || cell.state === 'not_due')
    return (
      <Text size="xs" c="dimmed">
        {t('plan.dashboard.cell.not_due')}
      </Text>
    );
  if (cell.state === 'reported')
    return (
      <Badge color={PROGRESS_COLORS[cell.status]} variant="light" styles={UNCLIPPED}>
        {t('plan.dashboard.cell.reported', {
          status: t(`plan.progressStatuses.${cell.status}`),
          percent: cell.percentComplete,
        })}
        {cell.late ? ` · ${t('plan.dashboard.cell.late')}` : ''}
      </Badge>
    );
  return (
    <Badge color={cell.state === 'overdue' ? 'red' : 'yellow'} variant="outline" styles={UNCLIPPED}>
      {t(`plan.dashboard.cell.${cell.state}`)}
    </Badge>
  );
}

/** Every task against the four quarters of the plan's year. */
export function TaskMatrix({ dashboard, planId }: { dashboard: DashboardData; planId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const heading = t('plan.dashboard.matrix');
  return (
    <Section id="plan-dashboard-matrix" heading={heading}>
      <TableFrame label={heading}>
        <Table aria-label={heading} data-testid="plan-dashboard-matrix" verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('plan.dashboard.task')}</Table.Th>
              <Table.Th scope="col">{t('plan.dashboard.lead')}</Table.Th>
              {QUARTERS.map((quarter) => (
                <Table.Th scope="col" key={quarter}>
                  {t('plan.quarter', { quarter })}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {dashboard.matrix.map(({ task, cells }) => (
              <Table.Tr key={task.key} data-testid={`plan-matrix-${task.code}`}>
                <Table.Th scope="row" fw={400}>
                  <Anchor component={Link} to={`/plans/${planId}/tasks/${task.key}`} size="sm">
                    {`${task.code} ${task.title}`}
                  </Anchor>
                </Table.Th>
                <Table.Td>
                  <Text size="sm">{orgName(task.leadOrganization, locale)}</Text>
                </Table.Td>
                {QUARTERS.map((quarter) => (
                  <Table.Td key={quarter} data-testid={`plan-matrix-${task.code}-q${quarter}`}>
                    <MatrixCell cell={cells.find((c) => c.quarter === quarter)} />
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
            {dashboard.matrix.length === 0 ? (
              <Table.Tr>
                <Table.Td colSpan={6}>{t('plan.dashboard.noTasks')}</Table.Td>
              </Table.Tr>
            ) : null}
          </Table.Tbody>
        </Table>
      </TableFrame>
    </Section>
  );
}
