import { z } from 'zod';
import { compareDates, type IsoDate } from '../time/calendar';
import type { VulnerabilityCategory } from './profile';
import type { SignalType } from './signal-types';

/**
 * The screening rules: every weight and threshold of the risk score, in one reviewed place, dated. A score
 * keeps the version it was computed with, so a past score is explained with the rules of its day.
 *
 * How the weights were set (review them together; change them by adding a version, never by editing one that
 * has scored anybody):
 * - A signal counts once per type within its window, however often it is repeated; a long arrears (the
 *   value in months) adds a boost. Cut-offs of water, power and gas weigh most: in July 2019 the water had
 *   been cut and the rent unpaid for over a year (DOMAIN.md).
 * - Vulnerable categories raise the score but are capped. And a level (an alert) needs at least one signal:
 *   who a person is and how long since anyone saw them make a score worth reading on the record and a reason
 *   to include them in a survey round, but something has to have happened for the triage queue.
 * - Children in a household with a cut-off or arrears add weight: the 2019 victims were a mother and son.
 * - No recorded contact for six months or a year adds weight, and so does the end of the 5-year protection
 *   period: the risk persists after the window closes (DESIGN.md, item 5).
 * - Support already received (livelihood, medical or housing benefit) lowers the score a little: someone is
 *   looking, and there is some income. It never hides a cut-off.
 */
export interface SignalRule {
  readonly points: number;
  /** A signal observed within this many days before the screening date counts. */
  readonly windowDays: number;
  /** Whether it is material hardship (cut-offs and arrears), for the children rule. */
  readonly hardship: boolean;
  /** Extra points when the largest value in the window reaches `minValue` (months in arrears, days unreachable). */
  readonly boost?: { readonly minValue: number; readonly points: number };
}

export interface AlertDeadline {
  /** Hours from the alert's opening to the first contact. */
  readonly contactWithinHours: number;
}

export const ALERT_LEVELS = ['watch', 'high', 'crisis'] as const;
export const AlertLevel = z.enum(ALERT_LEVELS);
export type AlertLevel = z.infer<typeof AlertLevel>;

export interface ScreeningRules {
  readonly version: string;
  readonly validFrom: IsoDate;
  readonly signals: Readonly<Partial<Record<SignalType, SignalRule>>>;
  readonly vulnerability: Readonly<Record<VulnerabilityCategory, number>>;
  readonly vulnerabilityCap: number;
  readonly childrenWithHardship: number;
  /** Tiers by days without recorded contact, the longest first; the first tier reached applies. */
  readonly noContact: readonly { readonly minDays: number; readonly points: number }[];
  readonly protectionMonths: number;
  readonly protectionEnded: number;
  /** The first months after moving in, when everything is new. */
  readonly earlySettlement: { readonly withinMonths: number; readonly points: number };
  /** Negative: support already received. */
  readonly receivesSupport: number;
  /** The lowest score of each level. */
  readonly levels: Readonly<Record<AlertLevel, number>>;
  readonly deadlines: Readonly<Record<AlertLevel, AlertDeadline>>;
}

const VULNERABILITY_2019: Record<VulnerabilityCategory, number> = {
  single_person_household: 5,
  single_parent: 8,
  elderly_living_alone: 8,
  elderly: 3,
  disability: 6,
  chronic_illness: 6,
  mental_health: 8,
  addiction: 6,
  unemployed: 4,
  low_income: 5,
  housing_insecure: 6,
  debt: 4,
  infant_care: 4,
  third_country_child: 2,
  domestic_violence: 8,
  social_isolation: 6,
  youth_out_of_school: 3,
};

const MONTHS_6 = { minValue: 6, points: 10 };
const MONTHS_3 = { minValue: 3, points: 5 };

