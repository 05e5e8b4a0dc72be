import { createHash } from 'node:crypto';
import type { Region, SignalType, VulnerabilityCategory } from '@ieum/domain';
import { DEMO_ORGANIZATIONS } from '../../packages/server/src/seed/demo-organizations';
import { ARRIVAL_YEARS, RESIDENCE_SHARES } from '../../packages/server/src/seed/population-tables';
import { seededRandom } from '../../packages/server/src/seed/prng';

/**
 * The shapes the protection benchmark's population is drawn from. Arrivals by year and the regional spread
 * come from the seed tables (population-tables.ts); everything marked ASSUMPTION is ours, chosen to look
 * plausible for a benchmark, and is no statistic.
 */

/**
 * Protection decisions by year, 2005-2026: the seed's arrivals to 2020. ASSUMPTION: after the border closed
 * in 2020, a few hundred a year (63 and 67 in 2021-22 are the reported order of magnitude; 2023 on, ~200).
 */
export const DECISION_YEAR_WEIGHTS: readonly (readonly [number, number])[] = [
  ...ARRIVAL_YEARS.filter((row) => row.year >= 2005).map((row) => [row.year, row.arrivals] as const),
  [2021, 63],
  [2022, 67],
  [2023, 196],
  [2024, 236],
  [2025, 220],
  [2026, 200],
];

/** ASSUMPTION: signals weighted toward arrears (monthly, from many agencies) over cut-offs (rare, late). */
export const SIGNAL_TYPE_WEIGHTS: Readonly<Record<SignalType, number>> = {
  health_insurance_arrears: 16,
  telecom_arrears: 14,
  power_arrears: 12,
  gas_arrears: 10,
  rent_arrears: 9,
  water_arrears: 8,
  employment_insurance_loss: 6,
  hospitalization: 4,
  returned_mail: 4,
  moved_out_of_region: 3,
  welfare_blind_spot: 3,
  gas_cutoff: 2,
  no_contact: 2,
  power_cutoff: 1.5,
  call_center_report: 1.5,
  water_cutoff: 1,
  divorce: 0.8,
  household_death: 0.5,
  returned_from_abroad: 0.5,
  survey_crisis_finding: 0.3,
};

/** The types whose value is months in arrears (the others with a value: no_contact, in days). */
export const MONTH_VALUED_TYPES: readonly SignalType[] = [
  'power_arrears',
  'water_arrears',
  'gas_arrears',
  'rent_arrears',
  'health_insurance_arrears',
  'telecom_arrears',
];

/** ASSUMPTION: how often each category is recorded on a profile. */
export const CATEGORY_WEIGHTS: Readonly<Record<VulnerabilityCategory, number>> = {
  low_income: 14,
  single_person_household: 12,
  unemployed: 10,
  chronic_illness: 9,
  single_parent: 8,
  third_country_child: 7,
  debt: 6,
  mental_health: 5,
  social_isolation: 5,
  elderly: 5,
  housing_insecure: 4,
  disability: 4,
  infant_care: 4,
  elderly_living_alone: 3,
  addiction: 2,
  domestic_violence: 1.5,
  youth_out_of_school: 1,
};

/**
 * A lookup table of `size` entries in which each item appears in proportion to its weight (largest
 * remainders), so SQL can draw a weighted item as `table[1 + floor(u * size)]` with one uniform `u`.
 */
export function slots<T>(weights: readonly (readonly [T, number])[], size = 1000): T[] {
  const total = weights.reduce((sum, [, weight]) => sum + weight, 0);
  const exact = weights.map(([item, weight]) => ({ item, share: (size * weight) / total }));
  const counts = exact.map((entry) => Math.floor(entry.share));
  let left = size - counts.reduce((sum, n) => sum + n, 0);
  const byRemainder = exact
    .map((entry, index) => ({ index, remainder: entry.share - Math.floor(entry.share) }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of byRemainder) {
    if (left-- <= 0) break;
    counts[index] = (counts[index] ?? 0) + 1;
  }
  return exact.flatMap((entry, index) => Array.from({ length: counts[index] ?? 0 }, () => entry.item));
}

/** Hana Centers weighted by their region's share of residents, split evenly among a region's centers. */
export function centerWeights(idByKey: ReadonlyMap<string, string>): [string, number][] {
  const centers = DEMO_ORGANIZATIONS.filter((org) => org.type === 'hana_center');
  const perRegion = new Map<Region, number>();
  for (const org of centers) if (org.region) perRegion.set(org.region, (perRegion.get(org.region) ?? 0) + 1);
  const share = new Map(RESIDENCE_SHARES);
  return centers.map((org) => {
    const id = idByKey.get(org.key);
    if (!id || !org.region) throw new Error(`demo Hana Center ${org.key} is missing`);
    return [id, (share.get(org.region) ?? 0) / (perRegion.get(org.region) ?? 1)];
  });
}

/**
 * Signals per person, adding up to exactly `total`. ASSUMPTION, a skew like that of real arrears data: half
 * the persons have none, 30% have 1-5, 13% 6-30, 5% 31-100 and 2% 101-400; the whole is then scaled to the
 * total. Index 0 is person number 1.
 */
const SIGNALS_PER_PERSON: readonly (readonly [readonly [number, number], number])[] = [
  [[0, 0], 50],
  [[1, 5], 30],
  [[6, 30], 13],
  [[31, 100], 5],
  [[101, 400], 2],
];

export function signalCounts(persons: number, total: number, seed: number): Int32Array {
  const random = seededRandom(seed ^ 0x5eed);
  const raw = new Float64Array(persons);
  let sum = 0;
  for (let i = 0; i < persons; i++) {
    const [lo, hi] = random.weighted(SIGNALS_PER_PERSON);
    raw[i] = random.int(lo, hi);
    sum += raw[i] as number;
  }
  const counts = new Int32Array(persons);
  let cumulative = 0;
  let given = 0;
  for (let i = 0; i < persons; i++) {
    cumulative += raw[i] as number;
    const upTo = sum === 0 ? Math.floor((total * (i + 1)) / persons) : Math.floor((total * cumulative) / sum);
    counts[i] = upTo - given;
    given = upTo;
  }
  return counts;
}

/** `k` distinct person numbers of 1..n, in a seeded random order. */
export function distinctSample(n: number, k: number, seed: number): number[] {
  const random = seededRandom(seed);
  const numbers = Array.from({ length: n }, (_, i) => i + 1);
  const take = Math.min(k, n);
  for (let i = 0; i < take; i++) {
    const j = random.int(i, n - 1);
    [numbers[i], numbers[j]] = [numbers[j] as number, numbers[i] as number];
  }
  return numbers.slice(0, take);
}

/** The id of person number `g`: the same md5 the SQL computes (`md5(seed || ':p:' || g)::uuid`). */
export function benchPersonId(seed: number, g: number): string {
  const hex = createHash('md5').update(`${seed}:p:${g}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
