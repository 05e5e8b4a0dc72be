import type { AppointmentStatus } from '@ieum/domain';
import { Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError, problemOf } from '../../platform/api';
import { hasPermission, useMe } from '../../platform/auth/session';
import { formatDateTime } from '../../platform/format';
import { useLocale } from '../../platform/i18n';
import { ProblemAlert } from '../../platform/ui/ProblemAlert';
import { TableFrame } from '../../platform/ui/TableFrame';
import { AppointmentForm } from './AppointmentForm';
import { type AppointmentData, useChangeAppointment, usePersonAppointments } from './api';

const STATUS_COLORS: Record<AppointmentStatus, string> = {
  scheduled: 'blue',
  done: 'teal',
  cancelled: 'gray',
  no_show: 'orange',
};
const OUTCOMES = [
  { status: 'done', label: 'markDone' },
  { status: 'no_show', label: 'markNoShow' },
  { status: 'cancelled', label: 'markCancelled' },
] as const;

/** The person's appointments with the center: book one, move it, record how it went. */
export function AppointmentsSection({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const me = useMe();
  const canWrite = hasPermission(me, 'cases.write');
  const list = usePersonAppointments(personId);
  const change = useChangeAppointment();
  // null: no form; 'new': booking; an appointment: moving that one.
  const [form, setForm] = useState<'new' | AppointmentData | null>(null);
  const items = list.data?.items ?? [];

  const record = (appointment: AppointmentData, status: AppointmentStatus) =>
    change.mutate(
      { id: appointment.id, version: appointment.version, status },
      {
        onSuccess: () => notifications.show({ color: 'teal', message: t('dashboard.appointments.changed') }),
        onError: (error) => {
          if (isApiError(error, 'conflict.stale'))
            notifications.show({ color: 'orange', message: t('errors.stale') });
        },
      },
    );

  return (
    <Stack gap="sm" component="section" aria-labelledby="person-appointments">
      <Group justify="space-between">
        <Title order={2} size="h4" id="person-appointments">
          {t('dashboard.appointments.heading')}
        </Title>
        {canWrite && form === null ? (
          <Button onClick={() => setForm('new')} data-testid="appointment-add">
            {t('dashboard.appointments.add')}
          </Button>
        ) : null}
      </Group>
      {form !== null ? (
        <AppointmentForm
          key={form === 'new' ? 'new' : form.id}
          personId={personId}
          editing={form === 'new' ? null : form}
          onDone={() => setForm(null)}
        />
      ) : null}
      {list.isError ? <ProblemAlert problem={problemOf(list.error, t('errors.loadFailed'))} /> : null}
      {change.isError && !isApiError(change.error, 'conflict.stale') ? (
        <ProblemAlert
          problem={problemOf(change.error, t('dashboard.appointments.changeFailed'))}
          onClose={() => change.reset()}
        />
      ) : null}
      <TableFrame label={t('dashboard.appointments.tableLabel')}>
        <Table
          striped
          miw={820}
          aria-label={t('dashboard.appointments.tableLabel')}
          aria-busy={list.isFetching}
          data-testid="appointment-table"
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('dashboard.appointments.startsAt')}</Table.Th>
              <Table.Th scope="col">{t('dashboard.appointments.kind')}</Table.Th>
              <Table.Th scope="col">{t('dashboard.appointments.duration')}</Table.Th>
              <Table.Th scope="col">{t('dashboard.appointments.assignee')}</Table.Th>
              <Table.Th scope="col">{t('dashboard.appointments.location')}</Table.Th>
              <Table.Th scope="col">{t('dashboard.appointments.note')}</Table.Th>
              <Table.Th scope="col">{t('dashboard.appointments.status')}</Table.Th>
              <Table.Th scope="col">{t('dashboard.appointments.action')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((appointment) => {
              const time = formatDateTime(appointment.startsAt, locale);
              const open = canWrite && appointment.status === 'scheduled';
              return (
                <Table.Tr key={appointment.id} data-testid={`appointment-row-${appointment.id}`}>
                  <Table.Td>{time}</Table.Td>
                  <Table.Td>{t(`dashboard.appointments.kinds.${appointment.kind}`)}</Table.Td>
                  <Table.Td>{appointment.durationMinutes}</Table.Td>
                  <Table.Td>{appointment.assignee.displayName}</Table.Td>
                  <Table.Td>{appointment.location ?? '—'}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{appointment.note ?? '—'}</Table.Td>
                  <Table.Td>
                    <Badge color={STATUS_COLORS[appointment.status]}>
                      {t(`dashboard.appointments.statuses.${appointment.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {open ? (
                      <Group gap={4} wrap="nowrap">
                        <Button
                          size="xs"
                          variant="default"
                          aria-label={t('dashboard.appointments.rescheduleLabel', { time })}
                          onClick={() => setForm(appointment)}
                          data-testid={`appointment-reschedule-${appointment.id}`}
                        >
                          {t('dashboard.appointments.reschedule')}
                        </Button>
                        {OUTCOMES.map((outcome) => (
                          <Button
                            key={outcome.status}
                            size="xs"
                            variant="light"
                            color={STATUS_COLORS[outcome.status]}
                            loading={
                              change.isPending &&
                              change.variables?.id === appointment.id &&
                              change.variables.status === outcome.status
                            }
                            aria-label={t(`dashboard.appointments.${outcome.label}Label`, { time })}
                            onClick={() => record(appointment, outcome.status)}
                            data-testid={`appointment-${outcome.status}-${appointment.id}`}
                          >
                            {t(`dashboard.appointments.${outcome.label}`)}
                          </Button>
                        ))}
                      </Group>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              );
            })}
            {list.isSuccess && items.length === 0 ? (
              <Table.Tr>
                <Table.Td colSpan={8} data-testid="appointment-empty">
                  <Text size="sm">{t('dashboard.appointments.empty')}</Text>
                </Table.Td>
              </Table.Tr>
            ) : null}
          </Table.Tbody>
        </Table>
      </TableFrame>
    </Stack>
  );
}
