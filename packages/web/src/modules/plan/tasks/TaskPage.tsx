import { findMetric, formatKpiValue, type Locale } from '@ieum/domain';
import { Alert, Anchor, Badge, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError, problemOf } from '../../../platform/api';
import { formatDateTime } from '../../../platform/format';
import { useLocale } from '../../../platform/i18n';
import { isUuid } from '../../../platform/ids';
import { Fact } from '../../../platform/ui/Fact';
import { PageHeader } from '../../../platform/ui/PageHeader';
import { PageLoader } from '../../../platform/ui/PageLoader';
import { ProblemAlert } from '../../../platform/ui/ProblemAlert';
import { Section } from '../../../platform/ui/Section';
import { TableFrame } from '../../../platform/ui/TableFrame';
import { type KpiData, type PlanDetailData, type TaskData, usePlan, useTaskReports } from '../api';
import { ProgressBadge } from '../badges';
import { localized, orgName } from '../text';
import { EvidenceLinks } from './EvidenceFiles';
import { ReportSection } from './ReportForm';

function findTask(plan: PlanDetailData, key: string): TaskData | null {
  for (const category of plan.categories) {
    const task = category.tasks.find((candidate) => candidate.key === key);
    if (task) return task;
  }
  return null;
}

function TaskFacts({ plan, task }: { plan: PlanDetailData; task: TaskData }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const category = plan.categories.find((c) => c.code === task.categoryCode);
  return (
    <Section id="plan-task-facts-heading" heading={t('plan.tasks.page.factsHeading')}>
      <Table aria-label={t('plan.tasks.page.factsHeading')} data-testid="plan-task-facts">
        <Table.Tbody>
          <Fact label={t('plan.tasks.fields.code')}>{task.code}</Fact>
          <Fact label={t('plan.tasks.fields.title')}>{task.title}</Fact>
          <Fact label={t('plan.tasks.fields.category')}>
            {category
              ? t('plan.tasks.categoryHeading', { code: category.code, name: localized(category, locale) })
              : task.categoryCode}
          </Fact>
          <Fact label={t('plan.tasks.fields.lead')}>{orgName(task.leadOrganization, locale)}</Fact>
          <Fact label={t('plan.tasks.fields.cooperating')}>
            {task.cooperatingOrganizations.length === 0
              ? t('common.none')
              : task.cooperatingOrganizations.map((org) => orgName(org, locale)).join(', ')}
          </Fact>
          <Fact label={t('plan.tasks.fields.description')}>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {task.description || t('common.none')}
            </Text>
          </Fact>
          <Fact label={t('plan.tasks.fields.milestones')}>
            {task.milestones.length === 0 ? (
              t('common.none')
            ) : (
              <List size="sm" data-testid="plan-task-milestones">
                {[...task.milestones]
                  .sort((a, b) => a.quarter - b.quarter)
                  .map((m) => (
                    <List.Item key={m.quarter}>
                      {t('plan.tasks.page.milestoneItem', { quarter: m.quarter, description: m.description })}
                    </List.Item>
                  ))}
              </List>
            )}
          </Fact>
        </Table.Tbody>
      </Table>
    </Section>
  );
}

