import { COMMENT_RESOLUTIONS, CommentResolutionInput } from '@ieum/domain';
import { Button, Group, NativeSelect, Stack, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { messageText, useForm } from '../../../platform/forms';
import { StaleProblem } from '../../../platform/ui/StaleProblem';
import { type CommentData, planKeys, resolveComment } from '../api';

interface ResolveValues extends Record<string, unknown> {
  resolution: string;
  reason: string;
}

/**
 * The plan manager's answer to one comment: accepted, partly accepted or not accepted, with a reason owed
 * for anything short of full acceptance; sent at the comment's version.
 */
export function ResolveForm({
  planId,
  comment,
  number,
}: {
  planId: string;
  comment: CommentData;
  number: number;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm<ResolveValues>({
    resolution: comment.resolution ?? '',
    reason: comment.resolutionReason ?? '',
  });
  const [saving, setSaving] = useState(false);
  const error = (field: keyof ResolveValues & string) => messageText(t, form.errors[field]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    form.setProblem(null);
    const input = form.validate(
      CommentResolutionInput,
      {
        resolution: form.values.resolution === '' ? undefined : form.values.resolution,
        reason: form.values.reason,
        version: comment.version,
      },
      // An empty reason is wrong only because of the resolution chosen: say that, not a bare "required".
      form.values.reason.trim() === ''
        ? { messages: { reason: 'validation.custom.plan_resolution_reason_required' } }
        : undefined,
    );
    if (!input) return;
    setSaving(true);
    void resolveComment(comment.id, input)
      .then(async () => {
        notifications.show({ color: 'teal', message: t('plan.consultation.resolveSaved') });
        await queryClient.invalidateQueries({ queryKey: planKeys.consultation(planId) });
      }, form.fail)
      .finally(() => setSaving(false));
  };

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-label={t('plan.consultation.resolveFormLabel', { number })}
      data-testid={`plan-resolve-${comment.id}`}
    >
      <Stack gap="sm">
        <StaleProblem
          problem={form.problem}
          onReload={() => {
            form.setProblem(null);
            void queryClient.invalidateQueries({ queryKey: planKeys.consultation(planId) });
          }}
          testIdPrefix={`plan-resolve-${comment.id}`}
          words={{
            title: t('plan.consultation.commentStale.title'),
            message: t('plan.consultation.commentStale.message'),
            reload: t('plan.consultation.commentStale.reload'),
          }}
        />
        <NativeSelect
          label={t('plan.consultation.resolution')}
          required
          value={form.values.resolution}
          onChange={(event) => form.setValue('resolution', event.currentTarget.value)}
          data={[
            { value: '', label: t('plan.consultation.resolutionChoose'), disabled: true },
            ...COMMENT_RESOLUTIONS.map((resolution) => ({
              value: resolution,
              label: t(`plan.resolutions.${resolution}`),
            })),
          ]}
          error={error('resolution')}
          maw={320}
          data-testid="plan-resolve-resolution"
        />
        <Textarea
          label={t('plan.consultation.reason')}
          description={t('plan.consultation.reasonHint')}
          required={form.values.resolution !== '' && form.values.resolution !== 'accepted'}
          rows={2}
          maxLength={2000}
          error={error('reason')}
          {...form.text('reason')}
          data-testid="plan-resolve-reason"
        />
        <Group justify="flex-end">
          <Button type="submit" size="sm" loading={saving} data-testid="plan-resolve-submit">
            {t('plan.consultation.resolveSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
