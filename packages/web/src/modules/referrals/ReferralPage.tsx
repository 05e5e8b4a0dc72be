import { ReferralSummary as ReferralSummarySchema } from '@ieum/domain';
import { Alert, Anchor, Button, Card, List, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError, problemOf } from '../../platform/api';
import { formatDate, formatDateTime } from '../../platform/format';
import { useLocale } from '../../platform/i18n';
import { Fact } from '../../platform/ui/Fact';
import { PageHeader } from '../../platform/ui/PageHeader';
import { PageLoader } from '../../platform/ui/PageLoader';
import { ProblemAlert } from '../../platform/ui/ProblemAlert';
import { type ReferralDetailData, referralKeys, useReferral } from './api';
import { CarriedData } from './CarriedData';
import { gapText } from './consent-check';
import { ReferralActions } from './ReferralActions';
import { ReferralStatus } from './ReferralStatus';

function BackToList() {
  const { t } = useTranslation();
  return (
    <Button variant="default" component={Link} to="/referrals">
      {t('referrals.detail.backToList')}
    </Button>
  );
}

function Overview({ referral }: { referral: ReferralDetailData }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="referral-overview">
      <Title order={2} size="h4" id="referral-overview" mb="sm">
        {t('referrals.detail.overview')}
      </Title>
      <Table variant="vertical" layout="fixed" withRowBorders={false} aria-labelledby="referral-overview">
        <Table.Tbody>
          {referral.side === 'sender' && referral.person ? (
            <Fact label={t('referrals.fields.person')}>
              <Anchor component={Link} to={`/persons/${referral.person.id}`} className="mono">
                {referral.person.code}
              </Anchor>{' '}
              {referral.person.maskedName}
            </Fact>
          ) : null}
          <Fact label={t('referrals.fields.senderOrganization')}>{referral.senderOrganization.name}</Fact>
          <Fact label={t('referrals.fields.recipientOrganization')}>
            {referral.recipientOrganization.name}
          </Fact>
          <Fact label={t('referrals.fields.purpose')}>{t(`referrals.purposes.${referral.purpose}`)}</Fact>
          <Fact label={t('referrals.fields.categories')}>
            <span data-testid="referral-categories">
              {referral.categories.map((category) => t(`referrals.categories.${category}`)).join(', ')}
            </span>
          </Fact>
          <Fact label={t('referrals.fields.sentAt')}>{formatDateTime(referral.sentAt, locale)}</Fact>
          <Fact label={t('referrals.fields.dueOn')}>{formatDate(referral.dueOn, locale)}</Fact>
          <Fact label={t('common.status')}>
            <ReferralStatus referral={referral} />
          </Fact>
        </Table.Tbody>
      </Table>
    </Card>
  );
}

function History({ referral }: { referral: ReferralDetailData }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="referral-history">
      <Title order={2} size="h4" id="referral-history" mb="sm">
        {t('referrals.detail.history')}
      </Title>
      <List spacing="xs" data-testid="referral-history">
        {referral.history.map((event) => (
          <List.Item key={`${event.status}:${event.at}`}>
            <Text size="sm" span fw={600}>
              {t(`referrals.statuses.${event.status}`)}
            </Text>{' '}
            <Text size="sm" span>
              {formatDateTime(event.at, locale)} · {event.organizationName}
            </Text>
            {event.note ? (
              <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
                {event.note}
              </Text>
            ) : null}
          </List.Item>
        ))}
      </List>
    </Card>
  );
}

function ReferralRecord({ referral }: { referral: ReferralDetailData }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const onChanged = () => {
    void queryClient.invalidateQueries({ queryKey: referralKeys.all });
  };
  return (
    <Stack gap="lg">
      <PageHeader title={t('referrals.detail.title')} actions={<BackToList />} />
      <ReferralActions
        referralId={referral.id}
        version={referral.version}
        actions={referral.allowedActions}
        onChanged={(action) => {
          onChanged();
          notifications.show({ color: 'teal', message: t(`referrals.actions.${action}Done`) });
        }}
      />
      {referral.side === 'sender' && referral.consentGaps.length > 0 ? (
        <Alert color="red" title={t('referrals.detail.suspendedTitle')} data-testid="referral-sender-gaps">
          <List size="sm">
            {referral.consentGaps.map((gap) => (
              <List.Item key={gap}>{gapText(t, gap as Parameters<typeof gapText>[1])}</List.Item>
            ))}
          </List>
        </Alert>
      ) : null}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Overview referral={referral} />
        <Card withBorder padding="lg" component="section" aria-labelledby="referral-message">
          <Title order={2} size="h4" id="referral-message" mb="sm">
            {t('referrals.fields.message')}
          </Title>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="referral-message-text">
            {referral.message}
          </Text>
        </Card>
      </SimpleGrid>
      {referral.side === 'recipient' ? <CarriedData referral={referral} /> : null}
      <History referral={referral} />
    </Stack>
  );
}

/** One referral: the sender sees it whole; the recipient sees what it carries and nothing of the person beyond. */
export default function ReferralPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const wellFormed = ReferralSummarySchema.shape.id.safeParse(id).success;
  const referral = useReferral(id, wellFormed);

  if (!wellFormed || (isApiError(referral.error) && referral.error.status === 404)) {
    return (
      <Stack align="flex-start" data-testid="referral-not-found">
        <PageHeader title={t('referrals.detail.notFoundTitle')} />
        <Text>{t('referrals.detail.notFoundMessage')}</Text>
        <BackToList />
      </Stack>
    );
  }
  if (referral.isError) {
    return (
      <Stack>
        <PageHeader title={t('referrals.detail.title')} actions={<BackToList />} />
        <ProblemAlert problem={problemOf(referral.error, t('errors.unexpected'))} />
      </Stack>
    );
  }
  if (!referral.data) return <PageLoader />;
  return <ReferralRecord referral={referral.data} />;
}
