import type { RecipientReferral } from '@ieum/domain';
import { Card, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../platform/format';
import { useLocale } from '../../platform/i18n';

function Block({ title, testId, children }: { title: string; testId: string; children: ReactNode }) {
  return (
    <Stack gap={4} data-testid={testId}>
      <Title order={3} size="h5">
        {title}
      </Title>
      {children}
    </Stack>
  );
}

/**
 * What the referral carries of the person, block by block: a category not carried has no block at all.
 * Nothing else about the person is fetched or shown here.
 */
export function CarriedData({ referral }: { referral: RecipientReferral }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const none = t('referrals.detail.notRecorded');
  const { identity, contact, caseSummary, needs } = referral;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="referral-carried">
      <Title order={2} size="h4" id="referral-carried" mb={4}>
        {t('referrals.detail.carried')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('referrals.detail.carriedExplain')}
      </Text>
      <Stack gap="md" data-testid="referral-carried">
        {identity ? (
          <Block title={t('referrals.categories.identity')} testId="carried-identity">
            <Text size="sm">
              {t('referrals.detail.name')}: {identity.name}
            </Text>
            <Text size="sm">
              {t('referrals.detail.birthDate')}:{' '}
              {identity.birthDate ? formatDate(identity.birthDate, locale) : none}
            </Text>
          </Block>
        ) : null}
        {contact ? (
          <Block title={t('referrals.categories.contact')} testId="carried-contact">
            <Text size="sm">
              {t('referrals.detail.phone')}: {contact.phone ?? none}
            </Text>
            <Text size="sm">
              {t('referrals.detail.address')}: {contact.address ?? none}
            </Text>
          </Block>
        ) : null}
        {caseSummary ? (
          <Block title={t('referrals.categories.case_summary')} testId="carried-case-summary">
            <Text size="sm">
              {t('referrals.detail.priorities')}:{' '}
              {caseSummary.priorities.length > 0
                ? caseSummary.priorities.map((domain) => t(`referrals.needDomains.${domain}`)).join(', ')
                : none}
            </Text>
            {caseSummary.goals.length > 0 ? (
              <Table aria-label={t('referrals.detail.goals')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('referrals.detail.goalDomain')}</Table.Th>
                    <Table.Th scope="col">{t('referrals.detail.goal')}</Table.Th>
                    <Table.Th scope="col">{t('referrals.detail.goalTarget')}</Table.Th>
                    <Table.Th scope="col">{t('common.status')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {caseSummary.goals.map((goal) => (
                    <Table.Tr key={`${goal.domain}:${goal.goal}:${goal.targetOn}`}>
                      <Table.Td>{t(`referrals.needDomains.${goal.domain}`)}</Table.Td>
                      <Table.Td>{goal.goal}</Table.Td>
                      <Table.Td>{formatDate(goal.targetOn, locale)}</Table.Td>
                      <Table.Td>{t(`referrals.goalStatuses.${goal.status}`)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            ) : null}
          </Block>
        ) : null}
        {needs ? (
          <Block title={t('referrals.detail.needs')} testId="carried-needs">
            {needs.length > 0 ? (
              needs.map((need) => (
                <Text size="sm" key={need.domain}>
                  {t(`referrals.needDomains.${need.domain}`)}:{' '}
                  {t('referrals.detail.score', { score: need.score })}
                </Text>
              ))
            ) : (
              <Text size="sm">{none}</Text>
            )}
          </Block>
        ) : null}
        {!identity && !contact && !caseSummary && !needs ? (
          <Text size="sm">{t('referrals.detail.nothingCarried')}</Text>
        ) : null}
      </Stack>
    </Card>
  );
}
