import { type AppointmentStatus, canChangeAppointment } from '@ieum/domain';
import { and, eq } from 'drizzle-orm';
import { appendAudit } from '../../platform/audit/audit-log';
import type { Actor } from '../../platform/context';
import type { Deps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { findAppointment } from './appointments.repository';
import { appointments } from './schema';

/** Reschedules a scheduled appointment or records how it went, with optimistic concurrency. */
export async function changeAppointment(
  deps: Deps,
  options: {
    actor: Actor;
    appointmentId: string;
    version: number;
    startsAt?: string | undefined;
    durationMinutes?: number | undefined;
    status?: AppointmentStatus | undefined;
    location?: string | undefined;
    note?: string | undefined;
  },
): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const row = await findAppointment(tx, options.actor, options.appointmentId);
    if (!row) throw notFound();
    if (!canChangeAppointment(row.status as AppointmentStatus)) {
      throw new AppError('rule.violation', {
        detail: {
          ko: '이미 끝났거나 취소된 일정은 바꿀 수 없습니다. 새 일정을 등록해 주십시오.',
          en: 'A past or cancelled appointment cannot change. Schedule a new one.',
        },
      });
    }
    const subject = { type: 'person', id: row.personId } as const;
    const seal = async (field: string, text: string | undefined) =>
      text === undefined
        ? undefined
        : text === ''
          ? null
          : await deps.vault.encrypt(tx, subject, `${field}:${row.id}`, text);
    const locationSealed = await seal('appointment_location', options.location);
    const noteSealed = await seal('appointment_note', options.note);
    const set = {
      ...(options.startsAt !== undefined ? { startsAt: new Date(options.startsAt) } : {}),
      ...(options.durationMinutes !== undefined ? { durationMinutes: options.durationMinutes } : {}),
      ...(options.status !== undefined ? { status: options.status } : {}),
      ...(locationSealed !== undefined ? { locationSealed } : {}),
      ...(noteSealed !== undefined ? { noteSealed } : {}),
    };
    const updated = await tx
      .update(appointments)
      .set({ ...set, version: row.version + 1, updatedAt: deps.now() })
      .where(and(eq(appointments.id, row.id), eq(appointments.version, options.version)))
      .returning({ id: appointments.id });
    if (updated.length === 0) throw new AppError('conflict.stale');
    await appendAudit(tx, {
      action: 'update',
      entityType: 'appointment',
      entityId: row.id,
      subjectId: row.personId,
      // Field names and the new status only: never the text itself.
      detail: { fields: Object.keys(set), ...(options.status ? { status: options.status } : {}) },
    });
  });
}
