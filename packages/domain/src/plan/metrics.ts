import { z } from 'zod';

/**
 * The metrics ieum computes from its own data for the plan's KPIs (DESIGN.md, item 6: KPIs computed live, not
 * typed into spreadsheets). A registry in code: a module adds its metrics here when it lands, and the server
 * keeps one query per key. Definitions only; computing them is the server's (modules/plan/metrics).
 *
 * Every metric is evaluated for a quarter of the plan's year, nationally and per region (of residence, or of
 * the employer for placements), from counts that are suppressed below 5 before anyone sees them (kpi.ts).
 */
export const METRIC_UNITS = ['count', 'rate', 'krw', 'days'] as const;
export const MetricUnit = z.enum(METRIC_UNITS);
export type MetricUnit = z.infer<typeof MetricUnit>;

/**
 * `count`: a number of persons or events. `ratio`: a numerator over a denominator: a share in percent when the
 * unit is `rate` (both counts of persons), an average per denominator otherwise (KRW per person, days per case).
 */
export const METRIC_KINDS = ['count', 'ratio'] as const;
export type MetricKind = (typeof METRIC_KINDS)[number];

/**
 * `year_to_date`: events from 1 January to the quarter's last day, so a yearly target and its quarterly
 * milestones compare directly. `quarter_end`: a state on the quarter's last day (a rate of those employed).
 */
export const METRIC_PERIODS = ['year_to_date', 'quarter_end'] as const;
export type MetricPeriod = (typeof METRIC_PERIODS)[number];

interface Bilingual {
  readonly ko: string;
  readonly en: string;
}

export interface MetricDefinition {
  readonly key: string;
  readonly unit: MetricUnit;
  readonly kind: MetricKind;
  readonly period: MetricPeriod;
  readonly label: Bilingual;
  readonly description: Bilingual;
  /** False for a metric the platform cannot compute yet (its module has not landed): bind such a KPI manually. */
  readonly computable: boolean;
}

export const METRICS = [
  {
    key: 'jobs.employment_rate',
    unit: 'rate',
    kind: 'ratio',
    period: 'quarter_end',
    label: { ko: '취업률', en: 'Employment rate' },
    description: {
      ko: '등록된 생산가능인구(15~64세) 중 분기 말일에 취업 중인 사람의 비율',
      en: 'Share of registered working-age persons (15-64) in work on the last day of the quarter',
    },
    computable: true,
  },
  {
    key: 'jobs.placements',
    unit: 'count',
    kind: 'count',
    period: 'year_to_date',
    label: { ko: '취업 연계 건수', en: 'Job placements' },
    description: {
      ko: '연초부터 분기 말일까지 구직 신청이 취업으로 연계된 건수',
      en: 'Applications that ended in a placement from 1 January to the last day of the quarter',
    },
    computable: true,
  },
  {
    key: 'protection.alerts_opened',
    unit: 'count',
    kind: 'count',
    period: 'year_to_date',
    label: { ko: '위기 경보 발생 건수', en: 'Crisis alerts opened' },
    description: {
      ko: '연초부터 분기 말일까지 위기 선별로 발생한 경보(관심·고위험·위기) 건수',
      en: 'Alerts (watch, high, crisis) opened by screening from 1 January to the last day of the quarter',
    },
    computable: true,
  },
  {
    key: 'protection.crisis_reached_within_deadline',
    unit: 'count',
    kind: 'count',
    period: 'year_to_date',
    label: { ko: '위기가구 기한 내 접촉 인원', en: 'Persons in crisis reached in time' },
    description: {
      ko: '연초부터 분기 말일까지 고위험·위기 경보가 발생한 사람 중 기한(위기 24시간, 고위험 14일) 안에 접촉된 인원',
      en: 'Persons with a high or crisis alert opened from 1 January to the quarter’s end who were reached within its deadline (crisis 24 hours, high 14 days)',
    },
    computable: true,
  },
  {
    key: 'cases.opened',
    unit: 'count',
    kind: 'count',
    period: 'year_to_date',
    label: { ko: '하나센터 사례관리 개시 건수', en: 'Hana Center cases opened' },
    description: {
      ko: '연초부터 분기 말일까지 하나센터에서 새로 개시한 사례관리 건수',
      en: 'Case-management cases opened at Hana Centers from 1 January to the last day of the quarter',
    },
    computable: true,
  },
  {
    key: 'community.events_held',
    unit: 'count',
    kind: 'count',
    period: 'year_to_date',
    label: { ko: '지역주민 소통행사 개최 횟수', en: 'Community events held' },
    description: {
      ko: '연초부터 분기 말일까지 북한이탈주민과 지역주민이 함께한 행사 횟수 (공동체 모듈 도입 후 산출)',
      en: 'Events with defectors and local residents from 1 January to the quarter’s end (computed once the community module lands)',
    },
    computable: false,
  },
] as const satisfies readonly MetricDefinition[];

export type MetricKey = (typeof METRICS)[number]['key'];
export const METRIC_KEYS = METRICS.map((metric) => metric.key) as [MetricKey, ...MetricKey[]];
export const MetricKeySchema = z.enum(METRIC_KEYS);

const BY_KEY: ReadonlyMap<string, MetricDefinition> = new Map(METRICS.map((metric) => [metric.key, metric]));

export function metricDefinition(key: MetricKey): MetricDefinition {
  const found = BY_KEY.get(key);
  if (!found) throw new RangeError(`unknown metric ${key}`);
  return found;
}

/** The definition of a key that may not be registered (a stored binding, a query parameter). */
export function findMetric(key: string): MetricDefinition | null {
  return BY_KEY.get(key) ?? null;
}

export function isMetricKey(key: string): key is MetricKey {
  return BY_KEY.has(key);
}

export function isComputableMetric(key: string): boolean {
  return BY_KEY.get(key)?.computable === true;
}

/** The metrics a KPI can be bound to today. */
export function computableMetrics(): MetricDefinition[] {
  return METRICS.filter((metric) => metric.computable);
}
