import type { Region } from '../platform/regions';
import type { MetricDefinition, MetricUnit } from './metrics';
import type { Quarter } from './quarters';
import type { KpiDirection, KpiMilestone } from './schemas';

/**
 * A KPI against its target, per quarter and per region: how far the value has come from the baseline toward
 * the target, and whether it has reached the quarter's milestone. The values of computed metrics are counts
 * of people, and a population of ~34,000 is easy to re-identify (DESIGN.md, item 8): a count from 1 to 4 is
 * withheld (shown as "<5"), and so is every figure computed from a withheld count. 0 stays 0, since an empty
 * cell names nobody — the rule of the statistics elsewhere in ieum (server: platform/small-counts.ts).
 */
export const MIN_SHOWN_COUNT = 5;

/** What a metric query returns for one quarter (and region): raw counts, before suppression. */
export type MetricObservation =
  | { readonly kind: 'count'; readonly count: number }
  | { readonly kind: 'ratio'; readonly numerator: number; readonly denominator: number };

/** A value as it may be shown: null with `suppressed` when withheld, null without it when there is none. */
export interface ShownValue {
  readonly value: number | null;
  readonly suppressed: boolean;
}

export const NO_VALUE: ShownValue = { value: null, suppressed: false };

function isSmall(count: number): boolean {
  return count > 0 && count < MIN_SHOWN_COUNT;
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

export function suppressCount(count: number): ShownValue {
  return isSmall(count) ? { value: null, suppressed: true } : { value: count, suppressed: false };
}

/**
 * A metric's value from its counts. A rate is a share in percent with one decimal, withheld when its numerator
 * or denominator is; an average (KRW per person, days per case) is withheld when its denominator is, its
 * numerator being an amount rather than people. Nothing to divide by is no value, not a withheld one.
 */
export function metricValue(
  definition: Pick<MetricDefinition, 'kind' | 'unit'>,
  observation: MetricObservation,
): ShownValue {
  if (observation.kind === 'count') return suppressCount(observation.count);
  const { numerator, denominator } = observation;
  const numeratorIsPeople = definition.unit === 'rate';
  if (isSmall(denominator) || (numeratorIsPeople && isSmall(numerator)))
    return { value: null, suppressed: true };
  if (denominator === 0) return NO_VALUE;
  const ratio = numerator / denominator;
  return { value: round1(numeratorIsPeople ? ratio * 100 : ratio), suppressed: false };
}

/** A manual KPI's value as the lead organization reported it: aggregate figures of an agency, shown as typed. */
export function manualValue(value: number | null): ShownValue {
  return { value, suppressed: false };
}

export interface KpiTarget {
  readonly unit: MetricUnit;
  readonly baseline: number;
  readonly target: number;
  readonly direction: KpiDirection;
  readonly milestones: readonly KpiMilestone[];
}

/**
 * How far `value` has come from the baseline toward the target, 0-100 with one decimal: below the baseline
 * (or above it, for a KPI that should fall) is 0, past the target 100. When baseline and target are equal
 * (hold the line), the KPI is 100 while the value is on the right side of the target and 0 otherwise.
 */
export function kpiProgress(
  kpi: Pick<KpiTarget, 'baseline' | 'target' | 'direction'>,
  value: number,
): number {
  const { baseline, target, direction } = kpi;
  if (baseline === target) return reaches(direction, value, target) ? 100 : 0;
  const share = (value - baseline) / (target - baseline);
  return round1(Math.min(1, Math.max(0, share)) * 100);
}

function reaches(direction: KpiDirection, value: number, goal: number): boolean {
  return direction === 'up' ? value >= goal : value <= goal;
}

/** The value expected by the end of a quarter; the fourth quarter's is the target unless set otherwise. */
export function milestoneFor(kpi: Pick<KpiTarget, 'milestones' | 'target'>, quarter: Quarter): number | null {
  const set = kpi.milestones.find((m) => m.quarter === quarter);
  if (set) return set.value;
  return quarter === 4 ? kpi.target : null;
}

/**
 * `met` / `behind`: against the quarter's milestone. `no_milestone`: none for this quarter. `not_comparable`:
 * a region's count against a national milestone (a region holds only part of the count). `no_value`,
 * `suppressed`: nothing to compare.
 */
export const MILESTONE_STATUSES = [
  'met',
  'behind',
  'no_milestone',
  'not_comparable',
  'no_value',
  'suppressed',
] as const;
export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];

