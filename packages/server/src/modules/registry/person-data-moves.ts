import type { MergeMovedKind } from '@ieum/domain';
import { and, eq, inArray, isNull, notInArray, or, sql } from 'drizzle-orm';
import type { Vault } from '../../platform/crypto/vault';
import type { Tx } from '../../platform/db/client';
import { appointments } from '../appointments/schema';
import { assessments, caseEvents, caseNotes, cases, caseTransfers, goals } from '../cases/schema';
import { JOBS_TABLES_WITH_A_PERSON, jobsRowsStillWith, moveJobsRows } from '../jobs/jobs-moves';
import {
  moveProtectionRows,
  PROTECTION_TABLES_WITH_A_PERSON,
  protectionRowsStillWith,
} from '../protection/protection-moves';
import { consents, referralEvents, referrals } from '../referrals/schema';
import { tasks } from '../timeline/schema';
import { personSearchTokens } from './schema';

/**
 * Moving a person's rows to another person record, and back. The rows are re-pointed by id; text sealed with
 * the person's data key (notes, goals, reasons, messages) is opened with the old person's key and sealed again
 * with the new one under the same field name, since every ciphertext is bound to its data subject.
 *
 * Every table that points at a person, or at a case or referral of a person, and every sealed column on them
 * must be listed here; `person-data-moves.test.ts` fails when a table with a `person_id` is not.
 */
export type MovedRows = Partial<Record<MergeMovedKind, string[]>>;

/** The tables this file moves or reseals, by SQL name: the completeness test compares them with the schema. */
export const TABLES_MOVED_WITH_A_PERSON = [
  'cases',
  'case_events',
  'case_notes',
  'assessments',
  'goals',
  'case_transfers',
  'tasks',
  'consents',
  'referrals',
  'referral_events',
  'appointments',
  'person_search_tokens',
  ...PROTECTION_TABLES_WITH_A_PERSON,
  ...JOBS_TABLES_WITH_A_PERSON,
] as const;

/** Tables with a `person_id` that deliberately stay with their record (see the comment of each). */
export const TABLES_KEPT_WITH_THEIR_RECORD = [
  // Officers are assigned to the surviving record by the offices; the merged record keeps its history.
  'person_officers',
  // Unmasking is per session and per record; it ends with the session anyway.
  'session_unmasks',
  // The merges themselves.
  'person_merges',
] as const;

interface Move {
  readonly vault: Vault;
  readonly tx: Tx;
  readonly from: string;
  readonly to: string;
}

async function reseal(move: Move, field: string, sealed: string | null): Promise<string | null> {
  if (sealed === null) return null;
  const from = { type: 'person' as const, id: move.from };
  const plain = await move.vault.decrypt(move.tx, from, field, sealed);
  // A destroyed key (erasure) leaves nothing to carry over.
  if (plain === null) return null;
  return move.vault.encrypt(move.tx, { type: 'person', id: move.to }, field, plain);
}

/** The open cases of both records at the same center: one person cannot have two, so such a merge must wait. */
export async function conflictingOpenCases(tx: Tx, survivorId: string, mergedId: string): Promise<number> {
  const open = sql`${cases.status} not in ('closed', 'transferred')`;
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(cases)
    .where(
      and(
        eq(cases.personId, mergedId),
        open,
        sql`exists (select 1 from ${cases} as other where other.person_id = ${survivorId}
          and other.hana_center_id = ${cases.hanaCenterId} and other.status not in ('closed', 'transferred'))`,
      ),
    );
  return row?.n ?? 0;
}

