import { APPOINTMENT_KINDS, AppointmentChange, AppointmentInput } from '@ieum/domain';
import { Button, Card, Group, NativeSelect, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../platform/api';
import { messageText, useForm } from '../../platform/forms';
import { ProblemAlert } from '../../platform/ui/ProblemAlert';
import {
  type AppointmentData,
  instantToSeoulInput,
  seoulInputToInstant,
  useChangeAppointment,
  useScheduleAppointment,
} from './api';

interface AppointmentValues extends Record<string, unknown> {
  startsAt: string;
  durationMinutes: string;
  kind: string;
  location: string;
  note: string;
}

const EMPTY: AppointmentValues = {
  startsAt: '',
  durationMinutes: '60',
  kind: 'counselling',
  location: '',
  note: '',
};

function valuesOf(appointment: AppointmentData): AppointmentValues {
  return {
    startsAt: instantToSeoulInput(appointment.startsAt),
    durationMinutes: String(appointment.durationMinutes),
    kind: appointment.kind,
    location: appointment.location ?? '',
    note: appointment.note ?? '',
  };
}

/**
 * Books a new appointment with the person, or moves an existing one (`editing`). Validated with the same
 * schemas as the server; what was typed stays on screen when the server refuses it.
 */
export function AppointmentForm({
  personId,
  editing,
  onDone,
}: {
  personId: string;
  editing: AppointmentData | null;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const form = useForm<AppointmentValues>(editing ? valuesOf(editing) : EMPTY);
  const schedule = useScheduleAppointment();
  const change = useChangeAppointment();
  const error = (field: keyof AppointmentValues & string) => messageText(t, form.errors[field]);
  const saving = schedule.isPending || change.isPending;
  const messages = { startsAt: 'dashboard.appointments.invalidStartsAt' } as const;

  const common = () => ({
    startsAt: seoulInputToInstant(form.values.startsAt) ?? '',
    durationMinutes: Number(form.values.durationMinutes),
    location: form.values.location.trim() === '' ? undefined : form.values.location,
    note: form.values.note.trim() === '' ? undefined : form.values.note,
  });
  const succeeded = (message: string) => {
    notifications.show({ color: 'teal', message });
    onDone();
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    form.setProblem(null);
    if (editing) {
      // An emptied field clears the sealed text on the server.
      const input = form.validate(
        AppointmentChange,
        {
          ...common(),
          location: form.values.location.trim(),
          note: form.values.note.trim(),
          version: editing.version,
        },
        { messages },
      );
      if (!input) return;
      change.mutate(
        { id: editing.id, ...input },
        {
          onSuccess: () => succeeded(t('dashboard.appointments.changed')),
          onError: (failure) => {
            if (isApiError(failure, 'conflict.stale')) {
              notifications.show({ color: 'orange', message: t('errors.stale') });
              onDone();
            } else form.fail(failure);
          },
        },
      );
      return;
    }
    const input = form.validate(
      AppointmentInput,
      { ...common(), personId, kind: form.values.kind },
      { messages },
    );
    if (!input) return;
    schedule.mutate(input, {
      onSuccess: () => succeeded(t('dashboard.appointments.scheduled')),
      onError: (failure) => form.fail(failure),
    });
  };

  const headingId = editing ? `appointment-edit-${editing.id}` : 'appointment-new';
  return (
    <Card withBorder padding="md" component="section" aria-labelledby={headingId}>
      <Title order={3} size="h5" id={headingId} mb="sm">
        {editing ? t('dashboard.appointments.rescheduleHeading') : t('dashboard.appointments.addHeading')}
      </Title>
      <form onSubmit={onSubmit} noValidate data-testid="appointment-form">
        <Stack gap="sm">
          <ProblemAlert problem={form.problem} onClose={() => form.setProblem(null)} />
          <Group gap="sm" align="flex-start" wrap="wrap">
            <TextInput
              type="datetime-local"
              label={t('dashboard.appointments.startsAt')}
              description={t('dashboard.appointments.startsAtHint')}
              required
              error={error('startsAt')}
              {...form.text('startsAt')}
              data-testid="appointment-starts-at"
            />
            <TextInput
              type="number"
              min={5}
              max={720}
              step={5}
              label={t('dashboard.appointments.duration')}
              required
              error={error('durationMinutes')}
              {...form.text('durationMinutes')}
              w={160}
              data-testid="appointment-duration"
            />
            {editing ? null : (
              <NativeSelect
                label={t('dashboard.appointments.kind')}
                required
                error={error('kind')}
                value={form.values.kind}
                onChange={(event) => form.setValue('kind', event.currentTarget.value)}
                data={APPOINTMENT_KINDS.map((kind) => ({
                  value: kind,
                  label: t(`dashboard.appointments.kinds.${kind}`),
                }))}
                data-testid="appointment-kind"
              />
            )}
          </Group>
          <TextInput
            label={t('dashboard.appointments.location')}
            description={t('dashboard.appointments.locationHint')}
            maxLength={200}
            autoComplete="off"
            error={error('location')}
            {...form.text('location')}
            data-testid="appointment-location"
          />
          <Textarea
            label={t('dashboard.appointments.note')}
            maxLength={2000}
            rows={3}
            error={error('note')}
            {...form.text('note')}
            data-testid="appointment-note"
          />
          <Group gap="sm">
            <Button type="submit" loading={saving} data-testid="appointment-save">
              {t('dashboard.appointments.save')}
            </Button>
            <Button variant="default" onClick={onDone}>
              {t('dashboard.appointments.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
