import { COMMUTE_ESTIMATES } from './commute';
import {
  coveragePoints,
  hoursFit,
  languagePoints,
  MATCH_WEIGHTS,
  OCCUPATION_TIER_POINTS,
  type OccupationTier,
  occupationTier,
  regionPoints,
  regionRelation,
  unmetConstraints,
  wageBand,
  wagePoints,
} from './match-weights';
import type {
  HoursPreference,
  JobPosting,
  JobSeeker,
  SeekerConstraint,
  WorkHours,
  WorkSchedule,
} from './schemas';

/**
 * How well a posting fits a job seeker, 0-100, as the sum of eight factors, each with a reason a person can
 * read. The weights and point rules are in match-weights.ts; `explainMatch` turns the reasons into sentences.
 */
export type MatchFactor =
  | 'occupation'
  | 'skills'
  | 'certificates'
  | 'region'
  | 'hours'
  | 'wage'
  | 'constraints'
  | 'language';

export type MatchReasonCode =
  | 'occupation_exact'
  | 'occupation_minor_group'
  | 'occupation_major_group'
  | 'occupation_other'
  | 'none_asked'
  | 'all_met'
  | 'required_met'
  | 'required_missing'
  | 'same_region'
  | 'same_region_long_commute'
  | 'willing_to_move'
  | 'neighbouring_region'
  | 'neighbouring_region_long_commute'
  | 'distant_region'
  | 'hours_any'
  | 'hours_match'
  | 'hours_mismatch'
  | 'wage_not_stated'
  | 'wage_meets'
  | 'wage_within_10_percent'
  | 'wage_within_20_percent'
  | 'wage_below'
  | 'constraints_none'
  | 'constraints_met'
  | 'constraints_unmet'
  | 'korean_meets'
  | 'korean_one_below'
  | 'korean_below';

/** The facts behind a reason, for the sentence that explains it. Only the fields a code needs are set. */
export interface MatchReasonParams {
  readonly soughtOccupation?: string;
  readonly postingOccupation?: string;
  readonly missingRequired?: readonly string[];
  readonly missingPreferred?: readonly string[];
  readonly commuteMinutes?: number;
  readonly maxCommuteMinutes?: number;
  readonly preferredHours?: HoursPreference;
  readonly offeredHours?: WorkHours;
  readonly wage?: number;
  readonly expectedWage?: number;
  readonly unmet?: readonly SeekerConstraint[];
  readonly schedule?: WorkSchedule;
  readonly koreanLevel?: number;
  readonly requiredKoreanLevel?: number;
}

export interface MatchFactorResult {
  readonly factor: MatchFactor;
  readonly points: number;
  readonly max: number;
  readonly code: MatchReasonCode;
  readonly params: MatchReasonParams;
}

export interface MatchResult {
  readonly score: number;
  readonly factors: readonly MatchFactorResult[];
}

function occupationFactor(seeker: JobSeeker, posting: JobPosting): MatchFactorResult {
  const offered = Number(posting.occupation);
  let soughtOccupation = seeker.occupations[0] as string;
  let tier: OccupationTier = 3;
  for (const code of seeker.occupations) {
    const each = occupationTier([Number(code)], offered);
    if (each < tier) {
      tier = each;
      soughtOccupation = code;
    }
  }
  const codes = [
    'occupation_exact',
    'occupation_minor_group',
    'occupation_major_group',
    'occupation_other',
  ] as const;
  return {
    factor: 'occupation',
    points: OCCUPATION_TIER_POINTS[tier] as number,
    max: MATCH_WEIGHTS.occupation.max,
    code: codes[tier],
    params: { soughtOccupation, postingOccupation: posting.occupation },
  };
}

function coverageFactor(
  factor: 'skills' | 'certificates',
  held: readonly string[],
  required: readonly string[],
  preferred: readonly string[],
): MatchFactorResult {
  const weights = MATCH_WEIGHTS[factor];
  const max = weights.max;
  const missingRequired = required.filter((item) => !held.includes(item));
  const missingPreferred = preferred.filter((item) => !held.includes(item));
  const points = coveragePoints(
    weights,
    required.length - missingRequired.length,
    required.length,
    preferred.length - missingPreferred.length,
    preferred.length,
  );
  const code: MatchReasonCode =
    required.length + preferred.length === 0
      ? 'none_asked'
      : missingRequired.length > 0
        ? 'required_missing'
        : missingPreferred.length > 0
          ? 'required_met'
          : 'all_met';
  return { factor, points, max, code, params: { missingRequired, missingPreferred } };
}