export interface KpiEvaluation {
  readonly quarter: Quarter;
  /** Null for the whole country. */
  readonly region: Region | null;
  readonly value: number | null;
  readonly suppressed: boolean;
  /** 0-100 toward the target; null without a value, or for a region's share of a national count. */
  readonly progress: number | null;
  readonly milestone: number | null;
  readonly milestoneStatus: MilestoneStatus;
  readonly targetReached: boolean | null;
}

export interface KpiCell extends ShownValue {
  readonly quarter: Quarter;
  readonly region: Region | null;
}

/** One KPI in one quarter, nationally or for a region. */
export function evaluateKpi(kpi: KpiTarget, cell: KpiCell): KpiEvaluation {
  const { quarter, region, value, suppressed } = cell;
  const milestone = milestoneFor(kpi, quarter);
  const base = { quarter, region, value, suppressed, milestone };
  if (value === null) {
    const milestoneStatus = suppressed ? 'suppressed' : 'no_value';
    return { ...base, value: null, progress: null, milestoneStatus, targetReached: null };
  }
  // A national target of 500 placements says nothing about Jeju's 12; a rate or an average it does.
  if (region !== null && kpi.unit === 'count') {
    return { ...base, progress: null, milestoneStatus: 'not_comparable', targetReached: null };
  }
  const milestoneStatus: MilestoneStatus =
    milestone === null ? 'no_milestone' : reaches(kpi.direction, value, milestone) ? 'met' : 'behind';
  return {
    ...base,
    progress: kpiProgress(kpi, value),
    milestoneStatus,
    targetReached: reaches(kpi.direction, value, kpi.target),
  };
}

/** Every cell of a KPI, in the order given (the dashboard's series, the region table). */
export function evaluateKpiCells(kpi: KpiTarget, cells: readonly KpiCell[]): KpiEvaluation[] {
  return cells.map((cell) => evaluateKpi(kpi, cell));
}

/**
 * The latest quarter with a national value, for the task's headline: a withheld quarter counts as one (it
 * says "<5", which is news), a quarter with no value does not.
 */
export function latestEvaluation(evaluations: readonly KpiEvaluation[]): KpiEvaluation | null {
  let latest: KpiEvaluation | null = null;
  for (const evaluation of evaluations) {
    if (evaluation.region !== null || (evaluation.value === null && !evaluation.suppressed)) continue;
    if (latest === null || evaluation.quarter > latest.quarter) latest = evaluation;
  }
  return latest;
}

/** The value as a reader sees it: "<5", "54.4%", "1,234명", "8,000,000원", "12.5일"; "–" when there is none. */
export function formatKpiValue(
  shown: ShownValue,
  unit: MetricUnit,
  locale: 'ko' | 'en',
  unitLabelKo: string | null = null,
): string {
  if (shown.suppressed) return '<5';
  if (shown.value === null) return '–';
  const number = shown.value.toLocaleString(locale === 'ko' ? 'ko-KR' : 'en-US', {
    maximumFractionDigits: 1,
  });
  switch (unit) {
    case 'rate':
      return `${number}%`;
    case 'krw':
      return locale === 'ko' ? `${number}원` : `KRW ${number}`;
    case 'days':
      return locale === 'ko' ? `${number}일` : `${number} days`;
    case 'count':
      return locale === 'ko' && unitLabelKo ? `${number}${unitLabelKo}` : number;
    default: {
      const unknown: never = unit;
      return unknown;
    }
  }
}
