import { type SignalImportView, SignalType } from '@ieum/domain';
import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { personScopes } from '../../platform/access/scope';
import { appendAudit } from '../../platform/audit/audit-log';
import type { Actor } from '../../platform/context';
import { newId } from '../../platform/db/ids';
import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { checkSignalItems, type SignalCheck } from './check-signal-items';
import { parseSignalFile, SignalFileError } from './parse-signals';
import { rescorePersons } from './rescore-person';
import { protectionSignals, signalImports } from './schema';
import { storeSignals } from './store-signals';

/**
 * A signal file in two steps, like the cohort import. Preview reads the file, checks every row as the agency
 * API checks an item (persons only within the uploader's scope) and answers each row's errors in Korean and
 * English, showing the person's code, never the registration number; the valid rows are kept sealed under a
 * key of the batch. Commit stores them in chunks — each chunk in its own transaction with the batch's
 * counts and the rows still to do, so the page can show progress and a failed commit can be resumed — then
 * destroys the batch's key and re-scores the persons.
 */
interface StoredRow {
  readonly line: number;
  readonly item: Record<string, unknown>;
}

const COMMIT_CHUNK = 200;
const FIELD = 'rows';
const subjectOf = (id: string) => ({ type: 'import' as const, id });

const FILE_ERRORS: Record<SignalFileError['reason'], { ko: string; en: string }> = {
  format: {
    ko: '파일을 읽을 수 없습니다. CSV 또는 XLSX 파일인지 확인해 주십시오.',
    en: 'The file cannot be read. Is it CSV or XLSX?',
  },
  empty: { ko: '파일에 자료가 없습니다.', en: 'The file has no rows.' },
  no_person_column: {
    ko: "'주민등록번호' 또는 '대상자ID' 열이 없습니다. 첫 행에 열 이름을 적어 주십시오.",
    en: "No 'resident registration number' (주민등록번호) or 'person ID' (대상자ID) column. Put column names in the first row.",
  },
  no_type_column: {
    ko: "'신호유형' 열이 없습니다.",
    en: "No 'signal type' (신호유형) column.",
  },
  too_many_rows: {
    ko: '한 번에 5,000행까지 가져올 수 있습니다.',
    en: 'Up to 5,000 rows can be imported at once.',
  },
};

export async function previewSignalImport(
  deps: Deps,
  options: { actor: Actor; fileName: string; content: Buffer },
): Promise<SignalImportView> {
  const { actor } = options;
  let parsed: Awaited<ReturnType<typeof parseSignalFile>>;
  try {
    parsed = await parseSignalFile(options.fileName, options.content);
  } catch (error) {
    if (error instanceof SignalFileError)
      throw new AppError('request.invalid', { detail: FILE_ERRORS[error.reason] });
    throw error;
  }
  const checks = await checkSignalItems(deps, {
    items: parsed.rows.map((row) => row.item),
    search: { kind: 'scoped', scopes: personScopes(actor) },
  });
  const rows = parsed.rows.map((row, index) => previewRow(row, checks[index] as SignalCheck));
  const stored: StoredRow[] = parsed.rows.filter((_, index) => checks[index]?.ok);
  const duplicates = await expectedDuplicates(deps, actor, checks);

  const id = newId();
  await deps.db.transaction(async (tx) => {
    const rowsSealed = await deps.vault.encrypt(tx, subjectOf(id), FIELD, JSON.stringify(stored));
    await tx.insert(signalImports).values({
      id,
      createdBy: actor.userId,
      organizationId: actor.organizationId,
      status: 'previewed',
      rowsSealed,
      total: rows.length,
      valid: stored.length,
      duplicates,
      createdAt: deps.now(),
    });
    await appendAudit(tx, {
      action: 'create',
      entityType: 'signal_import',
      entityId: id,
      detail: { rows: rows.length, valid: stored.length, ignoredColumns: parsed.ignoredColumns.length },
    });
  });
  return { id, status: 'previewed', total: rows.length, valid: stored.length, imported: 0, duplicates, rows };
}

function previewRow(row: StoredRow, check: SignalCheck): NonNullable<SignalImportView['rows']>[number] {
  if (check.ok) {
    return {
      line: row.line,
      status: 'valid',
      personCode: check.person.code,
      type: check.type,
      observedOn: check.observedOn,
      value: check.value,
      errors: [],
    };
  }
  const { type, observedOn, value } = row.item;
  const knownType = SignalType.safeParse(type);
  return {
    line: row.line,
    status: 'invalid',
    personCode: check.person?.code ?? null,
    type: knownType.success ? knownType.data : null,
    observedOn: typeof observedOn === 'string' ? observedOn.slice(0, 20) : null,
    value: typeof value === 'number' ? value : null,
    errors: check.errors,
  };
}

/** Valid rows whose reference this organization already sent, or that repeat one earlier in the file. */
async function expectedDuplicates(deps: Deps, actor: Actor, checks: readonly SignalCheck[]): Promise<number> {
  const references = checks.flatMap((check) => (check.ok && check.reference ? [check.reference] : []));
  if (references.length === 0) return 0;
  const known = await deps.db
    .select({ reference: protectionSignals.reference })
    .from(protectionSignals)
    .where(
      and(
        eq(protectionSignals.sourceOrganizationId, actor.organizationId),
        isNotNull(protectionSignals.reference),
        inArray(protectionSignals.reference, [...new Set(references)]),
      ),
    );
  const seen = new Set(known.map((row) => row.reference));
  let duplicates = 0;
  for (const reference of references) {
    if (seen.has(reference)) duplicates += 1;
    seen.add(reference);
  }
  return duplicates;
}