function regionFactor(seeker: JobSeeker, posting: JobPosting): MatchFactorResult {
  const relation = regionRelation(
    seeker.region,
    (region) => seeker.willingToMoveTo.includes(region),
    seeker.maxCommuteMinutes,
    posting.region,
  );
  const commuteMinutes =
    relation === 'same_region' || relation === 'same_region_long_commute'
      ? COMMUTE_ESTIMATES.sameRegionMinutes
      : relation === 'neighbouring_region' || relation === 'neighbouring_region_long_commute'
        ? COMMUTE_ESTIMATES.neighbouringRegionMinutes
        : undefined;
  return {
    factor: 'region',
    points: regionPoints(relation),
    max: MATCH_WEIGHTS.region.max,
    code: relation,
    params:
      commuteMinutes === undefined ? {} : { commuteMinutes, maxCommuteMinutes: seeker.maxCommuteMinutes },
  };
}

function hoursFactor(seeker: JobSeeker, posting: JobPosting): MatchFactorResult {
  const fits = hoursFit(seeker.hours, posting.hours);
  return {
    factor: 'hours',
    points: fits ? MATCH_WEIGHTS.hours.max : 0,
    max: MATCH_WEIGHTS.hours.max,
    code: seeker.hours === 'either' ? 'hours_any' : fits ? 'hours_match' : 'hours_mismatch',
    params: { preferredHours: seeker.hours, offeredHours: posting.hours },
  };
}

function wageFactor(seeker: JobSeeker, posting: JobPosting): MatchFactorResult {
  const band = wageBand(posting.monthlyWage, seeker.expectedMonthlyWage);
  return {
    factor: 'wage',
    points: wagePoints(band),
    max: MATCH_WEIGHTS.wage.max,
    code: `wage_${band}`,
    params: { wage: posting.monthlyWage, expectedWage: seeker.expectedMonthlyWage },
  };
}

function constraintsFactor(seeker: JobSeeker, posting: JobPosting): MatchFactorResult {
  const unmet = unmetConstraints(seeker.constraints, posting.schedule, posting.heavyPhysicalWork);
  return {
    factor: 'constraints',
    points: unmet.length === 0 ? MATCH_WEIGHTS.constraints.max : 0,
    max: MATCH_WEIGHTS.constraints.max,
    code:
      seeker.constraints.length === 0
        ? 'constraints_none'
        : unmet.length === 0
          ? 'constraints_met'
          : 'constraints_unmet',
    params: { unmet, schedule: posting.schedule },
  };
}

function languageFactor(seeker: JobSeeker, posting: JobPosting): MatchFactorResult {
  const points = languagePoints(seeker.koreanLevel, posting.requiredKoreanLevel);
  return {
    factor: 'language',
    points,
    max: MATCH_WEIGHTS.language.max,
    code:
      points === MATCH_WEIGHTS.language.max
        ? 'korean_meets'
        : points > 0
          ? 'korean_one_below'
          : 'korean_below',
    params: { koreanLevel: seeker.koreanLevel, requiredKoreanLevel: posting.requiredKoreanLevel },
  };
}

/** The score of one (seeker, posting) pair with every factor's reason. */
export function scoreMatch(seeker: JobSeeker, posting: JobPosting): MatchResult {
  const factors = [
    occupationFactor(seeker, posting),
    coverageFactor('skills', seeker.skills, posting.requiredSkills, posting.preferredSkills),
    coverageFactor(
      'certificates',
      seeker.certificates,
      posting.requiredCertificates,
      posting.preferredCertificates,
    ),
    regionFactor(seeker, posting),
    hoursFactor(seeker, posting),
    wageFactor(seeker, posting),
    constraintsFactor(seeker, posting),
    languageFactor(seeker, posting),
  ];
  return { score: factors.reduce((sum, factor) => sum + factor.points, 0), factors };
}
