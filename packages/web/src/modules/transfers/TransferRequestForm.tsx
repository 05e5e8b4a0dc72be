import { TransferRequest } from '@ieum/domain';
import { Button, Group, Select, Stack, Textarea } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../platform/auth/session';
import { messageText, useForm } from '../../platform/forms';
import { organizationName, useLocale } from '../../platform/i18n';
import { ProblemAlert } from '../../platform/ui/ProblemAlert';
import { requestTransfer, useHanaCenters } from './api';

/** The domain's limit on the reason. */
const REASON_MAX_LENGTH = 1000;

/** Asks another Hana Center to take the case over; its manager accepts or declines. */
export function TransferRequestForm({
  caseId,
  onRequested,
  onCancel,
}: {
  caseId: string;
  onRequested: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const me = useMe();
  const centers = useHanaCenters(true);
  const form = useForm({ toCenterId: null as string | null, reason: '' });
  const [saving, setSaving] = useState(false);
  const { values, setValue } = form;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const input = form.validate(TransferRequest, {
      toCenterId: values.toCenterId ?? undefined,
      reason: values.reason,
    });
    if (!input) return;
    form.setProblem(null);
    setSaving(true);
    requestTransfer(caseId, input)
      .then(onRequested, (failure: unknown) => form.fail(failure))
      .finally(() => setSaving(false));
  };

  return (
    <form onSubmit={onSubmit} noValidate data-testid="transfer-request-form">
      <Stack gap="md">
        <ProblemAlert problem={form.problem} />
        <Select
          label={t('transfers.fields.toCenter')}
          required
          searchable
          nothingFoundMessage={t('common.noResults')}
          data={(centers.data?.items ?? [])
            .filter((center) => center.id !== me.organization.id)
            .map((center) => ({ value: center.id, label: organizationName(center, locale) }))}
          value={values.toCenterId}
          onChange={(id) => setValue('toCenterId', id)}
          disabled={centers.isPending}
          error={messageText(t, form.errors.toCenterId)}
          data-testid="transfer-to-center"
          comboboxProps={{ withinPortal: true }}
        />
        <Textarea
          label={t('transfers.fields.reason')}
          description={t('transfers.request.reasonHint')}
          required
          rows={3}
          maxLength={REASON_MAX_LENGTH}
          error={messageText(t, form.errors.reason)}
          data-testid="transfer-reason"
          {...form.text('reason')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={saving} data-testid="transfer-request-submit">
            {t('transfers.request.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
