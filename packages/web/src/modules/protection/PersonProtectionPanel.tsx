import { Anchor, Divider, Group, Stack, Table, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { problemOf } from '../../platform/api';
import { hasPermission, useMe } from '../../platform/auth/session';
import { formatDate, formatDateTime } from '../../platform/format';
import { useLocale } from '../../platform/i18n';
import { PageLoader } from '../../platform/ui/PageLoader';
import { ProblemAlert } from '../../platform/ui/ProblemAlert';
import { Section } from '../../platform/ui/Section';
import { TableFrame } from '../../platform/ui/TableFrame';
import type { PersonDetailData } from '../registry/api';
import { type PersonProtectionData, protectionKeys, usePersonProtection } from './api';
import { AlertStatusBadge, Deadline, LevelBadge } from './badges';
import { ProfileForm } from './ProfileForm';
import { ReasonList } from './ReasonList';
import { SignalsTable } from './SignalsTable';
import { StaffSignalForm } from './StaffSignalForm';

function CurrentScore({ score }: { score: PersonProtectionData['score'] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (!score)
    return (
      <Text size="sm" data-testid="score-none">
        {t('protection.person.noScore')}
      </Text>
    );
  return (
    <Stack gap="sm" data-testid="person-score">
      <Group gap="sm">
        <Text fw={700} size="xl" data-testid="person-score-value">
          {t('protection.person.scoreSummary', { score: score.score })}
        </Text>
        {score.level ? <LevelBadge level={score.level} /> : <Text size="sm">{t('protection.noLevel')}</Text>}
      </Group>
      <Text size="sm" c="dimmed">
        {t('protection.person.asOf', { date: formatDate(score.asOf, locale), version: score.rulesVersion })}
      </Text>
      <ReasonList reasons={score.reasons} score={score.score} label={t('protection.alert.reasonsLabel')} />
    </Stack>
  );
}

function PersonAlerts({ alerts }: { alerts: PersonProtectionData['alerts'] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (alerts.length === 0)
    return (
      <Text size="sm" data-testid="person-alerts-empty">
        {t('protection.person.noAlerts')}
      </Text>
    );
  return (
    <TableFrame label={t('protection.person.alertsLabel')}>
      <Table striped miw={760} aria-label={t('protection.person.alertsLabel')} data-testid="person-alerts">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('protection.queue.openedAt')}</Table.Th>
            <Table.Th scope="col">{t('protection.queue.level')}</Table.Th>
            <Table.Th scope="col">{t('protection.queue.score')}</Table.Th>
            <Table.Th scope="col">{t('protection.queue.dueAt')}</Table.Th>
            <Table.Th scope="col">{t('protection.queue.assignee')}</Table.Th>
            <Table.Th scope="col">{t('common.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {alerts.map((alert) => (
            <Table.Tr key={alert.id} data-testid={`person-alert-${alert.id}`}>
              <Table.Td>
                <Anchor
                  component={Link}
                  to={`/protection/alerts/${alert.id}`}
                  data-testid="person-alert-open"
                >
                  {t('protection.person.openAlert', { date: formatDateTime(alert.openedAt, locale) })}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <LevelBadge level={alert.level} />
              </Table.Td>
              <Table.Td>{alert.score}</Table.Td>
              <Table.Td>
                <Deadline alert={alert} />
              </Table.Td>
              <Table.Td>{alert.assignee?.displayName ?? t('protection.queue.unassigned')}</Table.Td>
              <Table.Td>
                <AlertStatusBadge status={alert.status} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableFrame>
  );
}

/**
 * The person page's "위기·보호" tab: the current score with its reasons, the vulnerability profile, the signals
 * (and a way to record one), and the person's alerts.
 */
export default function PersonProtectionPanel({ person }: { person: PersonDetailData }) {
  const { t } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const protection = usePersonProtection(person.id);
  const canAct = hasPermission(me, 'protection.act');
  const refresh = () => queryClient.invalidateQueries({ queryKey: protectionKeys.all });

  if (protection.isError)
    return <ProblemAlert problem={problemOf(protection.error, t('errors.unexpected'))} />;
  if (!protection.data) return <PageLoader />;
  const data = protection.data;
  return (
    <Stack gap="lg" data-testid="protection-tab">
      <Section id="protection-score" heading={t('protection.person.scoreHeading')}>
        <CurrentScore score={data.score} />
      </Section>
      <Section id="protection-alerts" heading={t('protection.person.alertsHeading')}>
        <PersonAlerts alerts={data.alerts} />
      </Section>
      <Section id="protection-profile" heading={t('protection.person.profileHeading')}>
        <ProfileForm personId={person.id} profile={data.profile} canEdit={canAct} onSaved={refresh} />
      </Section>
      <Section id="protection-signals" heading={t('protection.person.signalsHeading')}>
        <Stack gap="md">
          <SignalsTable signals={data.signals} label={t('protection.signals.tableLabel')} />
          {canAct ? (
            <>
              <Divider />
              <StaffSignalForm personId={person.id} onSaved={refresh} />
            </>
          ) : null}
        </Stack>
      </Section>
    </Stack>
  );
}
