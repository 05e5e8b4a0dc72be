import type { Region } from '../platform/regions';
import { areNeighbouringRegions, COMMUTE_ESTIMATES } from './commute';
import type { HoursPreference, SeekerConstraint, WorkHours, WorkSchedule } from './schemas';

/**
 * The weights and point rules of the match score (matching.ts). The weights live here and nowhere else; a change of weights is a change of policy, so it gets a new date.
 * Every factor gives whole points: scores compare exactly, ties are real ties (broken by id), and the exact
 * job-fair assignment can work in integers.
 */
export const MATCH_WEIGHTS = {
  since: '2026-11-26',
  /**
   * The largest weight: employment officers start from the occupation a person asked for, and people leave
   * jobs they did not choose. A neighbouring occupation in the same minor group (소분류) usually uses the same
   * hands and tools; the same two-digit major group (중분류) still shares a trade. The one-digit division is
   * too broad to mean anything and earns nothing.
   */
  occupation: { max: 30, exact: 30, minorGroup: 20, majorGroup: 10 },
  /**
   * Coverage of what the posting asks for; a required item counts twice a preferred one, because a missing
   * required skill is a reason to be turned down and a missing preferred one is not.
   */
  skills: { max: 12, required: 2, preferred: 1 },
  /** As skills, a little lighter: certificates can be earned in training after placement. */
  certificates: { max: 8, required: 2, preferred: 1 },
  /**
   * Work near home is work that lasts. A region the person would move to is almost as good as home; a long
   * commute within the province keeps half; a neighbouring province counts only if its commute fits.
   */
  region: { max: 15, same: 15, sameLongCommute: 8, willingToMove: 12, neighbouring: 10 },
  /** Full- or part-time as wished: a mismatch is the commonest reason an offer is declined. */
  hours: { max: 10 },
  /**
   * The posting's wage against the person's expectation. Falling 10% short keeps most of the points: an
   * expectation is a wish, and insured work at the same employer is what the employment incentive rewards.
   */
  wage: { max: 10, within10Percent: 7, within20Percent: 4 },
  /**
   * Childcare, health or disability that the job ignores makes the match fail in practice, whatever the rest
   * says; all or nothing, so one unmet constraint is never averaged away.
   */
  constraints: { max: 10 },
  /** Light: workplace language is learned on the job, but a gap of two levels is a real barrier. */
  language: { max: 5, oneLevelBelow: 2 },
} as const;

// The rules below take plain values so that the explained score (matching.ts) and the indexed search
// (prepared-match.ts) share them: the two can only disagree where they prepare their inputs, and a test
// compares them.

/** 0 the same occupation, 1 the same minor group, 2 the same major group, 3 none. Codes as numbers (0211 → 211). */
export type OccupationTier = 0 | 1 | 2 | 3;

export function occupationTier(
  sought: ArrayLike<number>,
  offered: number,
  from = 0,
  to = sought.length,
): OccupationTier {
  let best: OccupationTier = 3;
  for (let i = from; i < to; i++) {
    const code = sought[i] as number;
    if (code === offered) return 0;
    if (best > 1 && Math.floor(code / 10) === Math.floor(offered / 10)) best = 1;
    else if (best > 2 && Math.floor(code / 100) === Math.floor(offered / 100)) best = 2;
  }
  return best;
}

export const OCCUPATION_TIER_POINTS: readonly number[] = [
  MATCH_WEIGHTS.occupation.exact,
  MATCH_WEIGHTS.occupation.minorGroup,
  MATCH_WEIGHTS.occupation.majorGroup,
  0,
];

/** Points for covering what a posting asks for, required items weighing more; all points when nothing is asked. */
export function coveragePoints(
  weights: { readonly max: number; readonly required: number; readonly preferred: number },
  requiredMet: number,
  requiredAsked: number,
  preferredMet: number,
  preferredAsked: number,
): number {
  const asked = weights.required * requiredAsked + weights.preferred * preferredAsked;
  if (asked === 0) return weights.max;
  return Math.round(
    (weights.max * (weights.required * requiredMet + weights.preferred * preferredMet)) / asked,
  );
}

export type RegionRelation =
  | 'same_region'
  | 'same_region_long_commute'
  | 'willing_to_move'
  | 'neighbouring_region'
  | 'neighbouring_region_long_commute'
  | 'distant_region';

export function regionRelation(
  home: Region,
  willingToMove: (region: Region) => boolean,
  maxCommuteMinutes: number,
  workplace: Region,
): RegionRelation {
  if (home === workplace)
    return maxCommuteMinutes >= COMMUTE_ESTIMATES.sameRegionMinutes
      ? 'same_region'
      : 'same_region_long_commute';
  if (willingToMove(workplace)) return 'willing_to_move';
  if (areNeighbouringRegions(home, workplace))
    return maxCommuteMinutes >= COMMUTE_ESTIMATES.neighbouringRegionMinutes
      ? 'neighbouring_region'
      : 'neighbouring_region_long_commute';
  return 'distant_region';
}

export function regionPoints(relation: RegionRelation): number {
  const w = MATCH_WEIGHTS.region;
  switch (relation) {
    case 'same_region':
      return w.same;
    case 'same_region_long_commute':
      return w.sameLongCommute;
    case 'willing_to_move':
      return w.willingToMove;
    case 'neighbouring_region':
      return w.neighbouring;
    case 'neighbouring_region_long_commute':
    case 'distant_region':
      return 0;
  }
}

export function hoursFit(preferred: HoursPreference, offered: WorkHours): boolean {
  return preferred === 'either' || preferred === offered;
}

export type WageBand = 'not_stated' | 'meets' | 'within_10_percent' | 'within_20_percent' | 'below';

/** Integer comparisons, so a wage exactly 90% of the expectation is within 10%, never a rounding error away. */
export function wageBand(wage: number, expected: number): WageBand {
  if (expected <= 0) return 'not_stated';
  if (wage >= expected) return 'meets';
  if (wage * 10 >= expected * 9) return 'within_10_percent';
  if (wage * 10 >= expected * 8) return 'within_20_percent';
  return 'below';
}

export function wagePoints(band: WageBand): number {
  const w = MATCH_WEIGHTS.wage;
  switch (band) {
    case 'not_stated':
    case 'meets':
      return w.max;
    case 'within_10_percent':
      return w.within10Percent;
    case 'within_20_percent':
      return w.within20Percent;
    case 'below':
      return 0;
  }
}

/**
 * Childcare needs weekday daytime work, full- or part-time: a part-time evening job is exactly when a child
 * comes home. Health and disability constraints rule out work flagged as heavy physical work.
 */
export function childcareMet(schedule: WorkSchedule): boolean {
  return schedule === 'day';
}

export function unmetConstraints(
  constraints: readonly SeekerConstraint[],
  schedule: WorkSchedule,
  heavyPhysicalWork: boolean,
): SeekerConstraint[] {
  return constraints.filter((constraint) =>
    constraint === 'childcare' ? !childcareMet(schedule) : heavyPhysicalWork,
  );
}

export function languagePoints(level: number, required: number): number {
  if (level >= required) return MATCH_WEIGHTS.language.max;
  return required - level === 1 ? MATCH_WEIGHTS.language.oneLevelBelow : 0;
}