async function findImport(deps: Deps, actor: Actor, id: string) {
  const [row] = await deps.db
    .select()
    .from(signalImports)
    .where(and(eq(signalImports.id, id), eq(signalImports.createdBy, actor.userId)));
  return row ?? null;
}

function view(row: typeof signalImports.$inferSelect): SignalImportView {
  return {
    id: row.id,
    status: row.status as SignalImportView['status'],
    total: row.total,
    valid: row.valid,
    imported: row.imported,
    duplicates: row.duplicates,
  };
}

/** The batch as it stands (the page polls it while a commit runs): counts only, never the rows. */
export async function readSignalImport(
  deps: Deps,
  options: { actor: Actor; importId: string },
): Promise<SignalImportView> {
  const row = await findImport(deps, options.actor, options.importId);
  if (!row) throw new AppError('resource.not_found');
  return view(row);
}

const handled = () =>
  new AppError('rule.violation', {
    detail: { ko: '이미 처리된 가져오기입니다.', en: 'This import has already been handled.' },
  });

/**
 * Stores the batch's valid rows. Without `onlyValid` every row must have been valid; with it (after the user
 * confirmed) the invalid ones are left out. A row whose person is no longer found is left out too (counted
 * in the access log's entry for the commit).
 */
export async function commitSignalImport(
  deps: Deps,
  options: { actor: Actor; importId: string; onlyValid: boolean },
): Promise<SignalImportView> {
  const { actor } = options;
  const batch = await findImport(deps, actor, options.importId);
  if (!batch) throw new AppError('resource.not_found');
  if (batch.status !== 'previewed' || !batch.rowsSealed) throw handled();
  if (!options.onlyValid && batch.valid < batch.total) {
    const invalid = batch.total - batch.valid;
    throw new AppError('rule.violation', {
      detail: {
        ko: `오류가 있는 행이 ${invalid}개 있어 전체를 가져올 수 없습니다. 정상 행만 가져오거나 파일을 고쳐 주십시오.`,
        en: `${invalid} rows have errors; import only the valid rows or fix the file.`,
      },
    });
  }
  const claimed = await deps.db
    .update(signalImports)
    .set({
      status: 'importing',
      // A first commit counts its own duplicates; a resumed one adds to what the first counted.
      duplicates: sql`case when ${signalImports.imported} = 0 then 0 else ${signalImports.duplicates} end`,
    })
    .where(and(eq(signalImports.id, batch.id), eq(signalImports.status, 'previewed')))
    .returning({ id: signalImports.id });
  if (claimed.length === 0) throw new AppError('conflict.stale');

  const personIds = new Set<string>();
  let rejected = 0;
  try {
    const sealed = await deps.vault.decrypt(deps.db, subjectOf(batch.id), FIELD, batch.rowsSealed);
    const rows = JSON.parse(sealed ?? '[]') as StoredRow[];
    for (let start = 0; start < rows.length; start += COMMIT_CHUNK) {
      const chunk = rows.slice(start, start + COMMIT_CHUNK);
      const remaining = rows.slice(start + COMMIT_CHUNK);
      // Checked again: a person may have been merged or erased since the preview.
      const checks = await checkSignalItems(deps, {
        items: chunk.map((row) => row.item),
        search: { kind: 'scoped', scopes: personScopes(actor) },
      });
      await deps.db.transaction(async (tx) => {
        const stored = await storeSignals(deps, tx, { actor, checks, via: 'import', importId: batch.id });
        await tx
          .update(signalImports)
          .set({
            imported: sql`${signalImports.imported} + ${stored.accepted}`,
            duplicates: sql`${signalImports.duplicates} + ${stored.duplicates}`,
            rowsSealed: await deps.vault.encrypt(tx, subjectOf(batch.id), FIELD, JSON.stringify(remaining)),
          })
          .where(eq(signalImports.id, batch.id));
        for (const id of stored.personIds) personIds.add(id);
        rejected += stored.rejected;
      });
    }
    await deps.db.transaction(async (tx) => {
      await tx
        .update(signalImports)
        .set({ status: 'done', rowsSealed: null, finishedAt: deps.now() })
        .where(eq(signalImports.id, batch.id));
      await deps.vault.shred(tx, subjectOf(batch.id));
      await appendAudit(tx, {
        action: 'create',
        entityType: 'signal_import',
        entityId: batch.id,
        detail: {
          committed: true,
          onlyValid: options.onlyValid,
          rejectedAtCommit: rejected,
          persons: personIds.size,
        },
      });
    });
  } catch (error) {
    // The chunks already stored stay; the rows still to do are sealed in the batch: commit again to resume.
    await deps.db.update(signalImports).set({ status: 'previewed' }).where(eq(signalImports.id, batch.id));
    throw error;
  }
  await rescorePersons(deps, { actor, personIds: [...personIds] });
  return readSignalImport(deps, { actor, importId: batch.id });
}

export async function cancelSignalImport(
  deps: Deps,
  options: { actor: Actor; importId: string },
): Promise<void> {
  const batch = await findImport(deps, options.actor, options.importId);
  if (!batch) throw new AppError('resource.not_found');
  await deps.db.transaction(async (tx) => {
    const cancelled = await tx
      .update(signalImports)
      .set({ status: 'cancelled', rowsSealed: null, finishedAt: deps.now() })
      .where(and(eq(signalImports.id, batch.id), eq(signalImports.status, 'previewed')))
      .returning({ id: signalImports.id });
    if (cancelled.length === 0) throw handled();
    await deps.vault.shred(tx, subjectOf(batch.id));
    await appendAudit(tx, { action: 'delete', entityType: 'signal_import', entityId: batch.id });
  });
}
