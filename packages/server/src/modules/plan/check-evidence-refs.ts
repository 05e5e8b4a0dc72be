import type { EvidenceFileRef } from '@ieum/domain';
import { and, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client';
import { AppError } from '../../platform/errors';
import { planEvidenceFiles, plans } from './schema';

/**
 * Refuses a report whose evidence is not the task's own uploaded files, exactly as stored: each file must have
 * been uploaded for this task key in a revision of this plan's year (a report filed on revision 1 and corrected
 * on revision 2 keeps its files), once per report, with the stored name, type and size.
 */
export async function assertEvidenceOfTask(
  q: Queryable,
  options: {
    plan: { masterPlanId: string; year: number };
    taskKey: string;
    evidence: readonly EvidenceFileRef[];
  },
): Promise<void> {
  const { evidence } = options;
  if (evidence.length === 0) return;
  const ids = evidence.map((ref) => ref.fileId);
  const stored = await q
    .select({
      id: planEvidenceFiles.id,
      fileName: planEvidenceFiles.fileName,
      contentType: planEvidenceFiles.contentType,
      sizeBytes: planEvidenceFiles.sizeBytes,
    })
    .from(planEvidenceFiles)
    .innerJoin(plans, eq(plans.id, planEvidenceFiles.planId))
    .where(
      and(
        inArray(planEvidenceFiles.id, ids),
        eq(planEvidenceFiles.taskKey, options.taskKey),
        eq(plans.masterPlanId, options.plan.masterPlanId),
        eq(plans.year, options.plan.year),
      ),
    );
  const byId = new Map(stored.map((file) => [file.id, file]));
  const matches = evidence.every((ref) => {
    const file = byId.get(ref.fileId);
    return (
      file !== undefined &&
      file.fileName === ref.name &&
      file.contentType === ref.contentType &&
      file.sizeBytes === ref.sizeBytes
    );
  });
  if (!matches || new Set(ids).size !== ids.length) {
    throw new AppError('request.invalid', {
      fieldErrors: [
        {
          path: 'evidence',
          message: {
            ko: '이 과제에 올린 증빙자료만 한 번씩 첨부할 수 있습니다. 파일을 다시 올려 주십시오.',
            en: 'Attach only files uploaded for this task, each once. Please upload the file again.',
          },
        },
      ],
    });
  }
}
