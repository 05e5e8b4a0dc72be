import { randomUUID } from 'node:crypto';
import {
  checkEditPlan,
  type KpiInput,
  type PlanImportPreview,
  type PlanImportResult,
  type PlanImportRow,
  TaskCode,
  TaskInput,
} from '@ieum/domain';
import { eq, inArray } from 'drizzle-orm';
import { appendAudit } from '../../platform/audit/audit-log';
import type { Actor } from '../../platform/context';
import type { Queryable } from '../../platform/db/client';
import { newId } from '../../platform/db/ids';
import { organizations } from '../../platform/db/schema';
import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { localizeZodIssues } from '../../platform/http/validation-messages';
import { assertPlanCheck, planActor } from './plan-rules';
import {
  readTaskSheet,
  TASK_COLUMNS,
  type TaskColumn,
  TaskSheetError,
  type TaskSheetRow,
} from './plan-task-sheet';
import {
  claimPlanVersion,
  type KpiRow,
  kpiInputOf,
  type PlanRow,
  planFacts,
  requirePlan,
  type TaskRow,
  tasksWithKpis,
  writeTask,
} from './plans.repository';
import { planCategories } from './schema';

/**
 * Tasks imported into a draft from the sheet of plan-task-sheet.ts, in two steps like the cohort and signal
 * imports: the preview says per row whether it creates a task or replaces the plan's task with the same code,
 * and what is wrong in Korean and English; the commit applies the valid rows in one transaction at the plan's
 * version. The file is not kept: the commit sends it again and it is checked again.
 */
type Message = { ko: string; en: string };
interface CheckedRow extends PlanImportRow {
  readonly task: TaskInput | null;
  readonly existingId: string | null;
}

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

const UNITS: Record<string, KpiInput['unit']> = { '%': 'rate', 퍼센트: 'rate', 원: 'krw', 일: 'days' };
const DIRECTIONS: Record<string, KpiInput['direction']> = {
  상향: 'up',
  하향: 'down',
  up: 'up',
  down: 'down',
};
const header = (key: TaskColumn) => TASK_COLUMNS.find((c) => c.key === key)?.header ?? key;

const ZOD_COLUMNS: Record<string, TaskColumn> = {
  code: 'code',
  title: 'title',
  description: 'description',
  leadOrganizationId: 'lead',
  cooperatingOrganizationIds: 'cooperating',
  nameKo: 'kpiName',
  unit: 'kpiUnit',
  unitLabelKo: 'kpiUnit',
  baseline: 'kpiBaseline',
  target: 'kpiTarget',
  direction: 'kpiDirection',
};

function toNumber(text: string): number | null {
  const cleaned = text.replace(/[,\s]/g, '');
  if (cleaned === '') return null;
  const value = Number(cleaned);
  return Number.isFinite(value) ? value : null;
}

async function organizationIdsByName(q: Queryable, rows: readonly TaskSheetRow[]) {
  const names = [
    ...new Set(rows.flatMap((r) => [r.lead, ...splitNames(r.cooperating)]).filter((n) => n !== '')),
  ];
  if (names.length === 0) return new Map<string, string[]>();
  const found = await q
    .select({ id: organizations.id, name: organizations.name })
    .from(organizations)
    .where(inArray(organizations.name, names));
  const byName = new Map<string, string[]>();
  for (const org of found) byName.set(org.name, [...(byName.get(org.name) ?? []), org.id]);
  return byName;
}

function splitNames(text: string): string[] {
  return text
    .split(/[,，、]/)
    .map((name) => name.trim())
    .filter((name) => name !== '');
}

