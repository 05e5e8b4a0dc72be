import type { CaseStatus, Problem } from '@ieum/domain';
import { Button, Card, Group, Modal, Stack, Stepper, Table, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../platform/api';
import { formatDateTime } from '../../platform/format';
import { messageText, useForm } from '../../platform/forms';
import { useLocale } from '../../platform/i18n';
import { TableFrame } from '../../platform/ui/TableFrame';
import { type CaseDetailData, transitionCase } from './api';
import { ChangeProblem } from './ChangeProblem';

/** The path a case walks; `transferred` leaves it (see the domain's lifecycle). */
const STEPS = ['intake', 'assessment', 'active', 'review', 'closed'] as const satisfies readonly CaseStatus[];

function activeStep(status: CaseStatus): number {
  // A closed case has finished every step; the stepper shows them all done.
  if (status === 'closed') return STEPS.length;
  const index = STEPS.indexOf(status as (typeof STEPS)[number]);
  return Math.max(index, 0);
}

function TransitionDialog({
  caseData,
  to,
  onClose,
  onDone,
}: {
  caseData: CaseDetailData;
  to: CaseStatus | null;
  onClose: () => void;
  onDone: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const form = useForm({ reason: '' });
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);

  const close = () => {
    form.reset({ reason: '' });
    setProblem(null);
    onClose();
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!to) return;
    const reason = form.values.reason.trim();
    if (to === 'closed' && !reason) {
      form.setErrors({ reason: { key: 'cases.transition.reasonRequired' } });
      return;
    }
    setSaving(true);
    setProblem(null);
    transitionCase(caseData.id, { to, version: caseData.version, ...(reason ? { reason } : {}) })
      .then(async () => {
        notifications.show({
          color: 'teal',
          message: t('cases.transition.done', { status: t(`cases.status.${to}`) }),
        });
        close();
        await onDone();
      })
      .catch((error: unknown) => {
        if (isApiError(error) && error.code === 'conflict.stale') setProblem(error.problem);
        else form.fail(error);
      })
      .finally(() => setSaving(false));
  };

  const reload = () => {
    close();
    void onDone();
  };

  return (
    <Modal
      opened={to !== null}
      onClose={close}
      title={to ? t('cases.transition.dialogTitle', { status: t(`cases.status.${to}`) }) : ''}
    >
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <ChangeProblem problem={problem ?? form.problem} onReload={reload} />
          <Textarea
            label={t('cases.transition.reason')}
            description={
              to === 'closed' ? t('cases.transition.reasonClosedHint') : t('cases.transition.reasonHint')
            }
            required={to === 'closed'}
            rows={3}
            resize="vertical"
            maxLength={500}
            error={messageText(t, form.errors.reason)}
            data-testid="case-transition-reason"
            {...form.text('reason')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={saving} data-testid="case-transition-submit">
              {t('cases.transition.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Where the case stands, the steps it may take next, and how it got here. */
export function CaseLifecycle({
  caseData,
  canWrite,
  onChanged,
}: {
  caseData: CaseDetailData;
  canWrite: boolean;
  onChanged: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [to, setTo] = useState<CaseStatus | null>(null);

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="case-lifecycle">
      <Title order={2} size="h4" id="case-lifecycle" mb="md">
        {t('cases.lifecycle.heading')}
      </Title>
      {caseData.status === 'transferred' ? (
        <Text size="sm" mb="md">
          {t('cases.lifecycle.transferred')}
        </Text>
      ) : (
        <Stepper
          active={activeStep(caseData.status)}
          size="sm"
          mb="md"
          allowNextStepsSelect={false}
          aria-label={t('cases.lifecycle.stepsLabel')}
          data-testid="case-stepper"
        >
          {STEPS.map((step) => (
            <Stepper.Step key={step} label={t(`cases.status.${step}`)} />
          ))}
        </Stepper>
      )}
      {canWrite && caseData.allowedTransitions.length > 0 ? (
        <Group gap="sm" mb="md" data-testid="case-transitions">
          <Text size="sm" fw={600}>
            {t('cases.lifecycle.next')}
          </Text>
          {caseData.allowedTransitions.map((next) => (
            <Button
              key={next}
              size="xs"
              variant={next === 'closed' ? 'default' : 'filled'}
              color={next === 'closed' ? 'red' : undefined}
              onClick={() => setTo(next)}
              data-testid={`case-transition-${next}`}
            >
              {t(`cases.transition.to.${next}`)}
            </Button>
          ))}
        </Group>
      ) : null}
      <Title order={3} size="h5" id="case-history" mb="xs">
        {t('cases.history.heading')}
      </Title>
      <TableFrame label={t('cases.history.heading')}>
        <Table striped aria-labelledby="case-history" fz="sm" data-testid="case-history">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('cases.history.status')}</Table.Th>
              <Table.Th scope="col">{t('cases.history.at')}</Table.Th>
              <Table.Th scope="col">{t('cases.history.by')}</Table.Th>
              <Table.Th scope="col">{t('cases.history.reason')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {caseData.history.map((event) => (
              <Table.Tr key={`${event.at}:${event.status}`}>
                <Table.Td>{t(`cases.status.${event.status}`)}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(event.at, locale)}</Table.Td>
                <Table.Td className="mono">{event.byUsername}</Table.Td>
                <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{event.reason ?? '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableFrame>
      <TransitionDialog caseData={caseData} to={to} onClose={() => setTo(null)} onDone={onChanged} />
    </Card>
  );
}
