import type { Problem } from '@ieum/domain';
import { Alert, Button, Card, Group, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemOf } from '../../platform/api';
import { hasPermission, useMe } from '../../platform/auth/session';
import { formatDateTime } from '../../platform/format';
import { useLocale } from '../../platform/i18n';
import { ProblemAlert } from '../../platform/ui/ProblemAlert';
import { TableFrame } from '../../platform/ui/TableFrame';
import type { PersonDetailData } from '../registry/api';
import {
  cancelTransfer,
  type PersonTransferData,
  transferKeys,
  useCenterName,
  usePersonCases,
  usePersonTransfers,
} from './api';
import { TransferRequestForm } from './TransferRequestForm';
import { TransferStatus } from './TransferStatus';

const CLOSED = new Set(['closed', 'transferred']);

/**
 * The person's case transfers between Hana Centers, newest first, and for those who work the case the way
 * to ask another center to take it over, or to withdraw a request still pending.
 */
export default function PersonTransfersPanel({ person }: { person: PersonDetailData }) {
  const { t } = useTranslation();
  const me = useMe();
  const centerName = useCenterName();
  const queryClient = useQueryClient();
  const canWrite = hasPermission(me, 'cases.write');
  const history = usePersonTransfers(person.id);
  const cases = usePersonCases(person.id, canWrite);
  const [requesting, setRequesting] = useState(false);
  const [withdrawing, setWithdrawing] = useState<PersonTransferData | null>(null);
  const items = history.data?.items ?? [];
  const pending = items.find((transfer) => transfer.status === 'requested');
  const openCase = cases.data?.items.find((c) => !CLOSED.has(c.status));

  const refresh = () => queryClient.invalidateQueries({ queryKey: transferKeys.all });
  const onRequested = () => {
    setRequesting(false);
    void refresh();
    notifications.show({ color: 'teal', message: t('transfers.request.done') });
  };

  return (
    <Stack gap="lg">
      {canWrite ? (
        <Card withBorder padding="lg" component="section" aria-labelledby="transfer-request-heading">
          <Title order={2} size="h4" id="transfer-request-heading" mb="sm">
            {t('transfers.request.heading')}
          </Title>
          {pending ? (
            <Alert color="blue" title={t('transfers.request.pendingTitle')} data-testid="transfer-pending">
              {t('transfers.request.pendingText', { center: centerName(pending.toCenter) })}
            </Alert>
          ) : requesting && openCase ? (
            <TransferRequestForm
              caseId={openCase.id}
              onRequested={onRequested}
              onCancel={() => setRequesting(false)}
            />
          ) : openCase ? (
            <Group justify="space-between">
              <Text size="sm">{t('transfers.request.intro')}</Text>
              <Button onClick={() => setRequesting(true)} data-testid="transfer-request-open">
                {t('transfers.request.open')}
              </Button>
            </Group>
          ) : cases.isError ? (
            <ProblemAlert problem={problemOf(cases.error, t('errors.loadFailed'))} />
          ) : cases.isPending ? null : (
            <Text size="sm" c="dimmed" data-testid="transfer-no-case">
              {t('transfers.request.noOpenCase')}
            </Text>
          )}
        </Card>
      ) : null}
      <Card withBorder padding="lg" component="section" aria-labelledby="transfer-history-heading">
        <Title order={2} size="h4" id="transfer-history-heading" mb="sm">
          {t('transfers.person.heading')}
        </Title>
        {history.isError ? (
          <ProblemAlert problem={problemOf(history.error, t('errors.loadFailed'))} />
        ) : items.length === 0 && !history.isPending ? (
          <Text size="sm" c="dimmed" data-testid="transfer-history-empty">
            {t('transfers.person.empty')}
          </Text>
        ) : (
          <PersonTransferTable items={items} onWithdraw={setWithdrawing} />
        )}
      </Card>
      <WithdrawDialog
        transfer={withdrawing}
        onClose={() => setWithdrawing(null)}
        onDone={() => {
          setWithdrawing(null);
          void refresh();
          notifications.show({ color: 'teal', message: t('transfers.withdraw.done') });
        }}
      />
    </Stack>
  );
}

function PersonTransferTable({
  items,
  onWithdraw,
}: {
  items: readonly PersonTransferData[];
  onWithdraw: (transfer: PersonTransferData) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const centerName = useCenterName();
  return (
    <TableFrame label={t('transfers.person.tableLabel')}>
      <Table miw={860} aria-label={t('transfers.person.tableLabel')} data-testid="person-transfer-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('transfers.fields.route')}</Table.Th>
            <Table.Th scope="col">{t('transfers.fields.requested')}</Table.Th>
            <Table.Th scope="col">{t('transfers.fields.reason')}</Table.Th>
            <Table.Th scope="col">{t('common.status')}</Table.Th>
            <Table.Th scope="col">{t('transfers.fields.decision')}</Table.Th>
            <Table.Th scope="col">{t('common.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((transfer) => (
            <Table.Tr key={transfer.id} data-testid="person-transfer-row">
              <Table.Td>
                {t('transfers.route', {
                  from: centerName(transfer.fromCenter),
                  to: centerName(transfer.toCenter),
                })}
              </Table.Td>
              <Table.Td>
                <Text size="sm">{transfer.requestedBy}</Text>
                <Text size="xs" c="dimmed">
                  {formatDateTime(transfer.requestedAt, locale)}
                </Text>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{transfer.reason}</Table.Td>
              <Table.Td>
                <TransferStatus status={transfer.status} />
              </Table.Td>
              <Table.Td>
                {transfer.decidedAt ? (
                  <>
                    <Text size="sm">{transfer.decidedBy}</Text>
                    <Text size="xs" c="dimmed">
                      {formatDateTime(transfer.decidedAt, locale)}
                    </Text>
                    {transfer.decisionReason ? <Text size="sm">{transfer.decisionReason}</Text> : null}
                  </>
                ) : (
                  t('transfers.awaitingDecision')
                )}
              </Table.Td>
              <Table.Td>
                {transfer.cancellable ? (
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() => onWithdraw(transfer)}
                    data-testid="transfer-withdraw"
                  >
                    {t('transfers.withdraw.open')}
                  </Button>
                ) : null}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableFrame>
  );
}

function WithdrawDialog({
  transfer,
  onClose,
  onDone,
}: {
  transfer: PersonTransferData | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const centerName = useCenterName();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const close = () => {
    setProblem(null);
    onClose();
  };
  const confirm = () => {
    if (!transfer) return;
    setSaving(true);
    cancelTransfer(transfer.id)
      .then(
        () => {
          setProblem(null);
          onDone();
        },
        (failure: unknown) => setProblem(problemOf(failure, t('errors.unexpected'))),
      )
      .finally(() => setSaving(false));
  };
  return (
    <Modal opened={transfer !== null} onClose={close} title={t('transfers.withdraw.title')} centered>
      <Stack gap="md">
        <ProblemAlert problem={problem} />
        <Text size="sm">
          {t('transfers.withdraw.text', { center: transfer ? centerName(transfer.toCenter) : '' })}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('common.close')}
          </Button>
          <Button color="red" loading={saving} onClick={confirm} data-testid="transfer-withdraw-confirm">
            {t('transfers.withdraw.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
