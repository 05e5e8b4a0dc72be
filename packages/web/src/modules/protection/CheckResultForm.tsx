import { CONTACT_METHODS, SURVEY_FINDINGS, SurveyCheckResult, seoulDate } from '@ieum/domain';
import { Button, Group, NativeSelect, Stack, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { messageText, useForm } from '../../platform/forms';
import { recordSurveyCheck, type SurveyCheckData } from './api';
import { StaleProblem } from './StaleProblem';

interface ResultValues extends Record<string, unknown> {
  finding: string;
  checkedOn: string;
  method: string;
  note: string;
}

const emptyResult = (): ResultValues => ({
  finding: '',
  checkedOn: seoulDate(new Date()),
  method: 'visit',
  note: '',
});

/** The result of one check: what was found, when, how, and a note. */
export function CheckResultForm({
  check,
  onSaved,
  onReload,
  onCancel,
}: {
  check: SurveyCheckData;
  onSaved: () => Promise<unknown>;
  onReload: () => Promise<unknown>;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const form = useForm<ResultValues>(emptyResult());
  const [saving, setSaving] = useState(false);
  const error = (field: keyof ResultValues & string) => messageText(t, form.errors[field]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    form.setProblem(null);
    const input = form.validate(SurveyCheckResult, {
      finding: form.values.finding,
      checkedOn: form.values.checkedOn,
      method: form.values.method,
      note: form.values.note.trim() === '' ? undefined : form.values.note,
      version: check.version,
    });
    if (!input) return;
    setSaving(true);
    recordSurveyCheck(check.id, input)
      .then(async () => {
        notifications.show({ color: 'teal', message: t('protection.surveys.checks.saved') });
        await onSaved();
      }, form.fail)
      .finally(() => setSaving(false));
  };

  return (
    <form onSubmit={onSubmit} noValidate data-testid="check-result-form">
      <Stack gap="sm">
        <StaleProblem
          problem={form.problem}
          onReload={() => {
            form.setProblem(null);
            void onReload();
          }}
        />
        <NativeSelect
          label={t('protection.surveys.checks.finding')}
          required
          value={form.values.finding}
          onChange={(event) => form.setValue('finding', event.currentTarget.value)}
          error={error('finding')}
          data={[
            { value: '', label: t('protection.close.choose'), disabled: true },
            ...SURVEY_FINDINGS.map((finding) => ({
              value: finding,
              label: t(`protection.surveys.findings.${finding}`),
            })),
          ]}
          data-testid="check-finding"
        />
        <Group gap="sm" align="flex-start" wrap="wrap">
          <TextInput
            type="date"
            label={t('protection.surveys.checks.checkedOn')}
            required
            error={error('checkedOn')}
            {...form.text('checkedOn')}
            data-testid="check-checked-on"
          />
          <NativeSelect
            label={t('protection.surveys.checks.method')}
            required
            value={form.values.method}
            onChange={(event) => form.setValue('method', event.currentTarget.value)}
            error={error('method')}
            data={CONTACT_METHODS.map((method) => ({
              value: method,
              label: t(`protection.contact.methods.${method}`),
            }))}
            data-testid="check-method"
          />
        </Group>
        <Textarea
          label={t('protection.surveys.checks.note')}
          rows={3}
          maxLength={2000}
          error={error('note')}
          {...form.text('note')}
          data-testid="check-note"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel} disabled={saving}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={saving} data-testid="check-submit">
            {t('protection.surveys.checks.saveResult')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
