import {
  allowedPlanTransitions,
  koreanToday,
  type PlanStatus,
  QUARTERS,
  RevisionCreateInput,
} from '@ieum/domain';
import { Alert, Anchor, Button, Group, Menu, Modal, Stack, Tabs, Text, Textarea } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { isApiError, problemOf } from '../../platform/api';
import { hasPermission, useMe } from '../../platform/auth/session';
import { formatDateTime } from '../../platform/format';
import { useLocale } from '../../platform/i18n';
import { isUuid } from '../../platform/ids';
import { PageHeader } from '../../platform/ui/PageHeader';
import { PageLoader } from '../../platform/ui/PageLoader';
import { ProblemAlert } from '../../platform/ui/ProblemAlert';
import { StaleProblem } from '../../platform/ui/StaleProblem';
import { exportUrl, type PlanDetailData, planKeys, startRevision, transitionPlan, usePlan } from './api';
import { PlanStatusBadge } from './badges';
import { ConsultationTab } from './consultation/ConsultationTab';
import { DashboardTab } from './dashboard/DashboardTab';
import { RevisionsTab } from './revisions/RevisionsTab';
import { TasksTab } from './tasks/TasksTab';
import { localized, revisionLabel } from './text';

export const PLAN_TABS = ['dashboard', 'tasks', 'consultation', 'revisions'] as const;
export type PlanTab = (typeof PLAN_TABS)[number];

function isPlanTab(value: string | undefined): value is PlanTab {
  return (PLAN_TABS as readonly string[]).includes(value ?? '');
}

/** A draft opens on its tasks (there is nothing to measure yet); a plan under way on its dashboard. */
function defaultTab(status: PlanStatus): PlanTab {
  if (status === 'draft') return 'tasks';
  if (status === 'in_consultation') return 'consultation';
  return 'dashboard';
}

/**
 * The moves worth offering: the status machine's, less the two the domain refuses whatever the user does
 * (a first revision is finalized only after a consultation; a plan is closed only once its year is over, in
 * Korea). The others may still be refused for a reason the server words (unresolved comments, no tasks).
 */
function offeredTransitions(plan: PlanDetailData): readonly PlanStatus[] {
  return allowedPlanTransitions(plan.status).filter((to) => {
    if (to === 'finalized' && plan.status === 'draft') return plan.revision > 1;
    if (to === 'closed') return koreanToday(new Date()) > `${plan.year}-12-31`;
    return true;
  });
}

