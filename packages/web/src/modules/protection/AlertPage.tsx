import { AlertListItem, type Problem } from '@ieum/domain';
import { Alert, Anchor, Button, Divider, Group, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError, problemOf } from '../../platform/api';
import { hasPermission, useMe } from '../../platform/auth/session';
import { formatDate, formatDateTime } from '../../platform/format';
import { useLocale } from '../../platform/i18n';
import { Fact } from '../../platform/ui/Fact';
import { PageHeader } from '../../platform/ui/PageHeader';
import { PageLoader } from '../../platform/ui/PageLoader';
import { ProblemAlert } from '../../platform/ui/ProblemAlert';
import { Section } from '../../platform/ui/Section';
import { AlertTimeline } from './AlertTimeline';
import { AssignForm } from './AssignForm';
import { type AlertDetailData, assignAlert, protectionKeys, takeAlert, useAlert } from './api';
import { AlertStatusBadge, Deadline, LevelBadge, OverdueBadge } from './badges';
import { CloseForm } from './CloseForm';
import { ContactForm } from './ContactForm';
import { Contacts, Services } from './OutreachRecords';
import { ReasonList } from './ReasonList';
import { ServiceForm } from './ServiceForm';
import { SignalsTable } from './SignalsTable';
import { StaleProblem } from './StaleProblem';

function BackToList() {
  const { t } = useTranslation();
  return (
    <Button variant="default" component={Link} to="/protection">
      {t('protection.alert.backToList')}
    </Button>
  );
}

function Overview({ alert }: { alert: AlertDetailData }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Section id="alert-overview" heading={t('protection.alert.overview')}>
      <Table variant="vertical" layout="fixed" withRowBorders={false} aria-labelledby="alert-overview">
        <Table.Tbody>
          <Fact label={t('protection.alert.person')}>
            <Anchor component={Link} to={`/persons/${alert.person.id}`} className="mono">
              {alert.person.code}
            </Anchor>
          </Fact>
          <Fact label={t('protection.alert.level')}>
            <LevelBadge level={alert.level} />
          </Fact>
          <Fact label={t('protection.alert.score')}>
            <Text span fw={700} data-testid="alert-score">
              {alert.score}
            </Text>
          </Fact>
          <Fact label={t('protection.alert.rulesVersion')}>
            <span className="mono">{alert.rulesVersion}</span>
          </Fact>
          <Fact label={t('common.status')}>
            <Group gap={4}>
              <AlertStatusBadge status={alert.status} />
              {alert.overdue && alert.status !== 'closed' ? <OverdueBadge /> : null}
            </Group>
          </Fact>
          <Fact label={t('protection.alert.organization')}>{alert.organization.name}</Fact>
          <Fact label={t('protection.alert.assignee')}>
            <span data-testid="alert-assignee">
              {alert.assignee?.displayName ?? t('protection.queue.unassigned')}
            </span>
          </Fact>
          <Fact label={t('protection.alert.openedAt')}>{formatDateTime(alert.openedAt, locale)}</Fact>
          <Fact label={t('protection.alert.dueAt')}>
            <Deadline alert={alert} />
          </Fact>
          <Fact label={t('protection.alert.firstContactAt')}>
            {alert.firstContactAt
              ? formatDateTime(alert.firstContactAt, locale)
              : t('protection.alert.notYet')}
          </Fact>
          {alert.escalatedAt ? (
            <Fact label={t('protection.alert.escalatedAt')}>{formatDateTime(alert.escalatedAt, locale)}</Fact>
          ) : null}
          {alert.closedAt ? (
            <>
              <Fact label={t('protection.alert.closedAt')}>{formatDateTime(alert.closedAt, locale)}</Fact>
              <Fact label={t('protection.alert.outcome')}>
                <span data-testid="alert-outcome">
                  {alert.outcome ? t(`protection.close.outcomes.${alert.outcome}`) : '—'}
                </span>
              </Fact>
              <Fact label={t('protection.alert.followUpOn')}>
                {alert.followUpOn ? formatDate(alert.followUpOn, locale) : '—'}
              </Fact>
            </>
          ) : null}
        </Table.Tbody>
      </Table>
    </Section>
  );
}

