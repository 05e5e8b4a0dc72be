import type { MergeMovedKind } from '@ieum/domain';
import { and, eq, inArray, ne, notInArray, sql } from 'drizzle-orm';
import type { Vault } from '../../platform/crypto/vault';
import type { Tx } from '../../platform/db/client';
import {
  protectionAlerts,
  protectionContacts,
  protectionProfiles,
  protectionServices,
  protectionSignals,
  riskScores,
  surveyChecks,
} from './schema';
import { checkNoteField, closingNoteField, contactFindingsField, signalNoteField } from './sealed-fields';

type ProtectionKind = Extract<
  MergeMovedKind,
  'protectionSignals' | 'protectionAlerts' | 'surveyChecks' | 'protectionProfiles'
>;
type Moved = Partial<Record<ProtectionKind, string[]>>;

/** The protection tables with a person_id, all handled by `moveProtectionRows` (see the merge's completeness test). */
export const PROTECTION_TABLES_WITH_A_PERSON = [
  'protection_signals',
  'protection_alerts',
  'protection_contacts',
  'protection_services',
  'survey_checks',
  'protection_profiles',
  // Derived: the merged record's score is dropped and the next screening scores the survivor with everything.
  'risk_scores',
] as const;

/**
 * On a merge, both records' open alerts cannot become one person's two open alerts: close one first.
 * (The partial unique index would refuse it anyway, with a less helpful message.)
 */
export async function bothHaveOpenAlerts(tx: Tx, a: string, b: string): Promise<boolean> {
  const rows = await tx
    .select({ personId: protectionAlerts.personId })
    .from(protectionAlerts)
    .where(and(inArray(protectionAlerts.personId, [a, b]), ne(protectionAlerts.status, 'closed')));
  return new Set(rows.map((row) => row.personId)).size === 2;
}

/**
 * Moves the protection rows of `from` to `to` (all of them on a merge; the listed ones on an undo): signals,
 * alerts with their contacts and services, survey checks in rounds `to` is not in, and the vulnerability
 * profile when `to` has none. Sealed notes are opened with `from`'s key and sealed again with `to`'s.
 */
export async function moveProtectionRows(
  vault: Vault,
  tx: Tx,
  options: { from: string; to: string; only?: Partial<Record<MergeMovedKind, string[]>> },
): Promise<Moved> {
  const { from, to, only } = options;
  const reseal = async (field: string, sealed: string | null): Promise<string | null> => {
    if (sealed === null) return null;
    const plain = await vault.decrypt(tx, { type: 'person', id: from }, field, sealed);
    return plain === null ? null : vault.encrypt(tx, { type: 'person', id: to }, field, plain);
  };
  const pick = <T extends { id: string }>(rows: T[], kind: ProtectionKind) =>
    only ? rows.filter((row) => only[kind]?.includes(row.id)) : rows;

  const signals = pick(
    await tx
      .select({ id: protectionSignals.id, noteSealed: protectionSignals.noteSealed })
      .from(protectionSignals)
      .where(eq(protectionSignals.personId, from)),
    'protectionSignals',
  );
  for (const row of signals) {
    await tx
      .update(protectionSignals)
      .set({ personId: to, noteSealed: await reseal(signalNoteField(row.id), row.noteSealed) })
      .where(eq(protectionSignals.id, row.id));
  }

  const alerts = pick(
    await tx
      .select({ id: protectionAlerts.id, closingNoteSealed: protectionAlerts.closingNoteSealed })
      .from(protectionAlerts)
      .where(eq(protectionAlerts.personId, from)),
    'protectionAlerts',
  );
  for (const row of alerts) {
    await tx
      .update(protectionAlerts)
      .set({ personId: to, closingNoteSealed: await reseal(closingNoteField(row.id), row.closingNoteSealed) })
      .where(eq(protectionAlerts.id, row.id));
    for (const contact of await tx
      .select({ id: protectionContacts.id, findingsSealed: protectionContacts.findingsSealed })
      .from(protectionContacts)
      .where(eq(protectionContacts.alertId, row.id))) {
      await tx
        .update(protectionContacts)
        .set({
          personId: to,
          findingsSealed: await reseal(contactFindingsField(contact.id), contact.findingsSealed),
        })
        .where(eq(protectionContacts.id, contact.id));
    }
    await tx.update(protectionServices).set({ personId: to }).where(eq(protectionServices.alertId, row.id));
  }

  const roundsOfTarget = tx
    .select({ roundId: surveyChecks.roundId })
    .from(surveyChecks)
    .where(eq(surveyChecks.personId, to));
  const checks = pick(
    await tx
      .select({ id: surveyChecks.id, noteSealed: surveyChecks.noteSealed })
      .from(surveyChecks)
      .where(
        and(
          eq(surveyChecks.personId, from),
          only ? undefined : notInArray(surveyChecks.roundId, roundsOfTarget),
        ),
      ),
    'surveyChecks',
  );
  for (const row of checks) {
    await tx
      .update(surveyChecks)
      .set({ personId: to, noteSealed: await reseal(checkNoteField(row.id), row.noteSealed) })
      .where(eq(surveyChecks.id, row.id));
  }

  // A profile has no id of its own: the merged record's id marks that its profile moved.
  let profileMoved: string[] = [];
  const profileWanted = only ? (only.protectionProfiles?.length ?? 0) > 0 : true;
  if (profileWanted) {
    const moved = await tx
      .update(protectionProfiles)
      .set({ personId: to })
      .where(
        and(
          eq(protectionProfiles.personId, from),
          sql`not exists (select 1 from protection_profiles other where other.person_id = ${to})`,
        ),
      )
      .returning({ personId: protectionProfiles.personId });
    profileMoved = moved.length > 0 ? [only ? to : from] : [];
  }

  await tx.delete(riskScores).where(inArray(riskScores.personId, [from, to]));

  return {
    protectionSignals: signals.map((row) => row.id),
    protectionAlerts: alerts.map((row) => row.id),
    surveyChecks: checks.map((row) => row.id),
    protectionProfiles: profileMoved,
  };
}

/** Whether the moved protection rows are all still with `personId` (an undo is refused otherwise). */
export async function protectionRowsStillWith(tx: Tx, personId: string, moved: Moved): Promise<boolean> {
  const n = sql<number>`count(*)::int`;
  const all = async (
    ids: string[] | undefined,
    table: typeof protectionSignals | typeof protectionAlerts | typeof surveyChecks,
  ) => {
    if (!ids || ids.length === 0) return true;
    const [row] = await tx
      .select({ n })
      .from(table)
      .where(and(inArray(table.id, ids), eq(table.personId, personId)));
    return row?.n === ids.length;
  };
  return (
    (await all(moved.protectionSignals, protectionSignals)) &&
    (await all(moved.protectionAlerts, protectionAlerts)) &&
    (await all(moved.surveyChecks, surveyChecks))
  );
}
