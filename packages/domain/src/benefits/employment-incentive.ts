import { CAPITAL_REGION, type Region } from '../platform/regions';
import { rulesFor } from '../registry/statutory-timeline';
import { type IsoDate, periodEnd } from '../time/calendar';
import {
  type DraftLine,
  type IncentiveLine,
  type IncentiveReason,
  type IncentiveStatus,
  settleIncentiveLines,
} from './incentive-lines';
import {
  EMPLOYMENT_INCENTIVE_RATES,
  type EmploymentIncentiveRate,
  employmentIncentiveRateOn,
  INCENTIVE_RULES,
} from './incentive-rules';
import { employmentMilestones, insuredSpells } from './insured-employment';
import type { IncentiveFacts, ResidencePeriod } from './schemas';
import { skillIncentiveLines } from './skill-incentives';

export interface IncentiveStatement {
  readonly lines: readonly IncentiveLine[];
  /** The last day of the 5-year residence protection. */
  readonly protectionEndsOn: IsoDate;
  /** The last day an incentive line can fall due: protection plus a year per childbirth counted. */
  readonly incentivePeriodEndsOn: IsoDate;
  readonly childbirthsCounted: number;
  readonly ceiling: number;
  readonly paidTotal: number;
  readonly dueTotal: number;
  readonly upcomingTotal: number;
}

const rule = INCENTIVE_RULES;

function regionOn(residence: readonly ResidencePeriod[], date: IsoDate): Region | null {
  const period = residence.find((each) => each.from <= date && (each.until === null || date <= each.until));
  return period?.region ?? null;
}

function employmentLines(
  facts: IncentiveFacts,
  periodEndsOn: IsoDate,
  rates: readonly EmploymentIncentiveRate[],
) {
  const decision = facts.protectionDecisionDate;
  const spells = insuredSpells(facts.employment, decision);
  const milestones = rule.employmentMilestones;
  const progress = employmentMilestones(
    spells,
    milestones.map((m) => m.months),
    rule.minimumMonthsAtEmployer,
  );
  const context: IncentiveReason[] = [];
  if (progress.shortSpells.length > 0)
    context.push({
      code: 'short_spells_ignored',
      params: { count: progress.shortSpells.length, minimumMonths: rule.minimumMonthsAtEmployer },
    });
  const uninsured = facts.employment.filter((record) => !record.insured).length;
  if (uninsured > 0) context.push({ code: 'uninsured_ignored', params: { count: uninsured } });

  let firstInstalment: number | null = null;
  return milestones.map(({ line, months }, k): DraftLine => {
    const reached = progress.reached[k];
    if (!reached)
      return {
        kind: line,
        dueOn: null,
        amount: null,
        reasons: [
          { code: 'not_reached', params: { months, monthsCounted: progress.monthsCounted } },
          ...context,
        ],
      };
    const reasons: IncentiveReason[] = [
      {
        code: 'months_at_employer',
        params: { months, employerId: reached.employerId, since: reached.spellStart },
      },
    ];
    const ongoing = spells.some(
      (s) => s.employerId === reached.employerId && s.start === reached.spellStart && s.end === null,
    );
    if (ongoing && reached.dueOn > facts.asOf)
      reasons.push({ code: 'upcoming_if_work_continues', params: { employerId: reached.employerId } });
    const draft = (amount: number | null): DraftLine => ({
      kind: line,
      dueOn: reached.dueOn,
      amount,
      reasons,
    });
    if (reached.dueOn > periodEndsOn) {
      reasons.push({ code: 'after_protection_period', params: { periodEndsOn } });
      return draft(null);
    }
    const rate = employmentIncentiveRateOn(reached.dueOn, rates);
    if (!rate) {
      reasons.push({ code: 'no_rate_on_record', params: { date: reached.dueOn } });
      return draft(null);
    }
    const region = regionOn(facts.residence, reached.dueOn);
    if (!region) {
      reasons.push({ code: 'residence_unknown', params: { date: reached.dueOn } });
      return draft(null);
    }
    const capital = CAPITAL_REGION.has(region);
    const table = capital ? rate.capital : rate.provinces;
    // Year 1 is paid in two parts; the rest at 12 months is the year's amount (by where the person lives then)
    // less the first part, so a move between the two never pays year 1 twice or short.
    const full =
      line === 'employment_year1_first'
        ? table.year1FirstInstalment
        : line === 'employment_year1_rest'
          ? table.year1
          : line === 'employment_year2'
            ? table.year2
            : table.year3;
    reasons.push({ code: capital ? 'capital_rate' : 'province_rate', params: { region, amount: full } });
    if (line === 'employment_year1_first') firstInstalment = full;
    if (line === 'employment_year1_rest') {
      const deducted = firstInstalment ?? table.year1FirstInstalment;
      reasons.push({ code: 'first_instalment_deducted', params: { amount: deducted } });
      return draft(full - deducted);
    }
    return draft(full);
  });
}

/**
 * What a person can claim in employment, training and certificate incentives (취업장려금, 직업훈련장려금,
 * 자격취득장려금), from the facts on record and the dated rules in incentive-rules.ts. Pure: facts in, a
 * statement out, one line per incentive with its status, amount, due date and reasons.
 */
export function calculateIncentives(
  facts: IncentiveFacts,
  rates: readonly EmploymentIncentiveRate[] = EMPLOYMENT_INCENTIVE_RATES,
): IncentiveStatement {
  const decision = facts.protectionDecisionDate;
  const protectionMonths = rulesFor(decision).residenceProtectionMonths;
  const protectionEndsOn = periodEnd(decision, protectionMonths);
  const births = facts.childbirths.filter((date) => decision <= date && date <= protectionEndsOn).length;
  const childbirthsCounted = Math.min(births, rule.maxChildbirths);
  const incentivePeriodEndsOn = periodEnd(
    decision,
    protectionMonths + rule.monthsPerChildbirth * childbirthsCounted,
  );
  const employment = employmentLines(facts, incentivePeriodEndsOn, rates);
  if (childbirthsCounted > 0)
    for (const line of employment)
      line.reasons.push({
        code: 'protection_extended_by_births',
        params: { births: childbirthsCounted, periodEndsOn: incentivePeriodEndsOn },
      });
  const lines = settleIncentiveLines(
    [...employment, ...skillIncentiveLines(facts, incentivePeriodEndsOn)],
    facts,
  );
  const sum = (status: IncentiveStatus) =>
    lines.filter((line) => line.status === status).reduce((total, line) => total + line.amount, 0);
  return {
    lines,
    protectionEndsOn,
    incentivePeriodEndsOn,
    childbirthsCounted,
    ceiling: rule.ceiling,
    paidTotal: facts.payments.reduce((total, payment) => total + payment.amount, 0),
    dueTotal: sum('due'),
    upcomingTotal: sum('upcoming'),
  };
}
