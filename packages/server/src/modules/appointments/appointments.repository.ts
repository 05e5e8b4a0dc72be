import { and, eq, inArray, type SQL } from 'drizzle-orm';
import { personScopes } from '../../platform/access/scope';
import type { Actor } from '../../platform/context';
import type { Queryable } from '../../platform/db/client';
import { personsFor } from '../registry/persons.repository';
import { appointments } from './schema';

export type AppointmentRow = typeof appointments.$inferSelect;

/**
 * Appointment scope: those of the actor's own organization, for persons the actor may see. Built with the
 * actor so no query over appointments can forget it; outside it a record answers like a missing one.
 */
export function appointmentScope(q: Queryable, actor: Actor): SQL {
  return and(
    eq(appointments.organizationId, actor.organizationId),
    inArray(appointments.personId, personsFor(q, personScopes(actor)).idsQuery()),
  ) as SQL;
}

export async function findAppointment(
  q: Queryable,
  actor: Actor,
  appointmentId: string,
): Promise<AppointmentRow | null> {
  const [row] = await q
    .select()
    .from(appointments)
    .where(and(eq(appointments.id, appointmentId), appointmentScope(q, actor)));
  return row ?? null;
}
