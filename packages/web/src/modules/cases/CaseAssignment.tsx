import type { Problem } from '@ieum/domain';
import { Button, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemOf } from '../../platform/api';
import { ProblemAlert } from '../../platform/ui/ProblemAlert';
import { assignCase, type CaseDetailData, useCaseWorkers } from './api';
import { ChangeProblem } from './ChangeProblem';

/** Hands the case to another case worker of the center (cases.assign holders). */
export function ReassignForm({
  caseData,
  onChanged,
}: {
  caseData: CaseDetailData;
  onChanged: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const workers = useCaseWorkers(true);
  const [workerId, setWorkerId] = useState(caseData.assignedWorker?.id ?? '');
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!workerId || workerId === caseData.assignedWorker?.id) return;
    setSaving(true);
    setProblem(null);
    assignCase(caseData.id, { assignedWorkerId: workerId, version: caseData.version })
      .then(async () => {
        notifications.show({ color: 'teal', message: t('cases.assignment.done') });
        await onChanged();
      })
      .catch((error: unknown) => setProblem(problemOf(error, t('errors.unexpected'))))
      .finally(() => setSaving(false));
  };

  if (workers.isError) return <ProblemAlert problem={problemOf(workers.error, t('errors.loadFailed'))} />;
  return (
    <form onSubmit={onSubmit} aria-label={t('cases.assignment.formLabel')}>
      <Stack gap="xs">
        <ChangeProblem
          problem={problem}
          onReload={() => {
            setProblem(null);
            void onChanged();
          }}
        />
        <Group align="flex-end" gap="sm">
          <NativeSelect
            label={t('cases.assignment.change')}
            value={workerId}
            onChange={(event) => setWorkerId(event.currentTarget.value)}
            data={[
              { value: '', label: t('cases.assignment.choose'), disabled: true },
              ...(workers.data?.items ?? []).map((worker) => ({
                value: worker.id,
                label: worker.displayName,
              })),
            ]}
            w={260}
            data-testid="case-assign-worker"
          />
          <Button
            type="submit"
            variant="default"
            loading={saving}
            disabled={!workerId || workerId === caseData.assignedWorker?.id}
            data-testid="case-assign-submit"
          >
            {t('cases.assignment.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function AssignedWorker({ caseData }: { caseData: CaseDetailData }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs">
      <Text size="sm" c="dimmed">
        {t('cases.assignment.worker')}
      </Text>
      <Text size="sm" fw={600} data-testid="case-worker">
        {caseData.assignedWorker?.displayName ?? t('cases.assignment.none')}
      </Text>
    </Group>
  );
}
