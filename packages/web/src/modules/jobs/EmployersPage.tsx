import { Button, Stack, Table, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemOf } from '../../platform/api';
import { hasPermission, useMe } from '../../platform/auth/session';
import { ProblemAlert } from '../../platform/ui/ProblemAlert';
import { TableFrame } from '../../platform/ui/TableFrame';
import { type EmployerData, jobsKeys, useEmployers } from './api';
import { PriorityBadge } from './badges';
import { EmployerDialog } from './EmployerForm';
import { useCountText } from './format';
import { JobsHeader } from './JobsHeader';

/** The employers the center works with, the priority-purchasing firms marked in words. */
export default function EmployersPage() {
  const { t } = useTranslation();
  const me = useMe();
  const countText = useCountText();
  const queryClient = useQueryClient();
  const list = useEmployers();
  const [editing, setEditing] = useState<{ employer: EmployerData | null } | null>(null);
  const canManage = hasPermission(me, 'jobs.employers');
  const items = list.data?.items ?? [];
  const label = t('jobs.employers.tableLabel');
  const columns = canManage ? 7 : 6;

  return (
    <Stack gap="md">
      <JobsHeader
        title={t('jobs.employers.title')}
        actions={
          canManage ? (
            <Button onClick={() => setEditing({ employer: null })} data-testid="employer-create">
              {t('jobs.employers.create')}
            </Button>
          ) : null
        }
      />
      <Text>{t('jobs.employers.intro')}</Text>
      {list.isError ? <ProblemAlert problem={problemOf(list.error, t('errors.loadFailed'))} /> : null}
      <TableFrame label={label}>
        <Table striped miw={860} aria-label={label} aria-busy={list.isFetching} data-testid="employers">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('jobs.employers.name')}</Table.Th>
              <Table.Th scope="col">{t('jobs.employers.businessNumber')}</Table.Th>
              <Table.Th scope="col">{t('jobs.fields.region')}</Table.Th>
              <Table.Th scope="col">{t('jobs.employers.priorityColumn')}</Table.Th>
              <Table.Th scope="col">{t('jobs.employers.openPostings')}</Table.Th>
              <Table.Th scope="col">{t('jobs.employers.currentlyEmployed')}</Table.Th>
              {canManage ? <Table.Th scope="col">{t('common.actions')}</Table.Th> : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((employer) => (
              <Table.Tr key={employer.id} data-testid={`employer-${employer.id}`}>
                <Table.Th scope="row" style={{ fontWeight: 600 }}>
                  {employer.name}
                </Table.Th>
                <Table.Td className="mono">{employer.businessNumber ?? '—'}</Table.Td>
                <Table.Td>{t(`regions.${employer.region}`)}</Table.Td>
                <Table.Td>{employer.priorityPurchasing ? <PriorityBadge /> : t('common.no')}</Table.Td>
                <Table.Td>{employer.openPostings}</Table.Td>
                <Table.Td data-testid="employer-employed">{countText(employer.currentlyEmployed)}</Table.Td>
                {canManage ? (
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="default"
                      onClick={() => setEditing({ employer })}
                      aria-label={t('jobs.employers.editLabel', { name: employer.name })}
                      data-testid="employer-edit"
                    >
                      {t('common.edit')}
                    </Button>
                  </Table.Td>
                ) : null}
              </Table.Tr>
            ))}
            {list.isSuccess && items.length === 0 ? (
              <Table.Tr>
                <Table.Td colSpan={columns} data-testid="employers-empty">
                  {t('jobs.employers.empty')}
                </Table.Td>
              </Table.Tr>
            ) : null}
          </Table.Tbody>
        </Table>
      </TableFrame>
      <Text size="xs" c="dimmed">
        {t('jobs.suppressedNote')}
      </Text>
      <EmployerDialog
        opened={editing !== null}
        employer={editing?.employer ?? null}
        onClose={() => setEditing(null)}
        onSaved={() => queryClient.invalidateQueries({ queryKey: jobsKeys.all })}
      />
    </Stack>
  );
}
