import type { User } from '@ieum/domain';
import { Role } from '@ieum/domain';
import { Badge, Button, Group, Modal, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemOf } from '../../platform/api';
import { hasPermission, useMe } from '../../platform/auth/session';
import { formatDateTime } from '../../platform/format';
import { organizationName, useLocale } from '../../platform/i18n';
import { PageHeader } from '../../platform/ui/PageHeader';
import { Pager } from '../../platform/ui/Pager';
import { ProblemAlert } from '../../platform/ui/ProblemAlert';
import { TableFrame } from '../../platform/ui/TableFrame';
import { adminKeys, PAGE_SIZE, type UserFilters, useAllOrganizations, useUserList } from './api';
import { ALL, roleOptions } from './options';
import { ResetPasswordForm } from './ResetPasswordForm';
import { UserForm } from './UserForm';

const NO_FILTERS: UserFilters = { q: '', organizationId: null, role: null, page: 1 };

type Dialog = { kind: 'create' } | { kind: 'edit'; id: string } | { kind: 'reset'; id: string } | null;

function UserStatus({ user }: { user: User }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const lockedUntil = user.lockedUntil && new Date(user.lockedUntil) > new Date() ? user.lockedUntil : null;
  if (lockedUntil) {
    return (
      <Stack gap={2} align="flex-start">
        <Badge color="red" tt="none">
          {t('common.locked')}
        </Badge>
        <Text size="xs">{t('users.lockedUntil', { time: formatDateTime(lockedUntil, locale) })}</Text>
      </Stack>
    );
  }
  return (
    <Badge color={user.active ? 'teal' : 'gray'} tt="none">
      {user.active ? t('common.active') : t('common.inactive')}
    </Badge>
  );
}

