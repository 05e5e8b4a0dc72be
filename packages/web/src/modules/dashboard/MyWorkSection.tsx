import { SimpleGrid, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../platform/format';
import { useLocale } from '../../platform/i18n';
import type { DashboardData } from './api';
import { StatCard } from './StatCard';
import { TodayAppointments } from './TodayAppointments';

/** "Today's work": one's own deadlines and appointments, each number leading to its list. */
export function MyWorkSection({ dashboard }: { dashboard: DashboardData }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const work = dashboard.myWork;
  const count = (n: number) => t('dashboard.count', { count: n });
  return (
    <section aria-labelledby="dashboard-my-work" data-testid="dashboard-my-work">
      <Title order={2} size="h4" id="dashboard-my-work" mb={4}>
        {t('dashboard.home.myWorkHeading')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('dashboard.home.today', { date: formatDate(dashboard.today, locale) })}
      </Text>
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }}>
        <StatCard
          label={t('dashboard.home.overdue')}
          value={count(work.tasksOverdue)}
          to="/tasks?view=overdue"
          alert={work.tasksOverdue > 0}
          testId="stat-overdue"
        />
        <StatCard
          label={t('dashboard.home.dueToday')}
          value={count(work.tasksDueToday)}
          to="/tasks?view=due"
          testId="stat-due-today"
        />
        <StatCard
          label={t('dashboard.home.dueThisWeek')}
          value={count(work.tasksDueThisWeek)}
          to="/tasks?view=soon"
          testId="stat-due-week"
        />
        {work.appointmentsToday !== null ? (
          <StatCard
            label={t('dashboard.home.appointmentsToday')}
            value={count(work.appointmentsToday)}
            testId="stat-appointments"
          />
        ) : null}
        <StatCard
          label={t('dashboard.home.protectionEnding')}
          value={t('dashboard.persons', { count: work.protectionEndingSoon })}
          testId="stat-protection"
        />
      </SimpleGrid>
      {work.appointmentsToday ? <TodayAppointments today={dashboard.today} /> : null}
    </section>
  );
}
