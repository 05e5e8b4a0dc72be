import { createHash } from 'node:crypto';
import {
  checkProgressReport,
  EVIDENCE_MAX_BYTES,
  type EvidenceFileRef,
  type EvidenceUploadInput,
  evidenceContentType,
} from '@ieum/domain';
import { and, eq } from 'drizzle-orm';
import { appendAudit } from '../../platform/audit/audit-log';
import type { Actor } from '../../platform/context';
import { newId } from '../../platform/db/ids';
import type { Deps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { assertPlanCheck, planActor } from './plan-rules';
import { planFacts, requirePlan } from './plans.repository';
import { planEvidenceFiles, planTasks } from './schema';

const MAX_MIB = EVIDENCE_MAX_BYTES / (1024 * 1024);

const typeRefused = () =>
  new AppError('request.invalid', {
    fieldErrors: [
      {
        path: 'fileName',
        message: {
          ko: '증빙자료는 PDF, 한글(HWP·HWPX), 워드(DOCX), 엑셀(XLSX), 이미지(PNG·JPG), 텍스트(TXT) 파일만 첨부할 수 있습니다.',
          en: 'Evidence may be a PDF, HWP or HWPX, DOCX, XLSX, PNG or JPG image, or TXT file.',
        },
      },
    ],
  });

const sizeRefused = () =>
  new AppError('payload.too_large', {
    detail: {
      ko: `증빙자료 파일 크기는 ${MAX_MIB}MB 이하여야 합니다.`,
      en: `An evidence file may be at most ${MAX_MIB} MB.`,
    },
  });

/** The name as shown and offered for download: no folders, no control characters. */
function cleanName(fileName: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
  const name = (fileName.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return name.slice(-255);
}

/**
 * Stores an evidence file for a task, to be cited by the task's quarterly reports: the same standing as
 * filing a report (a task reporter of the task's lead organization, the plan in execution — checked as for the
 * plan year's first quarter, which has begun whenever a report can be filed). The type is judged by the
 * extension and the declared type together; the size after decoding. The audit entry names the file by id,
 * type, size and digest, never by its content or name.
 */
export async function uploadEvidence(
  deps: Deps,
  options: { actor: Actor; planId: string; taskKey: string; input: EvidenceUploadInput },
): Promise<EvidenceFileRef> {
  const { actor, input } = options;
  const name = cleanName(input.fileName);
  const contentType = evidenceContentType(name, input.contentType);
  // Base64 is 4 characters per 3 bytes: a longer text cannot decode to an allowed size.
  if (input.contentBase64.length > Math.ceil(EVIDENCE_MAX_BYTES / 3) * 4 + 4) throw sizeRefused();
  const content = Buffer.from(input.contentBase64, 'base64');
  if (content.length > EVIDENCE_MAX_BYTES) throw sizeRefused();
  return deps.db.transaction(async (tx) => {
    const plan = await requirePlan(tx, options.planId);
    const [task] = await tx
      .select({ key: planTasks.key, leadOrganizationId: planTasks.leadOrganizationId })
      .from(planTasks)
      .where(and(eq(planTasks.planId, plan.id), eq(planTasks.key, options.taskKey)));
    if (!task) throw notFound();
    // Who may upload is checked before what: a stranger learns nothing about the rules for files.
    assertPlanCheck(
      checkProgressReport(
        await planFacts(tx, plan),
        task,
        { year: plan.year, quarter: 1 },
        planActor(actor),
        deps.now(),
      ),
    );
    if (!contentType || name === '') throw typeRefused();
    if (content.length === 0)
      throw new AppError('request.invalid', {
        fieldErrors: [{ path: 'contentBase64', message: { ko: '빈 파일입니다.', en: 'The file is empty.' } }],
      });
    const sha256 = createHash('sha256').update(content).digest('hex');
    const id = newId();
    await tx.insert(planEvidenceFiles).values({
      id,
      planId: plan.id,
      taskKey: task.key,
      fileName: name,
      contentType,
      sizeBytes: content.length,
      sha256,
      content,
      uploadedBy: actor.userId,
      createdAt: deps.now(),
    });
    await appendAudit(tx, {
      action: 'create',
      entityType: 'plan_evidence_file',
      entityId: id,
      detail: { planId: plan.id, taskKey: task.key, contentType, sizeBytes: content.length, sha256 },
    });
    return { fileId: id, name, contentType, sizeBytes: content.length };
  });
}
