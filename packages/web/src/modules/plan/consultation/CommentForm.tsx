import { CommentInput, compareTaskCodes } from '@ieum/domain';
import { Alert, Button, Group, NativeSelect, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemOf } from '../../../platform/api';
import { formatDate } from '../../../platform/format';
import { messageText, useForm } from '../../../platform/forms';
import { useLocale } from '../../../platform/i18n';
import { ProblemAlert } from '../../../platform/ui/ProblemAlert';
import {
  type CommentData,
  type ConsultationData,
  commentOnPlan,
  declareNoComment,
  type PlanDetailData,
  planKeys,
} from '../api';
import type { CommentRefusal } from './standing';

type Invitee = ConsultationData['invitees'][number];

interface CommentValues extends Record<string, unknown> {
  /** '' for the plan as a whole, otherwise the task's key. */
  taskKey: string;
  body: string;
}

/** The plan's tasks in the plan's order, as "1-3 title". */
export function taskOptions(plan: PlanDetailData) {
  return plan.categories
    .flatMap((category) => category.tasks)
    .sort((a, b) => compareTaskCodes(a.code, b.code))
    .map((task) => ({ key: task.key, code: task.code, title: task.title }));
}

/** "I have nothing to say": counted as an answer; the invitee may still comment within the period. */
function NoCommentAnswer({ plan, invitee }: { plan: PlanDetailData; invitee: Invitee }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ReturnType<typeof problemOf> | null>(null);
  if (invitee.noComment)
    return (
      <Alert color="teal" data-testid="plan-no-comment-done">
        {t('plan.consultation.noCommentDone')}
      </Alert>
    );
  if (invitee.comments > 0) return null;
  const answer = () => {
    setBusy(true);
    setProblem(null);
    void declareNoComment(plan.id)
      .then(
        async () => {
          notifications.show({ color: 'teal', message: t('plan.consultation.noCommentSaved') });
          await queryClient.invalidateQueries({ queryKey: planKeys.consultation(plan.id) });
        },
        (error: unknown) => setProblem(problemOf(error, t('errors.unexpected'))),
      )
      .finally(() => setBusy(false));
  };
  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        {t('plan.consultation.noCommentHelp')}
      </Text>
      <ProblemAlert problem={problem} />
      <Group>
        <Button variant="default" onClick={answer} loading={busy} data-testid="plan-no-comment">
          {t('plan.consultation.noComment')}
        </Button>
      </Group>
    </Stack>
  );
}

/**
 * An invitee's comment, on the plan as a whole or on one task, while the consultation is open; and the
 * "no comment" answer for an invitee who has not commented.
 */
export function CommentForm({
  plan,
  consultation,
  invitee,
}: {
  plan: PlanDetailData;
  consultation: ConsultationData;
  invitee: Invitee;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const queryClient = useQueryClient();
  const form = useForm<CommentValues>({ taskKey: '', body: '' });
  const [saving, setSaving] = useState(false);
  const tasks = taskOptions(plan);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    form.setProblem(null);
    const input = form.validate(CommentInput, {
      taskKey: form.values.taskKey === '' ? null : form.values.taskKey,
      body: form.values.body,
    });
    if (!input) return;
    setSaving(true);
    void commentOnPlan(plan.id, input)
      .then(async (saved: CommentData) => {
        notifications.show({ color: 'teal', message: t('plan.consultation.submitted') });
        form.reset({ taskKey: saved.taskKey ?? '', body: '' });
        await queryClient.invalidateQueries({ queryKey: planKeys.consultation(plan.id) });
      }, form.fail)
      .finally(() => setSaving(false));
  };

  return (
    <Stack gap="md">
      <Text size="sm">
        {t('plan.consultation.commentIntro', { end: formatDate(consultation.endsOn, locale) })}{' '}
        {invitee.kind === 'organization'
          ? t('plan.consultation.answeringAsOrganization', { name: invitee.name })
          : t('plan.consultation.answeringAsMember')}
      </Text>
      <form
        onSubmit={onSubmit}
        noValidate
        aria-label={t('plan.consultation.commentFormLabel')}
        data-testid="plan-comment-form"
      >
        <Stack gap="sm">
          <ProblemAlert problem={form.problem} />
          <NativeSelect
            label={t('plan.consultation.target')}
            value={form.values.taskKey}
            onChange={(event) => form.setValue('taskKey', event.currentTarget.value)}
            data={[
              { value: '', label: t('plan.consultation.targetPlan') },
              ...tasks.map((task) => ({
                value: task.key,
                label: t('plan.consultation.targetTask', { code: task.code, title: task.title }),
              })),
            ]}
            error={messageText(t, form.errors.taskKey)}
            data-testid="plan-comment-target"
          />
          <Textarea
            label={t('plan.consultation.body')}
            required
            rows={4}
            maxLength={4000}
            error={messageText(t, form.errors.body)}
            {...form.text('body')}
            data-testid="plan-comment-body"
          />
          <Group justify="flex-end">
            <Button type="submit" loading={saving} data-testid="plan-comment-submit">
              {t('plan.consultation.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
      <NoCommentAnswer plan={plan} invitee={invitee} />
    </Stack>
  );
}

/** Why the reader cannot comment now, with the period where it matters. */
export function CommentRefused({
  reason,
  consultation,
}: {
  reason: CommentRefusal;
  consultation: ConsultationData | null;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const period = consultation
    ? { start: formatDate(consultation.startsOn, locale), end: formatDate(consultation.endsOn, locale) }
    : { start: '', end: '' };
  return (
    <Alert color="gray" data-testid="plan-comment-refused" data-reason={reason}>
      {t(`plan.consultation.cannot.${reason}`, period)}
    </Alert>
  );
}
