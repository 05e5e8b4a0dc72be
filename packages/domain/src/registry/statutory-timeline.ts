import type { Role } from '../platform/roles';
import { addDays, addMonths, compareDates, type IsoDate, periodEnd } from '../time/calendar';

/**
 * The statutory timeline of one protected person: the dates the law sets, turned into dated items for the
 * office and role that must act. Pure: facts and a dated rule set in, items out.
 *
 * Sources (DOMAIN.md): residence protection 5 years from the protection decision, extendable by the
 * Council; personal-safety protection 5 years (statutory since 2019); the residence officer reports every
 * half-year for 5 years, due the 20th of the following month; the Hana Center's initial education is
 * 8 days / 50 hours after Hanawon. Employment protection is counted, by design, within the residence
 * protection period (the employment officer's assignment ends with it) until a rule set says otherwise.
 */
export interface StatutoryRuleSet {
  /** First protection-decision date this rule set applies to. */
  readonly validFrom: IsoDate;
  readonly residenceProtectionMonths: number;
  readonly safetyProtectionMonths: number;
  readonly halfYearReportMonths: number;
  readonly halfYearReportDueDay: number;
  readonly initialEducation: {
    readonly days: number;
    readonly hours: number;
    readonly dueWithinDays: number;
  };
  readonly reminderMonthsBeforeEnd: number;
}

export const STATUTORY_RULES: readonly StatutoryRuleSet[] = [
  {
    validFrom: '1997-07-14',
    residenceProtectionMonths: 60,
    safetyProtectionMonths: 60,
    halfYearReportMonths: 60,
    halfYearReportDueDay: 20,
    // Initial education follows Hanawon directly; a month leaves room for moving in.
    initialEducation: { days: 8, hours: 50, dueWithinDays: 30 },
    reminderMonthsBeforeEnd: 3,
  },
];

export function rulesFor(
  decisionDate: IsoDate,
  rules: readonly StatutoryRuleSet[] = STATUTORY_RULES,
): StatutoryRuleSet {
  const applicable = rules.filter((rule) => compareDates(rule.validFrom, decisionDate) <= 0);
  const latest = applicable.sort((a, b) => compareDates(b.validFrom, a.validFrom))[0];
  if (!latest) throw new RangeError(`no statutory rules in force on ${decisionDate}`);
  return latest;
}

export interface ProtectionExtension {
  readonly months: number;
  readonly decidedOn: IsoDate;
}

export interface ProtectionFacts {
  readonly protectionDecisionDate: IsoDate;
  readonly hanawonCompletionDate: IsoDate | null;
  /** The day the person moved into their residence (전입일); half-year reports count from it. */
  readonly residenceStartDate: IsoDate | null;
  readonly residenceExtensions: readonly ProtectionExtension[];
  readonly safetyExtensions: readonly ProtectionExtension[];
}

export type StatutoryItemKind =
  | 'residence_protection_end'
  | 'safety_protection_end'
  | 'employment_protection_end'
  | 'initial_education'
  | 'half_year_report';

export interface StatutoryItem {
  /** Stable across recomputation, so regenerated tasks update instead of duplicating. */
  readonly key: string;
  readonly kind: StatutoryItemKind;
  readonly dueOn: IsoDate;
  /** When the responsible office should be told; equal to dueOn where no earlier reminder applies. */
  readonly remindOn: IsoDate;
  readonly role: Role;
  readonly periodStart?: IsoDate;
  readonly periodEnd?: IsoDate;
}

export interface ProtectionPeriod {
  readonly start: IsoDate;
  readonly end: IsoDate;
}

export function protectionPeriod(
  start: IsoDate,
  months: number,
  extensions: readonly ProtectionExtension[],
): ProtectionPeriod {
  const total = months + extensions.reduce((sum, extension) => sum + extension.months, 0);
  return { start, end: periodEnd(start, total) };
}

export function statutoryTimeline(
  facts: ProtectionFacts,
  rules: readonly StatutoryRuleSet[] = STATUTORY_RULES,
): StatutoryItem[] {
  const rule = rulesFor(facts.protectionDecisionDate, rules);
  const decision = facts.protectionDecisionDate;
  const remind = (end: IsoDate) => addMonths(end, -rule.reminderMonthsBeforeEnd);
  const residence = protectionPeriod(decision, rule.residenceProtectionMonths, facts.residenceExtensions);
  const safety = protectionPeriod(decision, rule.safetyProtectionMonths, facts.safetyExtensions);
  const items: StatutoryItem[] = [
    {
      key: 'residence_protection_end',
      kind: 'residence_protection_end',
      dueOn: residence.end,
      remindOn: remind(residence.end),
      role: 'residence_officer',
      periodStart: residence.start,
      periodEnd: residence.end,
    },
    {
      key: 'safety_protection_end',
      kind: 'safety_protection_end',
      dueOn: safety.end,
      remindOn: remind(safety.end),
      role: 'safety_officer',
      periodStart: safety.start,
      periodEnd: safety.end,
    },
    {
      key: 'employment_protection_end',
      kind: 'employment_protection_end',
      dueOn: residence.end,
      remindOn: remind(residence.end),
      role: 'employment_officer',
      periodStart: residence.start,
      periodEnd: residence.end,
    },
  ];
  if (facts.hanawonCompletionDate) {
    const due = addDays(facts.hanawonCompletionDate, rule.initialEducation.dueWithinDays);
    items.push({
      key: 'initial_education',
      kind: 'initial_education',
      dueOn: due,
      remindOn: due,
      role: 'case_worker',
    });
  }
  items.push(...halfYearReports(facts.residenceStartDate ?? decision, rule));
  return items.sort((a, b) => compareDates(a.dueOn, b.dueOn) || a.key.localeCompare(b.key));
}

/**
 * One report per calendar half-year (January-June, July-December) that overlaps the reporting period,
 * due on the given day of the month after the half ends: a half ending in June is due 20 July.
 */
export function halfYearReports(start: IsoDate, rule: StatutoryRuleSet): StatutoryItem[] {
  const last = periodEnd(start, rule.halfYearReportMonths);
  const items: StatutoryItem[] = [];
  let year = Number(start.slice(0, 4));
  let half: 1 | 2 = Number(start.slice(5, 7)) <= 6 ? 1 : 2;
  for (;;) {
    const halfStart = half === 1 ? `${year}-01-01` : `${year}-07-01`;
    if (compareDates(halfStart, last) > 0) break;
    const halfEnd = half === 1 ? `${year}-06-30` : `${year}-12-31`;
    const dueMonth = half === 1 ? `${year}-07` : `${year + 1}-01`;
    const dueOn = `${dueMonth}-${String(rule.halfYearReportDueDay).padStart(2, '0')}`;
    items.push({
      key: `half_year_report:${year}-H${half}`,
      kind: 'half_year_report',
      dueOn,
      remindOn: addDays(dueOn, -14),
      role: 'residence_officer',
      periodStart: compareDates(halfStart, start) < 0 ? start : halfStart,
      periodEnd: compareDates(halfEnd, last) > 0 ? last : halfEnd,
    });
    if (half === 1) half = 2;
    else {
      half = 1;
      year += 1;
    }
  }
  return items;
}