const RULES_2019: ScreeningRules = {
  // After the Gwanak deaths: the welfare ministry's crisis items (cut-offs, arrears, housing, medical) joined
  // with contact and protection data for the first survey rounds (Sep-Dec 2019).
  version: '2019-09',
  validFrom: '2019-09-01',
  signals: {
    power_cutoff: { points: 25, windowDays: 180, hardship: true },
    water_cutoff: { points: 25, windowDays: 180, hardship: true },
    gas_cutoff: { points: 20, windowDays: 180, hardship: true },
    power_arrears: { points: 10, windowDays: 180, hardship: true, boost: MONTHS_3 },
    water_arrears: { points: 10, windowDays: 180, hardship: true, boost: MONTHS_3 },
    gas_arrears: { points: 8, windowDays: 180, hardship: true, boost: MONTHS_3 },
    rent_arrears: { points: 20, windowDays: 365, hardship: true, boost: MONTHS_6 },
    health_insurance_arrears: { points: 10, windowDays: 365, hardship: true, boost: MONTHS_6 },
    employment_insurance_loss: { points: 10, windowDays: 180, hardship: false },
    hospitalization: { points: 10, windowDays: 180, hardship: false },
    no_contact: { points: 15, windowDays: 90, hardship: false, boost: { minValue: 180, points: 5 } },
    returned_mail: { points: 8, windowDays: 180, hardship: false },
    divorce: { points: 8, windowDays: 365, hardship: false },
    household_death: { points: 15, windowDays: 365, hardship: false },
    returned_from_abroad: { points: 8, windowDays: 365, hardship: false },
    moved_out_of_region: { points: 5, windowDays: 180, hardship: false },
    call_center_report: { points: 20, windowDays: 90, hardship: false },
    welfare_blind_spot: { points: 20, windowDays: 180, hardship: true },
    // A person checked in a survey round and found in crisis reaches "high" on that finding alone.
    survey_crisis_finding: { points: 50, windowDays: 90, hardship: false },
  },
  vulnerability: VULNERABILITY_2019,
  vulnerabilityCap: 20,
  childrenWithHardship: 10,
  noContact: [
    { minDays: 365, points: 15 },
    { minDays: 180, points: 10 },
  ],
  protectionMonths: 60,
  protectionEnded: 5,
  earlySettlement: { withinMonths: 12, points: 5 },
  receivesSupport: -10,
  levels: { watch: 30, high: 50, crisis: 70 },
  deadlines: {
    watch: { contactWithinHours: 30 * 24 },
    high: { contactWithinHours: 14 * 24 },
    crisis: { contactWithinHours: 24 },
  },
};

/**
 * Late 2020: 33 indicators. Telephone arrears join the list; a year without contact weighs more, after the
 * 2020 findings that most high-risk households had lost touch (71% with complex problems). Everything else as
 * in 2019-09.
 */
const RULES_2020: ScreeningRules = {
  ...RULES_2019,
  version: '2020-12',
  validFrom: '2020-12-01',
  signals: {
    ...RULES_2019.signals,
    telecom_arrears: { points: 5, windowDays: 180, hardship: true, boost: MONTHS_3 },
  },
  noContact: [
    { minDays: 365, points: 20 },
    { minDays: 180, points: 12 },
  ],
};

export const SCREENING_RULES: readonly ScreeningRules[] = [RULES_2019, RULES_2020];

/** The rules in force on a screening date. */
export function screeningRulesOn(
  on: IsoDate,
  rules: readonly ScreeningRules[] = SCREENING_RULES,
): ScreeningRules {
  const applicable = rules.filter((rule) => compareDates(rule.validFrom, on) <= 0);
  const latest = applicable.sort((a, b) => compareDates(b.validFrom, a.validFrom))[0];
  if (!latest) throw new RangeError(`no screening rules in force on ${on}`);
  return latest;
}

/** The rules of a stored score, by its version. */
export function screeningRulesVersion(
  version: string,
  rules: readonly ScreeningRules[] = SCREENING_RULES,
): ScreeningRules {
  const found = rules.find((rule) => rule.version === version);
  if (!found) throw new RangeError(`unknown screening rules version ${version}`);
  return found;
}
