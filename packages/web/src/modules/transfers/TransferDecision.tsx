import { TransferAcceptance, TransferDecline } from '@ieum/domain';
import { Button, Group, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { messageText, useForm } from '../../platform/forms';
import { ProblemAlert } from '../../platform/ui/ProblemAlert';
import { acceptTransfer, declineTransfer, type TransferData, useCenterName, useCenterWorkers } from './api';

export type Decision = { kind: 'accept' | 'decline'; transfer: TransferData };

/** The receiving center's manager accepts (naming the case worker who takes the case) or declines with a reason. */
export function TransferDecisionDialog({
  decision,
  onClose,
  onDone,
}: {
  decision: Decision | null;
  onClose: () => void;
  onDone: (kind: Decision['kind']) => void;
}) {
  const { t } = useTranslation();
  const centerName = useCenterName();
  const kind = decision?.kind ?? 'accept';
  return (
    <Modal
      opened={decision !== null}
      onClose={onClose}
      title={t(`transfers.decide.${kind}Title`)}
      centered
      data-testid="transfer-decision-dialog"
    >
      {decision ? (
        <Stack gap="md">
          <Text size="sm">
            {t('transfers.decide.subject', {
              code: decision.transfer.person.code,
              name: decision.transfer.person.maskedName,
              from: centerName(decision.transfer.fromCenter),
            })}
          </Text>
          {decision.kind === 'accept' ? (
            <AcceptForm transfer={decision.transfer} onCancel={onClose} onDone={() => onDone('accept')} />
          ) : (
            <DeclineForm transfer={decision.transfer} onCancel={onClose} onDone={() => onDone('decline')} />
          )}
        </Stack>
      ) : null}
    </Modal>
  );
}

function AcceptForm({
  transfer,
  onCancel,
  onDone,
}: {
  transfer: TransferData;
  onCancel: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const workers = useCenterWorkers(true);
  const form = useForm({ assignedWorkerId: null as string | null });
  const [saving, setSaving] = useState(false);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const input = form.validate(TransferAcceptance, {
      assignedWorkerId: form.values.assignedWorkerId ?? undefined,
    });
    if (!input) return;
    setSaving(true);
    acceptTransfer(transfer.id, input)
      .then(onDone, (failure: unknown) => form.fail(failure))
      .finally(() => setSaving(false));
  };
  return (
    <form onSubmit={onSubmit} noValidate data-testid="transfer-accept-form">
      <Stack gap="md">
        <ProblemAlert problem={form.problem} />
        <Select
          label={t('transfers.fields.assignedWorker')}
          description={t('transfers.decide.assignHint')}
          required
          data={(workers.data?.items ?? []).map((worker) => ({
            value: worker.id,
            label: worker.displayName,
          }))}
          value={form.values.assignedWorkerId}
          onChange={(id) => form.setValue('assignedWorkerId', id)}
          disabled={workers.isPending}
          error={messageText(t, form.errors.assignedWorkerId)}
          data-testid="transfer-assigned-worker"
          comboboxProps={{ withinPortal: true }}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={saving} data-testid="transfer-accept-submit">
            {t('transfers.decide.accept')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function DeclineForm({
  transfer,
  onCancel,
  onDone,
}: {
  transfer: TransferData;
  onCancel: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const form = useForm({ reason: '' });
  const [saving, setSaving] = useState(false);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const input = form.validate(TransferDecline, { reason: form.values.reason });
    if (!input) return;
    setSaving(true);
    declineTransfer(transfer.id, input)
      .then(onDone, (failure: unknown) => form.fail(failure))
      .finally(() => setSaving(false));
  };
  return (
    <form onSubmit={onSubmit} noValidate data-testid="transfer-decline-form">
      <Stack gap="md">
        <ProblemAlert problem={form.problem} />
        <Textarea
          label={t('transfers.fields.declineReason')}
          required
          rows={3}
          maxLength={1000}
          error={messageText(t, form.errors.reason)}
          data-testid="transfer-decline-reason"
          {...form.text('reason')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" color="red" loading={saving} data-testid="transfer-decline-submit">
            {t('transfers.decide.decline')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
