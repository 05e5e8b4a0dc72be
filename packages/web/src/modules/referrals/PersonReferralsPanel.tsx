import { Anchor, Button, Card, Group, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { problemOf } from '../../platform/api';
import { hasPermission, useMe } from '../../platform/auth/session';
import { formatDate } from '../../platform/format';
import { useLocale } from '../../platform/i18n';
import { Pager } from '../../platform/ui/Pager';
import { ProblemAlert } from '../../platform/ui/ProblemAlert';
import { TableFrame } from '../../platform/ui/TableFrame';
import type { PersonDetailData } from '../registry/api';
import { REFERRAL_PAGE_SIZE, referralKeys, useConsents, useReferrals } from './api';
import { ConsentsSection } from './ConsentsSection';
import { ReferralForm } from './ReferralForm';
import { ReferralStatus } from './ReferralStatus';

/** The person's referrals as the sending center sees them, newest first, with the way to send one. */
function PersonReferrals({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const me = useMe();
  const queryClient = useQueryClient();
  const canSend = hasPermission(me, 'referrals.send');
  const [page, setPage] = useState(1);
  const [sending, setSending] = useState(false);
  // Only the sending side lists by person; the officers who receive see referrals in their own inbox.
  const referrals = useReferrals({ box: 'sent', view: 'all', page, personId }, canSend);
  const consents = useConsents(personId);
  const items = referrals.data?.items ?? [];

  const onSent = () => {
    setSending(false);
    void queryClient.invalidateQueries({ queryKey: referralKeys.all });
    notifications.show({ color: 'teal', message: t('referrals.send.done') });
  };

  if (!canSend) return null;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="person-referrals-heading">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="person-referrals-heading">
          {t('referrals.person.heading')}
        </Title>
        <Button size="sm" onClick={() => setSending(true)} data-testid="referral-new">
          {t('referrals.send.open')}
        </Button>
      </Group>
      {referrals.isError ? (
        <ProblemAlert problem={problemOf(referrals.error, t('errors.loadFailed'))} />
      ) : null}
      <TableFrame label={t('referrals.person.tableLabel')}>
        <Table miw={720} aria-label={t('referrals.person.tableLabel')} data-testid="person-referral-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('referrals.fields.recipientOrganization')}</Table.Th>
              <Table.Th scope="col">{t('referrals.fields.purpose')}</Table.Th>
              <Table.Th scope="col">{t('referrals.fields.sentAt')}</Table.Th>
              <Table.Th scope="col">{t('referrals.fields.dueOn')}</Table.Th>
              <Table.Th scope="col">{t('common.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((referral) => (
              <Table.Tr key={referral.id} data-testid={`person-referral-${referral.id}`}>
                <Table.Td>
                  <Anchor component={Link} to={`/referrals/${referral.id}`}>
                    {referral.recipientOrganization.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>{t(`referrals.purposes.${referral.purpose}`)}</Table.Td>
                <Table.Td>{formatDate(referral.sentAt, locale)}</Table.Td>
                <Table.Td>{formatDate(referral.dueOn, locale)}</Table.Td>
                <Table.Td>
                  <ReferralStatus referral={referral} />
                </Table.Td>
              </Table.Tr>
            ))}
            {referrals.isSuccess && items.length === 0 ? (
              <Table.Tr>
                <Table.Td colSpan={5}>
                  <Text size="sm">{t('referrals.person.empty')}</Text>
                </Table.Td>
              </Table.Tr>
            ) : null}
          </Table.Tbody>
        </Table>
      </TableFrame>
      {referrals.data && referrals.data.total > REFERRAL_PAGE_SIZE ? (
        <Pager page={page} pageSize={REFERRAL_PAGE_SIZE} total={referrals.data.total} onChange={setPage} />
      ) : null}
      <Modal opened={sending} onClose={() => setSending(false)} title={t('referrals.send.title')} size="lg">
        <ReferralForm
          personId={personId}
          consents={consents.data?.items ?? []}
          onSent={onSent}
          onCancel={() => setSending(false)}
        />
      </Modal>
    </Card>
  );
}

/** The person page's "consents and referrals" tab. */
export default function PersonReferralsPanel({ person }: { person: PersonDetailData }) {
  return (
    <Stack gap="lg">
      <ConsentsSection personId={person.id} />
      <PersonReferrals personId={person.id} />
    </Stack>
  );
}
