import { Group, NativeSelect, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { problemOf } from '../../../platform/api';
import { formatDate } from '../../../platform/format';
import { useLocale } from '../../../platform/i18n';
import { isUuid } from '../../../platform/ids';
import { FigureList } from '../../../platform/ui/FigureList';
import { PageLoader } from '../../../platform/ui/PageLoader';
import { ProblemAlert } from '../../../platform/ui/ProblemAlert';
import { type DashboardFilters, type PlanDetailData, useDashboard } from '../api';
import { localized, orgName } from '../text';
import { CategoryProgress } from './CategoryProgress';
import { KpiSection } from './KpiSection';
import { OverdueList } from './OverdueList';
import { TaskMatrix } from './TaskMatrix';

/** The filters live in the address (`?organization=…&category=…`), so a filtered dashboard can be shared. */
function useDashboardFilters(): [DashboardFilters, (change: Partial<DashboardFilters>) => void] {
  const [params, setParams] = useSearchParams();
  const organization = params.get('organization');
  const category = Number(params.get('category'));
  const filters: DashboardFilters = {
    organizationId: isUuid(organization) ? organization : null,
    categoryCode: Number.isInteger(category) && category >= 1 && category <= 9 ? category : null,
  };
  const change = (patch: Partial<DashboardFilters>) => {
    const next = { ...filters, ...patch };
    const search = new URLSearchParams();
    if (next.organizationId) search.set('organization', next.organizationId);
    if (next.categoryCode !== null) search.set('category', String(next.categoryCode));
    setParams(search, { replace: true });
  };
  return [filters, change];
}

/**
 * The plan's execution at a glance: headline figures, progress by category, the task × quarter matrix, the
 * reports overdue and the KPIs against their targets — for the whole plan or one organization's or category's
 * tasks. The numbers are the server's (the domain's roll-ups); this screen only lays them out.
 */
export function DashboardTab({ plan }: { plan: PlanDetailData }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [filters, setFilters] = useDashboardFilters();
  const dashboard = useDashboard(plan.id, filters);
  const data = dashboard.data;

  return (
    <Stack gap="lg" data-testid="plan-dashboard">
      <Group
        gap="md"
        align="flex-end"
        wrap="wrap"
        role="search"
        aria-label={t('plan.dashboard.filtersLabel')}
      >
        <NativeSelect
          label={t('plan.dashboard.organization')}
          data={[
            { value: '', label: t('plan.dashboard.all') },
            ...(data?.organizations ?? []).map((org) => ({ value: org.id, label: orgName(org, locale) })),
          ]}
          value={filters.organizationId ?? ''}
          onChange={(event) => {
            const organizationId = event.currentTarget.value || null;
            setFilters({ organizationId });
          }}
          w={280}
          data-testid="plan-dashboard-organization"
        />
        <NativeSelect
          label={t('plan.dashboard.category')}
          data={[
            { value: '', label: t('plan.dashboard.all') },
            ...plan.categories.map((c) => ({
              value: String(c.code),
              label: `${c.code}. ${localized(c, locale)}`,
            })),
          ]}
          value={filters.categoryCode === null ? '' : String(filters.categoryCode)}
          onChange={(event) => {
            const code = event.currentTarget.value;
            setFilters({ categoryCode: code === '' ? null : Number(code) });
          }}
          w={240}
          data-testid="plan-dashboard-category"
        />
        {data ? (
          <Text size="sm" c="dimmed" data-testid="plan-dashboard-today">
            {t('plan.dashboard.asOf', { date: formatDate(data.today, locale) })}
          </Text>
        ) : null}
      </Group>
      {dashboard.isError ? (
        <ProblemAlert problem={problemOf(dashboard.error, t('errors.loadFailed'))} />
      ) : null}
      {!data && !dashboard.isError ? <PageLoader /> : null}
      {data ? (
        // While other filters load, the figures below are the previous ones: said, and dimmed.
        <Stack
          gap="lg"
          aria-busy={dashboard.isPlaceholderData}
          style={{ opacity: dashboard.isPlaceholderData ? 0.5 : 1 }}
          data-testid="plan-dashboard-results"
        >
          <FigureList
            items={[
              {
                key: 'tasks',
                label: t('plan.dashboard.tasks'),
                value: String(data.plan.tasks),
                testId: 'plan-dashboard-tasks',
              },
              {
                key: 'mean',
                label: t('plan.dashboard.meanPercent'),
                value:
                  data.plan.meanPercentComplete === null
                    ? t('plan.dashboard.noReports')
                    : t('plan.percent', { value: data.plan.meanPercentComplete }),
                testId: 'plan-dashboard-mean',
              },
              {
                key: 'attention',
                label: t('plan.dashboard.attention'),
                value: String(data.plan.byStatus.delayed + data.plan.byStatus.at_risk),
                testId: 'plan-dashboard-attention',
              },
              {
                key: 'overdue',
                label: t('plan.dashboard.overdueCount'),
                value: String(data.overdue.length),
                testId: 'plan-dashboard-overdue-count',
              },
            ]}
          />
          <CategoryProgress dashboard={data} />
          <TaskMatrix dashboard={data} planId={plan.id} />
          <OverdueList dashboard={data} planId={plan.id} />
          <KpiSection dashboard={data} planId={plan.id} />
        </Stack>
      ) : null}
    </Stack>
  );
}