/** Re-seals everything hanging off the given cases (their events, notes, assessments, goals). */
async function resealCaseContent(move: Move, caseIds: string[]): Promise<void> {
  if (caseIds.length === 0) return;
  for (const row of await move.tx.select().from(caseEvents).where(inArray(caseEvents.caseId, caseIds))) {
    if (row.reasonSealed === null) continue;
    await move.tx
      .update(caseEvents)
      .set({ reasonSealed: await reseal(move, 'case_event_reason', row.reasonSealed) })
      .where(eq(caseEvents.id, row.id));
  }
  for (const row of await move.tx.select().from(caseNotes).where(inArray(caseNotes.caseId, caseIds))) {
    const bodySealed = await reseal(move, `case_note:${row.id}`, row.bodySealed);
    if (bodySealed !== null)
      await move.tx.update(caseNotes).set({ bodySealed }).where(eq(caseNotes.id, row.id));
  }
  for (const row of await move.tx.select().from(assessments).where(inArray(assessments.caseId, caseIds))) {
    if (row.summarySealed === null) continue;
    await move.tx
      .update(assessments)
      .set({ summarySealed: await reseal(move, `assessment:${row.id}`, row.summarySealed) })
      .where(eq(assessments.id, row.id));
  }
  for (const row of await move.tx.select().from(goals).where(inArray(goals.caseId, caseIds))) {
    const goalSealed = await reseal(move, `goal:${row.id}`, row.goalSealed);
    if (goalSealed !== null) await move.tx.update(goals).set({ goalSealed }).where(eq(goals.id, row.id));
  }
}

/**
 * Moves the given rows (or, with `ids` undefined, all of the `from` record's movable rows) to `to`. Statutory
 * tasks the target already has for the same deadline stay behind: the target's own dates drive its timeline.
 */
export async function movePersonRows(
  vault: Vault,
  tx: Tx,
  options: { from: string; to: string; only?: MovedRows },
): Promise<MovedRows> {
  const move: Move = { vault, tx, from: options.from, to: options.to };
  const pick = <T extends { id: string }>(rows: T[], kind: MergeMovedKind) =>
    options.only ? rows.filter((row) => options.only?.[kind]?.includes(row.id)) : rows;
  const moved: MovedRows = {};

  const caseRows = pick(await tx.select().from(cases).where(eq(cases.personId, move.from)), 'cases');
  const caseIds = caseRows.map((row) => row.id);
  if (caseIds.length > 0) {
    await tx.update(cases).set({ personId: move.to }).where(inArray(cases.id, caseIds));
    await resealCaseContent(move, caseIds);
  }
  moved.cases = caseIds;

  const transferRows = pick(
    await tx.select().from(caseTransfers).where(eq(caseTransfers.personId, move.from)),
    'caseTransfers',
  );
  for (const row of transferRows) {
    await tx
      .update(caseTransfers)
      .set({
        personId: move.to,
        reasonSealed: (await reseal(move, `transfer:${row.id}`, row.reasonSealed)) ?? row.reasonSealed,
        decisionReasonSealed: await reseal(move, `transfer_decision:${row.id}`, row.decisionReasonSealed),
      })
      .where(eq(caseTransfers.id, row.id));
  }
  moved.caseTransfers = transferRows.map((row) => row.id);

  const targetKeys = tx
    .select({ key: tasks.statutoryKey })
    .from(tasks)
    .where(and(eq(tasks.personId, move.to), sql`${tasks.statutoryKey} is not null`));
  const taskRows = pick(
    await tx
      .select({ id: tasks.id })
      .from(tasks)
      .where(
        and(
          eq(tasks.personId, move.from),
          options.only
            ? undefined
            : or(isNull(tasks.statutoryKey), notInArray(tasks.statutoryKey, targetKeys)),
        ),
      ),
    'tasks',
  );
  if (taskRows.length > 0)
    await tx
      .update(tasks)
      .set({ personId: move.to })
      .where(
        inArray(
          tasks.id,
          taskRows.map((row) => row.id),
        ),
      );
  moved.tasks = taskRows.map((row) => row.id);

  const consentRows = pick(
    await tx.select({ id: consents.id }).from(consents).where(eq(consents.personId, move.from)),
    'consents',
  );
  if (consentRows.length > 0)
    await tx
      .update(consents)
      .set({ personId: move.to })
      .where(
        inArray(
          consents.id,
          consentRows.map((row) => row.id),
        ),
      );
  moved.consents = consentRows.map((row) => row.id);

  const referralRows = pick(
    await tx.select().from(referrals).where(eq(referrals.personId, move.from)),
    'referrals',
  );
  for (const row of referralRows) {
    await tx
      .update(referrals)
      .set({
        personId: move.to,
        messageSealed:
          (await reseal(move, `referral_message:${row.id}`, row.messageSealed)) ?? row.messageSealed,
      })
      .where(eq(referrals.id, row.id));
    for (const event of await tx.select().from(referralEvents).where(eq(referralEvents.referralId, row.id))) {
      if (event.noteSealed === null) continue;
      await tx
        .update(referralEvents)
        .set({ noteSealed: await reseal(move, `referral_event:${event.id}`, event.noteSealed) })
        .where(eq(referralEvents.id, event.id));
    }
  }
  moved.referrals = referralRows.map((row) => row.id);

  const appointmentRows = pick(
    await tx.select().from(appointments).where(eq(appointments.personId, move.from)),
    'appointments',
  );
  for (const row of appointmentRows) {
    await tx
      .update(appointments)
      .set({
        personId: move.to,
        locationSealed: await reseal(move, `appointment_location:${row.id}`, row.locationSealed),
        noteSealed: await reseal(move, `appointment_note:${row.id}`, row.noteSealed),
      })
      .where(eq(appointments.id, row.id));
  }
  moved.appointments = appointmentRows.map((row) => row.id);
  return {
    ...moved,
    ...(await moveProtectionRows(vault, tx, options)),
    ...(await moveJobsRows(tx, options)),
  };
}

