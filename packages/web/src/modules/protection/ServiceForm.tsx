import { SERVICE_KINDS, SERVICE_OUTCOMES, SERVICE_PROVIDERS, ServiceInput, seoulDate } from '@ieum/domain';
import { Button, Group, NativeSelect, Stack, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { messageText, useForm } from '../../platform/forms';
import { recordService } from './api';
import { StaleProblem } from './StaleProblem';

interface ServiceValues extends Record<string, unknown> {
  kind: string;
  provider: string;
  providerName: string;
  outcome: string;
  amount: string;
  providedOn: string;
}

const empty = (): ServiceValues => ({
  kind: '',
  provider: '',
  providerName: '',
  outcome: 'provided',
  amount: '',
  providedOn: seoulDate(new Date()),
});

/** "1,200,000" or "1200000" → 1200000; anything else is left for the schema to refuse. */
function amountOf(text: string): number | undefined {
  const digits = text.replace(/[,\s원]/g, '');
  if (digits === '') return undefined;
  return /^\d+$/.test(digits) ? Number(digits) : Number.NaN;
}

/** A service linked to the alert: what, from whom, with what outcome, how much and when. */
export function ServiceForm({
  alertId,
  version,
  onSaved,
}: {
  alertId: string;
  version: number;
  onSaved: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const form = useForm<ServiceValues>(empty());
  const [saving, setSaving] = useState(false);
  const error = (field: keyof ServiceValues & string) => messageText(t, form.errors[field]);
  const choose = (label: string) => ({ value: '', label, disabled: true });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    form.setProblem(null);
    const input = form.validate(
      ServiceInput,
      {
        kind: form.values.kind,
        provider: form.values.provider,
        providerName: form.values.providerName.trim() === '' ? undefined : form.values.providerName,
        outcome: form.values.outcome,
        amount: amountOf(form.values.amount),
        providedOn: form.values.providedOn,
        version,
      },
      { messages: { amount: 'protection.service.amountInvalid' } },
    );
    if (!input) return;
    setSaving(true);
    recordService(alertId, input)
      .then(async () => {
        notifications.show({ color: 'teal', message: t('protection.service.saved') });
        form.reset(empty());
        await onSaved();
      }, form.fail)
      .finally(() => setSaving(false));
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="service-form-heading" data-testid="service-form">
      <Title order={3} size="h5" id="service-form-heading" mb="xs">
        {t('protection.service.formHeading')}
      </Title>
      <Stack gap="sm">
        <StaleProblem
          problem={form.problem}
          onReload={() => {
            form.setProblem(null);
            void onSaved();
          }}
        />
        <Group gap="sm" align="flex-start" wrap="wrap">
          <NativeSelect
            label={t('protection.service.kind')}
            required
            value={form.values.kind}
            onChange={(event) => form.setValue('kind', event.currentTarget.value)}
            error={error('kind')}
            data={[
              choose(t('protection.service.chooseKind')),
              ...SERVICE_KINDS.map((kind) => ({ value: kind, label: t(`protection.service.kinds.${kind}`) })),
            ]}
            w={280}
            data-testid="service-kind"
          />
          <NativeSelect
            label={t('protection.service.provider')}
            required
            value={form.values.provider}
            onChange={(event) => form.setValue('provider', event.currentTarget.value)}
            error={error('provider')}
            data={[
              choose(t('protection.service.chooseProvider')),
              ...SERVICE_PROVIDERS.map((provider) => ({
                value: provider,
                label: t(`protection.service.providers.${provider}`),
              })),
            ]}
            w={220}
            data-testid="service-provider"
          />
          <TextInput
            label={t('protection.service.providerName')}
            description={t('protection.service.providerNameHint')}
            maxLength={200}
            autoComplete="off"
            error={error('providerName')}
            {...form.text('providerName')}
            w={320}
            data-testid="service-provider-name"
          />
        </Group>
        <Group gap="sm" align="flex-start" wrap="wrap">
          <NativeSelect
            label={t('protection.service.outcome')}
            required
            value={form.values.outcome}
            onChange={(event) => form.setValue('outcome', event.currentTarget.value)}
            error={error('outcome')}
            data={SERVICE_OUTCOMES.map((outcome) => ({
              value: outcome,
              label: t(`protection.service.outcomes.${outcome}`),
            }))}
            w={200}
            data-testid="service-outcome"
          />
          <TextInput
            label={t('protection.service.amount')}
            description={t('protection.service.amountHint')}
            inputMode="numeric"
            autoComplete="off"
            error={error('amount')}
            {...form.text('amount')}
            w={220}
            data-testid="service-amount"
          />
          <TextInput
            type="date"
            label={t('protection.service.providedOn')}
            required
            error={error('providedOn')}
            {...form.text('providedOn')}
            data-testid="service-provided-on"
          />
        </Group>
        <div>
          <Button type="submit" loading={saving} disabled={saving} data-testid="service-submit">
            {t('protection.service.submit')}
          </Button>
        </div>
      </Stack>
    </form>
  );
}
