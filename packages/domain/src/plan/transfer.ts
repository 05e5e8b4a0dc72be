import { z } from 'zod';

/**
 * Moving a plan in and out as files: tasks imported from one XLSX sheet (preview, then commit, the file sent
 * again rather than kept on the server), and the plan, its consultation record and a quarterly status report
 * exported as XLSX or PDF.
 */
export const PlanImportUpload = z.object({
  fileName: z
    .string()
    .trim()
    .regex(/\.xlsx$/i, 'file.type'),
  /** The file's bytes, base64. A plan is a few dozen tasks; the route accepts up to 4 MiB. */
  contentBase64: z.string().min(1),
});
export type PlanImportUpload = z.infer<typeof PlanImportUpload>;

export const PlanImportCommitInput = PlanImportUpload.extend({
  /** The plan's version the preview was made at. */
  version: z.number().int(),
  /** Import the valid rows and skip the others; without it, one invalid row refuses the whole file. */
  onlyValid: z.boolean().default(false),
});
export type PlanImportCommitInput = z.infer<typeof PlanImportCommitInput>;

const Localized = z.object({ ko: z.string(), en: z.string() });

export const PlanImportRow = z.object({
  /** The row's number in the sheet, as Excel shows it. */
  row: z.number().int(),
  code: z.string(),
  title: z.string(),
  /** `create`: a new task; `replace`: the plan's task with this code is replaced; `invalid`: skipped. */
  action: z.enum(['create', 'replace', 'invalid']),
  errors: z.array(z.object({ column: z.string(), message: Localized })),
});
export type PlanImportRow = z.infer<typeof PlanImportRow>;

export const PlanImportPreview = z.object({
  planId: z.uuid(),
  version: z.number().int(),
  total: z.number().int(),
  creates: z.number().int(),
  replaces: z.number().int(),
  invalid: z.number().int(),
  rows: z.array(PlanImportRow),
});
export type PlanImportPreview = z.infer<typeof PlanImportPreview>;

export const PlanImportResult = z.object({
  created: z.number().int(),
  replaced: z.number().int(),
  skipped: z.number().int(),
  version: z.number().int(),
});
export type PlanImportResult = z.infer<typeof PlanImportResult>;

/** The quarter a status report covers. */
export const StatusReportQuery = z.object({ quarter: z.coerce.number().int().min(1).max(4) });
