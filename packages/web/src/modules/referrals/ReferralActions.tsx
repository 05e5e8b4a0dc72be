import { type ReferralAction, ReferralDecision } from '@ieum/domain';
import { Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../platform/api';
import { messageText, useForm } from '../../platform/forms';
import { ProblemAlert } from '../../platform/ui/ProblemAlert';
import { changeReferral, type ReferralStep } from './api';

/** The limit the domain sets on a reason or note. */
const NOTE_MAX_LENGTH = 1000;

/** Declining needs a reason; completing takes an outcome note and cancelling a reason, both optional. */
const NEEDS_TEXT: Record<Exclude<ReferralAction, 'accept'>, { required: boolean }> = {
  decline: { required: true },
  complete: { required: false },
  cancel: { required: false },
};

function stepOf(action: ReferralAction, version: number, text: string): ReferralStep {
  const note = text.trim() === '' ? undefined : text;
  switch (action) {
    case 'accept':
      return { action, version };
    case 'decline':
      return { action, version, reason: text };
    case 'complete':
      return { action, version, note };
    case 'cancel':
      return { action, version, reason: note };
    default: {
      const unknown: never = action;
      return unknown;
    }
  }
}

/**
 * The steps open to the reader's side. Accepting is one click; the others ask for their text in a dialog.
 * A stale version (someone else answered first) reloads the referral and says so.
 */
export function ReferralActions({
  referralId,
  version,
  actions,
  onChanged,
}: {
  referralId: string;
  version: number;
  actions: readonly ReferralAction[];
  onChanged: (action: ReferralAction) => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<Exclude<ReferralAction, 'accept'> | null>(null);
  const [saving, setSaving] = useState(false);
  const form = useForm({ reason: '' });

  const run = (action: ReferralAction, text: string) => {
    form.setProblem(null);
    setSaving(true);
    changeReferral(referralId, stepOf(action, version, text))
      .then(
        () => {
          setOpen(null);
          form.reset({ reason: '' });
          onChanged(action);
        },
        (failure: unknown) => {
          if (isApiError(failure, 'conflict.stale')) {
            form.setProblem({ ...failure.problem, title: t('errors.stale'), detail: undefined });
            onChanged(action);
            return;
          }
          form.fail(failure);
        },
      )
      .finally(() => setSaving(false));
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!open) return;
    if (
      open === 'decline' &&
      !form.validate(ReferralDecision.pick({ reason: true }), { reason: form.values.reason })
    ) {
      return;
    }
    run(open, form.values.reason);
  };
  const reasonError = messageText(t, form.errors.reason);

  if (actions.length === 0) return null;
  return (
    <>
      {open === null ? <ProblemAlert problem={form.problem} /> : null}
      <Group gap="sm">
        {actions.map((action) => (
          <Button
            key={action}
            color={action === 'decline' || action === 'cancel' ? 'red' : undefined}
            variant={action === 'accept' || action === 'complete' ? 'filled' : 'light'}
            loading={saving && open === null && action === 'accept'}
            onClick={() => (action === 'accept' ? run(action, '') : setOpen(action))}
            data-testid={`referral-${action}`}
          >
            {t(`referrals.actions.${action}`)}
          </Button>
        ))}
      </Group>
      <Modal
        opened={open !== null}
        onClose={() => setOpen(null)}
        title={open ? t(`referrals.actions.${open}Title`) : ''}
      >
        <form onSubmit={onSubmit} noValidate>
          <Stack gap="md">
            <ProblemAlert problem={form.problem} />
            <Textarea
              label={open ? t(`referrals.actions.${open}Text`) : ''}
              required={open ? NEEDS_TEXT[open].required : false}
              rows={4}
              maxLength={NOTE_MAX_LENGTH}
              error={reasonError}
              data-testid="referral-action-text"
              {...form.text('reason')}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setOpen(null)}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={saving} data-testid="referral-action-submit">
                {open ? t(`referrals.actions.${open}`) : ''}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
