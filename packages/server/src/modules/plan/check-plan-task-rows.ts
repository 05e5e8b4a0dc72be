import { randomUUID } from 'node:crypto';
import { type KpiInput, type PlanImportRow, TaskCode, TaskInput } from '@ieum/domain';
import { eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client';
import { organizations } from '../../platform/db/schema';
import { localizeZodIssues } from '../../platform/http/validation-messages';
import { TASK_COLUMNS, type TaskColumn, type TaskSheetRow } from './plan-task-sheet';
import { type KpiRow, kpiInputOf, type PlanRow, type TaskRow, tasksWithKpis } from './plans.repository';
import { planCategories } from './schema';

/**
 * The rows of an imported task sheet checked against a plan as it is now: each either becomes a task (new, or
 * replacing the plan's task with the same code, whose key, milestones and same-named KPI it keeps) or says in
 * Korean and English what is wrong, column by column. Validation is the domain's TaskInput, after the sheet's
 * own checks (organizations by exact name, the code, the category, duplicates in the file).
 */
export type Message = { ko: string; en: string };
export interface CheckedRow extends PlanImportRow {
  readonly task: TaskInput | null;
  readonly existingId: string | null;
}

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
export async function checkRows(
  q: Queryable,
  plan: PlanRow,
  rows: readonly TaskSheetRow[],
): Promise<CheckedRow[]> {
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