/** The take button for an unassigned open alert, with what taking it means. */
function TakeAlert({ alert, onChanged }: { alert: AlertDetailData; onChanged: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const take = () => {
    setSaving(true);
    setProblem(null);
    takeAlert(alert.id, alert.version)
      .then(async () => {
        notifications.show({ color: 'teal', message: t('protection.queue.taken') });
        await onChanged();
      })
      .catch((error: unknown) => setProblem(problemOf(error, t('errors.unexpected'))))
      .finally(() => setSaving(false));
  };
  return (
    <Alert color="blue" data-testid="alert-take-panel">
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{t('protection.alert.takeHint')}</Text>
        <StaleProblem
          problem={problem}
          onReload={() => {
            setProblem(null);
            void onChanged();
          }}
        />
        <Button onClick={take} loading={saving} data-testid="alert-take">
          {t('protection.queue.take')}
        </Button>
      </Stack>
    </Alert>
  );
}

function AlertRecord({ alert }: { alert: AlertDetailData }) {
  const { t } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: protectionKeys.all });
  const open = alert.status !== 'closed';
  const canAct = hasPermission(me, 'protection.act') && open;
  const canAssign = hasPermission(me, 'protection.assign') && open;

  return (
    <Stack gap="lg" data-testid="alert-record">
      <PageHeader title={t('protection.alert.title', { code: alert.person.code })} actions={<BackToList />} />
      {!open ? (
        <Alert color="gray" data-testid="alert-closed-notice">
          {t('protection.alert.closedNotice')}
        </Alert>
      ) : null}
      {canAct && alert.assignee === null ? <TakeAlert alert={alert} onChanged={refresh} /> : null}
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <Stack gap="lg">
          <Overview alert={alert} />
          {canAssign ? (
            <Section id="alert-assign" heading={t('protection.assign.heading')}>
              <AssignForm
                key={alert.version}
                currentId={alert.assignee?.id ?? null}
                label={t('protection.assign.worker')}
                submitLabel={t('protection.assign.submit')}
                doneMessage={t('protection.assign.done')}
                assign={(assigneeId) => assignAlert(alert.id, { assigneeId, version: alert.version })}
                onChanged={refresh}
                testId="alert-assign"
              />
            </Section>
          ) : null}
        </Stack>
        <Section id="alert-explanation" heading={t('protection.alert.explanation')}>
          <Text size="sm" mb="sm">
            {t('protection.alert.explanationIntro', { version: alert.rulesVersion })}
          </Text>
          <ReasonList
            reasons={alert.reasons}
            score={alert.score}
            label={t('protection.alert.reasonsLabel')}
          />
        </Section>
      </SimpleGrid>
      <Section id="alert-signals" heading={t('protection.alert.signals')}>
        <SignalsTable signals={alert.signals} label={t('protection.signals.tableLabel')} />
      </Section>
      <Section id="alert-contacts" heading={t('protection.contact.heading')}>
        <Stack gap="md">
          <Contacts alert={alert} />
          {canAct ? (
            <>
              <Divider />
              <ContactForm
                alertId={alert.id}
                openedAt={alert.openedAt}
                version={alert.version}
                onSaved={refresh}
              />
            </>
          ) : null}
        </Stack>
      </Section>
      <Section id="alert-services" heading={t('protection.service.heading')}>
        <Stack gap="md">
          <Services alert={alert} />
          {canAct ? (
            <>
              <Divider />
              <ServiceForm alertId={alert.id} version={alert.version} onSaved={refresh} />
            </>
          ) : null}
        </Stack>
      </Section>
      <Section id="alert-history" heading={t('protection.alert.timeline')}>
        <AlertTimeline events={alert.events} />
      </Section>
      {canAct ? (
        <Section id="alert-close" heading={t('protection.close.heading')}>
          <CloseForm alertId={alert.id} version={alert.version} onClosed={refresh} headingId="alert-close" />
        </Section>
      ) : null}
    </Stack>
  );
}

/** One alert: its level and score with every reason, the signals, the history, and the outreach forms. */
export default function AlertPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const wellFormed = AlertListItem.shape.id.safeParse(id).success;
  const alert = useAlert(id, wellFormed);

  if (!wellFormed || (isApiError(alert.error) && alert.error.status === 404)) {
    return (
      <Stack align="flex-start" data-testid="alert-not-found">
        <PageHeader title={t('protection.alert.notFoundTitle')} />
        <Text>{t('protection.alert.notFoundMessage')}</Text>
        <BackToList />
      </Stack>
    );
  }
  if (alert.isError) {
    return (
      <Stack>
        <PageHeader title={t('protection.alert.titleFallback')} actions={<BackToList />} />
        <ProblemAlert problem={problemOf(alert.error, t('errors.unexpected'))} />
      </Stack>
    );
  }
  if (!alert.data) return <PageLoader />;
  return <AlertRecord alert={alert.data} />;
}
