import { PersonIntake, parseRrn, permissionsOf, type Role } from '@ieum/domain';
import { and, desc, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { appendAudit } from '../../platform/audit/audit-log';
import { type Actor, runWithContext } from '../../platform/context';
import type { Queryable } from '../../platform/db/client';
import { isUniqueViolation } from '../../platform/db/errors';
import { newId } from '../../platform/db/ids';
import { auditLog, organizations, users } from '../../platform/db/schema';
import type { Deps } from '../../platform/deps';
import { insertPerson, newPersonCode } from './register-person';
import { persons } from './schema';
import { rrnIndex } from './search-tokens';

/** One person to register: an intake as the API takes it, with the Hana Center stated (there is no actor's own). */
export type BulkPerson = z.input<typeof PersonIntake> & { readonly hanaCenterId: string };

export interface BulkProgress {
  /** Input positions handled so far (inserted or skipped), counting those of an earlier run resumed here. */
  readonly done: number;
  readonly total: number;
  /** Where this run started (see BulkResult.resumedFrom). */
  readonly resumedFrom: number;
  readonly inserted: number;
  readonly skipped: number;
  readonly elapsedMs: number;
}

export interface BulkSkip {
  readonly index: number;
  readonly reason: 'rrn_registered' | 'rrn_repeated_in_input';
}

export interface BulkResult {
  /** Aligned with the input: the new record, or null when skipped, stopped before, or done by an earlier run. */
  readonly registered: readonly ({ readonly id: string; readonly code: string } | null)[];
  readonly inserted: number;
  readonly skipped: readonly BulkSkip[];
  /** Where this run started: 0, or where an earlier run of the same import had got to. */
  readonly resumedFrom: number;
  /** True when the signal stopped the run between two batches; the import can be resumed. */
  readonly stopped: boolean;
}

export interface BulkOptions {
  /** The user the records and audit entries are attributed to (the operator running the import). */
  readonly actorUserId: string;
  readonly persons: readonly BulkPerson[];
  /** Persons per transaction; smaller batches keep a shared database (PGlite's one connection) responsive. */
  readonly batchSize?: number;
  /**
   * Names the import in the audit trail. Each batch then records, in its own transaction, how far the
   * import got; a later call with the same id and the same input resumes after the last committed batch.
   */
  readonly importId?: string;
  readonly onProgress?: (progress: BulkProgress) => void;
  /** Checked between batches: a stop never leaves a batch half-written. */
  readonly signal?: AbortSignal;
}

interface Prepared {
  readonly index: number;
  readonly input: PersonIntake;
  readonly hanaCenterId: string;
  readonly birthDate: string | null;
  readonly sex: string | null;
  readonly rrnDigits: string | null;
  readonly rrnIndex: string | null;
}

/**
 * Registers many persons at once — demo populations, benchmarks, a reviewed migration from another system —
 * with exactly what a single intake writes (sealed fields, search tokens, statutory tasks, an audit entry with
 * the data subject), through the same `insertPerson`, one transaction per batch.
 *
 * Unlike `registerPerson` there is NO duplicate check and no permission check: the caller guarantees the input
 * was reviewed (duplicates are wanted in a demo population, and a migration is checked before it runs), and
 * only operator tools call this, never a route. What the database itself forbids is still honoured: a
 * registration number already on record, or repeated in the input, is skipped and reported.
 *
 * Between batches (and between persons) it yields to the event loop, so a server sharing the database keeps
 * answering. At the end it refreshes the registry tables' statistics and visibility map (VACUUM ANALYZE).
 */
export async function bulkRegisterPersons(deps: Deps, options: BulkOptions): Promise<BulkResult> {
  const started = performance.now();
  const total = options.persons.length;
  const batchSize = Math.max(1, options.batchSize ?? 200);
  const actor = await jobActor(deps.db, options.actorUserId, options.importId);
  const skipped: BulkSkip[] = [];
  const prepared = prepare(deps, options.persons, skipped);
  await checkOrganizations(deps.db, prepared);

  let resumedFrom = 0;
  if (options.importId) {
    const progress = await importProgress(deps.db, options.importId);
    if (progress && progress.total !== total)
      throw new Error(
        `import ${options.importId} was started with ${progress.total} persons, not ${total}: resume it with the same input`,
      );
    resumedFrom = progress?.done ?? 0;
  }
  const registered: ({ id: string; code: string } | null)[] = new Array(total).fill(null);
  let inserted = 0;
  let stopped = false;
  const context = { requestId: options.importId ?? `bulk-${newId()}`, ip: null, actor };
  let next = prepared.findIndex((p) => p.index >= resumedFrom);
  if (next < 0) next = prepared.length;
  for (let from = resumedFrom; from < total; from += batchSize) {
    if (options.signal?.aborted) {
      stopped = true;
      break;
    }
    const to = Math.min(total, from + batchSize);
    const batch: Prepared[] = [];
    while (next < prepared.length && (prepared[next] as Prepared).index < to)
      batch.push(prepared[next++] as Prepared);
    const result = await runWithContext(context, () =>
      insertBatch(deps, { actor, batch, importId: options.importId, done: to, total }),
    );
    for (const [index, record] of result.registered) registered[index] = record;
    skipped.push(...result.skipped);
    inserted += result.registered.size;
    options.onProgress?.({
      done: to,
      total,
      resumedFrom,
      inserted,
      skipped: skipped.length,
      elapsedMs: performance.now() - started,
    });
    // Let waiting requests have the database before the next batch takes it.
    await yieldToEventLoop();
  }
  // PGlite runs no autovacuum: without this its planner has no statistics and every index-only scan of the
  // tokens visits the heap (a 3-consonant search took 2-4 times as long at 20,000 persons). On PostgreSQL it
  // does now what autovacuum would do a while later.
  if (!stopped && inserted > 0) await deps.db.execute(sql`vacuum analyze persons, person_search_tokens`);
  return {
    registered,
    inserted,
    skipped: skipped.filter((skip) => skip.index >= resumedFrom).sort((a, b) => a.index - b.index),
    resumedFrom,
    stopped,
  };
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** How far an import got: the last committed batch's record in the audit trail, or null if it never started. */
export async function importProgress(
  q: Queryable,
  importId: string,
): Promise<{ done: number; total: number; at: Date } | null> {
  // Newest first along the primary key; the import's last batch is near the end of the log.
  const [row] = await q
    .select({ detail: auditLog.detail, at: auditLog.occurredAt })
    .from(auditLog)
    .where(and(eq(auditLog.entityType, 'bulk_registration'), eq(auditLog.entityId, importId)))
    .orderBy(desc(auditLog.seq))
    .limit(1);
  if (!row?.detail) return null;
  return { done: Number(row.detail.done), total: Number(row.detail.total), at: row.at };
}

function prepare(deps: Deps, input: readonly BulkPerson[], skipped: BulkSkip[]): Prepared[] {
  const seen = new Set<string>();
  const prepared: Prepared[] = [];
  input.forEach((person, index) => {
    // Errors name the position and the field, never the value: the input is personal data.
    const parsed = PersonIntake.safeParse(person);
    if (!parsed.success)
      throw new Error(
        `person #${index}: invalid ${parsed.error.issues.map((issue) => issue.path.join('.')).join(', ')}`,
      );
    const intake = parsed.data;
    let birthDate = intake.birthDate ?? null;
    let sex: string | null = intake.sex ?? null;
    let rrnDigits: string | null = null;
    if (intake.rrn) {
      const rrn = parseRrn(intake.rrn);
      if (!rrn.ok) throw new Error(`person #${index}: invalid rrn`);
      if ((birthDate && birthDate !== rrn.value.birthDate) || (sex && sex !== rrn.value.sex))
        throw new Error(`person #${index}: birth date or sex differs from the registration number`);
      rrnDigits = rrn.value.digits;
      birthDate = rrn.value.birthDate;
      sex = rrn.value.sex;
    }
    const key = rrnDigits ? rrnIndex(deps.vault, rrnDigits) : null;
    if (key && seen.has(key)) {
      skipped.push({ index, reason: 'rrn_repeated_in_input' });
      return;
    }
    if (key) seen.add(key);
    prepared.push({
      index,
      input: intake,
      hanaCenterId: person.hanaCenterId,
      birthDate,
      sex,
      rrnDigits,
      rrnIndex: key,
    });
  });
  return prepared;
}

async function insertBatch(
  deps: Deps,
  options: {
    actor: Actor;
    batch: readonly Prepared[];
    importId: string | undefined;
    done: number;
    total: number;
  },
): Promise<{ registered: Map<number, { id: string; code: string }>; skipped: BulkSkip[] }> {
  for (let attempt = 0; ; attempt++) {
    const onRecord = await registeredRrnIndexes(
      deps.db,
      options.batch.flatMap((p) => (p.rrnIndex ? [p.rrnIndex] : [])),
    );
    const skipped: BulkSkip[] = [];
    const registered = new Map<number, { id: string; code: string }>();
    const codes = new Set<string>();
    for (const person of options.batch) {
      if (person.rrnIndex && onRecord.has(person.rrnIndex)) {
        skipped.push({ index: person.index, reason: 'rrn_registered' });
        continue;
      }
      let code = newPersonCode();
      while (codes.has(code)) code = newPersonCode();
      codes.add(code);
      registered.set(person.index, { id: newId(), code });
    }
    try {
      await deps.db.transaction(async (tx) => {
        for (const person of options.batch) {
          const record = registered.get(person.index);
          if (!record) continue;
          await insertPerson(deps, tx, {
            ...record,
            actor: options.actor,
            input: person.input,
            hanaCenterId: person.hanaCenterId,
            birthDate: person.birthDate,
            sex: person.sex,
            rrnDigits: person.rrnDigits,
          });
          // PGlite answers synchronously: without this, a whole batch would run as one turn of the event loop
          // and no request (not even for a static file) would be read until it commits.
          await yieldToEventLoop();
        }
        if (options.importId)
          await appendAudit(tx, {
            action: 'create',
            entityType: 'bulk_registration',
            entityId: options.importId,
            detail: {
              done: options.done,
              total: options.total,
              inserted: registered.size,
              skipped: skipped.length,
            },
          });
      });
      return { registered, skipped };
    } catch (error) {
      // A person code already taken (1 in 10^12 per pair) or a number registered meanwhile: the whole batch
      // rolled back; draw new codes and look up the numbers again.
      if (isUniqueViolation(error) && attempt < 3) continue;
      throw error;
    }
  }
}

/** The blind indexes among these that a live record holds (the predicate of persons_rrn_index_key). */
async function registeredRrnIndexes(q: Queryable, indexes: readonly string[]): Promise<Set<string>> {
  if (indexes.length === 0) return new Set();
  const rows = await q
    .select({ rrnIndex: persons.rrnIndex })
    .from(persons)
    .where(
      and(
        inArray(persons.rrnIndex, [...indexes]),
        isNull(persons.mergedIntoId),
        ne(persons.status, 'erased'),
      ),
    );
  return new Set(rows.map((row) => row.rrnIndex as string));
}

/** Every center is a Hana Center, every municipality a local government, checked once for the whole input. */
async function checkOrganizations(q: Queryable, prepared: readonly Prepared[]): Promise<void> {
  const expected = new Map<string, 'hana_center' | 'local_government'>();
  for (const p of prepared) {
    expected.set(p.hanaCenterId, 'hana_center');
    if (p.input.municipalityId) expected.set(p.input.municipalityId, 'local_government');
  }
  if (expected.size === 0) return;
  const rows = await q
    .select({ id: organizations.id, type: organizations.type })
    .from(organizations)
    .where(inArray(organizations.id, [...expected.keys()]));
  const types = new Map(rows.map((row) => [row.id, row.type]));
  for (const [id, type] of expected)
    if (types.get(id) !== type) throw new Error(`organization ${id} is not a ${type.replace('_', ' ')}`);
}

/** The operator as an actor: the audit entries name them, with the import as the request id. */
async function jobActor(q: Queryable, userId: string, importId: string | undefined): Promise<Actor> {
  const [user] = await q
    .select({
      id: users.id,
      username: users.username,
      organizationId: users.organizationId,
      roles: users.roles,
    })
    .from(users)
    .where(eq(users.id, userId));
  if (!user) throw new Error(`no user ${userId}`);
  const roles = user.roles as Role[];
  return {
    userId: user.id,
    username: user.username,
    organizationId: user.organizationId,
    roles,
    permissions: new Set(permissionsOf(roles)),
    sessionId: `job:${importId ?? 'bulk'}`,
  };
}
