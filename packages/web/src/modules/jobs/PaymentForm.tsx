import { INCENTIVE_LINE_KINDS, IncentivePaymentInput, seoulDate } from '@ieum/domain';
import { Button, Group, Modal, NativeSelect, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { messageText, useForm } from '../../platform/forms';
import { useLocale } from '../../platform/i18n';
import { ProblemAlert } from '../../platform/ui/ProblemAlert';
import {
  type IncentiveLineData,
  jobsKeys,
  type IncentivePaymentInput as PaymentInput,
  recordIncentivePayment,
} from './api';
import { typedNumber, useWon } from './format';
import { incentiveLabel } from './text';

interface PaymentValues extends Record<string, unknown> {
  line: string;
  amount: string;
  paidOn: string;
  claimedOn: string;
}

const empty = (): PaymentValues => ({ line: '', amount: '', paidOn: seoulDate(new Date()), claimedOn: '' });

/**
 * A payment made, for the ledger: which line, how much, when claimed and when paid. Choosing a line that is
 * due offers its amount. It is asked once more before it is recorded, since the ledger counts against the
 * ceiling at once.
 */
export function PaymentForm({ personId, lines }: { personId: string; lines: readonly IncentiveLineData[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const won = useWon();
  const queryClient = useQueryClient();
  const form = useForm<PaymentValues>(empty());
  const [confirming, setConfirming] = useState<PaymentInput | null>(null);
  const [saving, setSaving] = useState(false);
  const error = (field: keyof PaymentValues & string) => messageText(t, form.errors[field]);

  const chooseLine = (line: string) => {
    form.setValue('line', line);
    const due = lines.find((candidate) => candidate.kind === line && candidate.status === 'due');
    if (due && form.values.amount.trim() === '') form.setValue('amount', String(due.amount));
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    form.setProblem(null);
    const v = form.values;
    const input = form.validate(IncentivePaymentInput, {
      line: v.line === '' ? undefined : v.line,
      amount: typedNumber(v.amount),
      paidOn: v.paidOn,
      claimedOn: v.claimedOn,
    });
    if (input) setConfirming(input);
  };

  const send = () => {
    if (!confirming) return;
    setSaving(true);
    recordIncentivePayment(personId, confirming)
      .then(
        (statement) => {
          setConfirming(null);
          queryClient.setQueryData(jobsKeys.incentives(personId), statement);
          notifications.show({ color: 'teal', message: t('jobs.pay.done') });
          form.reset(empty());
        },
        (failure: unknown) => {
          setConfirming(null);
          form.fail(failure);
        },
      )
      .finally(() => setSaving(false));
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="jobs-pay" data-testid="payment-form">
      <Stack gap="sm">
        <Title order={3} size="h5" id="jobs-pay">
          {t('jobs.pay.heading')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('jobs.pay.intro')}
        </Text>
        <ProblemAlert problem={form.problem} onClose={() => form.setProblem(null)} />
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
          <NativeSelect
            label={t('jobs.incentives.line')}
            required
            value={form.values.line}
            onChange={(event) => chooseLine(event.currentTarget.value)}
            data={[
              { value: '', label: t('jobs.choose'), disabled: true },
              ...INCENTIVE_LINE_KINDS.map((kind) => ({ value: kind, label: incentiveLabel(kind, locale) })),
            ]}
            error={error('line')}
            data-testid="payment-line"
          />
          <TextInput
            inputMode="numeric"
            label={t('jobs.incentives.amount')}
            required
            rightSection={<Text size="sm">{t('jobs.wonUnit')}</Text>}
            rightSectionWidth={48}
            error={error('amount')}
            {...form.text('amount')}
            data-testid="payment-amount"
          />
          <TextInput
            type="date"
            label={t('jobs.incentives.claimedOn')}
            required
            error={error('claimedOn')}
            {...form.text('claimedOn')}
            data-testid="payment-claimed-on"
          />
          <TextInput
            type="date"
            label={t('jobs.incentives.paidOn')}
            required
            error={error('paidOn')}
            {...form.text('paidOn')}
            data-testid="payment-paid-on"
          />
        </SimpleGrid>
        <div>
          <Button type="submit" disabled={saving} data-testid="payment-submit">
            {t('jobs.pay.submit')}
          </Button>
        </div>
      </Stack>
      <Modal
        opened={confirming !== null}
        onClose={() => setConfirming(null)}
        title={t('jobs.pay.confirmHeading')}
      >
        <Stack gap="md">
          <Text size="sm" data-testid="payment-confirm-text">
            {confirming
              ? t('jobs.pay.confirm', {
                  line: incentiveLabel(confirming.line, locale),
                  amount: won(confirming.amount),
                })
              : ''}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(null)} disabled={saving}>
              {t('common.cancel')}
            </Button>
            <Button onClick={send} loading={saving} data-testid="payment-confirm">
              {t('jobs.pay.submit')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </form>
  );
}
