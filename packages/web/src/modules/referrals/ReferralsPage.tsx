import { Anchor, SegmentedControl, Stack, Table, Tabs, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { problemOf } from '../../platform/api';
import { hasPermission, useMe } from '../../platform/auth/session';
import { formatDate } from '../../platform/format';
import { useLocale } from '../../platform/i18n';
import { PageHeader } from '../../platform/ui/PageHeader';
import { Pager } from '../../platform/ui/Pager';
import { ProblemAlert } from '../../platform/ui/ProblemAlert';
import { TableFrame } from '../../platform/ui/TableFrame';
import { REFERRAL_PAGE_SIZE, type ReferralBox, type ReferralView, useReferrals } from './api';
import { ReferralStatus } from './ReferralStatus';

const VIEWS: readonly ReferralView[] = ['open', 'overdue', 'all'];

/**
 * One box of referrals, one page at a time. The received box shows no personal data at all (the server
 * sends none in a list); the sent box shows the pseudonymous ID and the masked name.
 */
function ReferralBoxPanel({ box }: { box: ReferralBox }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [view, setView] = useState<ReferralView>('open');
  const [page, setPage] = useState(1);
  const list = useReferrals({ box, view, page });
  const items = list.data?.items ?? [];
  const sent = box === 'sent';
  const tableLabel = t(`referrals.list.${box}Table`);

  return (
    <Stack gap="md">
      <SegmentedControl
        aria-label={t('referrals.list.viewLabel')}
        value={view}
        onChange={(next) => {
          setView(next as ReferralView);
          setPage(1);
        }}
        data={VIEWS.map((value) => ({ value, label: t(`referrals.list.views.${value}`) }))}
        w="fit-content"
        data-testid={`referral-view-${box}`}
      />
      {list.isError ? <ProblemAlert problem={problemOf(list.error, t('errors.loadFailed'))} /> : null}
      <TableFrame label={tableLabel}>
        <Table
          striped
          highlightOnHover
          miw={820}
          aria-label={tableLabel}
          aria-busy={list.isFetching}
          data-testid={`referral-table-${box}`}
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('referrals.fields.sentAt')}</Table.Th>
              {sent ? <Table.Th scope="col">{t('referrals.fields.person')}</Table.Th> : null}
              <Table.Th scope="col">
                {sent
                  ? t('referrals.fields.recipientOrganization')
                  : t('referrals.fields.senderOrganization')}
              </Table.Th>
              <Table.Th scope="col">{t('referrals.fields.purpose')}</Table.Th>
              <Table.Th scope="col">{t('referrals.fields.dueOn')}</Table.Th>
              <Table.Th scope="col">{t('common.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((referral) => (
              <Table.Tr key={referral.id} data-testid={`referral-row-${referral.id}`}>
                <Table.Td>
                  <Anchor component={Link} to={`/referrals/${referral.id}`} data-testid="referral-open">
                    {formatDate(referral.sentAt, locale)}
                  </Anchor>
                </Table.Td>
                {sent ? (
                  <Table.Td>
                    {referral.person ? (
                      <Text size="sm" span>
                        <span className="mono">{referral.person.code}</span> {referral.person.maskedName}
                      </Text>
                    ) : (
                      '—'
                    )}
                  </Table.Td>
                ) : null}
                <Table.Td>
                  {sent ? referral.recipientOrganization.name : referral.senderOrganization.name}
                </Table.Td>
                <Table.Td>{t(`referrals.purposes.${referral.purpose}`)}</Table.Td>
                <Table.Td>{formatDate(referral.dueOn, locale)}</Table.Td>
                <Table.Td>
                  <ReferralStatus referral={referral} />
                </Table.Td>
              </Table.Tr>
            ))}
            {list.isSuccess && items.length === 0 ? (
              <Table.Tr>
                <Table.Td colSpan={sent ? 6 : 5} data-testid={`referral-empty-${box}`}>
                  <Text size="sm">{t('referrals.list.empty')}</Text>
                </Table.Td>
              </Table.Tr>
            ) : null}
          </Table.Tbody>
        </Table>
      </TableFrame>
      {list.data ? (
        <Pager page={page} pageSize={REFERRAL_PAGE_SIZE} total={list.data.total} onChange={setPage} />
      ) : null}
    </Stack>
  );
}

/** Referrals received by one's organization (partners, officers) and sent by one's center (case workers). */
export default function ReferralsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const boxes = (['received', 'sent'] as const).filter((box) =>
    hasPermission(me, box === 'received' ? 'referrals.receive' : 'referrals.send'),
  );
  const [box, setBox] = useState<ReferralBox>(boxes[0] ?? 'received');

  return (
    <Stack gap="md">
      <PageHeader title={t('referrals.list.title')} />
      {boxes.length === 0 ? <Text>{t('referrals.list.noBox')}</Text> : null}
      {boxes.length > 0 ? (
        <Tabs value={box} onChange={(next) => next && setBox(next as ReferralBox)} keepMounted={false}>
          <Tabs.List aria-label={t('referrals.list.boxesLabel')}>
            {boxes.map((value) => (
              <Tabs.Tab key={value} value={value} data-testid={`referral-box-${value}`}>
                {t(`referrals.list.boxes.${value}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {boxes.map((value) => (
            <Tabs.Panel key={value} value={value} pt="md">
              <ReferralBoxPanel box={value} />
            </Tabs.Panel>
          ))}
        </Tabs>
      ) : null}
    </Stack>
  );
}
