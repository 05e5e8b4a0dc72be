import {
  type ImportPreview,
  maskName,
  normalizeName,
  PersonIntake,
  type PersonIntake as PersonIntakeType,
} from '@ieum/domain';
import { and, eq } from 'drizzle-orm';
import { appendAudit } from '../../../platform/audit/audit-log';
import type { Actor } from '../../../platform/context';
import { newId } from '../../../platform/db/ids';
import type { Deps } from '../../../platform/deps';
import { AppError, type FieldError } from '../../../platform/errors';
import { type Locale, localizeZodIssues } from '../../../platform/http/validation-messages';
import { checkDuplicates, publicCandidate } from '../check-duplicates';
import { insertPerson, newPersonCode, resolveIdentity } from '../register-person';
import { importBatches } from '../schema';
import { CohortFileError, parseCohortFile } from './parse-cohort';

/**
 * Cohort import in two steps. Preview parses the file, validates every row in the user's language, checks
 * each against the registry and the rest of the file for duplicates, and keeps the rows sealed under a key
 * of the batch. Commit imports all rows (only when every row is clean) or just the clean ones, in one
 * transaction, then destroys the batch's key.
 */
interface StoredRow {
  readonly row: number;
  readonly input: PersonIntakeType | null;
  readonly status: 'ok' | 'invalid' | 'duplicate';
}

const FILE_ERRORS: Record<CohortFileError['reason'], { ko: string; en: string }> = {
  format: {
    ko: '파일을 읽을 수 없습니다. CSV 또는 XLSX 파일인지 확인해 주십시오.',
    en: 'The file cannot be read. Is it CSV or XLSX?',
  },
  empty: { ko: '파일에 자료가 없습니다.', en: 'The file has no rows.' },
  no_name_column: {
    ko: "'성명' 열이 없습니다. 첫 행에 열 이름을 적어 주십시오.",
    en: "No 'name' (성명) column. Put column names in the first row.",
  },
  too_many_rows: {
    ko: '한 번에 5,000행까지 가져올 수 있습니다.',
    en: 'Up to 5,000 rows can be imported at once.',
  },
};

/** Progress of running commits, for the progress bar (this process only). */
const progress = new Map<string, { processed: number; total: number }>();

export async function previewImport(
  deps: Deps,
  options: { actor: Actor; hanaCenterId: string; fileName: string; content: Buffer; locale: Locale },
): Promise<ImportPreview> {
  const { actor } = options;
  let parsed: Awaited<ReturnType<typeof parseCohortFile>>;
  try {
    parsed = await parseCohortFile(options.fileName, options.content);
  } catch (error) {
    if (error instanceof CohortFileError)
      throw new AppError('request.invalid', { detail: FILE_ERRORS[error.reason] });
    throw error;
  }
  const seen = new Map<string, number>();
  const rows: ImportPreview['rows'] = [];
  const stored: StoredRow[] = [];
  for (const [index, raw] of parsed.rows.entries()) {
    const row = index + 2; // the spreadsheet's row number: 1 is the header
    const result = PersonIntake.safeParse(raw);
    const errors: FieldError[] = result.success
      ? []
      : localizeZodIssues(result.error.issues, options.locale, raw);
    let input: PersonIntakeType | null = null;
    let duplicates: ImportPreview['rows'][number]['duplicates'] = [];
    let sameAsRow: number | null = null;
    if (result.success) {
      input = { ...result.data, hanaCenterId: options.hanaCenterId };
      const identity = resolveIdentity(input);
      errors.push(...identity.errors);
      if (errors.length === 0) {
        const keys = [
          identity.rrnDigits ? `rrn:${identity.rrnDigits}` : null,
          identity.birthDate ? `nb:${normalizeName(input.name)}:${identity.birthDate}` : null,
        ].filter((key): key is string => key !== null);
        sameAsRow = keys.map((key) => seen.get(key)).find((value) => value !== undefined) ?? null;
        for (const key of keys) if (!seen.has(key)) seen.set(key, row);
        const candidates = await checkDuplicates(deps, deps.db, {
          actor,
          identity: {
            name: input.name,
            otherNames: input.otherNames,
            rrn: input.rrn,
            birthDate: identity.birthDate ?? undefined,
            sex: identity.sex ?? undefined,
          },
        });
        duplicates = candidates.map(publicCandidate);
      }
    }
    const status =
      errors.length > 0 ? 'invalid' : duplicates.length > 0 || sameAsRow !== null ? 'duplicate' : 'ok';
    const name = typeof raw.name === 'string' ? raw.name : null;
    rows.push({
      row,
      status,
      maskedName: name ? maskName(name) : null,
      errors: errors.map((e) => ({
        path: e.path,
        message: typeof e.message === 'string' ? e.message : e.message[options.locale],
      })),
      duplicates,
      sameAsRow,
    });
    stored.push({ row, input: status === 'invalid' ? null : input, status });
  }
  const id = newId();
  const valid = rows.filter((r) => r.status === 'ok').length;
  await deps.db.transaction(async (tx) => {
    const rowsSealed = await deps.vault.encrypt(tx, { type: 'import', id }, 'rows', JSON.stringify(stored));
    await tx.insert(importBatches).values({
      id,
      createdBy: actor.userId,
      hanaCenterId: options.hanaCenterId,
      status: 'previewed',
      rowsSealed,
      total: rows.length,
      valid,
      createdAt: deps.now(),
    });
    await appendAudit(tx, {
      action: 'create',
      entityType: 'import_batch',
      entityId: id,
      detail: { rows: rows.length, valid },
    });
  });
  return {
    id,
    status: 'previewed',
    total: rows.length,
    valid,
    invalid: rows.filter((r) => r.status === 'invalid').length,
    duplicates: rows.filter((r) => r.status === 'duplicate').length,
    ignoredColumns: parsed.ignoredColumns,
    rows,
  };
}

