import { REGIONS, type Region } from '@ieum/domain';
import { Anchor, Button, Group, NativeSelect, Stack, Table, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { problemOf } from '../../platform/api';
import { hasPermission, useMe } from '../../platform/auth/session';
import { useLocale } from '../../platform/i18n';
import { Pager } from '../../platform/ui/Pager';
import { ProblemAlert } from '../../platform/ui/ProblemAlert';
import { TableFrame } from '../../platform/ui/TableFrame';
import { jobsKeys, POSTING_PAGE_SIZE, type PostingFilters, useEmployers, usePostings } from './api';
import { PostingStatusBadge, PriorityBadge } from './badges';
import { useDateText, useWon } from './format';
import { JobsHeader } from './JobsHeader';
import { PostingDialog } from './PostingForm';
import { occupationLabel, occupationOptions } from './text';

const ALL = '';

function Filters({
  filters,
  onChange,
}: {
  filters: PostingFilters;
  onChange: (next: PostingFilters) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const employers = useEmployers();
  const set = (patch: Partial<PostingFilters>) => onChange({ ...filters, ...patch, page: 1 });
  const orNull = (value: string) => (value === ALL ? null : value);
  return (
    <Group align="flex-end" gap="lg" wrap="wrap" role="group" aria-label={t('jobs.postings.filtersLabel')}>
      <NativeSelect
        label={t('jobs.postings.status')}
        value={filters.status ?? ALL}
        onChange={(event) => set({ status: orNull(event.currentTarget.value) as PostingFilters['status'] })}
        data={[
          { value: ALL, label: t('common.all') },
          ...(['open', 'closed'] as const).map((status) => ({
            value: status,
            label: t(`jobs.postingStatuses.${status}`),
          })),
        ]}
        w={140}
        data-testid="posting-filter-status"
      />
      <NativeSelect
        label={t('jobs.fields.employer')}
        value={filters.employerId ?? ALL}
        onChange={(event) => set({ employerId: orNull(event.currentTarget.value) })}
        data={[
          { value: ALL, label: t('common.all') },
          ...(employers.data?.items ?? []).map((employer) => ({ value: employer.id, label: employer.name })),
        ]}
        w={220}
        data-testid="posting-filter-employer"
      />
      <NativeSelect
        label={t('jobs.fields.occupation')}
        value={filters.occupation ?? ALL}
        onChange={(event) => set({ occupation: orNull(event.currentTarget.value) })}
        data={[{ value: ALL, label: t('common.all') }, ...occupationOptions(locale)]}
        w={260}
        data-testid="posting-filter-occupation"
      />
      <NativeSelect
        label={t('jobs.fields.region')}
        value={filters.region ?? ALL}
        onChange={(event) => set({ region: orNull(event.currentTarget.value) as Region | null })}
        data={[
          { value: ALL, label: t('common.all') },
          ...REGIONS.map((region) => ({ value: region, label: t(`regions.${region}`) })),
        ]}
        w={160}
        data-testid="posting-filter-region"
      />
    </Group>
  );
}

/** Job postings, filtered on the server; those who manage employers create them here. */
export default function PostingsPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const won = useWon();
  const date = useDateText();
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [filters, setFilters] = useState<PostingFilters>({
    status: 'open',
    employerId: null,
    occupation: null,
    region: null,
    page: 1,
  });
  const [creating, setCreating] = useState(false);
  const list = usePostings(filters);
  const items = list.data?.items ?? [];
  const label = t('jobs.postings.tableLabel');
  const refresh = () => queryClient.invalidateQueries({ queryKey: jobsKeys.all });

  return (
    <Stack gap="md">
      <JobsHeader
        title={t('jobs.postings.title')}
        actions={
          hasPermission(me, 'jobs.employers') ? (
            <Button onClick={() => setCreating(true)} data-testid="posting-create">
              {t('jobs.postings.create')}
            </Button>
          ) : null
        }
      />
      <Text>{t('jobs.postings.intro')}</Text>
      <Filters filters={filters} onChange={setFilters} />
      {list.isError ? <ProblemAlert problem={problemOf(list.error, t('errors.loadFailed'))} /> : null}
      <TableFrame label={label}>
        <Table striped miw={1000} aria-label={label} aria-busy={list.isFetching} data-testid="postings">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('jobs.postings.posting')}</Table.Th>
              <Table.Th scope="col">{t('jobs.fields.employer')}</Table.Th>
              <Table.Th scope="col">{t('jobs.fields.region')}</Table.Th>
              <Table.Th scope="col">{t('jobs.fields.monthlyWage')}</Table.Th>
              <Table.Th scope="col">{t('jobs.postings.openings')}</Table.Th>
              <Table.Th scope="col">{t('jobs.postings.activeApplications')}</Table.Th>
              <Table.Th scope="col">{t('jobs.postingForm.closingOn')}</Table.Th>
              <Table.Th scope="col">{t('common.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((posting) => (
              <Table.Tr key={posting.id} data-testid={`posting-${posting.id}`}>
                <Table.Td>
                  <Anchor
                    component={Link}
                    to={`/jobs/postings/${posting.id}`}
                    fw={600}
                    data-testid="posting-open"
                  >
                    {posting.title}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {occupationLabel(posting.occupation, locale)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Stack gap={2} align="flex-start">
                    <Text size="sm">{posting.employer.name}</Text>
                    {posting.employer.priorityPurchasing ? <PriorityBadge /> : null}
                  </Stack>
                </Table.Td>
                <Table.Td>{t(`regions.${posting.region}`)}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{won(posting.monthlyWage)}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {t('jobs.postings.placedOfOpenings', {
                    placed: posting.placed,
                    openings: posting.openings,
                  })}
                </Table.Td>
                <Table.Td>{posting.activeApplications}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{date(posting.closingOn)}</Table.Td>
                <Table.Td>
                  <PostingStatusBadge status={posting.status} />
                </Table.Td>
              </Table.Tr>
            ))}
            {list.isSuccess && items.length === 0 ? (
              <Table.Tr>
                <Table.Td colSpan={8} data-testid="postings-empty">
                  {t('jobs.postings.empty')}
                </Table.Td>
              </Table.Tr>
            ) : null}
          </Table.Tbody>
        </Table>
      </TableFrame>
      {list.data ? (
        <Pager
          page={filters.page}
          pageSize={POSTING_PAGE_SIZE}
          total={list.data.total}
          onChange={(page) => setFilters({ ...filters, page })}
        />
      ) : null}
      <PostingDialog
        opened={creating}
        posting={null}
        onClose={() => setCreating(false)}
        onRefresh={refresh}
        onSaved={async (saved) => {
          await refresh();
          void navigate(`/jobs/postings/${saved.id}`);
        }}
      />
    </Stack>
  );
}
