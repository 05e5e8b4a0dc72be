import type { SignalView } from '@ieum/domain';
import { and, asc, desc, eq, gt, lte, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Queryable } from '../../platform/db/client';
import { organizations, users } from '../../platform/db/schema';
import {
  protectionContacts,
  protectionProfiles,
  protectionServices,
  protectionSignals,
  riskScores,
} from './schema';

/**
 * What ieum holds about one person's protection: profile, latest score, signals, and the outreach on an alert.
 * The callers have checked that the person (or the alert) is within the actor's scope.
 */
export type ProfileRow = typeof protectionProfiles.$inferSelect;

const editor = alias(users, 'editor');
const source = alias(organizations, 'source');

export async function findProfile(q: Queryable, personId: string) {
  const [row] = await q
    .select({ profile: protectionProfiles, editorName: editor.displayName })
    .from(protectionProfiles)
    .leftJoin(editor, eq(editor.id, protectionProfiles.updatedBy))
    .where(eq(protectionProfiles.personId, personId));
  return row ?? null;
}

type ProfileValues = Pick<
  ProfileRow,
  'categories' | 'childrenInHousehold' | 'benefits' | 'insuredRegularWorker'
>;

/** Records a first profile; false when one was recorded meanwhile. */
export async function insertProfile(
  q: Queryable,
  values: ProfileValues & { personId: string; updatedBy: string; updatedAt: Date },
): Promise<boolean> {
  const inserted = await q
    .insert(protectionProfiles)
    .values({ ...values, version: 1 })
    .onConflictDoNothing()
    .returning({ personId: protectionProfiles.personId });
  return inserted.length > 0;
}

/** Changes a profile at the version the user saw; false when someone changed it first. */
export async function updateProfile(
  q: Queryable,
  personId: string,
  version: number,
  values: ProfileValues & { updatedBy: string; updatedAt: Date },
): Promise<boolean> {
  const updated = await q
    .update(protectionProfiles)
    .set({ ...values, version: version + 1 })
    .where(and(eq(protectionProfiles.personId, personId), eq(protectionProfiles.version, version)))
    .returning({ personId: protectionProfiles.personId });
  return updated.length > 0;
}

export async function findRiskScore(q: Queryable, personId: string) {
  const [row] = await q.select().from(riskScores).where(eq(riskScores.personId, personId));
  return row ?? null;
}

/**
 * A person's signals, newest observation first; `after` (exclusive) and `until` (inclusive) bound the day
 * observed. Served by protection_signals_person_idx (person_id, observed_on).
 */
export async function personSignals(
  q: Queryable,
  personId: string,
  options: { after?: string; until?: string; limit: number },
): Promise<SignalView[]> {
  const rows = await q
    .select({ signal: protectionSignals, sourceName: source.name })
    .from(protectionSignals)
    .leftJoin(source, eq(source.id, protectionSignals.sourceOrganizationId))
    .where(
      and(
        eq(protectionSignals.personId, personId),
        options.after ? gt(protectionSignals.observedOn, options.after) : undefined,
        options.until ? lte(protectionSignals.observedOn, options.until) : undefined,
      ) as SQL,
    )
    .orderBy(
      desc(protectionSignals.observedOn),
      desc(protectionSignals.receivedAt),
      asc(protectionSignals.id),
    )
    .limit(options.limit);
  return rows.map(({ signal, sourceName }) => ({
    id: signal.id,
    type: signal.type as SignalView['type'],
    observedOn: signal.observedOn,
    value: signal.value,
    receivedAt: signal.receivedAt.toISOString(),
    via: signal.via as SignalView['via'],
    sourceOrganization:
      signal.sourceOrganizationId && sourceName
        ? { id: signal.sourceOrganizationId, name: sourceName }
        : null,
  }));
}

export async function alertContactRows(q: Queryable, alertId: string) {
  return q
    .select({ contact: protectionContacts, recorderName: users.displayName })
    .from(protectionContacts)
    .innerJoin(users, eq(users.id, protectionContacts.recordedBy))
    .where(eq(protectionContacts.alertId, alertId))
    .orderBy(asc(protectionContacts.contactedAt), asc(protectionContacts.id));
}

export async function alertServiceRows(q: Queryable, alertId: string) {
  return q
    .select({ service: protectionServices, recorderName: users.displayName })
    .from(protectionServices)
    .innerJoin(users, eq(users.id, protectionServices.recordedBy))
    .where(eq(protectionServices.alertId, alertId))
    .orderBy(asc(protectionServices.providedOn), asc(protectionServices.id));
}

/** Whether anyone tried to reach the person on this alert (closing needs it, unless they died or moved away). */
export async function hasContactAttempt(q: Queryable, alertId: string): Promise<boolean> {
  const rows = await q
    .select({ id: protectionContacts.id })
    .from(protectionContacts)
    .where(eq(protectionContacts.alertId, alertId))
    .limit(1);
  return rows.length > 0;
}
