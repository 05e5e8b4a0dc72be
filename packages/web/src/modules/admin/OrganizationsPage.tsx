import type { Organization } from '@ieum/domain';
import { OrganizationType, Region } from '@ieum/domain';
import { Badge, Button, Group, Modal, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemOf } from '../../platform/api';
import { hasPermission, useMe } from '../../platform/auth/session';
import { formatDate } from '../../platform/format';
import { organizationName, useLocale } from '../../platform/i18n';
import { PageHeader } from '../../platform/ui/PageHeader';
import { Pager } from '../../platform/ui/Pager';
import { ProblemAlert } from '../../platform/ui/ProblemAlert';
import { TableFrame } from '../../platform/ui/TableFrame';
import { adminKeys, type OrganizationFilters, PAGE_SIZE, useOrganizationList } from './api';
import { OrganizationForm } from './OrganizationForm';
import { ALL, organizationTypeOptions, regionOptions } from './options';

const NO_FILTERS: OrganizationFilters = { q: '', type: null, region: null, page: 1 };

type Editing = { mode: 'create' } | { mode: 'edit'; id: string } | null;

export default function OrganizationsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const locale = useLocale();
  const queryClient = useQueryClient();
  const canManage = hasPermission(me, 'organizations.manage');
  const [filters, setFilters] = useState<OrganizationFilters>(NO_FILTERS);
  const [draft, setDraft] = useState<OrganizationFilters>(NO_FILTERS);
  const [editing, setEditing] = useState<Editing>(null);
  const list = useOrganizationList(filters);

  const items = list.data?.items ?? [];
  const editedOrganization =
    editing?.mode === 'edit' ? items.find((item) => item.id === editing.id) : undefined;

  const apply = (next: OrganizationFilters) => {
    setDraft(next);
    setFilters({ ...next, page: 1 });
  };
  const onSearch = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    apply(draft);
  };

  const invalidate = () => queryClient.invalidateQueries({ queryKey: adminKeys.organizations });
  const onSaved = (organization: Organization) => {
    const created = editing?.mode === 'create';
    setEditing(null);
    notifications.show({
      color: 'teal',
      message: created
        ? t('organizations.created', { name: organizationName(organization, locale) })
        : t('organizations.updated'),
    });
    void invalidate();
  };

  return (
    <Stack gap="md">
      <PageHeader
        title={t('organizations.title')}
        actions={
          canManage ? (
            <Button onClick={() => setEditing({ mode: 'create' })} data-testid="organization-create">
              {t('organizations.create')}
            </Button>
          ) : null
        }
      />

      <form onSubmit={onSearch} aria-label={t('organizations.filters')}>
        <Group align="flex-end" gap="sm" wrap="wrap">
          <TextInput
            label={t('organizations.query')}
            placeholder={t('organizations.queryPlaceholder')}
            value={draft.q}
            onChange={(event) => setDraft({ ...draft, q: event.currentTarget.value })}
            data-testid="organization-filter-q"
          />
          <Select
            label={t('organizations.type')}
            data={[{ value: ALL, label: t('common.all') }, ...organizationTypeOptions(t)]}
            value={draft.type ?? ALL}
            onChange={(value) => {
              const parsed = OrganizationType.safeParse(value);
              apply({ ...draft, type: parsed.success ? parsed.data : null });
            }}
            allowDeselect={false}
          />
          <Select
            label={t('organizations.region')}
            data={[{ value: ALL, label: t('common.all') }, ...regionOptions(t)]}
            value={draft.region ?? ALL}
            onChange={(value) => {
              const parsed = Region.safeParse(value);
              apply({ ...draft, region: parsed.success ? parsed.data : null });
            }}
            allowDeselect={false}
            searchable
          />
          <Button type="submit">{t('common.search')}</Button>
          <Button variant="default" onClick={() => apply(NO_FILTERS)}>
            {t('common.reset')}
          </Button>
        </Group>
      </form>

      {list.isError ? <ProblemAlert problem={problemOf(list.error, t('errors.loadFailed'))} /> : null}

      <TableFrame label={t('organizations.tableLabel')}>
        <Table
          miw={820}
          striped
          highlightOnHover
          aria-label={t('organizations.tableLabel')}
          data-testid="organization-table"
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('organizations.name')}</Table.Th>
              <Table.Th scope="col">{t('organizations.type')}</Table.Th>
              <Table.Th scope="col">{t('organizations.region')}</Table.Th>
              <Table.Th scope="col">{t('organizations.userCount')}</Table.Th>
              <Table.Th scope="col">{t('common.status')}</Table.Th>
              <Table.Th scope="col">{t('common.createdAt')}</Table.Th>
              {canManage ? <Table.Th scope="col">{t('common.actions')}</Table.Th> : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((organization) => (
              <Table.Tr key={organization.id}>
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {organization.name}
                  </Text>
                  {organization.nameEn ? (
                    <Text size="xs" c="dimmed" lang="en">
                      {organization.nameEn}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>{t(`organizationTypes.${organization.type}`)}</Table.Td>
                <Table.Td>
                  {organization.region ? t(`regions.${organization.region}`) : t('common.none')}
                </Table.Td>
                <Table.Td>{organization.userCount.toLocaleString(locale)}</Table.Td>
                <Table.Td>
                  <Badge color={organization.active ? 'teal' : 'gray'} tt="none">
                    {organization.active ? t('common.active') : t('common.inactive')}
                  </Badge>
                </Table.Td>
                <Table.Td>{formatDate(organization.createdAt, locale)}</Table.Td>
                {canManage ? (
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="light"
                      onClick={() => setEditing({ mode: 'edit', id: organization.id })}
                      aria-label={t('organizations.editAction', {
                        name: organizationName(organization, locale),
                      })}
                    >
                      {t('common.edit')}
                    </Button>
                  </Table.Td>
                ) : null}
              </Table.Tr>
            ))}
            {list.isSuccess && items.length === 0 ? (
              <Table.Tr>
                <Table.Td colSpan={canManage ? 7 : 6}>{t('common.noResults')}</Table.Td>
              </Table.Tr>
            ) : null}
          </Table.Tbody>
        </Table>
      </TableFrame>

      {list.data ? (
        <Pager
          page={filters.page}
          pageSize={PAGE_SIZE}
          total={list.data.total}
          onChange={(page) => setFilters({ ...filters, page })}
        />
      ) : null}

      <Modal
        opened={editing !== null && (editing.mode === 'create' || editedOrganization !== undefined)}
        onClose={() => setEditing(null)}
        title={
          editedOrganization
            ? t('organizations.editTitle', { name: organizationName(editedOrganization, locale) })
            : t('organizations.createTitle')
        }
        size="lg"
      >
        {editing ? (
          <OrganizationForm
            key={editing.mode === 'edit' ? editing.id : 'create'}
            organization={editedOrganization}
            onSaved={onSaved}
            onCancel={() => setEditing(null)}
            onStale={() => void invalidate()}
          />
        ) : null}
      </Modal>
    </Stack>
  );
}
