import { isOpen } from '@ieum/domain';
import { Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { problemOf } from '../../platform/api';
import { hasPermission, useMe } from '../../platform/auth/session';
import { formatDate } from '../../platform/format';
import { useLocale } from '../../platform/i18n';
import { PageLoader } from '../../platform/ui/PageLoader';
import { ProblemAlert } from '../../platform/ui/ProblemAlert';
import type { PersonDetailData } from '../registry/api';
import { AssessmentSection } from './AssessmentSection';
import { type CaseDetailData, caseKeys, useCase, usePersonCases } from './api';
import { AssignedWorker, ReassignForm } from './CaseAssignment';
import { CaseLifecycle } from './CaseLifecycle';
import { CaseStatusBadge } from './CaseStatusBadge';
import { GoalsSection } from './GoalsSection';
import { NotesSection } from './NotesSection';
import { OpenCaseForm } from './OpenCaseForm';

function CaseHeader({
  caseData,
  canAssign,
  onChanged,
}: {
  caseData: CaseDetailData;
  canAssign: boolean;
  onChanged: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="case-summary">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="md">
        <Stack gap={6}>
          <Group gap="sm">
            <Title order={2} size="h4" id="case-summary">
              {t('cases.tab.heading')}
            </Title>
            <CaseStatusBadge status={caseData.status} />
          </Group>
          <Text size="sm">
            {t('cases.tab.opened', { date: formatDate(caseData.openedOn, locale) })}
            {caseData.closedOn
              ? ` · ${t('cases.tab.closed', { date: formatDate(caseData.closedOn, locale) })}`
              : ''}
          </Text>
          <AssignedWorker caseData={caseData} />
        </Stack>
        {canAssign && isOpen(caseData.status) ? (
          <ReassignForm caseData={caseData} onChanged={onChanged} />
        ) : null}
      </Group>
    </Card>
  );
}

function CaseView({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const detail = useCase(caseId);
  const refresh = () => queryClient.invalidateQueries({ queryKey: caseKeys.all });

  if (detail.isError) return <ProblemAlert problem={problemOf(detail.error, t('errors.unexpected'))} />;
  if (!detail.data) return <PageLoader />;
  const caseData = detail.data;
  const open = isOpen(caseData.status);
  const canWrite = hasPermission(me, 'cases.write') && open;
  return (
    <Stack gap="lg" data-testid="case-view">
      <CaseHeader caseData={caseData} canAssign={hasPermission(me, 'cases.assign')} onChanged={refresh} />
      <CaseLifecycle caseData={caseData} canWrite={canWrite} onChanged={refresh} />
      <AssessmentSection caseData={caseData} canWrite={canWrite} onChanged={refresh} />
      <GoalsSection caseData={caseData} canWrite={canWrite} onChanged={refresh} />
      <NotesSection caseData={caseData} canWrite={canWrite} onChanged={refresh} />
    </Stack>
  );
}

/**
 * The person's case at this center (the "사례관리" tab): the open case if there is one, else the latest
 * closed one, and a way to open a new case when none is open.
 */
export default function CaseTab({ person }: { person: PersonDetailData }) {
  const { t } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const cases = usePersonCases(person.id);

  if (cases.isError) return <ProblemAlert problem={problemOf(cases.error, t('errors.loadFailed'))} />;
  if (!cases.data) return <PageLoader />;
  const items = cases.data.items;
  const current = items.find((item) => isOpen(item.status)) ?? items[0] ?? null;
  const canOpen = hasPermission(me, 'cases.write') && !items.some((item) => isOpen(item.status));

  return (
    <Stack gap="lg" data-testid="case-tab">
      {canOpen ? (
        <OpenCaseForm
          personId={person.id}
          hadCases={items.length > 0}
          onOpened={() => queryClient.invalidateQueries({ queryKey: caseKeys.all })}
        />
      ) : null}
      {current ? (
        <CaseView caseId={current.id} />
      ) : canOpen ? null : (
        <Text data-testid="case-none">{t('cases.tab.none')}</Text>
      )}
    </Stack>
  );
}
