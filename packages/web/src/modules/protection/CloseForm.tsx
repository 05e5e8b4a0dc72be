import { ALERT_OUTCOMES, AlertClosing, type AlertOutcome } from '@ieum/domain';
import { Button, Group, Modal, NativeSelect, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { messageText, useForm } from '../../platform/forms';
import { closeAlert } from './api';
import { StaleProblem } from './StaleProblem';

interface ClosingValues extends Record<string, unknown> {
  outcome: string;
  followUpOn: string;
  note: string;
}

const EMPTY: ClosingValues = { outcome: '', followUpOn: '', note: '' };

/**
 * Closing needs an outcome and, unless the person has died, a follow-up date; it is asked once more before it
 * is sent, since a closed alert stays closed.
 */
export function CloseForm({
  alertId,
  version,
  onClosed,
  headingId,
}: {
  alertId: string;
  version: number;
  onClosed: () => Promise<unknown>;
  /** The heading of the section the form sits in, which names it. */
  headingId: string;
}) {
  const { t } = useTranslation();
  const form = useForm<ClosingValues>(EMPTY);
  const [confirming, setConfirming] = useState<AlertClosing | null>(null);
  const [saving, setSaving] = useState(false);
  const error = (field: keyof ClosingValues & string) => messageText(t, form.errors[field]);
  const deceased = form.values.outcome === ('deceased' satisfies AlertOutcome);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    form.setProblem(null);
    const input = form.validate(AlertClosing, {
      outcome: form.values.outcome,
      followUpOn: form.values.followUpOn === '' ? undefined : form.values.followUpOn,
      note: form.values.note.trim() === '' ? undefined : form.values.note,
      version,
    });
    if (!input) return;
    if (!deceased && !input.followUpOn) {
      form.setErrors({ followUpOn: { key: 'protection.close.followUpRequired' } });
      return;
    }
    setConfirming(input);
  };

  const send = () => {
    if (!confirming) return;
    setSaving(true);
    closeAlert(alertId, confirming)
      .then(
        async () => {
          setConfirming(null);
          notifications.show({ color: 'teal', message: t('protection.close.done') });
          await onClosed();
        },
        (failure: unknown) => {
          setConfirming(null);
          form.fail(failure);
        },
      )
      .finally(() => setSaving(false));
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby={headingId} data-testid="close-form">
      <Stack gap="sm">
        <Text size="sm">{t('protection.close.intro')}</Text>
        <StaleProblem
          problem={form.problem}
          onReload={() => {
            form.setProblem(null);
            void onClosed();
          }}
        />
        <Group gap="sm" align="flex-start" wrap="wrap">
          <NativeSelect
            label={t('protection.close.outcome')}
            required
            value={form.values.outcome}
            onChange={(event) => form.setValue('outcome', event.currentTarget.value)}
            error={error('outcome')}
            data={[
              { value: '', label: t('protection.close.choose'), disabled: true },
              ...ALERT_OUTCOMES.map((outcome) => ({
                value: outcome,
                label: t(`protection.close.outcomes.${outcome}`),
              })),
            ]}
            w={280}
            data-testid="close-outcome"
          />
          <TextInput
            type="date"
            label={t('protection.close.followUpOn')}
            description={t('protection.close.followUpHint')}
            required={!deceased}
            error={error('followUpOn')}
            {...form.text('followUpOn')}
            data-testid="close-follow-up"
          />
        </Group>
        <Textarea
          label={t('protection.close.note')}
          rows={3}
          maxLength={2000}
          error={error('note')}
          {...form.text('note')}
          data-testid="close-note"
        />
        <div>
          <Button type="submit" color="red.9" disabled={saving} data-testid="close-submit">
            {t('protection.close.submit')}
          </Button>
        </div>
      </Stack>
      <Modal
        opened={confirming !== null}
        onClose={() => setConfirming(null)}
        title={t('protection.close.heading')}
      >
        <Stack gap="md">
          <Text size="sm">{t('protection.close.confirm')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(null)} disabled={saving}>
              {t('common.cancel')}
            </Button>
            <Button color="red.9" onClick={send} loading={saving} data-testid="close-confirm">
              {t('protection.close.submit')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </form>
  );
}
