import { SEEKER_STATUSES, type SeekerStatus } from '@ieum/domain';
import { Anchor, Group, NativeSelect, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { problemOf } from '../../platform/api';
import { formatDateTime } from '../../platform/format';
import { useLocale } from '../../platform/i18n';
import { Pager } from '../../platform/ui/Pager';
import { ProblemAlert } from '../../platform/ui/ProblemAlert';
import { TableFrame } from '../../platform/ui/TableFrame';
import { SEEKER_PAGE_SIZE, type SeekerFilters, useSeekers } from './api';
import { SeekerStatusBadge } from './badges';
import { useDateText } from './format';
import { JobsHeader } from './JobsHeader';
import { occupationLabel, occupationOptions } from './text';

const ALL = '';

function Filters({ filters, onChange }: { filters: SeekerFilters; onChange: (next: SeekerFilters) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const set = (patch: Partial<SeekerFilters>) => onChange({ ...filters, ...patch, page: 1 });
  return (
    <Group align="flex-end" gap="lg" wrap="wrap" role="group" aria-label={t('jobs.seekers.filtersLabel')}>
      <NativeSelect
        label={t('jobs.seekers.status')}
        value={filters.status ?? ALL}
        onChange={(event) => {
          const value = event.currentTarget.value;
          set({ status: value === ALL ? null : (value as SeekerStatus) });
        }}
        data={[
          { value: ALL, label: t('common.all') },
          ...SEEKER_STATUSES.map((status) => ({ value: status, label: t(`jobs.seekerStatuses.${status}`) })),
        ]}
        w={180}
        data-testid="seeker-filter-status"
      />
      <NativeSelect
        label={t('jobs.seekers.occupation')}
        value={filters.occupation ?? ALL}
        onChange={(event) => {
          const value = event.currentTarget.value;
          set({ occupation: value === ALL ? null : value });
        }}
        data={[{ value: ALL, label: t('common.all') }, ...occupationOptions(locale)]}
        w={280}
        data-testid="seeker-filter-occupation"
      />
    </Group>
  );
}

/** The job seekers in the reader's scope, filtered on the server, each linking to the person's 취업 tab. */
export default function SeekersPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const date = useDateText();
  const [filters, setFilters] = useState<SeekerFilters>({ status: 'seeking', occupation: null, page: 1 });
  const list = useSeekers(filters);
  const items = list.data?.items ?? [];
  const label = t('jobs.seekers.tableLabel');

  return (
    <Stack gap="md">
      <JobsHeader title={t('jobs.seekers.title')} />
      <Text>{t('jobs.seekers.intro')}</Text>
      <Filters filters={filters} onChange={setFilters} />
      {list.isError ? <ProblemAlert problem={problemOf(list.error, t('errors.loadFailed'))} /> : null}
      <TableFrame label={label}>
        <Table striped miw={960} aria-label={label} aria-busy={list.isFetching} data-testid="seekers">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('jobs.fields.person')}</Table.Th>
              <Table.Th scope="col">{t('common.status')}</Table.Th>
              <Table.Th scope="col">{t('jobs.seekers.occupations')}</Table.Th>
              <Table.Th scope="col">{t('jobs.fields.region')}</Table.Th>
              <Table.Th scope="col">{t('jobs.seekers.koreanLevel')}</Table.Th>
              <Table.Th scope="col">{t('jobs.seekers.openApplications')}</Table.Th>
              <Table.Th scope="col">{t('jobs.seekers.employedSince')}</Table.Th>
              <Table.Th scope="col">{t('jobs.seekers.updatedAt')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((seeker) => (
              <Table.Tr key={seeker.person.id} data-testid={`seeker-${seeker.person.code}`}>
                <Table.Td>
                  <Anchor
                    component={Link}
                    to={`/persons/${seeker.person.id}?tab=jobs`}
                    className="mono"
                    fw={600}
                    aria-label={t('jobs.seekers.openLabel', { code: seeker.person.code })}
                    data-testid="seeker-open"
                  >
                    {seeker.person.code}
                  </Anchor>
                  {seeker.person.maskedName ? <Text size="sm">{seeker.person.maskedName}</Text> : null}
                </Table.Td>
                <Table.Td>
                  <SeekerStatusBadge status={seeker.status} />
                </Table.Td>
                <Table.Td>
                  {seeker.occupations.map((code) => occupationLabel(code, locale)).join(', ')}
                </Table.Td>
                <Table.Td>{t(`regions.${seeker.region}`)}</Table.Td>
                <Table.Td>{t('jobs.levelName', { level: seeker.koreanLevel })}</Table.Td>
                <Table.Td>{seeker.openApplications}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{date(seeker.employedSince)}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {formatDateTime(seeker.updatedAt, locale)}
                </Table.Td>
              </Table.Tr>
            ))}
            {list.isSuccess && items.length === 0 ? (
              <Table.Tr>
                <Table.Td colSpan={8} data-testid="seekers-empty">
                  {t('jobs.seekers.empty')}
                </Table.Td>
              </Table.Tr>
            ) : null}
          </Table.Tbody>
        </Table>
      </TableFrame>
      {list.data ? (
        <Pager
          page={filters.page}
          pageSize={SEEKER_PAGE_SIZE}
          total={list.data.total}
          onChange={(page) => setFilters({ ...filters, page })}
        />
      ) : null}
    </Stack>
  );
}
