import type { MetricUnit } from './metrics';
import type { Quarter } from './quarters';
import {
  categoryOfTaskCode,
  compareTaskCodes,
  type KpiDirection,
  type KpiInput,
  type KpiSource,
  type TaskMilestone,
} from './schemas';

/**
 * What changed between two revisions of a plan, as a list a reader can check line by line (the 신구대비표 of
 * an amended plan): categories and tasks added, removed, changed and moved, KPI by KPI. Tasks and KPIs are
 * matched by their `key`, which a revision keeps, so a task that moves to another category (and so changes
 * its code) is one move, not a removal and an addition. Categories are matched by their code. Short fields
 * carry old → new; long texts (a description, a goal) only say that they changed. `describeChange` words
 * each change (revision-wording.ts).
 */
export interface OrganizationName {
  readonly id: string;
  readonly name: string;
  readonly nameEn: string | null;
}

export interface SnapshotCategory {
  readonly code: number;
  readonly nameKo: string;
  readonly nameEn: string;
  readonly goal: string;
}

export interface SnapshotTask {
  readonly key: string;
  readonly code: string;
  readonly title: string;
  readonly description: string;
  readonly leadOrganization: OrganizationName;
  readonly cooperatingOrganizations: readonly OrganizationName[];
  readonly kpis: readonly KpiInput[];
  readonly milestones: readonly TaskMilestone[];
}

/** One revision's content, with organizations named (as of the revision) so the diff can be worded. */
export interface PlanSnapshot {
  readonly revision: number;
  readonly categories: readonly SnapshotCategory[];
  readonly tasks: readonly SnapshotTask[];
}

export interface CategoryRef {
  readonly code: number;
  readonly nameKo: string;
  readonly nameEn: string;
}
export interface TaskRef {
  readonly key: string;
  readonly code: string;
  readonly title: string;
}
export interface KpiRef {
  readonly key: string;
  readonly nameKo: string;
  readonly nameEn: string | null;
  readonly unit: MetricUnit;
}

export type CategoryFieldChange =
  | { readonly field: 'name_ko' | 'name_en'; readonly from: string; readonly to: string }
  | { readonly field: 'goal' };

export type TaskFieldChange =
  | { readonly field: 'code' | 'title'; readonly from: string; readonly to: string }
  | { readonly field: 'description' }
  | { readonly field: 'lead_organization'; readonly from: OrganizationName; readonly to: OrganizationName }
  | {
      readonly field: 'cooperating_organizations';
      readonly added: readonly OrganizationName[];
      readonly removed: readonly OrganizationName[];
    }
  /** The quarters whose milestone was added, removed or reworded. */
  | { readonly field: 'milestones'; readonly quarters: readonly Quarter[] };

export type KpiFieldChange =
  | { readonly field: 'name_ko'; readonly from: string; readonly to: string }
  | { readonly field: 'name_en'; readonly from: string | null; readonly to: string | null }
  | { readonly field: 'unit'; readonly from: MetricUnit; readonly to: MetricUnit }
  | { readonly field: 'baseline' | 'target'; readonly from: number; readonly to: number }
  | { readonly field: 'direction'; readonly from: KpiDirection; readonly to: KpiDirection }
  | { readonly field: 'source'; readonly from: KpiSource; readonly to: KpiSource }
  | {
      readonly field: 'milestone';
      readonly quarter: Quarter;
      readonly from: number | null;
      readonly to: number | null;
    };

export type PlanChange =
  | { readonly kind: 'category_added' | 'category_removed'; readonly category: CategoryRef }
  | {
      readonly kind: 'category_changed';
      readonly category: CategoryRef;
      readonly fields: readonly CategoryFieldChange[];
    }
  | { readonly kind: 'task_added'; readonly task: TaskRef; readonly lead: OrganizationName }
  | { readonly kind: 'task_removed'; readonly task: TaskRef }
  | {
      readonly kind: 'task_moved';
      readonly task: TaskRef;
      readonly from: CategoryRef;
      readonly to: CategoryRef;
      readonly fromCode: string;
    }
  | { readonly kind: 'task_changed'; readonly task: TaskRef; readonly fields: readonly TaskFieldChange[] }
  | { readonly kind: 'kpi_added' | 'kpi_removed'; readonly task: TaskRef; readonly kpi: KpiRef }
  | {
      readonly kind: 'kpi_changed';
      readonly task: TaskRef;
      readonly kpi: KpiRef;
      readonly fields: readonly KpiFieldChange[];
    };

