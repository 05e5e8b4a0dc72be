import { eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/audit-log';
import type { Deps } from '../../platform/deps';
import { notFound } from '../../platform/errors';
import { planEvidenceFiles } from './schema';

/**
 * An evidence file's bytes, for anyone who may read the plan (its reports cite it). The download is audited
 * as an export, as the plan's documents are: who took which file, by id, type, size and digest.
 */
export async function downloadEvidence(
  deps: Deps,
  options: { fileId: string },
): Promise<{ fileName: string; contentType: string; body: Buffer }> {
  const [file] = await deps.db
    .select()
    .from(planEvidenceFiles)
    .where(eq(planEvidenceFiles.id, options.fileId));
  if (!file) throw notFound();
  await recordAudit(deps.db, {
    action: 'export',
    entityType: 'plan_evidence_file',
    entityId: file.id,
    detail: {
      planId: file.planId,
      taskKey: file.taskKey,
      contentType: file.contentType,
      sizeBytes: file.sizeBytes,
      sha256: file.sha256,
    },
  });
  return { fileName: file.fileName, contentType: file.contentType, body: file.content };
}
