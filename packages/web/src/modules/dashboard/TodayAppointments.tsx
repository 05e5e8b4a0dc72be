import { Anchor, Table, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { problemOf } from '../../platform/api';
import { DISPLAY_TIME_ZONE } from '../../platform/format';
import { useLocale } from '../../platform/i18n';
import { ProblemAlert } from '../../platform/ui/ProblemAlert';
import { TableFrame } from '../../platform/ui/TableFrame';
import { useMyAppointmentsOn } from './api';

/** Today's own appointments on the home page: time, person (ID and masked name), kind, status. */
export function TodayAppointments({ today }: { today: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const list = useMyAppointmentsOn(today, true);
  const time = new Intl.DateTimeFormat(locale === 'ko' ? 'ko-KR' : 'en-GB', {
    timeZone: DISPLAY_TIME_ZONE,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  if (list.isError) return <ProblemAlert problem={problemOf(list.error, t('errors.loadFailed'))} />;
  const items = list.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="dashboard-today-appointments">
      <Title order={3} size="h5" id="dashboard-today-appointments" mt="md" mb="xs">
        {t('dashboard.home.todayAppointments')}
      </Title>
      <TableFrame label={t('dashboard.home.todayAppointmentsTable')}>
        <Table aria-label={t('dashboard.home.todayAppointmentsTable')} data-testid="today-appointments">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('dashboard.home.time')}</Table.Th>
              <Table.Th scope="col">{t('dashboard.tasks.person')}</Table.Th>
              <Table.Th scope="col">{t('dashboard.tasks.maskedName')}</Table.Th>
              <Table.Th scope="col">{t('dashboard.appointments.kind')}</Table.Th>
              <Table.Th scope="col">{t('dashboard.appointments.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((appointment) => (
              <Table.Tr key={appointment.id}>
                <Table.Td>{time.format(new Date(appointment.startsAt))}</Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={`/persons/${appointment.person.id}`} className="mono" fw={600}>
                    {appointment.person.code}
                  </Anchor>
                </Table.Td>
                <Table.Td>{appointment.person.maskedName}</Table.Td>
                <Table.Td>{t(`dashboard.appointments.kinds.${appointment.kind}`)}</Table.Td>
                <Table.Td>{t(`dashboard.appointments.statuses.${appointment.status}`)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableFrame>
    </section>
  );
}