export default function UsersPage() {
  const { t } = useTranslation();
  const me = useMe();
  const locale = useLocale();
  const queryClient = useQueryClient();
  const canManage = hasPermission(me, 'users.manage');
  const [filters, setFilters] = useState<UserFilters>(NO_FILTERS);
  const [draft, setDraft] = useState<UserFilters>(NO_FILTERS);
  const [dialog, setDialog] = useState<Dialog>(null);
  const list = useUserList(filters);
  const organizations = useAllOrganizations();

  const items = list.data?.items ?? [];
  const dialogUser =
    dialog && dialog.kind !== 'create' ? items.find((user) => user.id === dialog.id) : undefined;
  const organizationOptions = useMemo(
    () => [
      { value: ALL, label: t('common.all') },
      ...(organizations.data?.items ?? []).map((organization) => ({
        value: organization.id,
        label: organizationName(organization, locale),
      })),
    ],
    [organizations.data, locale, t],
  );

  const apply = (next: UserFilters) => {
    setDraft(next);
    setFilters({ ...next, page: 1 });
  };
  const onSearch = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    apply(draft);
  };
  const invalidate = () => queryClient.invalidateQueries({ queryKey: adminKeys.users });
  const close = () => setDialog(null);

  const onSaved = (user: User) => {
    const created = dialog?.kind === 'create';
    close();
    notifications.show({
      color: 'teal',
      message: created ? t('users.created', { username: user.username }) : t('users.updated'),
    });
    void invalidate();
    // User counts per organization changed.
    void queryClient.invalidateQueries({ queryKey: adminKeys.organizations });
  };

  const dialogTitle =
    dialog?.kind === 'edit' && dialogUser
      ? t('users.editTitle', { username: dialogUser.username })
      : dialog?.kind === 'reset' && dialogUser
        ? t('users.resetTitle', { username: dialogUser.username })
        : t('users.createTitle');

  return (
    <Stack gap="md">
      <PageHeader
        title={t('users.title')}
        actions={
          canManage ? (
            <Button onClick={() => setDialog({ kind: 'create' })} data-testid="user-create">
              {t('users.create')}
            </Button>
          ) : null
        }
      />

      <form onSubmit={onSearch} aria-label={t('users.filters')}>
        <Group align="flex-end" gap="sm" wrap="wrap">
          <TextInput
            label={t('users.query')}
            placeholder={t('users.queryPlaceholder')}
            value={draft.q}
            onChange={(event) => setDraft({ ...draft, q: event.currentTarget.value })}
            data-testid="user-filter-q"
          />
          <Select
            label={t('users.organization')}
            data={organizationOptions}
            value={draft.organizationId ?? ALL}
            onChange={(value) => apply({ ...draft, organizationId: value && value !== ALL ? value : null })}
            allowDeselect={false}
            searchable
            nothingFoundMessage={t('common.noResults')}
            w={260}
          />
          <Select
            label={t('users.role')}
            data={[{ value: ALL, label: t('common.all') }, ...roleOptions(t)]}
            value={draft.role ?? ALL}
            onChange={(value) => {
              const parsed = Role.safeParse(value);
              apply({ ...draft, role: parsed.success ? parsed.data : null });
            }}
            allowDeselect={false}
          />
          <Button type="submit">{t('common.search')}</Button>
          <Button variant="default" onClick={() => apply(NO_FILTERS)}>
            {t('common.reset')}
          </Button>
        </Group>
      </form>

      {list.isError ? <ProblemAlert problem={problemOf(list.error, t('errors.loadFailed'))} /> : null}

      <TableFrame label={t('users.tableLabel')}>
        <Table striped highlightOnHover miw={960} aria-label={t('users.tableLabel')} data-testid="user-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('users.username')}</Table.Th>
              <Table.Th scope="col">{t('users.displayName')}</Table.Th>
              <Table.Th scope="col">{t('users.organization')}</Table.Th>
              <Table.Th scope="col">{t('users.roles')}</Table.Th>
              <Table.Th scope="col">{t('common.status')}</Table.Th>
              <Table.Th scope="col">{t('users.totp')}</Table.Th>
              <Table.Th scope="col">{t('users.lastLoginAt')}</Table.Th>
              {canManage ? <Table.Th scope="col">{t('common.actions')}</Table.Th> : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((user) => (
              <Table.Tr key={user.id} data-testid={`user-row-${user.username}`}>
                <Table.Td className="mono">{user.username}</Table.Td>
                <Table.Td>{user.displayName}</Table.Td>
                <Table.Td>{organizationName(user.organization, locale)}</Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {user.roles.map((role) => (
                      <Badge key={role} color="blue" tt="none">
                        {t(`roles.${role}`)}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <UserStatus user={user} />
                </Table.Td>
                <Table.Td>{user.totpEnabled ? t('users.totpOn') : t('users.totpOff')}</Table.Td>
                <Table.Td>
                  {user.lastLoginAt ? formatDateTime(user.lastLoginAt, locale) : t('users.never')}
                </Table.Td>
                {canManage ? (
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <Button
                        size="xs"
                        variant="light"
                        onClick={() => setDialog({ kind: 'edit', id: user.id })}
                        aria-label={t('users.editAction', { username: user.username })}
                      >
                        {t('common.edit')}
                      </Button>
                      <Button
                        size="xs"
                        variant="light"
                        color="gray"
                        onClick={() => setDialog({ kind: 'reset', id: user.id })}
                        aria-label={t('users.resetAction', { username: user.username })}
                      >
                        {t('users.resetPassword')}
                      </Button>
                    </Group>
                  </Table.Td>
                ) : null}
              </Table.Tr>
            ))}
            {list.isSuccess && items.length === 0 ? (
              <Table.Tr>
                <Table.Td colSpan={canManage ? 8 : 7}>
                  <Text size="sm">{t('common.noResults')}</Text>
                </Table.Td>
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
        opened={dialog !== null && (dialog.kind === 'create' || dialogUser !== undefined)}
        onClose={close}
        title={dialogTitle}
        size="lg"
      >
        {dialog?.kind === 'create' ? (
          <UserForm key="create" onSaved={onSaved} onCancel={close} onStale={() => undefined} />
        ) : null}
        {dialog?.kind === 'edit' && dialogUser ? (
          <UserForm
            key={dialogUser.id}
            user={dialogUser}
            onSaved={onSaved}
            onCancel={close}
            onStale={() => void invalidate()}
          />
        ) : null}
        {dialog?.kind === 'reset' && dialogUser ? (
          <ResetPasswordForm
            user={dialogUser}
            onCancel={close}
            onDone={() => {
              close();
              notifications.show({ color: 'teal', message: t('users.resetDone') });
            }}
          />
        ) : null}
      </Modal>
    </Stack>
  );
}
