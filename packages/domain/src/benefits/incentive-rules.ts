import type { IsoDate } from '../time/calendar';

/**
 * The incentive rules, as DOMAIN.md ("Benefits") states them, citing its sources [33][34][42]:
 *
 * > Employment incentive (취업장려금): ≥6 months of employment insurance at the same employer, within the
 * > 5 years; up to 3 years (each childbirth +1 year, max 2). Per year, capital region / provinces: 5M / 6M,
 * > 6M / 7M, 7M / 8M (year 1 claimed at 6-12 months: 2M / 2.5M). Ceiling of all incentives 25.1M.
 * > Training incentive (1.2M at 500 h, +200k per 120 h, max 2.4M; +2M for 1-year courses) and certificate
 * > incentive (2M once): abolished for people protected after 2014-11-29.
 *
 * Amounts change by decree, so they are rows with validity dates, never constants in the calculator.
 */
export interface YearlyEmploymentIncentive {
  readonly year1: number;
  /** Paid after 6 months; the rest of year 1 follows at 12 months. */
  readonly year1FirstInstalment: number;
  readonly year2: number;
  readonly year3: number;
}

export interface EmploymentIncentiveRate {
  /**
   * The row applies to a line that falls due (the day a stretch of insured work is completed) from
   * `validFrom` to `validUntil`, inclusive. Choice: DOMAIN.md gives no start date for these amounts; the row
   * starts on 2014-11-29, the one reform date it gives for incentives, and the calculator refuses (reason
   * `no_rate_on_record`) to price a line falling due before it rather than apply amounts we cannot source.
   */
  readonly validFrom: IsoDate;
  readonly validUntil: IsoDate | null;
  readonly capital: YearlyEmploymentIncentive;
  readonly provinces: YearlyEmploymentIncentive;
}

export const EMPLOYMENT_INCENTIVE_RATES: readonly EmploymentIncentiveRate[] = [
  {
    validFrom: '2014-11-29',
    validUntil: null,
    capital: { year1: 5_000_000, year1FirstInstalment: 2_000_000, year2: 6_000_000, year3: 7_000_000 },
    provinces: { year1: 6_000_000, year1FirstInstalment: 2_500_000, year2: 7_000_000, year3: 8_000_000 },
  },
];

export function employmentIncentiveRateOn(
  date: IsoDate,
  rates: readonly EmploymentIncentiveRate[] = EMPLOYMENT_INCENTIVE_RATES,
): EmploymentIncentiveRate | null {
  return (
    rates.find((rate) => rate.validFrom <= date && (rate.validUntil === null || date <= rate.validUntil)) ??
    null
  );
}

export const INCENTIVE_RULES = {
  /** Insured months at the same employer before any employment incentive, and for each claim. */
  minimumMonthsAtEmployer: 6,
  /** Years of employment incentive: the months of work at which each line falls due. */
  employmentMilestones: [
    { line: 'employment_year1_first', months: 6 },
    { line: 'employment_year1_rest', months: 12 },
    { line: 'employment_year2', months: 24 },
    { line: 'employment_year3', months: 36 },
  ],
  /**
   * "Within the 5 years": the residence protection period (60 months from the protection decision, as in
   * STATUTORY_RULES). Choice: DOMAIN.md's "each childbirth +1 year, max 2" is read as extending this period,
   * not as paying a fourth and fifth year: it gives amounts for years 1-3 only, and a birth interrupts the
   * work that the three years are counted from. Births counted are those during the 5-year period.
   */
  monthsPerChildbirth: 12,
  maxChildbirths: 2,
  /** The ceiling of all incentives together (employment, training, certificate), paid or due. */
  ceiling: 25_100_000,
  /**
   * Training and certificate incentives exist only for persons whose protection decision is before this date.
   * Choice: "protected after 2014-11-29" is read as "from" that date, the day the amendment took effect;
   * a decision on 2014-11-28 keeps them, one on 2014-11-29 does not.
   */
  skillIncentivesAbolishedFrom: '2014-11-29',
  training: {
    minimumHours: 500,
    baseAmount: 1_200_000,
    stepHours: 120,
    stepAmount: 200_000,
    maxAmount: 2_400_000,
    /** Choice: added on top of the 2.4M maximum, once per person (for the first one-year course completed). */
    oneYearCourseAmount: 2_000_000,
  },
  /** Once per person, for the first certificate acquired. */
  certificateAmount: 2_000_000,
} as const;