async function findBatch(deps: Deps, actor: Actor, id: string) {
  const [batch] = await deps.db
    .select()
    .from(importBatches)
    .where(and(eq(importBatches.id, id), eq(importBatches.createdBy, actor.userId)));
  return batch ?? null;
}

export async function commitImport(
  deps: Deps,
  options: { actor: Actor; batchId: string; mode: 'all' | 'valid' },
): Promise<{ imported: number; codes: string[]; persons: { id: string; code: string }[] }> {
  const { actor } = options;
  const batch = await findBatch(deps, actor, options.batchId);
  if (!batch) throw new AppError('resource.not_found');
  if (batch.status !== 'previewed' || !batch.rowsSealed) {
    throw new AppError('rule.violation', {
      detail: { ko: '이미 처리된 가져오기입니다.', en: 'This import has already been handled.' },
    });
  }
  const sealed = await deps.vault.decrypt(
    deps.db,
    { type: 'import', id: batch.id },
    'rows',
    batch.rowsSealed,
  );
  const stored = JSON.parse(sealed ?? '[]') as StoredRow[];
  const problems = stored.filter((row) => row.status !== 'ok');
  if (options.mode === 'all' && problems.length > 0) {
    throw new AppError('rule.violation', {
      detail: {
        ko: `오류 또는 중복 의심 행이 ${problems.length}개 있어 전체를 가져올 수 없습니다. 정상 행만 가져오거나 파일을 고쳐 주십시오.`,
        en: `${problems.length} rows have errors or possible duplicates; import only the valid rows or fix the file.`,
      },
    });
  }
  const toImport = stored.filter(
    (row): row is StoredRow & { input: PersonIntakeType } => row.status === 'ok' && row.input !== null,
  );
  const claimed = await deps.db
    .update(importBatches)
    .set({ status: 'importing' })
    .where(and(eq(importBatches.id, batch.id), eq(importBatches.status, 'previewed')))
    .returning({ id: importBatches.id });
  if (claimed.length === 0) throw new AppError('conflict.stale');
  progress.set(batch.id, { processed: 0, total: toImport.length });
  const persons: { id: string; code: string }[] = [];
  try {
    await deps.db.transaction(async (tx) => {
      for (const [index, row] of toImport.entries()) {
        const identity = resolveIdentity(row.input);
        const code = newPersonCode();
        const id = newId();
        await insertPerson(deps, tx, {
          id,
          code,
          actor,
          input: row.input,
          hanaCenterId: batch.hanaCenterId,
          birthDate: identity.birthDate,
          sex: identity.sex,
          rrnDigits: identity.rrnDigits,
        });
        persons.push({ id, code });
        progress.set(batch.id, { processed: index + 1, total: toImport.length });
      }
      await tx
        .update(importBatches)
        .set({ status: 'imported', imported: toImport.length, rowsSealed: null, finishedAt: deps.now() })
        .where(eq(importBatches.id, batch.id));
      await deps.vault.shred(tx, { type: 'import', id: batch.id });
      await appendAudit(tx, {
        action: 'create',
        entityType: 'import_batch',
        entityId: batch.id,
        detail: { committed: toImport.length, mode: options.mode, skipped: stored.length - toImport.length },
      });
    });
  } catch (error) {
    // Nothing was written: the batch can be committed again (or cancelled).
    await deps.db.update(importBatches).set({ status: 'previewed' }).where(eq(importBatches.id, batch.id));
    throw error;
  } finally {
    progress.delete(batch.id);
  }
  return { imported: toImport.length, codes: persons.map((person) => person.code), persons };
}

export async function importProgress(deps: Deps, options: { actor: Actor; batchId: string }) {
  const batch = await findBatch(deps, options.actor, options.batchId);
  if (!batch) throw new AppError('resource.not_found');
  const running = progress.get(batch.id);
  return {
    id: batch.id,
    status: batch.status as 'previewed' | 'importing' | 'imported' | 'cancelled',
    processed: running?.processed ?? (batch.status === 'imported' ? batch.imported : 0),
    total: running?.total ?? batch.valid,
    imported: batch.imported,
  };
}

export async function cancelImport(deps: Deps, options: { actor: Actor; batchId: string }): Promise<void> {
  const batch = await findBatch(deps, options.actor, options.batchId);
  if (!batch) throw new AppError('resource.not_found');
  await deps.db.transaction(async (tx) => {
    const cancelled = await tx
      .update(importBatches)
      .set({ status: 'cancelled', rowsSealed: null, finishedAt: deps.now() })
      .where(and(eq(importBatches.id, batch.id), eq(importBatches.status, 'previewed')))
      .returning({ id: importBatches.id });
    if (cancelled.length === 0) throw new AppError('conflict.stale');
    await deps.vault.shred(tx, { type: 'import', id: batch.id });
    await appendAudit(tx, { action: 'delete', entityType: 'import_batch', entityId: batch.id });
  });
}
