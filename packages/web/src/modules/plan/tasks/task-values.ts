import { findMetric, type KpiDirection, type MetricUnit, QUARTERS, type Quarter } from '@ieum/domain';
import { type FieldErrors, type FieldMessage, type IssueLike, issueMessage } from '../../../platform/forms';
import type { CategoryData, TaskData } from '../api';
import { numberInput, typedNumber } from './form-parts';

/** A quarter's line for each quarter, blank when the quarter has none. */
export type QuarterTexts = Record<Quarter, string>;

const blankQuarters = (): QuarterTexts => ({ 1: '', 2: '', 3: '', 4: '' });

/** One KPI as typed: numbers stay text until the form is sent; `source` is 'manual' or a metric key. */
export interface KpiRow {
  key: string;
  nameKo: string;
  nameEn: string;
  unit: MetricUnit;
  unitLabelKo: string;
  baseline: string;
  target: string;
  direction: KpiDirection;
  source: string;
  milestones: QuarterTexts;
}

export interface TaskValues extends Record<string, unknown> {
  code: string;
  title: string;
  description: string;
  leadOrganizationId: string | null;
  cooperatingOrganizationIds: string[];
  milestones: QuarterTexts;
  kpis: KpiRow[];
}

export const newKpiRow = (): KpiRow => ({
  key: crypto.randomUUID(),
  nameKo: '',
  nameEn: '',
  unit: 'count',
  unitLabelKo: '명',
  baseline: '',
  target: '',
  direction: 'up',
  source: 'manual',
  milestones: blankQuarters(),
});

/** The next code in a category: one past its highest task number (`3-7` after `3-6`). */
export function nextTaskCode(category: CategoryData): string {
  const numbers = category.tasks
    .filter((task) => task.code.startsWith(`${category.code}-`))
    .map((task) => Number(task.code.split('-')[1]))
    .filter((n) => Number.isInteger(n));
  const next = Math.min(99, Math.max(0, ...numbers) + 1);
  return `${category.code}-${next}`;
}

export function valuesOf(task: TaskData | null, category: CategoryData): TaskValues {
  if (!task)
    return {
      code: nextTaskCode(category),
      title: '',
      description: '',
      leadOrganizationId: null,
      cooperatingOrganizationIds: [],
      milestones: blankQuarters(),
      kpis: [],
    };
  const milestones = blankQuarters();
  for (const m of task.milestones) milestones[m.quarter] = m.description;
  return {
    code: task.code,
    title: task.title,
    description: task.description,
    leadOrganizationId: task.leadOrganization.id,
    cooperatingOrganizationIds: task.cooperatingOrganizations.map((org) => org.id),
    milestones,
    kpis: task.kpis.map((kpi) => {
      const kpiMilestones = blankQuarters();
      for (const m of kpi.milestones) kpiMilestones[m.quarter] = numberInput(m.value);
      return {
        key: kpi.key,
        nameKo: kpi.nameKo,
        nameEn: kpi.nameEn ?? '',
        unit: kpi.unit,
        unitLabelKo: kpi.unitLabelKo ?? '',
        baseline: numberInput(kpi.baseline),
        target: numberInput(kpi.target),
        direction: kpi.direction,
        source: kpi.source.kind === 'manual' ? 'manual' : kpi.source.metricKey,
        milestones: kpiMilestones,
      };
    }),
  };
}

