import { CASE_STATUSES, type CaseStatus } from '@ieum/domain';
import { Anchor, Checkbox, Group, NativeSelect, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { problemOf } from '../../platform/api';
import { formatDate } from '../../platform/format';
import { useLocale } from '../../platform/i18n';
import { PageHeader } from '../../platform/ui/PageHeader';
import { Pager } from '../../platform/ui/Pager';
import { ProblemAlert } from '../../platform/ui/ProblemAlert';
import { TableFrame } from '../../platform/ui/TableFrame';
import { CASE_PAGE_SIZE, type CaseFilters, useCaseList } from './api';
import { CaseStatusBadge } from './CaseStatusBadge';

const ALL = '';

/**
 * The caseload: a case worker's own cases, a center manager's whole center, paged and filtered on the
 * server. Rows link to the person by id; names appear masked and never in an address.
 */
export default function CasesPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const [filters, setFilters] = useState<CaseFilters>({ status: null, mine: false, page: 1 });
  const list = useCaseList(filters);
  const items = list.data?.items ?? [];

  return (
    <Stack gap="md">
      <PageHeader title={t('cases.list.title')} />
      <Group align="flex-end" gap="lg" wrap="wrap" role="group" aria-label={t('cases.list.filtersLabel')}>
        <NativeSelect
          label={t('cases.list.status')}
          value={filters.status ?? ALL}
          onChange={(event) => {
            const value = event.currentTarget.value;
            setFilters({ ...filters, status: value === ALL ? null : (value as CaseStatus), page: 1 });
          }}
          data={[
            { value: ALL, label: t('common.all') },
            ...CASE_STATUSES.map((status) => ({ value: status, label: t(`cases.status.${status}`) })),
          ]}
          w={200}
          data-testid="case-filter-status"
        />
        <Checkbox
          label={t('cases.list.mine')}
          checked={filters.mine}
          onChange={(event) => setFilters({ ...filters, mine: event.currentTarget.checked, page: 1 })}
          mb={8}
          data-testid="case-filter-mine"
        />
      </Group>

      {list.isError ? <ProblemAlert problem={problemOf(list.error, t('errors.loadFailed'))} /> : null}

      <TableFrame label={t('cases.list.tableLabel')}>
        <Table
          striped
          highlightOnHover
          miw={760}
          aria-label={t('cases.list.tableLabel')}
          aria-busy={list.isFetching}
          data-testid="case-table"
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('cases.list.person')}</Table.Th>
              <Table.Th scope="col">{t('cases.list.maskedName')}</Table.Th>
              <Table.Th scope="col">{t('cases.list.status')}</Table.Th>
              <Table.Th scope="col">{t('cases.list.worker')}</Table.Th>
              <Table.Th scope="col">{t('cases.list.openedOn')}</Table.Th>
              <Table.Th scope="col">{t('cases.list.closedOn')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((item) => (
              <Table.Tr key={item.id} data-testid={`case-row-${item.person.code}`}>
                <Table.Td>
                  <Anchor component={Link} to={`/persons/${item.person.id}`} className="mono" fw={600}>
                    {item.person.code}
                  </Anchor>
                </Table.Td>
                <Table.Td>{item.person.maskedName}</Table.Td>
                <Table.Td>
                  <CaseStatusBadge status={item.status} />
                </Table.Td>
                <Table.Td>{item.assignedWorker?.displayName ?? '—'}</Table.Td>
                <Table.Td>{formatDate(item.openedOn, locale)}</Table.Td>
                <Table.Td>{item.closedOn ? formatDate(item.closedOn, locale) : '—'}</Table.Td>
              </Table.Tr>
            ))}
            {list.isSuccess && items.length === 0 ? (
              <Table.Tr>
                <Table.Td colSpan={6} data-testid="case-empty">
                  <Text size="sm">{t('cases.list.empty')}</Text>
                </Table.Td>
              </Table.Tr>
            ) : null}
          </Table.Tbody>
        </Table>
      </TableFrame>

      {list.data ? (
        <Pager
          page={filters.page}
          pageSize={CASE_PAGE_SIZE}
          total={list.data.total}
          onChange={(page) => setFilters({ ...filters, page })}
        />
      ) : null}
    </Stack>
  );
}
