import { Alert, Button, Group, Stack, Table, Tabs, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemOf } from '../../platform/api';
import { hasPermission, useMe } from '../../platform/auth/session';
import { formatDateTime } from '../../platform/format';
import { useLocale } from '../../platform/i18n';
import { PageHeader } from '../../platform/ui/PageHeader';
import { ProblemAlert } from '../../platform/ui/ProblemAlert';
import { TableFrame } from '../../platform/ui/TableFrame';
import { type TransferBox, type TransferData, transferKeys, useCenterName, useTransfers } from './api';
import { type Decision, TransferDecisionDialog } from './TransferDecision';
import { TransferStatus } from './TransferStatus';

const BOXES: readonly TransferBox[] = ['incoming', 'outgoing'];

/**
 * One box of the center's transfers, newest first, pending and decided alike (the history stays). Incoming
 * requests name the person by pseudonymous ID, masked name and birth year only, until accepted.
 */
function TransferBoxPanel({ box, onDecide }: { box: TransferBox; onDecide: (decision: Decision) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const me = useMe();
  const centerName = useCenterName();
  const list = useTransfers(box);
  const items = list.data?.items ?? [];
  const mayDecide = box === 'incoming' && hasPermission(me, 'cases.assign');
  const tableLabel = t(`transfers.list.${box}Table`);
  const counterpart = box === 'incoming' ? 'fromCenter' : 'toCenter';

  return (
    <Stack gap="md">
      {box === 'incoming' && !mayDecide ? (
        <Alert color="gray" data-testid="transfer-manager-decides">
          {t('transfers.list.managerDecides')}
        </Alert>
      ) : null}
      {list.isError ? <ProblemAlert problem={problemOf(list.error, t('errors.loadFailed'))} /> : null}
      <TableFrame label={tableLabel}>
        <Table
          striped
          miw={900}
          aria-label={tableLabel}
          aria-busy={list.isFetching}
          data-testid={`transfer-table-${box}`}
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('transfers.fields.requestedAt')}</Table.Th>
              <Table.Th scope="col">{t('transfers.fields.person')}</Table.Th>
              <Table.Th scope="col">{t(`transfers.fields.${counterpart}`)}</Table.Th>
              <Table.Th scope="col">{t('transfers.fields.reason')}</Table.Th>
              <Table.Th scope="col">{t('common.status')}</Table.Th>
              <Table.Th scope="col">{t('transfers.fields.decision')}</Table.Th>
              {mayDecide ? <Table.Th scope="col">{t('common.actions')}</Table.Th> : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((transfer) => (
              <Table.Tr
                key={transfer.id}
                data-testid={`transfer-row-${box}`}
                data-code={transfer.person.code}
              >
                <Table.Td>{formatDateTime(transfer.requestedAt, locale)}</Table.Td>
                <Table.Td>
                  <Text size="sm" ff="monospace">
                    {transfer.person.code}
                  </Text>
                  <Text size="sm">
                    {transfer.person.birthYear === null
                      ? transfer.person.maskedName
                      : t('transfers.list.personWithYear', {
                          name: transfer.person.maskedName,
                          year: transfer.person.birthYear,
                        })}
                  </Text>
                </Table.Td>
                <Table.Td>{centerName(transfer[counterpart])}</Table.Td>
                <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{transfer.reason}</Table.Td>
                <Table.Td>
                  <TransferStatus status={transfer.status} />
                </Table.Td>
                <Table.Td>
                  {transfer.decidedAt ? formatDateTime(transfer.decidedAt, locale) : '—'}
                  {transfer.decisionReason ? <Text size="sm">{transfer.decisionReason}</Text> : null}
                </Table.Td>
                {mayDecide ? (
                  <Table.Td>
                    {transfer.status === 'requested' ? (
                      <DecisionButtons transfer={transfer} onDecide={onDecide} />
                    ) : null}
                  </Table.Td>
                ) : null}
              </Table.Tr>
            ))}
            {list.isSuccess && items.length === 0 ? (
              <Table.Tr>
                <Table.Td colSpan={mayDecide ? 7 : 6} data-testid={`transfer-empty-${box}`}>
                  <Text size="sm">{t('transfers.list.empty')}</Text>
                </Table.Td>
              </Table.Tr>
            ) : null}
          </Table.Tbody>
        </Table>
      </TableFrame>
    </Stack>
  );
}

function DecisionButtons({
  transfer,
  onDecide,
}: {
  transfer: TransferData;
  onDecide: (decision: Decision) => void;
}) {
  const { t } = useTranslation();
  const subject = transfer.person.code;
  return (
    <Group gap="xs" wrap="nowrap">
      <Button
        size="xs"
        onClick={() => onDecide({ kind: 'accept', transfer })}
        aria-label={t('transfers.decide.acceptFor', { code: subject })}
        data-testid="transfer-accept"
      >
        {t('transfers.decide.accept')}
      </Button>
      <Button
        size="xs"
        variant="default"
        onClick={() => onDecide({ kind: 'decline', transfer })}
        aria-label={t('transfers.decide.declineFor', { code: subject })}
        data-testid="transfer-decline"
      >
        {t('transfers.decide.decline')}
      </Button>
    </Group>
  );
}

/** Case transfers between Hana Centers: requests to this center to accept or decline, and this center's own. */
export default function TransfersPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [box, setBox] = useState<TransferBox>('incoming');
  const [decision, setDecision] = useState<Decision | null>(null);

  const onDone = (kind: Decision['kind']) => {
    setDecision(null);
    void queryClient.invalidateQueries({ queryKey: transferKeys.all });
    notifications.show({ color: 'teal', message: t(`transfers.decide.${kind}Done`) });
  };

  return (
    <Stack gap="md">
      <PageHeader title={t('transfers.list.title')} />
      <Tabs value={box} onChange={(next) => next && setBox(next as TransferBox)} keepMounted={false}>
        <Tabs.List aria-label={t('transfers.list.boxesLabel')}>
          {BOXES.map((value) => (
            <Tabs.Tab key={value} value={value} data-testid={`transfer-box-${value}`}>
              {t(`transfers.list.boxes.${value}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {BOXES.map((value) => (
          <Tabs.Panel key={value} value={value} pt="md">
            <TransferBoxPanel box={value} onDecide={setDecision} />
          </Tabs.Panel>
        ))}
      </Tabs>
      <TransferDecisionDialog decision={decision} onClose={() => setDecision(null)} onDone={onDone} />
    </Stack>
  );
}
