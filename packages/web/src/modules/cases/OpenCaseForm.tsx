import { Button, Card, Group, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemOf } from '../../platform/api';
import { hasPermission, useMe } from '../../platform/auth/session';
import { messageText, useForm } from '../../platform/forms';
import { ProblemAlert } from '../../platform/ui/ProblemAlert';
import { openCase, useCaseWorkers } from './api';

/**
 * Opens a case for the person. A case worker opens it on their own caseload; whoever may assign cases
 * chooses the worker (a center manager, who carries no caseload, must).
 */
export function OpenCaseForm({
  personId,
  hadCases,
  onOpened,
}: {
  personId: string;
  hadCases: boolean;
  onOpened: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const canAssign = hasPermission(me, 'cases.assign');
  const isCaseWorker = me.roles.includes('case_worker');
  const workers = useCaseWorkers(canAssign);
  const form = useForm({ assignedWorkerId: '' });
  const [saving, setSaving] = useState(false);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const assignedWorkerId = form.values.assignedWorkerId;
    if (canAssign && !isCaseWorker && !assignedWorkerId) {
      form.setErrors({ assignedWorkerId: { key: 'validation.choose' } });
      return;
    }
    form.setProblem(null);
    setSaving(true);
    openCase({ personId, ...(assignedWorkerId ? { assignedWorkerId } : {}) })
      .then(async () => {
        notifications.show({ color: 'teal', message: t('cases.open.done') });
        await onOpened();
      }, form.fail)
      .finally(() => setSaving(false));
  };

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="case-open">
      <Title order={2} size="h4" id="case-open" mb={4}>
        {hadCases ? t('cases.open.headingAgain') : t('cases.open.heading')}
      </Title>
      <Text size="sm" mb="md">
        {t('cases.open.intro')}
      </Text>
      <form onSubmit={onSubmit} noValidate aria-labelledby="case-open">
        <Stack gap="sm">
          <ProblemAlert problem={form.problem} />
          {workers.isError ? (
            <ProblemAlert problem={problemOf(workers.error, t('errors.loadFailed'))} />
          ) : null}
          <Group align="flex-end" gap="sm">
            {canAssign ? (
              <NativeSelect
                label={t('cases.open.worker')}
                required={!isCaseWorker}
                value={form.values.assignedWorkerId}
                onChange={(event) => form.setValue('assignedWorkerId', event.currentTarget.value)}
                data={[
                  {
                    value: '',
                    label: isCaseWorker ? t('cases.open.myself') : t('cases.assignment.choose'),
                    disabled: !isCaseWorker,
                  },
                  ...(workers.data?.items ?? []).map((worker) => ({
                    value: worker.id,
                    label: worker.displayName,
                  })),
                ]}
                error={messageText(t, form.errors.assignedWorkerId)}
                w={260}
                data-testid="case-open-worker"
              />
            ) : null}
            <Button type="submit" loading={saving} data-testid="case-open-submit">
              {t('cases.open.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
