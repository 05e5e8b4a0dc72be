import {
  checkEditPlan,
  type PlanImportPreview,
  type PlanImportResult,
  type PlanImportRow,
} from '@ieum/domain';
import { appendAudit } from '../../platform/audit/audit-log';
import type { Actor } from '../../platform/context';
import { newId } from '../../platform/db/ids';
import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { type CheckedRow, checkRows, type Message } from './check-plan-task-rows';
import { assertPlanCheck, planActor } from './plan-rules';
import { readTaskSheet, TaskSheetError, type TaskSheetRow } from './plan-task-sheet';
import { claimPlanVersion, planFacts, requirePlan, writeTask } from './plans.repository';

/**
 * Tasks imported into a draft from the sheet of plan-task-sheet.ts, in two steps like the cohort and signal
 * imports: the preview says per row whether it creates a task or replaces the plan's task with the same code,
 * and what is wrong in Korean and English; the commit applies the valid rows in one transaction at the plan's
 * version. The file is not kept: the commit sends it again and it is checked again.
 */
const FILE_ERRORS: Record<TaskSheetError['reason'], Message> = {
  format: {
    ko: '파일을 읽을 수 없습니다. XLSX 파일인지 확인해 주십시오.',
    en: 'The file cannot be read. Is it XLSX?',
  },
  empty: { ko: '파일에 과제가 없습니다.', en: 'The file has no tasks.' },
  missing_columns: {
    ko: "'분야', '과제번호', '과제명', '주관기관' 열이 필요합니다. 서식 파일의 첫 행을 그대로 써 주십시오.",
    en: "The columns 분야 (category), 과제번호 (code), 과제명 (title) and 주관기관 (lead) are needed. Keep the template's first row.",
  },
  too_many_rows: {
    ko: '한 번에 500개 과제까지 가져올 수 있습니다.',
    en: 'Up to 500 tasks can be imported at once.',
  },
};

async function readRows(content: Buffer): Promise<TaskSheetRow[]> {
  try {
    return (await readTaskSheet(content)).rows;
  } catch (error) {
    if (error instanceof TaskSheetError)
      throw new AppError('request.invalid', { detail: FILE_ERRORS[error.reason] });
    throw error;
  }
}

const publicRow = ({ task: _task, existingId: _id, ...row }: CheckedRow): PlanImportRow => row;

export async function previewPlanImport(
  deps: Deps,
  options: { actor: Actor; planId: string; content: Buffer },
): Promise<PlanImportPreview> {
  const plan = await requirePlan(deps.db, options.planId);
  assertPlanCheck(checkEditPlan(await planFacts(deps.db, plan), planActor(options.actor)));
  const checked = await checkRows(deps.db, plan, await readRows(options.content));
  return {
    planId: plan.id,
    version: plan.version,
    total: checked.length,
    creates: checked.filter((r) => r.action === 'create').length,
    replaces: checked.filter((r) => r.action === 'replace').length,
    invalid: checked.filter((r) => r.action === 'invalid').length,
    rows: checked.map(publicRow),
  };
}

export async function commitPlanImport(
  deps: Deps,
  options: { actor: Actor; planId: string; content: Buffer; version: number; onlyValid: boolean },
): Promise<PlanImportResult> {
  const rows = await readRows(options.content);
  return deps.db.transaction(async (tx) => {
    const plan = await requirePlan(tx, options.planId);
    assertPlanCheck(checkEditPlan(await planFacts(tx, plan), planActor(options.actor)));
    const checked = await checkRows(tx, plan, rows);
    const invalid = checked.filter((r) => r.task === null);
    if (invalid.length > 0 && !options.onlyValid) {
      throw new AppError('rule.violation', {
        detail: {
          ko: `잘못된 행이 ${invalid.length}개 있습니다. 고치거나 올바른 행만 가져오십시오.`,
          en: `${invalid.length} rows are invalid. Correct them or import only the valid rows.`,
        },
        extensions: { invalidRows: invalid.map((r) => r.row) },
      });
    }
    const claimed = await claimPlanVersion(tx, {
      planId: plan.id,
      version: options.version,
      now: deps.now(),
    });
    let created = 0;
    let replaced = 0;
    for (const row of checked) {
      if (!row.task) continue;
      await writeTask(tx, {
        planId: plan.id,
        taskId: row.existingId ?? newId(),
        task: row.task,
        kpiIds: newId,
      });
      if (row.existingId) replaced++;
      else created++;
    }
    await appendAudit(tx, {
      action: 'create',
      entityType: 'plan_import',
      entityId: plan.id,
      detail: {
        planId: plan.id,
        created,
        replaced,
        skipped: invalid.length,
        codes: checked.filter((r) => r.task).map((r) => r.code),
      },
    });
    return { created, replaced, skipped: invalid.length, version: claimed.version };
  });
}
