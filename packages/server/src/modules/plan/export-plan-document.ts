import { recordAudit } from '../../platform/audit/audit-log';
import type { Deps } from '../../platform/deps';
import { koreaTime, tablesToPdf } from './plan-pdf';
import { documentTables, type PlanDocument } from './plan-report-data';
import { tablesToXlsx } from './plan-xlsx';

export type ExportFormat = 'xlsx' | 'pdf';

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

/**
 * The plan, its consultation record or a quarter's status report as a file. The file name says which plan and
 * document it is (`plan-2020-r1-q2-status.pdf`) and nothing about anyone in it; the download is audited, as the
 * consultation record names council members.
 */
export async function exportPlanDocument(
  deps: Deps,
  options: { planId: string; document: PlanDocument; format: ExportFormat },
): Promise<{ fileName: string; contentType: string; body: Buffer }> {
  const { plan, title, fileStem, tables } = await documentTables(deps, options.planId, options.document);
  const now = deps.now();
  const body =
    options.format === 'xlsx'
      ? await tablesToXlsx({ title, generatedAt: koreaTime(now), tables })
      : (
          await tablesToPdf({
            title,
            subtitle: `${plan.masterPlan.titleKo} · 개정 ${plan.revision}`,
            generatedAt: now,
            tables,
          })
        ).pdf;
  await recordAudit(deps.db, {
    action: options.format === 'pdf' ? 'print' : 'export',
    entityType: 'plan',
    entityId: plan.id,
    detail: { document: options.document.kind, format: options.format, ...options.document },
  });
  return { fileName: `${fileStem}.${options.format}`, contentType: CONTENT_TYPES[options.format], body };
}
