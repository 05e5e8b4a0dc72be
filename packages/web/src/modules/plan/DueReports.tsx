import { Anchor, Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { problemOf } from '../../platform/api';
import { formatDate } from '../../platform/format';
import { useLocale } from '../../platform/i18n';
import { UNCLIPPED } from '../../platform/ui/badges';
import { PageLoader } from '../../platform/ui/PageLoader';
import { ProblemAlert } from '../../platform/ui/ProblemAlert';
import { Section } from '../../platform/ui/Section';
import { TableFrame } from '../../platform/ui/TableFrame';
import { useDueReports } from './api';
import { localized } from './text';

/**
 * The reminder on a task reporter's home page: the quarterly reports their organization owes now on the tasks
 * it leads — due (from the quarter's last day) or already overdue — each a link to the task's report form.
 */
export default function DueReports() {
  const { t } = useTranslation();
  const locale = useLocale();
  const due = useDueReports(true);
  const heading = t('plan.due.heading');
  return (
    <Section id="plan-due-reports" heading={heading}>
      {due.isError ? <ProblemAlert problem={problemOf(due.error, t('errors.loadFailed'))} /> : null}
      {!due.data && !due.isError ? <PageLoader /> : null}
      {due.data && due.data.items.length === 0 ? (
        <Text size="sm" data-testid="plan-due-none">
          {t('plan.due.none')}
        </Text>
      ) : null}
      {due.data && due.data.items.length > 0 ? (
        <TableFrame label={heading}>
          <Table striped aria-label={heading} data-testid="plan-due-reports">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('plan.due.task')}</Table.Th>
                <Table.Th scope="col">{t('plan.due.plan')}</Table.Th>
                <Table.Th scope="col">{t('plan.due.quarter')}</Table.Th>
                <Table.Th scope="col">{t('plan.due.dueOn')}</Table.Th>
                <Table.Th scope="col">{t('plan.due.state')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {due.data.items.map((item) => (
                <Table.Tr
                  key={`${item.task.id}:${item.year}:${item.quarter}`}
                  data-testid={`plan-due-${item.year}-${item.task.code}-q${item.quarter}`}
                >
                  <Table.Td>
                    <Anchor component={Link} to={`/plans/${item.plan.id}/tasks/${item.task.key}`} size="sm">
                      {`${item.task.code} ${item.task.title}`}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{localized(item.plan, locale)}</Table.Td>
                  <Table.Td>{t('plan.yearQuarter', { year: item.year, quarter: item.quarter })}</Table.Td>
                  <Table.Td>{formatDate(item.dueOn, locale)}</Table.Td>
                  <Table.Td>
                    <Badge
                      color={item.state === 'overdue' ? 'red' : 'yellow'}
                      variant="light"
                      styles={UNCLIPPED}
                    >
                      {item.state === 'overdue'
                        ? t('plan.due.overdue', { count: -item.daysLeft })
                        : item.daysLeft === 0
                          ? t('plan.due.dueToday')
                          : t('plan.due.daysLeft', { count: item.daysLeft })}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableFrame>
      ) : null}
    </Section>
  );
}
