import { type Role, type StatutoryItem, statutoryTimeline } from '@ieum/domain';
import { and, eq, isNotNull, isNull, notInArray } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client';
import { newId } from '../../platform/db/ids';
import { users } from '../../platform/db/schema';
import { personOfficers, type persons } from '../registry/schema';
import { tasks } from './schema';

type PersonRow = typeof persons.$inferSelect;

/**
 * Brings a person's statutory tasks in step with their protection dates: new items are created, open ones
 * move with changed dates, and open items the dates no longer produce are cancelled. Done tasks stay as they
 * were. Runs inside the transaction that changed the person.
 */
export async function syncStatutoryTasks(
  tx: Tx,
  person: PersonRow,
): Promise<{ created: number; updated: number; cancelled: number }> {
  const items: StatutoryItem[] = person.protectionDecisionDate
    ? statutoryTimeline({
        protectionDecisionDate: person.protectionDecisionDate,
        hanawonCompletionDate: person.hanawonCompletionDate,
        residenceStartDate: person.residenceStartDate,
        residenceExtensions: [],
        safetyExtensions: [],
      })
    : [];
  const offices = await officeByRole(tx, person);
  const existing = await tx
    .select()
    .from(tasks)
    .where(and(eq(tasks.personId, person.id), isNotNull(tasks.statutoryKey)));
  const byKey = new Map(existing.map((task) => [task.statutoryKey as string, task]));
  let created = 0;
  let updated = 0;
  const fresh = [];
  for (const item of items) {
    const organizationId = offices.get(item.role) ?? null;
    const period = { start: item.periodStart ?? null, end: item.periodEnd ?? null };
    const current = byKey.get(item.key);
    if (!current) {
      fresh.push({
        id: newId(),
        personId: person.id,
        source: 'statutory',
        statutoryKey: item.key,
        kind: item.kind,
        period,
        organizationId,
        role: item.role,
        dueOn: item.dueOn,
        remindOn: item.remindOn,
      });
      created += 1;
    } else if (
      current.status === 'open' &&
      (current.dueOn !== item.dueOn ||
        current.remindOn !== item.remindOn ||
        current.organizationId !== organizationId)
    ) {
      await tx
        .update(tasks)
        .set({
          dueOn: item.dueOn,
          remindOn: item.remindOn,
          organizationId,
          period,
          version: current.version + 1,
          updatedAt: new Date(),
        })
        .where(eq(tasks.id, current.id));
      updated += 1;
    }
  }
  if (fresh.length > 0) await tx.insert(tasks).values(fresh);
  const keys = items.map((item) => item.key);
  const cancelled = await tx
    .update(tasks)
    .set({ status: 'cancelled', updatedAt: new Date() })
    .where(
      and(
        eq(tasks.personId, person.id),
        eq(tasks.status, 'open'),
        isNotNull(tasks.statutoryKey),
        keys.length > 0 ? notInArray(tasks.statutoryKey, keys) : undefined,
      ),
    )
    .returning({ id: tasks.id });
  return { created, updated, cancelled: cancelled.length };
}

/** Which office answers for each role: the Hana Center, the municipality, or the assigned officer's office. */
async function officeByRole(tx: Tx, person: PersonRow): Promise<Map<Role, string>> {
  const offices = new Map<Role, string>([['case_worker', person.hanaCenterId]]);
  if (person.municipalityId) offices.set('residence_officer', person.municipalityId);
  const officers = await tx
    .select({ kind: personOfficers.kind, organizationId: users.organizationId })
    .from(personOfficers)
    .innerJoin(users, eq(users.id, personOfficers.userId))
    .where(and(eq(personOfficers.personId, person.id), isNull(personOfficers.until)));
  for (const officer of officers) {
    if (officer.kind === 'employment') offices.set('employment_officer', officer.organizationId);
    if (officer.kind === 'safety') offices.set('safety_officer', officer.organizationId);
  }
  return offices;
}
