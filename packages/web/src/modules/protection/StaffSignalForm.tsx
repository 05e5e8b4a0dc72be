import { StaffSignalInput, seoulDate } from '@ieum/domain';
import { Button, Group, NativeSelect, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemOf } from '../../platform/api';
import { messageText, useForm } from '../../platform/forms';
import { useLocale } from '../../platform/i18n';
import { ProblemAlert } from '../../platform/ui/ProblemAlert';
import { recordStaffSignal, useSignalTypes } from './api';

interface SignalValues extends Record<string, unknown> {
  type: string;
  observedOn: string;
  value: string;
  note: string;
}

const empty = (): SignalValues => ({ type: '', observedOn: seoulDate(new Date()), value: '', note: '' });

/**
 * A signal a worker observed: the type from the dated catalogue (only those in force today), with the agency
 * that usually reports it and, when the type has one, the value's unit.
 */
export function StaffSignalForm({
  personId,
  onSaved,
}: {
  personId: string;
  onSaved: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const types = useSignalTypes();
  const form = useForm<SignalValues>(empty());
  const [saving, setSaving] = useState(false);
  const error = (field: keyof SignalValues & string) => messageText(t, form.errors[field]);
  const today = seoulDate(new Date());
  const available = (types.data?.items ?? []).filter(
    (item) => item.validFrom <= today && (item.validUntil === null || today < item.validUntil),
  );
  const chosen = available.find((item) => item.type === form.values.type);
  const unit = chosen?.valueUnit?.[locale];

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    form.setProblem(null);
    const value = form.values.value.trim();
    const input = form.validate(
      StaffSignalInput,
      {
        personId,
        type: form.values.type,
        observedOn: form.values.observedOn,
        value: unit && value !== '' ? Number(value) : undefined,
        note: form.values.note.trim() === '' ? undefined : form.values.note,
      },
      { messages: { value: 'protection.person.valueInvalid' } },
    );
    if (!input) return;
    setSaving(true);
    recordStaffSignal(input)
      .then(async () => {
        notifications.show({ color: 'teal', message: t('protection.person.signalSaved') });
        form.reset(empty());
        await onSaved();
      }, form.fail)
      .finally(() => setSaving(false));
  };

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-labelledby="staff-signal-heading"
      data-testid="staff-signal-form"
    >
      <Title order={3} size="h5" id="staff-signal-heading" mb="xs">
        {t('protection.person.staffSignalHeading')}
      </Title>
      <Stack gap="sm">
        <Text size="sm">{t('protection.person.staffSignalIntro')}</Text>
        {types.isError ? <ProblemAlert problem={problemOf(types.error, t('errors.loadFailed'))} /> : null}
        <ProblemAlert problem={form.problem} onClose={() => form.setProblem(null)} />
        <Group gap="sm" align="flex-start" wrap="wrap">
          <NativeSelect
            label={t('protection.person.signalType')}
            description={
              chosen ? t('protection.person.sourceOf', { source: chosen.source[locale] }) : undefined
            }
            required
            value={form.values.type}
            onChange={(event) => {
              form.setValue('type', event.currentTarget.value);
              form.setValue('value', '');
            }}
            error={error('type')}
            data={[
              { value: '', label: t('protection.person.chooseType'), disabled: true },
              ...available.map((item) => ({ value: item.type, label: item[locale] })),
            ]}
            w={320}
            data-testid="staff-signal-type"
          />
          <TextInput
            type="date"
            label={t('protection.person.observedOn')}
            required
            error={error('observedOn')}
            {...form.text('observedOn')}
            data-testid="staff-signal-observed-on"
          />
          {unit ? (
            <TextInput
              type="number"
              min={0}
              label={t('protection.person.valueWithUnit', { unit })}
              error={error('value')}
              {...form.text('value')}
              w={180}
              data-testid="staff-signal-value"
            />
          ) : null}
        </Group>
        <Textarea
          label={t('protection.person.note')}
          rows={2}
          maxLength={2000}
          error={error('note')}
          {...form.text('note')}
          data-testid="staff-signal-note"
        />
        <div>
          <Button type="submit" loading={saving} data-testid="staff-signal-submit">
            {t('protection.person.saveSignal')}
          </Button>
        </div>
      </Stack>
    </form>
  );
}
