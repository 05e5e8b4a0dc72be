import type { Organization, Role, User } from '@ieum/domain';
import { ROLES_BY_ORGANIZATION_TYPE, UserInput, UserUpdate } from '@ieum/domain';
import { Button, Checkbox, Group, PasswordInput, Select, Stack, Switch, TextInput } from '@mantine/core';
import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../platform/api';
import { messageText, useForm } from '../../platform/forms';
import { organizationName, useLocale } from '../../platform/i18n';
import { ProblemAlert } from '../../platform/ui/ProblemAlert';
import { createUser, updateUser, useAllOrganizations } from './api';

interface UserFormProps {
  /** The user being edited; absent to create one. */
  user?: User;
  onSaved: (user: User) => void;
  onCancel: () => void;
  /** Someone else changed the user first: the page reloads it. */
  onStale: () => void;
}

function initialValues(user?: User) {
  return {
    username: user?.username ?? '',
    displayName: user?.displayName ?? '',
    organizationId: (user?.organization.id ?? null) as string | null,
    roles: (user?.roles ?? []) as Role[],
    password: '',
    active: user?.active ?? true,
  };
}
type Values = ReturnType<typeof initialValues>;

function sameRoles(a: readonly Role[], b: readonly Role[]): boolean {
  return a.length === b.length && [...a].sort().join() === [...b].sort().join();
}

/** Only what changed, plus the version the editor saw (optimistic concurrency). */
function changesOf(user: User, values: Values) {
  return {
    displayName: values.displayName !== user.displayName ? values.displayName : undefined,
    organizationId:
      values.organizationId !== user.organization.id ? (values.organizationId ?? '') : undefined,
    roles: sameRoles(values.roles, user.roles) ? undefined : values.roles,
    active: values.active !== user.active ? values.active : undefined,
    version: user.version,
  };
}

export function UserForm({ user, onSaved, onCancel, onStale }: UserFormProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const form = useForm(initialValues(user));
  const [saving, setSaving] = useState(false);
  const organizations = useAllOrganizations();
  const error = (field: keyof Values) => messageText(t, form.errors[field]);

  // After a stale-version conflict the page reloads the user; show the fresh values, keep the notice.
  const seenVersion = useRef(user?.version);
  const { reset, setProblem, problem, setValue } = form;
  const problemRef = useRef(problem);
  problemRef.current = problem;
  useEffect(() => {
    if (!user || user.version === seenVersion.current) return;
    seenVersion.current = user.version;
    const notice = problemRef.current;
    reset(initialValues(user));
    setProblem(notice);
  }, [user, reset, setProblem]);

  const byId = useMemo(() => {
    const map = new Map<string, Organization>();
    for (const organization of organizations.data?.items ?? []) map.set(organization.id, organization);
    return map;
  }, [organizations.data]);

  const organizationOptions = useMemo(
    () =>
      [...byId.values()]
        .filter((organization) => organization.active || organization.id === user?.organization.id)
        .map((organization) => ({
          value: organization.id,
          label: `${organizationName(organization, locale)} (${t(`organizationTypes.${organization.type}`)})`,
        })),
    [byId, locale, t, user?.organization.id],
  );

  const selectedOrganization = form.values.organizationId ? byId.get(form.values.organizationId) : undefined;
  const allowedRoles: readonly Role[] = selectedOrganization
    ? ROLES_BY_ORGANIZATION_TYPE[selectedOrganization.type]
    : [];

  const chooseOrganization = (id: string | null) => {
    setValue('organizationId', id);
    const type = id ? byId.get(id)?.type : undefined;
    // Roles that do not fit the new organization's type would be refused by the server (422).
    setValue(
      'roles',
      type ? form.values.roles.filter((role) => ROLES_BY_ORGANIZATION_TYPE[type].includes(role)) : [],
    );
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const { values } = form;
    let save: () => Promise<User>;
    if (user) {
      const update = form.validate(UserUpdate, changesOf(user, values));
      if (!update) return;
      save = () => updateUser(user.id, update);
    } else {
      const input = form.validate(UserInput, {
        username: values.username,
        displayName: values.displayName,
        organizationId: values.organizationId ?? undefined,
        roles: values.roles,
        password: values.password,
      });
      if (!input) return;
      save = () => createUser(input);
    }
    form.setProblem(null);
    setSaving(true);
    save()
      .then(onSaved, (failure: unknown) => {
        if (isApiError(failure, 'conflict.stale')) {
          form.setProblem({ ...failure.problem, title: t('errors.stale'), detail: undefined });
          onStale();
          return;
        }
        form.fail(failure);
      })
      .finally(() => setSaving(false));
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="md">
        <ProblemAlert problem={form.problem} />
        {user ? (
          <TextInput label={t('users.username')} value={user.username} readOnly data-testid="user-username" />
        ) : (
          <TextInput
            label={t('users.username')}
            description={t('users.usernameHint')}
            required
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            data-testid="user-username"
            error={error('username')}
            {...form.text('username')}
          />
        )}
        <TextInput
          label={t('users.displayName')}
          required
          autoComplete="off"
          data-testid="user-displayName"
          error={error('displayName')}
          {...form.text('displayName')}
        />
        <Select
          label={t('users.organization')}
          placeholder={t('users.organizationPlaceholder')}
          required
          searchable
          selectFirstOptionOnChange
          nothingFoundMessage={t('common.noResults')}
          data={organizationOptions}
          value={form.values.organizationId}
          onChange={chooseOrganization}
          allowDeselect={false}
          disabled={organizations.isPending}
          data-testid="user-organization"
          error={error('organizationId')}
          comboboxProps={{ withinPortal: true }}
        />
        <Checkbox.Group
          label={t('users.roles')}
          description={selectedOrganization ? t('users.rolesHint') : t('users.organizationFirst')}
          required
          value={form.values.roles}
          onChange={(roles) =>
            setValue(
              'roles',
              roles.filter((role): role is Role => allowedRoles.includes(role as Role)),
            )
          }
          data-testid="user-roles"
          error={error('roles')}
        >
          <Stack gap={6} mt={6}>
            {allowedRoles.map((role) => (
              <Checkbox
                key={role}
                value={role}
                label={t(`roles.${role}`)}
                data-testid={`user-role-${role}`}
              />
            ))}
          </Stack>
        </Checkbox.Group>
        {user ? (
          <Switch
            label={t('users.active')}
            checked={form.values.active}
            onChange={(event) => setValue('active', event.currentTarget.checked)}
            data-testid="user-active"
          />
        ) : (
          <PasswordInput
            label={t('users.password')}
            description={t('users.passwordHint')}
            required
            autoComplete="new-password"
            data-testid="user-password"
            error={error('password')}
            {...form.text('password')}
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={saving} data-testid="user-submit">
            {t('users.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
