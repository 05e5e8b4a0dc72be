import { z } from 'zod';
import { DuplicateCandidate } from './schemas';

export const ImportUpload = z.object({
  fileName: z
    .string()
    .trim()
    .regex(/\.(csv|xlsx)$/i, 'file.type'),
  /** The file's bytes, base64. Cohorts are a few hundred rows; the route accepts up to 8 MiB. */
  contentBase64: z.string().min(1),
});

export const ImportRow = z.object({
  row: z.number().int(),
  status: z.enum(['ok', 'invalid', 'duplicate']),
  maskedName: z.string().nullable(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })),
  duplicates: z.array(DuplicateCandidate),
  /** Another row of the same file with the same registration number or name and birth date. */
  sameAsRow: z.number().int().nullable(),
});

export const ImportPreview = z.object({
  id: z.uuid(),
  status: z.enum(['previewed', 'importing', 'imported', 'cancelled']),
  total: z.number().int(),
  valid: z.number().int(),
  invalid: z.number().int(),
  duplicates: z.number().int(),
  ignoredColumns: z.array(z.string()),
  rows: z.array(ImportRow),
});
export type ImportPreview = z.infer<typeof ImportPreview>;

export const ImportCommit = z.object({ mode: z.enum(['all', 'valid']) });
export const ImportProgress = z.object({
  id: z.uuid(),
  status: z.enum(['previewed', 'importing', 'imported', 'cancelled']),
  processed: z.number().int(),
  total: z.number().int(),
  imported: z.number().int(),
});

/** What a commit imported: the new records' ids (for links) and pseudonymous IDs, in file order. */
export const ImportResult = z.object({
  imported: z.number().int(),
  codes: z.array(z.string()),
  persons: z.array(z.object({ id: z.uuid(), code: z.string() })),
});
