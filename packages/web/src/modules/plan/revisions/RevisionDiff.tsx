import { Badge, Group, List, NativeSelect, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemOf } from '../../../platform/api';
import { UNCLIPPED } from '../../../platform/ui/badges';
import { PageLoader } from '../../../platform/ui/PageLoader';
import { ProblemAlert } from '../../../platform/ui/ProblemAlert';
import { type PlanDetailData, type PlanListItemData, usePlanDiff } from '../api';
import { revisionLabel } from '../text';

const KIND_COLORS = { added: 'teal', removed: 'red', changed: 'blue', moved: 'grape' } as const;
type KindWord = keyof typeof KIND_COLORS;

/** The word for a change's kind (`task_added` → 신설); the contract leaves kinds open, so unknown ones get none. */
function kindWord(kind: string): KindWord | null {
  const suffix = kind.slice(kind.lastIndexOf('_') + 1);
  return suffix in KIND_COLORS ? (suffix as KindWord) : null;
}

export function useRevisionLabel() {
  const { t } = useTranslation();
  return (revision: number) => revisionLabel(t, revision);
}

/**
 * What this revision changed (the 신구대비), worded by the server in the reader's language: against its
 * predecessor by default, or against another earlier revision of the same year's plan.
 */
export function RevisionDiff({
  plan,
  earlier,
}: {
  plan: PlanDetailData;
  /** The earlier revisions of the same plan, newest first. */
  earlier: readonly PlanListItemData[];
}) {
  const { t } = useTranslation();
  const label = useRevisionLabel();
  // '' compares with the predecessor (the server's default), sharing its cache with the plain diff.
  const [from, setFrom] = useState('');
  const fromId = from === '' || from === plan.previousRevisionId ? null : from;
  const diff = usePlanDiff(plan.id, fromId);

  return (
    <Stack gap="md">
      {earlier.length > 1 ? (
        <NativeSelect
          label={t('plan.revisions.compareWith')}
          value={from}
          onChange={(event) => setFrom(event.currentTarget.value)}
          data={earlier.map((item) => ({
            value: item.id === plan.previousRevisionId ? '' : item.id,
            label:
              item.id === plan.previousRevisionId
                ? t('plan.revisions.predecessor', { revision: label(item.revision) })
                : label(item.revision),
          }))}
          maw={320}
          data-testid="plan-diff-from"
        />
      ) : null}
      {diff.isError ? (
        <ProblemAlert problem={problemOf(diff.error, t('errors.loadFailed'))} />
      ) : !diff.data ? (
        <PageLoader />
      ) : (
        <Stack gap="sm">
          <Text size="sm">
            {t('plan.revisions.diffIntro', {
              from: label(diff.data.fromRevision),
              to: label(diff.data.toRevision),
            })}{' '}
            <Text span fw={600} size="sm" data-testid="plan-diff-count">
              {t('plan.revisions.changeCount', { number: diff.data.changes.length })}
            </Text>
          </Text>
          {diff.data.changes.length === 0 ? (
            <Text size="sm" data-testid="plan-diff-empty">
              {t('plan.revisions.noChanges')}
            </Text>
          ) : (
            <List
              type="ordered"
              spacing="xs"
              aria-label={t('plan.revisions.diffList', { from: label(diff.data.fromRevision) })}
              data-testid="plan-diff"
            >
              {diff.data.changes.map((change, index) => {
                const word = kindWord(change.kind);
                return (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the server's changes have no id; their order is fixed.
                  <List.Item key={index} data-testid="plan-diff-change" data-kind={change.kind}>
                    <Group gap="xs" wrap="nowrap" align="flex-start">
                      {word ? (
                        <Badge color={KIND_COLORS[word]} variant="light" styles={UNCLIPPED} miw={48}>
                          {t(`plan.revisions.kinds.${word}`)}
                        </Badge>
                      ) : null}
                      <Text size="sm">{change.text}</Text>
                    </Group>
                  </List.Item>
                );
              })}
            </List>
          )}
        </Stack>
      )}
    </Stack>
  );
}