/**
 * Gives `to` the search tokens of `from` that it lacks (so the survivor is found by the merged record's names
 * too) and answers which ones were added, for the undo.
 */
export async function copySearchTokens(tx: Tx, from: string, to: string): Promise<string[]> {
  const added = await tx
    .insert(personSearchTokens)
    .select(
      tx
        .select({ token: personSearchTokens.token, personId: sql<string>`${to}::uuid`.as('person_id') })
        .from(personSearchTokens)
        .where(eq(personSearchTokens.personId, from)),
    )
    .onConflictDoNothing()
    .returning({ token: personSearchTokens.token });
  return added.map((row) => row.token);
}

export async function removeSearchTokens(tx: Tx, personId: string, tokens: readonly string[]): Promise<void> {
  if (tokens.length === 0) return;
  await tx
    .delete(personSearchTokens)
    .where(and(eq(personSearchTokens.personId, personId), inArray(personSearchTokens.token, [...tokens])));
}

/** Whether every moved row still belongs to the survivor (nothing was moved on or deleted since). */
export async function stillWith(tx: Tx, personId: string, moved: MovedRows): Promise<boolean> {
  const count = async (
    ids: string[] | undefined,
    query: (ids: string[]) => Promise<{ n: number }[]>,
  ): Promise<boolean> => !ids || ids.length === 0 || (await query(ids))[0]?.n === ids.length;
  const n = sql<number>`count(*)::int`;
  return (
    (await count(moved.cases, (ids) =>
      tx
        .select({ n })
        .from(cases)
        .where(and(inArray(cases.id, ids), eq(cases.personId, personId))),
    )) &&
    (await count(moved.caseTransfers, (ids) =>
      tx
        .select({ n })
        .from(caseTransfers)
        .where(and(inArray(caseTransfers.id, ids), eq(caseTransfers.personId, personId))),
    )) &&
    (await count(moved.tasks, (ids) =>
      tx
        .select({ n })
        .from(tasks)
        .where(and(inArray(tasks.id, ids), eq(tasks.personId, personId))),
    )) &&
    (await count(moved.consents, (ids) =>
      tx
        .select({ n })
        .from(consents)
        .where(and(inArray(consents.id, ids), eq(consents.personId, personId))),
    )) &&
    (await count(moved.referrals, (ids) =>
      tx
        .select({ n })
        .from(referrals)
        .where(and(inArray(referrals.id, ids), eq(referrals.personId, personId))),
    )) &&
    (await count(moved.appointments, (ids) =>
      tx
        .select({ n })
        .from(appointments)
        .where(and(inArray(appointments.id, ids), eq(appointments.personId, personId))),
    )) &&
    (await protectionRowsStillWith(tx, personId, moved)) &&
    (await jobsRowsStillWith(tx, personId, moved))
  );
}