export type PlanChangeKind = PlanChange['kind'];

function categoryRef(category: SnapshotCategory): CategoryRef {
  return { code: category.code, nameKo: category.nameKo, nameEn: category.nameEn };
}
function taskRef(task: SnapshotTask): TaskRef {
  return { key: task.key, code: task.code, title: task.title };
}
function kpiRef(kpi: KpiInput): KpiRef {
  return { key: kpi.key, nameKo: kpi.nameKo, nameEn: kpi.nameEn, unit: kpi.unit };
}

function sameSource(a: KpiSource, b: KpiSource): boolean {
  if (a.kind === 'manual' || b.kind === 'manual') return a.kind === b.kind;
  return a.metricKey === b.metricKey;
}

function diffCategory(before: SnapshotCategory, after: SnapshotCategory): CategoryFieldChange[] {
  const fields: CategoryFieldChange[] = [];
  if (before.nameKo !== after.nameKo)
    fields.push({ field: 'name_ko', from: before.nameKo, to: after.nameKo });
  if (before.nameEn !== after.nameEn)
    fields.push({ field: 'name_en', from: before.nameEn, to: after.nameEn });
  if (before.goal !== after.goal) fields.push({ field: 'goal' });
  return fields;
}

function changedMilestoneQuarters(
  before: readonly TaskMilestone[],
  after: readonly TaskMilestone[],
): Quarter[] {
  const quarters = new Set<Quarter>([...before, ...after].map((m) => m.quarter));
  const text = (list: readonly TaskMilestone[], quarter: Quarter) =>
    list.find((m) => m.quarter === quarter)?.description ?? null;
  return [...quarters].filter((q) => text(before, q) !== text(after, q)).sort((a, b) => a - b);
}

function diffTask(before: SnapshotTask, after: SnapshotTask, moved: boolean): TaskFieldChange[] {
  const fields: TaskFieldChange[] = [];
  // A move changes the code by necessity; the move says so.
  if (!moved && before.code !== after.code) fields.push({ field: 'code', from: before.code, to: after.code });
  if (before.title !== after.title) fields.push({ field: 'title', from: before.title, to: after.title });
  if (before.description !== after.description) fields.push({ field: 'description' });
  if (before.leadOrganization.id !== after.leadOrganization.id) {
    fields.push({ field: 'lead_organization', from: before.leadOrganization, to: after.leadOrganization });
  }
  const beforeIds = new Set(before.cooperatingOrganizations.map((o) => o.id));
  const afterIds = new Set(after.cooperatingOrganizations.map((o) => o.id));
  const added = after.cooperatingOrganizations.filter((o) => !beforeIds.has(o.id));
  const removed = before.cooperatingOrganizations.filter((o) => !afterIds.has(o.id));
  if (added.length > 0 || removed.length > 0)
    fields.push({ field: 'cooperating_organizations', added, removed });
  const quarters = changedMilestoneQuarters(before.milestones, after.milestones);
  if (quarters.length > 0) fields.push({ field: 'milestones', quarters });
  return fields;
}

function diffKpi(before: KpiInput, after: KpiInput): KpiFieldChange[] {
  const fields: KpiFieldChange[] = [];
  if (before.nameKo !== after.nameKo)
    fields.push({ field: 'name_ko', from: before.nameKo, to: after.nameKo });
  if (before.nameEn !== after.nameEn)
    fields.push({ field: 'name_en', from: before.nameEn, to: after.nameEn });
  if (before.unit !== after.unit) fields.push({ field: 'unit', from: before.unit, to: after.unit });
  if (before.baseline !== after.baseline) {
    fields.push({ field: 'baseline', from: before.baseline, to: after.baseline });
  }
  if (before.target !== after.target) fields.push({ field: 'target', from: before.target, to: after.target });
  if (before.direction !== after.direction) {
    fields.push({ field: 'direction', from: before.direction, to: after.direction });
  }
  if (!sameSource(before.source, after.source)) {
    fields.push({ field: 'source', from: before.source, to: after.source });
  }
  for (const quarter of [1, 2, 3, 4] as const) {
    const from = before.milestones.find((m) => m.quarter === quarter)?.value ?? null;
    const to = after.milestones.find((m) => m.quarter === quarter)?.value ?? null;
    if (from !== to) fields.push({ field: 'milestone', quarter, from, to });
  }
  return fields;
}