/** Every row checked against the plan as it is now: what it would do, or why it cannot. */
async function checkRows(q: Queryable, plan: PlanRow, rows: readonly TaskSheetRow[]): Promise<CheckedRow[]> {
  const [categories, existing, orgs] = await Promise.all([
    q.select({ code: planCategories.code }).from(planCategories).where(eq(planCategories.planId, plan.id)),
    tasksWithKpis(q, plan.id),
    organizationIdsByName(q, rows),
  ]);
  const categoryCodes = new Set(categories.map((c) => c.code));
  const byCode = new Map<string, { task: TaskRow; kpis: KpiRow[] }>(existing.map((t) => [t.task.code, t]));
  const codeCounts = new Map<string, number>();
  for (const row of rows) codeCounts.set(row.code, (codeCounts.get(row.code) ?? 0) + 1);

  return rows.map((row) => {
    const errors: PlanImportRow['errors'] = [];
    const fail = (column: TaskColumn, message: Message) => errors.push({ column: header(column), message });
    const orgId = (name: string, column: TaskColumn): string | null => {
      const ids = orgs.get(name) ?? [];
      if (ids.length === 1) return ids[0] ?? null;
      fail(
        column,
        ids.length === 0
          ? { ko: `등록되지 않은 기관입니다: ${name}`, en: `No organization is registered as "${name}".` }
          : {
              ko: `같은 이름의 기관이 여럿입니다: ${name}`,
              en: `Several organizations are named "${name}".`,
            },
      );
      return null;
    };

    const codeOk = TaskCode.safeParse(row.code).success;
    if (!codeOk)
      fail('code', { ko: '과제번호는 1-3처럼 적어 주십시오.', en: 'Write the task code like 1-3.' });
    else if ((codeCounts.get(row.code) ?? 0) > 1)
      fail('code', {
        ko: '파일에 같은 과제번호가 또 있습니다.',
        en: 'The file has this task code more than once.',
      });
    const category = Number(row.category);
    if (!Number.isInteger(category) || !categoryCodes.has(category))
      fail('category', { ko: '계획에 없는 분야입니다.', en: 'The plan has no such category.' });
    else if (codeOk && Number(row.code.split('-')[0]) !== category)
      fail('code', {
        ko: '과제번호가 분야 번호로 시작하지 않습니다.',
        en: 'The code does not begin with the category.',
      });
    if (row.lead === '') fail('lead', { ko: '주관기관을 적어 주십시오.', en: 'Name the lead organization.' });
    const lead = row.lead === '' ? null : orgId(row.lead, 'lead');
    const cooperating = splitNames(row.cooperating).map((name) => orgId(name, 'cooperating'));

    const previous = byCode.get(row.code) ?? null;
    const kpis: KpiInput[] = [];
    const hasKpi = [row.kpiName, row.kpiUnit, row.kpiBaseline, row.kpiTarget, row.kpiDirection].some(
      (v) => v !== '',
    );
    if (hasKpi) {
      const baseline = toNumber(row.kpiBaseline);
      const target = toNumber(row.kpiTarget);
      const direction = DIRECTIONS[row.kpiDirection.toLowerCase()];
      if (row.kpiName === '') fail('kpiName', { ko: '지표명을 적어 주십시오.', en: 'Name the KPI.' });
      if (row.kpiUnit === '') fail('kpiUnit', { ko: '단위를 적어 주십시오.', en: 'Give the unit.' });
      if (baseline === null)
        fail('kpiBaseline', { ko: '기준값은 숫자여야 합니다.', en: 'The baseline must be a number.' });
      if (target === null)
        fail('kpiTarget', { ko: '목표값은 숫자여야 합니다.', en: 'The target must be a number.' });
      if (!direction)
        fail('kpiDirection', {
          ko: "방향은 '상향' 또는 '하향'입니다.",
          en: 'The direction is 상향 (up) or 하향 (down).',
        });
      if (row.kpiName !== '' && row.kpiUnit !== '' && baseline !== null && target !== null && direction) {
        // The same KPI (by name) keeps its key, source and milestones, so its reported values stay with it.
        const kept = previous?.kpis.find((k) => k.nameKo === row.kpiName);
        const unit = UNITS[row.kpiUnit] ?? 'count';
        kpis.push({
          ...(kept
            ? kpiInputOf(kept)
            : { key: randomUUID(), nameEn: null, source: { kind: 'manual' }, milestones: [] }),
          nameKo: row.kpiName,
          unit,
          unitLabelKo: unit === 'count' ? row.kpiUnit : null,
          baseline,
          target,
          direction,
        });
      }
    }

    let task: TaskInput | null = null;
    if (errors.length === 0 && lead) {
      const candidate = {
        key: previous?.task.key ?? randomUUID(),
        code: row.code,
        title: row.title,
        description: row.description,
        leadOrganizationId: lead,
        cooperatingOrganizationIds: cooperating.filter((id): id is string => id !== null),
        kpis,
        milestones: previous?.task.milestones ?? [],
      };
      const parsed = TaskInput.safeParse(candidate);
      if (parsed.success) task = parsed.data;
      else {
        const ko = localizeZodIssues(parsed.error.issues, 'ko', candidate);
        const en = localizeZodIssues(parsed.error.issues, 'en', candidate);
        parsed.error.issues.forEach((issue, index) => {
          const field = [...issue.path].reverse().find((p) => typeof p === 'string' && p in ZOD_COLUMNS);
          const column = ZOD_COLUMNS[String(field)] ?? 'title';
          fail(column, { ko: String(ko[index]?.message ?? ''), en: String(en[index]?.message ?? '') });
        });
      }
    }
    const action = task === null ? 'invalid' : previous ? 'replace' : 'create';
    return {
      row: row.row,
      code: row.code,
      title: row.title,
      action,
      errors,
      task,
      existingId: previous?.task.id ?? null,
    };
  });
}

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
