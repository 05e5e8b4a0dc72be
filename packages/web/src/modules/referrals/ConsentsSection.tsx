import type { ConsentView } from '@ieum/domain';
import { Badge, Button, Card, Group, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError, problemOf } from '../../platform/api';
import { hasPermission, useMe } from '../../platform/auth/session';
import { formatDate } from '../../platform/format';
import { useLocale } from '../../platform/i18n';
import { ProblemAlert } from '../../platform/ui/ProblemAlert';
import { TableFrame } from '../../platform/ui/TableFrame';
import { type ConsentData, referralKeys, useConsents, withdrawConsent } from './api';
import { ConsentForm } from './ConsentForm';

const STATE_COLOR: Record<ConsentView['state'], string> = {
  active: 'teal',
  not_yet_given: 'blue',
  expired: 'gray',
  withdrawn: 'red',
};

function WithdrawDialog({
  consent,
  onClose,
  onDone,
  onStale,
}: {
  consent: ConsentData | null;
  onClose: () => void;
  onDone: () => void;
  onStale: () => void;
}) {
  const { t } = useTranslation();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const close = () => {
    setFailure(null);
    onClose();
  };
  const confirm = () => {
    if (!consent) return;
    setSaving(true);
    withdrawConsent(consent)
      .then(
        () => {
          setFailure(null);
          onDone();
        },
        (error: unknown) => {
          setFailure(error);
          // Someone else changed it first: show the fresh list behind the dialog.
          if (isApiError(error, 'conflict.stale')) onStale();
        },
      )
      .finally(() => setSaving(false));
  };
  return (
    <Modal opened={consent !== null} onClose={close} title={t('referrals.consent.withdrawTitle')}>
      <Stack gap="md">
        {failure ? (
          <ProblemAlert
            problem={
              isApiError(failure, 'conflict.stale')
                ? { ...failure.problem, title: t('errors.stale'), detail: undefined }
                : problemOf(failure, t('errors.unexpected'))
            }
          />
        ) : null}
        <Text size="sm">{t('referrals.consent.withdrawExplain')}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button color="red" loading={saving} onClick={confirm} data-testid="consent-withdraw-confirm">
            {t('referrals.consent.withdraw')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** The person's consents, newest first; expired and withdrawn ones stay listed, visibly no longer in force. */
export function ConsentsSection({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const me = useMe();
  const queryClient = useQueryClient();
  const canManage = hasPermission(me, 'consents.manage');
  const consents = useConsents(personId);
  const [recording, setRecording] = useState(false);
  const [withdrawing, setWithdrawing] = useState<ConsentData | null>(null);
  const items = consents.data?.items ?? [];
  const refresh = () => queryClient.invalidateQueries({ queryKey: referralKeys.consents(personId) });

  const onRecorded = () => {
    setRecording(false);
    void refresh();
    notifications.show({ color: 'teal', message: t('referrals.consent.recorded') });
  };
  const onWithdrawn = () => {
    setWithdrawing(null);
    void refresh();
    notifications.show({ color: 'teal', message: t('referrals.consent.withdrawn') });
  };

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="consents-heading">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="consents-heading">
          {t('referrals.consent.heading')}
        </Title>
        {canManage ? (
          <Button size="sm" onClick={() => setRecording(true)} data-testid="consent-record">
            {t('referrals.consent.record')}
          </Button>
        ) : null}
      </Group>
      {consents.isError ? <ProblemAlert problem={problemOf(consents.error, t('errors.loadFailed'))} /> : null}
      <TableFrame label={t('referrals.consent.tableLabel')}>
        <Table miw={820} aria-label={t('referrals.consent.tableLabel')} data-testid="consent-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('referrals.fields.recipient')}</Table.Th>
              <Table.Th scope="col">{t('referrals.fields.categories')}</Table.Th>
              <Table.Th scope="col">{t('referrals.fields.purpose')}</Table.Th>
              <Table.Th scope="col">{t('referrals.fields.period')}</Table.Th>
              <Table.Th scope="col">{t('common.status')}</Table.Th>
              {canManage ? <Table.Th scope="col">{t('common.actions')}</Table.Th> : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((consent) => {
              const inForce = consent.state === 'active';
              const ended = consent.state === 'expired' || consent.state === 'withdrawn';
              return (
                <Table.Tr
                  key={consent.id}
                  data-testid={`consent-row-${consent.id}`}
                  data-state={consent.state}
                  c={ended ? 'dimmed' : undefined}
                >
                  <Table.Td>
                    {consent.recipientOrganization
                      ? consent.recipientOrganization.name
                      : t('referrals.consent.everyOfType', {
                          type: t(`organizationTypes.${consent.recipientType ?? 'partner_ngo'}`),
                        })}
                  </Table.Td>
                  <Table.Td>
                    {consent.categories.map((category) => t(`referrals.categories.${category}`)).join(', ')}
                  </Table.Td>
                  <Table.Td>{t(`referrals.purposes.${consent.purpose}`)}</Table.Td>
                  <Table.Td>
                    <Text size="sm" td={ended ? 'line-through' : undefined} span>
                      {t('referrals.consent.period', {
                        from: formatDate(consent.givenOn, locale),
                        to: formatDate(consent.expiresOn, locale),
                      })}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge color={STATE_COLOR[consent.state]} variant={inForce ? 'filled' : 'light'}>
                      {t(`referrals.consentStates.${consent.state}`)}
                    </Badge>
                    {consent.withdrawnOn ? (
                      <Text size="xs" mt={4}>
                        {t('referrals.consent.withdrawnOn', {
                          date: formatDate(consent.withdrawnOn, locale),
                        })}
                      </Text>
                    ) : null}
                  </Table.Td>
                  {canManage ? (
                    <Table.Td>
                      {consent.withdrawnOn === null ? (
                        <Button
                          size="xs"
                          variant="light"
                          color="red"
                          onClick={() => setWithdrawing(consent)}
                          data-testid={`consent-withdraw-${consent.id}`}
                        >
                          {t('referrals.consent.withdraw')}
                        </Button>
                      ) : null}
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              );
            })}
            {consents.isSuccess && items.length === 0 ? (
              <Table.Tr>
                <Table.Td colSpan={canManage ? 6 : 5} data-testid="consent-empty">
                  <Text size="sm">{t('referrals.consent.empty')}</Text>
                </Table.Td>
              </Table.Tr>
            ) : null}
          </Table.Tbody>
        </Table>
      </TableFrame>
      <Modal
        opened={recording}
        onClose={() => setRecording(false)}
        title={t('referrals.consent.recordTitle')}
        size="lg"
      >
        <ConsentForm personId={personId} onSaved={onRecorded} onCancel={() => setRecording(false)} />
      </Modal>
      <WithdrawDialog
        consent={withdrawing}
        onClose={() => setWithdrawing(null)}
        onDone={onWithdrawn}
        onStale={() => void refresh()}
      />
    </Card>
  );
}
