import type { Organization } from '@ieum/domain';
import { OrganizationInput, OrganizationType, OrganizationUpdate, Region } from '@ieum/domain';
import { Button, Group, Select, Stack, Switch, TextInput } from '@mantine/core';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../platform/api';
import { messageText, useForm } from '../../platform/forms';
import { ProblemAlert } from '../../platform/ui/ProblemAlert';
import { createOrganization, updateOrganization } from './api';
import { NO_REGION, organizationTypeOptions, regionOptions } from './options';

interface OrganizationFormProps {
  /** The organization being edited; absent to create one. */
  organization?: Organization;
  onSaved: (organization: Organization) => void;
  onCancel: () => void;
  /** Someone else changed the organization first: the page reloads it. */
  onStale: () => void;
}

function initialValues(organization?: Organization) {
  return {
    name: organization?.name ?? '',
    nameEn: organization?.nameEn ?? '',
    type: (organization?.type ?? null) as string | null,
    region: organization ? (organization.region ?? NO_REGION) : (null as string | null),
    active: organization?.active ?? true,
  };
}

export function OrganizationForm({ organization, onSaved, onCancel, onStale }: OrganizationFormProps) {
  const { t } = useTranslation();
  const form = useForm(initialValues(organization));
  const [saving, setSaving] = useState(false);
  const error = (field: keyof ReturnType<typeof initialValues>) => messageText(t, form.errors[field]);

  // After a stale-version conflict the page reloads the organization; show the fresh values, keep the notice.
  const seenVersion = useRef(organization?.version);
  const { reset, setProblem, problem } = form;
  const problemRef = useRef(problem);
  problemRef.current = problem;
  useEffect(() => {
    if (!organization || organization.version === seenVersion.current) return;
    seenVersion.current = organization.version;
    const notice = problemRef.current;
    reset(initialValues(organization));
    setProblem(notice);
  }, [organization, reset, setProblem]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const { values } = form;
    const input = {
      name: values.name,
      nameEn: values.nameEn.trim() === '' ? null : values.nameEn,
      type: values.type ?? undefined,
      region: values.region === NO_REGION ? null : (values.region ?? undefined),
    };
    let save: () => Promise<Organization>;
    if (organization) {
      const update = form.validate(OrganizationUpdate, {
        ...input,
        active: values.active,
        version: organization.version,
      });
      if (!update) return;
      save = () => updateOrganization(organization.id, update);
    } else {
      const created = form.validate(OrganizationInput, input);
      if (!created) return;
      save = () => createOrganization(created);
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
        <TextInput
          label={t('organizations.name')}
          required
          data-testid="organization-name"
          error={error('name')}
          {...form.text('name')}
        />
        <TextInput
          label={t('organizations.nameEn')}
          lang="en"
          data-testid="organization-nameEn"
          error={error('nameEn')}
          {...form.text('nameEn')}
        />
        <Select
          label={t('organizations.type')}
          required
          data={organizationTypeOptions(t)}
          value={form.values.type}
          onChange={(value) =>
            form.setValue('type', OrganizationType.safeParse(value).success ? value : null)
          }
          allowDeselect={false}
          data-testid="organization-type"
          error={error('type')}
        />
        <Select
          label={t('organizations.region')}
          required
          data={[{ value: NO_REGION, label: t('organizations.regionNone') }, ...regionOptions(t)]}
          value={form.values.region}
          onChange={(value) =>
            form.setValue('region', value === NO_REGION || Region.safeParse(value).success ? value : null)
          }
          allowDeselect={false}
          data-testid="organization-region"
          error={error('region')}
        />
        {organization ? (
          <Switch
            label={t('organizations.active')}
            checked={form.values.active}
            onChange={(event) => form.setValue('active', event.currentTarget.checked)}
            data-testid="organization-active"
          />
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={saving} data-testid="organization-submit">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
