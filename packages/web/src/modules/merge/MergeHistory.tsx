import { PersonMergeUndo } from '@ieum/domain';
import { Badge, Button, Card, Group, List, Modal, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemOf } from '../../platform/api';
import { formatDate, formatDateTime } from '../../platform/format';
import { messageText, useForm } from '../../platform/forms';
import { useLocale } from '../../platform/i18n';
import { ProblemAlert } from '../../platform/ui/ProblemAlert';
import { type PersonMergeData, undoMerge, useMergeHistory } from './api';

function UndoForm({ merge, onDone }: { merge: PersonMergeData; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm({ reason: '' });
  const [saving, setSaving] = useState(false);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const input = form.validate(PersonMergeUndo, { reason: form.values.reason });
    if (!input) return;
    form.setProblem(null);
    setSaving(true);
    undoMerge(merge.id, input.reason)
      .then(
        async () => {
          notifications.show({ color: 'teal', message: t('merge.undone', { code: merge.merged.code }) });
          await queryClient.invalidateQueries({ queryKey: ['persons'] });
          onDone();
        },
        (failure: unknown) => form.fail(failure),
      )
      .finally(() => setSaving(false));
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="md">
        <Text size="sm">
          {t('merge.undoIntro', { merged: merge.merged.code, survivor: merge.survivor.code })}
        </Text>
        <ProblemAlert problem={form.problem} />
        <Textarea
          label={t('merge.undoReason')}
          description={t('merge.reasonHint')}
          required
          rows={3}
          maxLength={500}
          error={messageText(t, form.errors.reason)}
          data-autofocus
          data-testid="merge-undo-reason"
          {...form.text('reason')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={saving} data-testid="merge-undo-submit">
            {t('merge.undo')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function MergeEntry({ merge, onUndo }: { merge: PersonMergeData; onUndo: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const open = merge.undoneAt === null && new Date(merge.undoUntil).getTime() > Date.now();
  const moved = Object.entries(merge.moved)
    .filter(([kind, count]) => kind !== 'searchTokens' && (count ?? 0) > 0)
    .map(([kind, count]) => t('merge.movedCount', { what: t(`merge.kinds.${kind as 'cases'}`), count }));
  return (
    <Card component="li" withBorder padding="md" data-testid={`merge-entry-${merge.id}`}>
      <Stack gap={6}>
        <Group gap="sm" wrap="wrap">
          <Text fw={700}>
            {t('merge.entryTitle', { merged: merge.merged.code, survivor: merge.survivor.code })}
          </Text>
          {merge.undoneAt ? (
            <Badge variant="light" color="gray" tt="none">
              {t('merge.statusUndone')}
            </Badge>
          ) : (
            <Badge variant="light" color="teal" tt="none">
              {t('merge.statusMerged')}
            </Badge>
          )}
        </Group>
        <Text size="sm">
          {t('merge.entryBy', { by: merge.mergedBy, at: formatDateTime(merge.mergedAt, locale) })}
        </Text>
        <Text size="sm">{t('merge.entryReason', { reason: merge.reason })}</Text>
        <Text size="sm">
          {moved.length > 0
            ? t('merge.entryMoved', { list: moved.join(', ') })
            : t('merge.entryNothingMoved')}
        </Text>
        {merge.filledFields.length > 0 ? (
          <Text size="sm">
            {t('merge.entryFilled', {
              list: merge.filledFields.map((field) => t(`merge.fields.${field}`)).join(', '),
            })}
          </Text>
        ) : null}
        {merge.undoneAt ? (
          <Text size="sm">
            {t('merge.entryUndone', {
              by: merge.undoneBy ?? '',
              at: formatDateTime(merge.undoneAt, locale),
              reason: merge.undoReason ?? '',
            })}
          </Text>
        ) : open ? (
          <Group gap="sm">
            <Text size="sm">{t('merge.undoUntil', { date: formatDate(merge.undoUntil, locale) })}</Text>
            <Button size="xs" variant="default" onClick={onUndo} data-testid={`merge-undo-${merge.id}`}>
              {t('merge.undo')}
            </Button>
          </Group>
        ) : (
          <Text size="sm">{t('merge.undoExpired')}</Text>
        )}
      </Stack>
    </Card>
  );
}

/** The merges into this person, newest first, each with what moved and, while allowed, an undo. */
export function MergeHistory({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const history = useMergeHistory(personId);
  const [undoing, setUndoing] = useState<PersonMergeData | null>(null);
  const items = history.data?.items ?? [];
  return (
    <Stack gap="sm" component="section" aria-labelledby="merge-history-heading">
      <Title order={2} size="h4" id="merge-history-heading">
        {t('merge.historyHeading')}
      </Title>
      {history.isError ? <ProblemAlert problem={problemOf(history.error, t('errors.loadFailed'))} /> : null}
      {history.isSuccess && items.length === 0 ? (
        <Text size="sm" data-testid="merge-history-empty">
          {t('merge.historyEmpty')}
        </Text>
      ) : null}
      {items.length > 0 ? (
        <List listStyleType="none" spacing="sm" data-testid="merge-history">
          {items.map((merge) => (
            <MergeEntry key={merge.id} merge={merge} onUndo={() => setUndoing(merge)} />
          ))}
        </List>
      ) : null}
      <Modal
        opened={undoing !== null}
        onClose={() => setUndoing(null)}
        title={t('merge.undoTitle')}
        size="lg"
      >
        {undoing ? <UndoForm merge={undoing} onDone={() => setUndoing(null)} /> : null}
      </Modal>
    </Stack>
  );
}