function diffKpis(before: SnapshotTask, after: SnapshotTask): PlanChange[] {
  const task = taskRef(after);
  const beforeByKey = new Map(before.kpis.map((k) => [k.key, k]));
  const afterKeys = new Set(after.kpis.map((k) => k.key));
  const changes: PlanChange[] = [];
  for (const kpi of before.kpis) {
    if (!afterKeys.has(kpi.key)) changes.push({ kind: 'kpi_removed', task, kpi: kpiRef(kpi) });
  }
  for (const kpi of after.kpis) {
    const previous = beforeByKey.get(kpi.key);
    if (!previous) {
      changes.push({ kind: 'kpi_added', task, kpi: kpiRef(kpi) });
      continue;
    }
    const fields = diffKpi(previous, kpi);
    if (fields.length > 0) changes.push({ kind: 'kpi_changed', task, kpi: kpiRef(kpi), fields });
  }
  return changes;
}

/** A category for a code that the snapshot lacks (a task under a category not listed): named by its number. */
function categoryOf(snapshot: PlanSnapshot, code: number): CategoryRef {
  const found = snapshot.categories.find((c) => c.code === code);
  return found ? categoryRef(found) : { code, nameKo: '', nameEn: '' };
}

/**
 * The changes from `before` to `after`: categories first (by code), then tasks in the order of the new plan
 * (removed tasks where they stood in the old one), each task's KPI changes right after it.
 */
export function diffPlans(before: PlanSnapshot, after: PlanSnapshot): PlanChange[] {
  const changes: PlanChange[] = [];

  const beforeCategories = new Map(before.categories.map((c) => [c.code, c]));
  const afterCategories = new Map(after.categories.map((c) => [c.code, c]));
  const codes = [...new Set([...beforeCategories.keys(), ...afterCategories.keys()])].sort((a, b) => a - b);
  for (const code of codes) {
    const was = beforeCategories.get(code);
    const is = afterCategories.get(code);
    if (!was && is) changes.push({ kind: 'category_added', category: categoryRef(is) });
    else if (was && !is) changes.push({ kind: 'category_removed', category: categoryRef(was) });
    else if (was && is) {
      const fields = diffCategory(was, is);
      if (fields.length > 0) changes.push({ kind: 'category_changed', category: categoryRef(is), fields });
    }
  }

  const beforeTasks = new Map(before.tasks.map((t) => [t.key, t]));
  const afterKeys = new Set(after.tasks.map((t) => t.key));
  type Placed = { readonly code: string; readonly changes: PlanChange[] };
  const placed: Placed[] = [];
  for (const task of before.tasks) {
    if (!afterKeys.has(task.key))
      placed.push({ code: task.code, changes: [{ kind: 'task_removed', task: taskRef(task) }] });
  }
  for (const task of after.tasks) {
    const previous = beforeTasks.get(task.key);
    if (!previous) {
      const added: PlanChange[] = [{ kind: 'task_added', task: taskRef(task), lead: task.leadOrganization }];
      for (const kpi of task.kpis) added.push({ kind: 'kpi_added', task: taskRef(task), kpi: kpiRef(kpi) });
      placed.push({ code: task.code, changes: added });
      continue;
    }
    const fromCategory = categoryOfTaskCode(previous.code);
    const toCategory = categoryOfTaskCode(task.code);
    const moved = fromCategory !== toCategory;
    const own: PlanChange[] = [];
    if (moved) {
      own.push({
        kind: 'task_moved',
        task: taskRef(task),
        from: categoryOf(before, fromCategory),
        to: categoryOf(after, toCategory),
        fromCode: previous.code,
      });
    }
    const fields = diffTask(previous, task, moved);
    if (fields.length > 0) own.push({ kind: 'task_changed', task: taskRef(task), fields });
    own.push(...diffKpis(previous, task));
    if (own.length > 0) placed.push({ code: task.code, changes: own });
  }
  placed.sort((a, b) => compareTaskCodes(a.code, b.code));
  for (const entry of placed) changes.push(...entry.changes);
  return changes;
}

/** How many changes of each kind, for the heading of a revision ("과제 2건 신설, 5건 수정"). */
export function summarizeChanges(changes: readonly PlanChange[]): Partial<Record<PlanChangeKind, number>> {
  const counts: Partial<Record<PlanChangeKind, number>> = {};
  for (const change of changes) counts[change.kind] = (counts[change.kind] ?? 0) + 1;
  return counts;
}
