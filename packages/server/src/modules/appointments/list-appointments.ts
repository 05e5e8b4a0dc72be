import { type Appointment, maskName } from '@ieum/domain';
import { and, asc, count, eq, gte, lt, type SQL } from 'drizzle-orm';
import { personScopes } from '../../platform/access/scope';
import { recordAudit } from '../../platform/audit/audit-log';
import type { Actor } from '../../platform/context';
import { users } from '../../platform/db/schema';
import type { Deps } from '../../platform/deps';
import { notFound } from '../../platform/errors';
import { unsealName } from '../registry/person-view';
import { personsFor } from '../registry/persons.repository';
import { persons } from '../registry/schema';
import { appointmentScope } from './appointments.repository';
import { appointments } from './schema';

/** The actor's center's appointments in a time window, one's own, or one person's, oldest first. */
export async function listAppointments(
  deps: Deps,
  options: {
    actor: Actor;
    from?: string | undefined;
    to?: string | undefined;
    mine: boolean;
    personId?: string | undefined;
    status?: Appointment['status'] | undefined;
    page: number;
    pageSize: number;
  },
): Promise<{ items: Appointment[]; total: number }> {
  const { actor } = options;
  if (options.personId && !(await personsFor(deps.db, personScopes(actor)).findById(options.personId))) {
    throw notFound();
  }
  const condition = and(
    appointmentScope(deps.db, actor),
    options.personId ? eq(appointments.personId, options.personId) : undefined,
    options.mine ? eq(appointments.assigneeId, actor.userId) : undefined,
    options.from ? gte(appointments.startsAt, new Date(options.from)) : undefined,
    options.to ? lt(appointments.startsAt, new Date(options.to)) : undefined,
    options.status ? eq(appointments.status, options.status) : undefined,
  ) as SQL;
  const [rows, [total]] = await Promise.all([
    deps.db
      .select({ appointment: appointments, person: persons, assigneeName: users.displayName })
      .from(appointments)
      .innerJoin(persons, eq(persons.id, appointments.personId))
      .innerJoin(users, eq(users.id, appointments.assigneeId))
      .where(condition)
      .orderBy(asc(appointments.startsAt), asc(appointments.id))
      .limit(options.pageSize)
      .offset((options.page - 1) * options.pageSize),
    deps.db.select({ n: count() }).from(appointments).where(condition),
  ]);
  const unseal = await deps.vault.unsealerFor(deps.db, 'person', [
    ...new Set(rows.map((row) => row.person.id)),
  ]);
  const items = rows.map(({ appointment, person, assigneeName }) => ({
    id: appointment.id,
    person: { id: person.id, code: person.code, maskedName: maskName(unsealName(person, unseal)) },
    assignee: { id: appointment.assigneeId, displayName: assigneeName },
    startsAt: appointment.startsAt.toISOString(),
    durationMinutes: appointment.durationMinutes,
    kind: appointment.kind as Appointment['kind'],
    status: appointment.status as Appointment['status'],
    location: appointment.locationSealed
      ? unseal(person.id, `appointment_location:${appointment.id}`, appointment.locationSealed)
      : null,
    note: appointment.noteSealed
      ? unseal(person.id, `appointment_note:${appointment.id}`, appointment.noteSealed)
      : null,
    version: appointment.version,
  }));
  // Location and note are personal data: each person whose text was shown gets a view in the access log.
  const shown = new Map<string, number>();
  for (const item of items) {
    if (item.location !== null || item.note !== null)
      shown.set(item.person.id, (shown.get(item.person.id) ?? 0) + 1);
  }
  for (const [subjectId, appointmentsShown] of shown) {
    await recordAudit(deps.db, {
      action: 'view',
      entityType: 'appointment',
      subjectId,
      detail: { appointmentsShown },
    });
  }
  return { items, total: total?.n ?? 0 };
}
