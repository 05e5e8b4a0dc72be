import { Anchor, Button, Group, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../../platform/format';
import { useLocale } from '../../../platform/i18n';
import { Section } from '../../../platform/ui/Section';
import { TableFrame } from '../../../platform/ui/TableFrame';
import type { DashboardData } from '../api';
import { orgName } from '../text';

/** A long list opens on its first rows; the count per quarter above it says what the rest are. */
export const OVERDUE_SHOWN = 20;

/** The reports owed and not filed after their due day, longest overdue first (the server's order). */
export function OverdueList({ dashboard, planId }: { dashboard: DashboardData; planId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const heading = t('plan.dashboard.overdue');
  const items = dashboard.overdue; // most overdue first, as the server orders them
  const [all, setAll] = useState(false);
  const shown = all ? items : items.slice(0, OVERDUE_SHOWN);
  const byQuarter = new Map<string, number>();
  for (const item of [...items].sort((a, b) => a.year - b.year || a.quarter - b.quarter)) {
    const label = t('plan.yearQuarter', { year: item.year, quarter: item.quarter });
    byQuarter.set(label, (byQuarter.get(label) ?? 0) + 1);
  }
  return (
    <Section id="plan-dashboard-overdue" heading={heading}>
      {items.length === 0 ? (
        <Text size="sm" data-testid="plan-dashboard-no-overdue">
          {t('plan.dashboard.noOverdue')}
        </Text>
      ) : (
        <>
          <Text size="sm" mb="sm" data-testid="plan-dashboard-overdue-by-quarter">
            {[...byQuarter]
              .map(([label, count]) => t('plan.dashboard.overdueInQuarter', { label, count }))
              .join(' · ')}
          </Text>
          <TableFrame label={heading}>
            <Table striped aria-label={heading} data-testid="plan-dashboard-overdue">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('plan.dashboard.task')}</Table.Th>
                  <Table.Th scope="col">{t('plan.dashboard.lead')}</Table.Th>
                  <Table.Th scope="col">{t('plan.dashboard.reportQuarter')}</Table.Th>
                  <Table.Th scope="col">{t('plan.dashboard.dueOn')}</Table.Th>
                  <Table.Th scope="col">{t('plan.dashboard.daysOverdue')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {shown.map((item) => (
                  <Table.Tr key={`${item.task.id}:${item.quarter}`}>
                    <Table.Td>
                      <Anchor component={Link} to={`/plans/${planId}/tasks/${item.task.key}`} size="sm">
                        {`${item.task.code} ${item.task.title}`}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{orgName(item.leadOrganization, locale)}</Table.Td>
                    <Table.Td>{t('plan.yearQuarter', { year: item.year, quarter: item.quarter })}</Table.Td>
                    <Table.Td>{formatDate(item.dueOn, locale)}</Table.Td>
                    <Table.Td>{t('plan.dashboard.days', { count: item.daysOverdue })}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableFrame>
          {items.length > OVERDUE_SHOWN ? (
            <Group mt="sm">
              <Button
                variant="default"
                size="xs"
                onClick={() => setAll((value) => !value)}
                data-testid="plan-dashboard-overdue-all"
              >
                {all
                  ? t('plan.dashboard.overdueFewer', { count: OVERDUE_SHOWN })
                  : t('plan.dashboard.overdueAll', { count: items.length })}
              </Button>
            </Group>
          ) : null}
        </>
      )}
    </Section>
  );
}
