import { SimpleGrid, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DashboardData } from './api';
import { StatCard } from './StatCard';

/** A residence officer's municipality: how many residents, and the half-year reports owed. */
export function MunicipalitySection({
  municipality,
}: {
  municipality: NonNullable<DashboardData['municipality']>;
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="dashboard-municipality" data-testid="dashboard-municipality">
      <Title order={2} size="h4" id="dashboard-municipality" mb="sm">
        {t('dashboard.home.municipalityHeading')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <StatCard
          label={t('dashboard.home.residents')}
          value={t('dashboard.persons', { count: municipality.residents })}
          to="/persons"
          testId="stat-residents"
        />
        <StatCard
          label={t('dashboard.home.reportsDue')}
          value={t('dashboard.count', { count: municipality.reportsDue })}
          to="/tasks?view=due&kind=half_year_report"
          testId="stat-reports-due"
        />
        <StatCard
          label={t('dashboard.home.reportsOverdue')}
          value={t('dashboard.count', { count: municipality.reportsOverdue })}
          to="/tasks?view=overdue&kind=half_year_report"
          alert={municipality.reportsOverdue > 0}
          testId="stat-reports-overdue"
        />
      </SimpleGrid>
    </section>
  );
}
