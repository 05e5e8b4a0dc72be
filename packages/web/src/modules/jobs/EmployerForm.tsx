import { EmployerInput, REGIONS } from '@ieum/domain';
import { Checkbox, Modal, NativeSelect, Stack, TextInput } from '@mantine/core';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { messageText, useForm } from '../../platform/forms';
import { FormActions, useSaving } from '../../platform/ui/form-parts';
import { createEmployer, type EmployerData, updateEmployer } from './api';
import { StaleProblem } from './StaleProblem';

interface EmployerValues extends Record<string, unknown> {
  name: string;
  businessNumber: string;
  region: string;
  priorityPurchasing: boolean;
}

function EmployerFields({
  employer,
  onSaved,
  onCancel,
  onReload,
}: {
  employer: EmployerData | null;
  onSaved: () => Promise<unknown>;
  onCancel: () => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const form = useForm<EmployerValues>({
    name: employer?.name ?? '',
    businessNumber: employer?.businessNumber ?? '',
    region: employer?.region ?? '',
    priorityPurchasing: employer?.priorityPurchasing ?? false,
  });
  const { saving, save } = useSaving(form.fail);
  const error = (field: keyof EmployerValues & string) => messageText(t, form.errors[field]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    form.setProblem(null);
    const v = form.values;
    const input = form.validate(EmployerInput, {
      name: v.name,
      businessNumber: v.businessNumber.trim() === '' ? null : v.businessNumber,
      region: v.region === '' ? undefined : v.region,
      priorityPurchasing: v.priorityPurchasing,
      version: employer?.version,
    });
    if (!input) return;
    save(
      () => (employer ? updateEmployer(employer.id, input) : createEmployer(input)),
      t(employer ? 'jobs.employers.saved' : 'jobs.employers.created'),
      () => onSaved(),
    );
  };

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-label={t('jobs.employers.formLabel')}
      data-testid="employer-form"
    >
      <Stack gap="md">
        <StaleProblem
          problem={form.problem}
          onReload={() => {
            form.setProblem(null);
            onReload();
          }}
        />
        <TextInput
          label={t('jobs.employers.name')}
          required
          maxLength={100}
          error={error('name')}
          {...form.text('name')}
          data-testid="employer-name"
        />
        <TextInput
          label={t('jobs.employers.businessNumber')}
          description={t('jobs.employers.businessNumberHint')}
          placeholder="123-45-67890"
          inputMode="numeric"
          error={error('businessNumber')}
          {...form.text('businessNumber')}
          data-testid="employer-business-number"
        />
        <NativeSelect
          label={t('jobs.fields.region')}
          required
          value={form.values.region}
          onChange={(event) => form.setValue('region', event.currentTarget.value)}
          data={[
            { value: '', label: t('jobs.choose'), disabled: true },
            ...REGIONS.map((region) => ({ value: region, label: t(`regions.${region}`) })),
          ]}
          error={error('region')}
          data-testid="employer-region"
        />
        <Checkbox
          label={t('jobs.employers.priorityPurchasing')}
          description={t('jobs.employers.priorityPurchasingHint')}
          checked={form.values.priorityPurchasing}
          onChange={(event) => form.setValue('priorityPurchasing', event.currentTarget.checked)}
          data-testid="employer-priority"
        />
        <FormActions saving={saving} onCancel={onCancel} submitTestId="employer-submit" />
      </Stack>
    </form>
  );
}

/** Registering an employer (`employer` null) or editing one, in a dialog. */
export function EmployerDialog({
  opened,
  employer,
  onClose,
  onSaved,
}: {
  opened: boolean;
  employer: EmployerData | null;
  onClose: () => void;
  onSaved: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={
        employer
          ? t('jobs.employers.editHeading', { name: employer.name })
          : t('jobs.employers.createHeading')
      }
    >
      {opened ? (
        <EmployerFields
          key={employer?.id ?? 'new'}
          employer={employer}
          onCancel={onClose}
          onReload={() => {
            onClose();
            void onSaved();
          }}
          onSaved={async () => {
            onClose();
            await onSaved();
          }}
        />
      ) : null}
    </Modal>
  );
}