/** What is sent for the values (before the schema checks it): blanks dropped, numbers read. */
export function taskInputOf(key: string, v: TaskValues): Record<string, unknown> {
  return {
    key,
    code: v.code.trim(),
    title: v.title,
    description: v.description,
    leadOrganizationId: v.leadOrganizationId ?? undefined,
    cooperatingOrganizationIds: v.cooperatingOrganizationIds,
    milestones: QUARTERS.filter((q) => v.milestones[q].trim() !== '').map((quarter) => ({
      quarter,
      description: v.milestones[quarter],
    })),
    kpis: v.kpis.map((row) => {
      const metric = row.source === 'manual' ? null : findMetric(row.source);
      const unit = metric?.unit ?? row.unit;
      return {
        key: row.key,
        nameKo: row.nameKo,
        nameEn: row.nameEn.trim() === '' ? null : row.nameEn,
        unit,
        unitLabelKo: unit === 'count' && row.unitLabelKo !== '' ? row.unitLabelKo : null,
        baseline: typedNumber(row.baseline),
        target: typedNumber(row.target),
        direction: row.direction,
        source: row.source === 'manual' ? { kind: 'manual' } : { kind: 'metric', metricKey: row.source },
        milestones: QUARTERS.filter((q) => row.milestones[q].trim() !== '').map((quarter) => ({
          quarter,
          value: typedNumber(row.milestones[quarter]),
        })),
      };
    }),
  };
}

/** A KPI row's messages: by field, and a quarter's milestone by `milestone<Q>`. */
export type KpiRowErrors = Record<string, FieldMessage>;

const NUMBER_FIELDS = ['baseline', 'target'] as const;

/**
 * The schema's issues as messages: the task's own fields through the shared mapping, a KPI's beside the KPI's
 * field (`kpis.2.target`), and a number that is not one said as such rather than as "required".
 */
export function issuesOf(
  issues: readonly IssueLike[],
  values: TaskValues,
): { fields: FieldErrors; kpis: Record<string, KpiRowErrors> } {
  const fields: FieldErrors = {};
  const kpis: Record<string, KpiRowErrors> = {};
  for (const issue of issues) {
    const [head, index, field, sub] = issue.path;
    if (head === 'kpis' && typeof index === 'number') {
      const row = values.kpis[index];
      if (!row) continue;
      const errors: KpiRowErrors = kpis[row.key] ?? {};
      kpis[row.key] = errors;
      let name = typeof field === 'string' ? field : 'nameKo';
      if (name === 'milestones' && typeof sub === 'number') {
        const quarters = QUARTERS.filter((q) => row.milestones[q].trim() !== '');
        name = `milestone${quarters[sub] ?? ''}`;
      }
      if (errors[name]) continue;
      const typed =
        name.startsWith('milestone') && name.length > 'milestone'.length
          ? row.milestones[Number(name.slice(-1)) as Quarter]
          : (NUMBER_FIELDS as readonly string[]).includes(name)
            ? row[name as (typeof NUMBER_FIELDS)[number]]
            : null;
      errors[name] =
        typed !== null && typed.trim() !== '' && Number.isNaN(typedNumber(typed))
          ? { key: 'plan.tasks.kpi.numberInvalid' }
          : typed !== null && typed.trim() === ''
            ? { key: 'validation.required' }
            : issueMessage(issue);
      continue;
    }
    const key = typeof head === 'string' ? head : '';
    if (fields[key]) continue;
    const value = values[key];
    fields[key] =
      (value === '' || value === null) && issue.path.length === 1
        ? { key: typeof value === 'string' ? 'validation.required' : 'validation.choose' }
        : issueMessage(issue);
  }
  return { fields, kpis };
}

/** The server's messages about a KPI (`kpis.1.target`), beside that KPI's field; already in the user's language. */
export function kpiErrorsOfProblem(
  errors: readonly { path: string; message: string }[],
  values: TaskValues,
): Record<string, KpiRowErrors> {
  const kpis: Record<string, KpiRowErrors> = {};
  for (const error of errors) {
    const match = /^\/?kpis[./](\d+)[./](\w+)/.exec(error.path);
    const row = match ? values.kpis[Number(match[1])] : undefined;
    if (!match || !row) continue;
    const field = match[2] ?? '';
    const rowErrors: KpiRowErrors = kpis[row.key] ?? {};
    kpis[row.key] = rowErrors;
    rowErrors[field] ??= { text: error.message };
  }
  return kpis;
}
