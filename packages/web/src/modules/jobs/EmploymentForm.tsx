import { EmploymentRecordInput } from '@ieum/domain';
import {
  Button,
  Checkbox,
  Modal,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { problemOf } from '../../platform/api';
import { formatDate } from '../../platform/format';
import { messageText, useForm } from '../../platform/forms';
import { useLocale } from '../../platform/i18n';
import { FormActions, useSaving } from '../../platform/ui/form-parts';
import { ProblemAlert } from '../../platform/ui/ProblemAlert';
import { addEmployment, type EmploymentRecordData, updateEmployment, useEmployers } from './api';
import { typedNumber } from './format';
import { StaleProblem } from './StaleProblem';
import { occupationOptions } from './text';

interface RecordValues extends Record<string, unknown> {
  employerId: string;
  startOn: string;
  endOn: string;
  insured: boolean;
  occupation: string;
  monthlyWage: string;
}

const EMPTY: RecordValues = {
  employerId: '',
  startOn: '',
  endOn: '',
  insured: true,
  occupation: '',
  monthlyWage: '',
};

/**
 * A stretch of work found outside the pipeline (the person found it alone, or it predates ieum): the employer
 * from the employer list, the dates, employment insurance, and optionally the occupation and wage.
 */
export function EmploymentForm({ personId, onSaved }: { personId: string; onSaved: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const employers = useEmployers();
  const form = useForm<RecordValues>(EMPTY);
  const { saving, save } = useSaving(form.fail);
  const error = (field: keyof RecordValues & string) => messageText(t, form.errors[field]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    form.setProblem(null);
    const v = form.values;
    const input = form.validate(EmploymentRecordInput, {
      employerId: v.employerId === '' ? undefined : v.employerId,
      startOn: v.startOn,
      endOn: v.endOn === '' ? null : v.endOn,
      insured: v.insured,
      occupation: v.occupation === '' ? null : v.occupation,
      monthlyWage: v.monthlyWage.trim() === '' ? null : typedNumber(v.monthlyWage),
    });
    if (!input) return;
    save(
      () => addEmployment(personId, input),
      t('jobs.employment.added'),
      async () => {
        form.reset(EMPTY);
        await onSaved();
      },
    );
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="jobs-employment-add" data-testid="employment-form">
      <Stack gap="sm">
        <Title order={3} size="h5" id="jobs-employment-add">
          {t('jobs.employment.addHeading')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('jobs.employment.addIntro')}
        </Text>
        {employers.isError ? (
          <ProblemAlert problem={problemOf(employers.error, t('errors.loadFailed'))} />
        ) : null}
        <StaleProblem
          problem={form.problem}
          onReload={() => {
            form.setProblem(null);
            void onSaved();
          }}
        />
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
          <NativeSelect
            label={t('jobs.fields.employer')}
            required
            value={form.values.employerId}
            onChange={(event) => form.setValue('employerId', event.currentTarget.value)}
            data={[
              { value: '', label: t('jobs.choose'), disabled: true },
              ...(employers.data?.items ?? []).map((employer) => ({
                value: employer.id,
                label: employer.name,
              })),
            ]}
            disabled={employers.isPending}
            error={error('employerId')}
            data-testid="employment-employer"
          />
          <TextInput
            type="date"
            label={t('jobs.employment.startOn')}
            required
            error={error('startOn')}
            {...form.text('startOn')}
            data-testid="employment-start-on"
          />
          <TextInput
            type="date"
            label={t('jobs.employment.endOn')}
            description={t('jobs.employment.endOnHint')}
            error={error('endOn')}
            {...form.text('endOn')}
            data-testid="employment-end-on"
          />
          <NativeSelect
            label={t('jobs.fields.occupation')}
            value={form.values.occupation}
            onChange={(event) => form.setValue('occupation', event.currentTarget.value)}
            data={[{ value: '', label: t('jobs.notRecorded') }, ...occupationOptions(locale)]}
            error={error('occupation')}
            data-testid="employment-occupation"
          />
          <TextInput
            inputMode="numeric"
            label={t('jobs.fields.monthlyWage')}
            description={t('jobs.employment.wageHint')}
            rightSection={<Text size="sm">{t('jobs.wonUnit')}</Text>}
            rightSectionWidth={48}
            error={error('monthlyWage')}
            {...form.text('monthlyWage')}
            data-testid="employment-wage"
          />
        </SimpleGrid>
        <Checkbox
          label={t('jobs.employment.insured')}
          description={t('jobs.employment.insuredHint')}
          checked={form.values.insured}
          onChange={(event) => form.setValue('insured', event.currentTarget.checked)}
          data-testid="employment-insured"
        />
        {employers.data && employers.data.items.length === 0 ? (
          <Text size="sm">{t('jobs.employment.noEmployers')}</Text>
        ) : null}
        <div>
          <Button type="submit" loading={saving} data-testid="employment-submit">
            {t('jobs.employment.add')}
          </Button>
        </div>
      </Stack>
    </form>
  );
}

function EndFields({
  record,
  onSaved,
  onCancel,
}: {
  record: EmploymentRecordData;
  onSaved: () => Promise<unknown>;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const form = useForm({ endOn: '' });
  const { saving, save } = useSaving(form.fail);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    form.setProblem(null);
    // The record as it is, with the last day of work added: the PUT replaces the whole record.
    const input = form.validate(EmploymentRecordInput, {
      employerId: record.employer.id,
      startOn: record.startOn,
      endOn: form.values.endOn,
      insured: record.insured,
      occupation: record.occupation,
      monthlyWage: record.monthlyWage,
      version: record.version,
    });
    if (!input) return;
    save(
      () => updateEmployment(record.id, input),
      t('jobs.employment.ended'),
      () => onSaved(),
    );
  };

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-label={t('jobs.employment.endFormLabel')}
      data-testid="employment-end-form"
    >
      <Stack gap="md">
        <Text size="sm">{t('jobs.employment.endIntro', { start: formatDate(record.startOn, locale) })}</Text>
        <StaleProblem
          problem={form.problem}
          onReload={() => {
            form.setProblem(null);
            void onSaved();
          }}
        />
        <TextInput
          type="date"
          label={t('jobs.employment.endOn')}
          required
          min={record.startOn}
          error={messageText(t, form.errors.endOn)}
          {...form.text('endOn')}
          data-testid="employment-end-date"
        />
        <FormActions
          saving={saving}
          onCancel={onCancel}
          submitTestId="employment-end-submit"
          submitLabel={t('jobs.employment.saveEnd')}
        />
      </Stack>
    </form>
  );
}

/** Setting the last day of work of an ongoing job, in a dialog. */
export function EndDialog({
  record,
  onClose,
  onSaved,
}: {
  record: EmploymentRecordData | null;
  onClose: () => void;
  onSaved: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={record !== null}
      onClose={onClose}
      title={record ? t('jobs.employment.endHeading', { employer: record.employer.name }) : ''}
    >
      {record ? (
        <EndFields
          key={record.id}
          record={record}
          onCancel={onClose}
          onSaved={async () => {
            onClose();
            await onSaved();
          }}
        />
      ) : null}
    </Modal>
  );
}