/** Moving the plan on (send for consultation, finalize, start execution, close), after a confirmation. */
function TransitionButtons({ plan, onChanged }: { plan: PlanDetailData; onChanged: () => void }) {
  const { t } = useTranslation();
  const [target, setTarget] = useState<PlanStatus | null>(null);
  const [problem, setProblem] = useState<ReturnType<typeof problemOf> | null>(null);
  const [busy, setBusy] = useState(false);
  const close = () => {
    setTarget(null);
    setProblem(null);
  };
  const confirm = async () => {
    if (!target) return;
    setBusy(true);
    try {
      await transitionPlan(plan.id, target, plan.version);
      close();
      onChanged();
    } catch (error) {
      setProblem(problemOf(error, t('errors.unexpected')));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      {offeredTransitions(plan).map((to) => (
        <Button
          key={to}
          variant={to === 'draft' ? 'default' : 'filled'}
          onClick={() => setTarget(to)}
          data-testid={`plan-transition-${to}`}
        >
          {t(`plan.page.transitions.${plan.status}_${to}` as 'plan.page.transitions.draft_in_consultation')}
        </Button>
      ))}
      <Modal
        opened={target !== null}
        onClose={close}
        title={
          target
            ? t(
                `plan.page.transitions.${plan.status}_${target}` as 'plan.page.transitions.draft_in_consultation',
              )
            : ''
        }
      >
        <Stack gap="md">
          <Text size="sm">
            {target
              ? t(`plan.page.transitionHelp.${target}` as 'plan.page.transitionHelp.in_consultation')
              : null}
          </Text>
          <StaleProblem
            problem={problem}
            onReload={() => {
              close();
              onChanged();
            }}
            testIdPrefix="plan-transition"
            words={{
              title: t('plan.stale.title'),
              message: t('plan.stale.message'),
              reload: t('plan.stale.reload'),
            }}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button onClick={() => void confirm()} loading={busy} data-testid="plan-transition-confirm">
              {t('plan.page.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

/** Amending a finalized plan: a new draft revision, with the reason recorded. */
function RevisionButton({ plan }: { plan: PlanDetailData }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<ReturnType<typeof problemOf> | null>(null);
  const [busy, setBusy] = useState(false);
  const close = () => {
    setOpen(false);
    setReason('');
    setProblem(null);
  };
  const submit = async () => {
    if (!RevisionCreateInput.safeParse({ reason, version: plan.version }).success) {
      setProblem({
        type: 'about:blank',
        title: t('plan.page.revisionReasonRequired'),
        status: 400,
        code: 'client',
      });
      return;
    }
    setBusy(true);
    try {
      const revision = await startRevision(plan.id, { reason, version: plan.version });
      await queryClient.invalidateQueries({ queryKey: planKeys.all });
      setOpen(false);
      void navigate(`/plans/${revision.id}/tasks`);
    } catch (error) {
      setProblem(problemOf(error, t('errors.unexpected')));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button variant="default" onClick={() => setOpen(true)} data-testid="plan-start-revision">
        {t('plan.page.startRevision')}
      </Button>
      <Modal opened={open} onClose={close} title={t('plan.page.startRevision')}>
        <Stack gap="md">
          <Text size="sm">{t('plan.page.revisionHelp')}</Text>
          <Textarea
            label={t('plan.page.revisionReason')}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            autosize
            minRows={3}
            required
            data-testid="plan-revision-reason"
          />
          {problem ? <ProblemAlert problem={problem} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button onClick={() => void submit()} loading={busy} data-testid="plan-revision-confirm">
              {t('plan.page.startRevision')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

/** The files: the plan, its consultation record and a quarter's status report, each as XLSX or PDF. */
function ExportMenu({ plan }: { plan: PlanDetailData }) {
  const { t } = useTranslation();
  const item = (href: string, label: string, testId: string) => (
    <Menu.Item component="a" href={href} download data-testid={testId}>
      {label}
    </Menu.Item>
  );
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default" data-testid="plan-exports">
          {t('plan.page.exports')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('plan.page.exportPlan')}</Menu.Label>
        {item(exportUrl(plan.id, 'plan', 'xlsx'), 'XLSX', 'plan-export-xlsx')}
        {item(exportUrl(plan.id, 'plan', 'pdf'), 'PDF', 'plan-export-pdf')}
        {plan.status === 'in_execution' || plan.status === 'closed' ? (
          <>
            <Menu.Label>{t('plan.page.exportStatus')}</Menu.Label>
            {QUARTERS.flatMap((quarter) => [
              item(
                exportUrl(plan.id, 'status-report', 'xlsx', quarter),
                `${t('plan.quarter', { quarter })} XLSX`,
                `plan-export-status-${quarter}-xlsx`,
              ),
              item(
                exportUrl(plan.id, 'status-report', 'pdf', quarter),
                `${t('plan.quarter', { quarter })} PDF`,
                `plan-export-status-${quarter}-pdf`,
              ),
            ])}
          </>
        ) : null}
      </Menu.Dropdown>
    </Menu>
  );
}

/**
 * One revision of a yearly implementation plan: its status and the moves open to a plan manager, the files, and
 * four tabs — the dashboard of execution, the tasks (edited while a draft), the consultation and the revisions.
 */
export default function PlanPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { id = '', tab } = useParams();
  const wellFormed = isUuid(id);
  const plan = usePlan(id, wellFormed);
  const canManage = hasPermission(me, 'plans.manage');

  if (!wellFormed || (isApiError(plan.error) && plan.error.status === 404))
    return (
      <Stack gap="md">
        <PageHeader title={t('plan.page.notFoundTitle')} />
        <Alert color="yellow" data-testid="plan-not-found">
          {t('plan.page.notFound')}
        </Alert>
        <Anchor component={Link} to="/plans">
          {t('plan.page.back')}
        </Anchor>
      </Stack>
    );
  if (plan.isError) return <ProblemAlert problem={problemOf(plan.error, t('errors.loadFailed'))} />;
  if (!plan.data) return <PageLoader />;
  const data = plan.data;
  const active: PlanTab = isPlanTab(tab) ? tab : defaultTab(data.status);
  const refresh = () => queryClient.invalidateQueries({ queryKey: planKeys.all });

  return (
    <Stack gap="md" data-testid="plan-page">
      <PageHeader
        title={localized(data, locale)}
        actions={
          <>
            <ExportMenu plan={data} />
            {canManage && (data.status === 'finalized' || data.status === 'in_execution') ? (
              <RevisionButton plan={data} />
            ) : null}
            {canManage ? <TransitionButtons plan={data} onChanged={refresh} /> : null}
          </>
        }
      />
      <Group gap="md" mt={-12} wrap="wrap" data-testid="plan-facts">
        <PlanStatusBadge status={data.status} />
        <Text size="sm">{revisionLabel(t, data.revision)}</Text>
        <Text size="sm" c="dimmed">
          {localized(data.masterPlan, locale)}
        </Text>
        <Text size="sm" c="dimmed">
          {t('plan.page.counts', { categories: data.categoryCount, tasks: data.taskCount })}
        </Text>
        {data.finalizedAt ? (
          <Text size="sm" c="dimmed">
            {t('plan.page.finalizedAt', { at: formatDateTime(data.finalizedAt, locale) })}
          </Text>
        ) : null}
      </Group>
      {data.supersededById ? (
        <Alert color="blue" data-testid="plan-superseded">
          {t('plan.page.superseded')}{' '}
          <Anchor component={Link} to={`/plans/${data.supersededById}`}>
            {t('plan.page.openLatest')}
          </Anchor>
        </Alert>
      ) : null}
      <Tabs
        key={data.id}
        value={active}
        onChange={(value) => {
          if (isPlanTab(value ?? undefined)) void navigate(`/plans/${data.id}/${value}`, { replace: true });
        }}
        keepMounted={false}
      >
        <Tabs.List aria-label={t('plan.page.tabsLabel')}>
          {PLAN_TABS.map((key) => (
            <Tabs.Tab key={key} value={key} data-testid={`plan-tab-${key}`}>
              {t(`plan.page.tabs.${key}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="dashboard" pt="md">
          <DashboardTab plan={data} />
        </Tabs.Panel>
        <Tabs.Panel value="tasks" pt="md">
          <TasksTab plan={data} />
        </Tabs.Panel>
        <Tabs.Panel value="consultation" pt="md">
          <ConsultationTab plan={data} />
        </Tabs.Panel>
        <Tabs.Panel value="revisions" pt="md">
          <RevisionsTab plan={data} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
