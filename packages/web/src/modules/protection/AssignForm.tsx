import type { Problem } from '@ieum/domain';
import { Button, Group, NativeSelect, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemOf } from '../../platform/api';
import { ProblemAlert } from '../../platform/ui/ProblemAlert';
import { useAssignableWorkers } from './api';
import { StaleProblem } from './StaleProblem';

/**
 * Gives an alert or a survey check to a worker of the center (protection.assign, surveys.assign). The version
 * read goes with it, so someone else's change in between is reported rather than overwritten.
 */
export function AssignForm({
  currentId,
  label,
  submitLabel,
  doneMessage,
  assign,
  onChanged,
  testId,
  hideLabel = false,
}: {
  currentId: string | null;
  label: string;
  submitLabel: string;
  doneMessage: string;
  assign: (assigneeId: string) => Promise<void>;
  onChanged: () => Promise<unknown>;
  testId: string;
  /** In a table row the column header says what it is: the select is named without a visible label. */
  hideLabel?: boolean;
}) {
  const { t } = useTranslation();
  const workers = useAssignableWorkers(true);
  const [workerId, setWorkerId] = useState(currentId ?? '');
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!workerId || workerId === currentId) return;
    setSaving(true);
    setProblem(null);
    assign(workerId)
      .then(async () => {
        notifications.show({ color: 'teal', message: doneMessage });
        await onChanged();
      })
      .catch((error: unknown) => setProblem(problemOf(error, t('errors.unexpected'))))
      .finally(() => setSaving(false));
  };

  if (workers.isError) return <ProblemAlert problem={problemOf(workers.error, t('errors.loadFailed'))} />;
  return (
    <form onSubmit={onSubmit} aria-label={label} data-testid={testId}>
      <Stack gap="xs">
        <StaleProblem
          problem={problem}
          onReload={() => {
            setProblem(null);
            void onChanged();
          }}
        />
        <Group align="flex-end" gap="sm" wrap="nowrap">
          <NativeSelect
            label={hideLabel ? undefined : label}
            aria-label={hideLabel ? label : undefined}
            value={workerId}
            onChange={(event) => setWorkerId(event.currentTarget.value)}
            data={[
              { value: '', label: t('protection.assign.choose'), disabled: true },
              ...(workers.data?.items ?? []).map((worker) => ({
                value: worker.id,
                label: worker.displayName,
              })),
            ]}
            w={hideLabel ? 180 : 220}
            size={hideLabel ? 'xs' : 'sm'}
            data-testid={`${testId}-worker`}
          />
          <Button
            type="submit"
            variant="default"
            loading={saving}
            size={hideLabel ? 'xs' : 'sm'}
            disabled={!workerId || workerId === currentId}
            data-testid={`${testId}-submit`}
          >
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
