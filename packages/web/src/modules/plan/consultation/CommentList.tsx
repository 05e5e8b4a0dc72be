import { Badge, Card, Checkbox, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../platform/format';
import { useLocale } from '../../../platform/i18n';
import { UNCLIPPED } from '../../../platform/ui/badges';
import type { CommentData, ConsultationData, PlanDetailData } from '../api';
import { orgName } from '../text';
import { taskOptions } from './CommentForm';
import { ResolveForm } from './ResolveForm';

const RESOLUTION_COLORS = { accepted: 'teal', partly_accepted: 'blue', not_accepted: 'orange' } as const;

/** '' for everything, 'plan' for comments on the plan as a whole, otherwise a task's key. */
type Scope = string;

function CommentCard({
  comment,
  number,
  taskTitle,
  planId,
  canResolve,
}: {
  comment: CommentData;
  number: number;
  taskTitle: string | null;
  planId: string;
  canResolve: boolean;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const headingId = `plan-comment-heading-${comment.id}`;
  return (
    <Card
      withBorder
      padding="md"
      component="article"
      aria-labelledby={headingId}
      data-testid={`plan-comment-${number}`}
    >
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <Stack gap={2}>
            <Text component="h3" size="sm" fw={700} id={headingId} m={0}>
              {t('plan.consultation.commentNumber', { number })} ·{' '}
              <span data-testid="plan-comment-target">
                {comment.taskCode
                  ? `${t('plan.consultation.taskLabel', { code: comment.taskCode })}${taskTitle ? ` ${taskTitle}` : ''}`
                  : t('plan.consultation.planWide')}
              </span>
            </Text>
            <Text size="xs" c="dimmed">
              {comment.author.displayName} · {orgName(comment.organization, locale)} ·{' '}
              {formatDateTime(comment.createdAt, locale)}
            </Text>
          </Stack>
          {comment.resolution ? (
            <Badge
              color={RESOLUTION_COLORS[comment.resolution]}
              variant="light"
              styles={UNCLIPPED}
              data-testid="plan-comment-resolution"
            >
              {t(`plan.resolutions.${comment.resolution}`)}
            </Badge>
          ) : (
            <Badge color="gray" variant="outline" styles={UNCLIPPED} data-testid="plan-comment-resolution">
              {t('plan.consultation.awaitingResolution')}
            </Badge>
          )}
        </Group>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="plan-comment-body">
          {comment.body}
        </Text>
        {comment.resolution ? (
          <Stack gap={2} pl="sm" style={{ borderLeft: '3px solid var(--mantine-color-gray-4)' }}>
            {comment.resolutionReason ? (
              <Text size="sm" data-testid="plan-comment-reason">
                <Text span fw={600} size="sm">
                  {t('plan.consultation.reason')}:
                </Text>{' '}
                {comment.resolutionReason}
              </Text>
            ) : null}
            {comment.resolvedBy && comment.resolvedAt ? (
              <Text size="xs" c="dimmed">
                {t('plan.consultation.resolvedBy', {
                  name: comment.resolvedBy.displayName,
                  at: formatDateTime(comment.resolvedAt, locale),
                })}
              </Text>
            ) : null}
          </Stack>
        ) : canResolve ? (
          <ResolveForm planId={planId} comment={comment} number={number} />
        ) : null}
      </Stack>
    </Card>
  );
}

/**
 * Every comment of the consultation, numbered in the order received, filterable by what it is about (the plan
 * as a whole or one task) and to those awaiting review; the plan manager reviews each unresolved one in place.
 */
export function CommentList({
  plan,
  consultation,
  canResolve,
}: {
  plan: PlanDetailData;
  consultation: ConsultationData;
  canResolve: boolean;
}) {
  const { t } = useTranslation();
  const [scope, setScope] = useState<Scope>('');
  const [onlyUnresolved, setOnlyUnresolved] = useState(false);
  const titles = new Map(taskOptions(plan).map((task) => [task.key, task.title]));
  const numbered = consultation.comments.map((comment, index) => ({ comment, number: index + 1 }));
  if (numbered.length === 0) return <Text size="sm">{t('plan.consultation.noComments')}</Text>;

  // The tasks commented on, in the plan's order, by the code they had when the comment was made.
  const commentedTasks = new Map<string, string>();
  for (const { comment } of numbered)
    if (comment.taskKey && comment.taskCode) commentedTasks.set(comment.taskKey, comment.taskCode);
  const scopes = [...commentedTasks].sort(([, a], [, b]) => a.localeCompare(b, 'en', { numeric: true }));
  const shown = numbered.filter(
    ({ comment }) =>
      (scope === '' || (scope === 'plan' ? comment.taskKey === null : comment.taskKey === scope)) &&
      (!onlyUnresolved || comment.resolution === null),
  );

  return (
    <Stack gap="md">
      <Group gap="lg" wrap="wrap" align="flex-end">
        <Text size="sm" fw={600} data-testid="plan-comments-counts">
          {t('plan.consultation.commentTotal', { number: numbered.length })} ·{' '}
          {t('plan.consultation.unresolvedCount', { number: consultation.unresolved })}
        </Text>
        <NativeSelect
          label={t('plan.consultation.filter')}
          value={scope}
          onChange={(event) => setScope(event.currentTarget.value)}
          data={[
            { value: '', label: t('plan.consultation.filterAll') },
            { value: 'plan', label: t('plan.consultation.planWide') },
            ...scopes.map(([key, code]) => ({
              value: key,
              label: t('plan.consultation.taskLabel', { code }),
            })),
          ]}
          data-testid="plan-comments-filter"
        />
        <Checkbox
          label={t('plan.consultation.onlyUnresolved')}
          checked={onlyUnresolved}
          onChange={(event) => setOnlyUnresolved(event.currentTarget.checked)}
          data-testid="plan-comments-unresolved"
        />
      </Group>
      {shown.length === 0 ? <Text size="sm">{t('plan.consultation.noMatchingComments')}</Text> : null}
      {shown.map(({ comment, number }) => (
        <CommentCard
          key={comment.id}
          comment={comment}
          number={number}
          taskTitle={comment.taskKey ? (titles.get(comment.taskKey) ?? null) : null}
          planId={plan.id}
          canResolve={canResolve}
        />
      ))}
    </Stack>
  );
}