function KpiBlock({ kpi, n }: { kpi: KpiData; n: number }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const shown = (value: number | null, suppressed = false) =>
    formatKpiValue({ value, suppressed }, kpi.unit, locale, kpi.unitLabelKo);
  const name = localized(kpi, locale);
  const source =
    kpi.source.kind === 'manual'
      ? t('plan.tasks.kpi.manual')
      : t('plan.tasks.page.metricSource', { metric: metricLabel(kpi.source.metricKey, locale) });
  return (
    <Stack gap="xs" data-testid={`plan-kpi-${n}`}>
      <Title order={3} size="h5">
        {name}
      </Title>
      <Group gap="md" wrap="wrap">
        <Text size="sm" data-testid="plan-kpi-range">
          {t('plan.tasks.page.range', { baseline: shown(kpi.baseline), target: shown(kpi.target) })}
        </Text>
        <Text size="sm">
          {t('plan.tasks.page.unit', {
            unit:
              kpi.unit === 'count' && kpi.unitLabelKo && locale === 'ko'
                ? kpi.unitLabelKo
                : t(`plan.tasks.kpi.units.${kpi.unit}`),
          })}
        </Text>
        <Text size="sm">{t(`plan.directions.${kpi.direction}`)}</Text>
        <Text size="sm" c="dimmed">
          {source}
        </Text>
      </Group>
      {kpi.values.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('plan.tasks.page.noValues')}
        </Text>
      ) : (
        <TableFrame label={t('plan.tasks.page.valuesLabel', { name })}>
          <Table aria-label={t('plan.tasks.page.valuesLabel', { name })} data-testid="plan-kpi-values">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('plan.tasks.page.columns.quarter')}</Table.Th>
                <Table.Th>{t('plan.tasks.page.columns.value')}</Table.Th>
                <Table.Th>{t('plan.tasks.page.columns.milestone')}</Table.Th>
                <Table.Th>{t('plan.tasks.page.columns.progress')}</Table.Th>
                <Table.Th>{t('plan.tasks.page.columns.milestoneStatus')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {kpi.values.map((value) => (
                <Table.Tr
                  key={`${value.quarter}-${value.region ?? 'national'}`}
                  data-testid={`plan-kpi-q${value.quarter}`}
                >
                  <Table.Td>{t('plan.quarter', { quarter: value.quarter })}</Table.Td>
                  <Table.Td>{shown(value.value, value.suppressed)}</Table.Td>
                  <Table.Td>{value.milestone === null ? '–' : shown(value.milestone)}</Table.Td>
                  <Table.Td>
                    {value.progress === null ? '–' : t('plan.percent', { value: value.progress })}
                  </Table.Td>
                  <Table.Td>{t(`plan.milestoneStatuses.${value.milestoneStatus}`)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableFrame>
      )}
    </Stack>
  );
}

function metricLabel(key: string, locale: Locale): string {
  return findMetric(key)?.label[locale] ?? key;
}

function KpiSection({ task }: { task: TaskData }) {
  const { t } = useTranslation();
  return (
    <Section id="plan-task-kpis-heading" heading={t('plan.tasks.fields.kpis')}>
      <Stack gap="lg" data-testid="plan-task-kpi-list">
        {task.kpis.length === 0 ? <Text size="sm">{t('plan.tasks.kpi.none')}</Text> : null}
        {task.kpis.map((kpi, index) => (
          <KpiBlock key={kpi.key} kpi={kpi} n={index + 1} />
        ))}
        {task.kpis.some((kpi) => kpi.values.some((v) => v.suppressed)) ? (
          <Text size="xs" c="dimmed">
            {t('plan.suppressedNote')}
          </Text>
        ) : null}
      </Stack>
    </Section>
  );
}

function ReportHistory({ planId, task }: { planId: string; task: TaskData }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const reports = useTaskReports(planId, task.key);
  const label = t('plan.tasks.history.heading');
  let body: ReactNode;
  if (reports.isError) body = <ProblemAlert problem={problemOf(reports.error, t('errors.loadFailed'))} />;
  else if (!reports.data) body = <Text size="sm">{t('common.loading')}</Text>;
  else if (reports.data.items.length === 0) body = <Text size="sm">{t('plan.tasks.history.none')}</Text>;
  else
    body = (
      <TableFrame label={label}>
        <Table striped aria-label={label} data-testid="plan-report-history">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('plan.tasks.page.columns.quarter')}</Table.Th>
              <Table.Th>{t('plan.tasks.history.status')}</Table.Th>
              <Table.Th>{t('plan.tasks.history.percent')}</Table.Th>
              <Table.Th>{t('plan.tasks.history.narrative')}</Table.Th>
              <Table.Th>{t('plan.tasks.history.evidence')}</Table.Th>
              <Table.Th>{t('plan.tasks.history.filedBy')}</Table.Th>
              <Table.Th>{t('plan.tasks.history.filedAt')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {reports.data.items.map((report) => (
              <Table.Tr key={report.id} data-testid={`plan-report-q${report.quarter}`}>
                <Table.Td>{t('plan.yearQuarter', { year: report.year, quarter: report.quarter })}</Table.Td>
                <Table.Td>
                  <ProgressBadge status={report.status} />
                </Table.Td>
                <Table.Td>{t('plan.percent', { value: report.percentComplete })}</Table.Td>
                <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{report.narrative}</Table.Td>
                <Table.Td>
                  <EvidenceLinks files={report.evidence} />
                </Table.Td>
                <Table.Td>{report.filedBy.displayName}</Table.Td>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <Text size="sm">{formatDateTime(report.filedAt, locale)}</Text>
                    {report.late ? (
                      <Badge color="orange" variant="light" data-testid="plan-report-late">
                        {t('plan.tasks.history.late')}
                      </Badge>
                    ) : null}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableFrame>
    );
  return (
    <Section id="plan-task-history-heading" heading={label}>
      {body}
    </Section>
  );
}

/**
 * One task of a plan: what it is (category, lead and cooperating organizations, the quarters' milestones), its
 * KPIs quarter by quarter ("<5" where a small count is withheld), its quarterly reports, and — for a task
 * reporter of the lead organization while the plan is in execution — the form to file or correct a report.
 */
export default function TaskPage() {
  const { t } = useTranslation();
  const { id = '', key = '' } = useParams();
  const wellFormed = isUuid(id) && isUuid(key);
  const plan = usePlan(id, wellFormed);
  const back = (
    <Anchor component={Link} to={`/plans/${id}/tasks`} data-testid="plan-task-back">
      {t('plan.tasks.page.back')}
    </Anchor>
  );
  const task = plan.data ? findTask(plan.data, key) : null;

  if (!wellFormed || (isApiError(plan.error) && plan.error.status === 404) || (plan.data && !task))
    return (
      <Stack gap="md">
        <PageHeader title={t('plan.tasks.page.notFoundTitle')} />
        <Alert color="yellow" data-testid="plan-task-not-found">
          {t('plan.tasks.page.notFound')}
        </Alert>
        {back}
      </Stack>
    );
  if (plan.isError) return <ProblemAlert problem={problemOf(plan.error, t('errors.loadFailed'))} />;
  if (!plan.data || !task) return <PageLoader />;

  return (
    <Stack gap="md" data-testid="plan-task-page">
      {back}
      <PageHeader title={t('plan.tasks.page.title', { code: task.code, title: task.title })} />
      <Group gap="sm" mt={-12}>
        {task.latestProgress ? (
          <>
            <ProgressBadge status={task.latestProgress.status} />
            <Text size="sm">
              {t('plan.tasks.page.latest', {
                quarter: task.latestProgress.quarter,
                percent: task.latestProgress.percentComplete,
              })}
            </Text>
          </>
        ) : (
          <ProgressBadge status="not_reported" />
        )}
      </Group>
      <TaskFacts plan={plan.data} task={task} />
      <KpiSection task={task} />
      <ReportHistory planId={plan.data.id} task={task} />
      <ReportSection plan={plan.data} task={task} />
    </Stack>
  );
}
