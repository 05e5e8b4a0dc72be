import { UnmaskRequest } from '@ieum/domain';
import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { messageText, useForm } from '../../platform/forms';
import { ProblemAlert } from '../../platform/ui/ProblemAlert';
import { type PersonDetailData, unmaskPerson } from './api';

/** UnmaskRequest's limit on the reason. */
const REASON_MAX_LENGTH = 500;

export interface UnmaskDialogProps {
  personId: string;
  code: string;
  opened: boolean;
  onClose: () => void;
  onUnmasked: (person: PersonDetailData) => void;
}

/** "신원 정보 보기": the full identity for this session only, for a stated reason that goes into the access log. */
export function UnmaskDialog({ personId, code, opened, onClose, onUnmasked }: UnmaskDialogProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('persons.unmask.title')} size="lg">
      {/* Mounted only while open, so each opening starts with an empty reason. */}
      {opened ? (
        <UnmaskForm personId={personId} code={code} onCancel={onClose} onUnmasked={onUnmasked} />
      ) : null}
    </Modal>
  );
}

function UnmaskForm({
  personId,
  code,
  onCancel,
  onUnmasked,
}: {
  personId: string;
  code: string;
  onCancel: () => void;
  onUnmasked: (person: PersonDetailData) => void;
}) {
  const { t } = useTranslation();
  const form = useForm({ reason: '' });
  const [saving, setSaving] = useState(false);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const input = form.validate(UnmaskRequest, { reason: form.values.reason });
    if (!input) return;
    form.setProblem(null);
    setSaving(true);
    unmaskPerson(personId, input)
      .then(onUnmasked, (failure: unknown) => form.fail(failure))
      .finally(() => setSaving(false));
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="md">
        <Text size="sm">{t('persons.unmask.intro', { code })}</Text>
        <Alert color="blue" data-testid="unmask-notice">
          <Text size="sm">{t('persons.unmask.notice')}</Text>
        </Alert>
        <ProblemAlert problem={form.problem} />
        <Textarea
          label={t('persons.unmask.reason')}
          description={t('persons.unmask.reasonHint')}
          required
          rows={3}
          maxLength={REASON_MAX_LENGTH}
          error={messageText(t, form.errors.reason)}
          data-autofocus
          data-testid="unmask-reason"
          {...form.text('reason')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={saving} data-testid="unmask-submit">
            {t('persons.unmask.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
