import { addDays, compareDates, daysBetween, type IsoDate, periodEnd } from '../time/calendar';
import {
  SUPPORT_BENEFIT_LABELS,
  type SupportBenefit,
  VULNERABILITY_LABELS,
  type VulnerabilityCategory,
} from './profile';
import type { AlertLevel, ScreeningRules } from './screening-rules';
import { type SignalType, signalTypeDefinition } from './signal-types';

/**
 * The risk score of one person: facts in, a score with its reasons out. Pure, so the same function explains
 * a stored score, scores a person when a signal arrives, and checks the set-based screening in the database
 * (modules/protection/screen-population.ts), which must give exactly the same numbers.
 */
export interface ObservedSignal {
  readonly type: SignalType;
  readonly observedOn: IsoDate;
  readonly value: number | null;
}

export interface ScreeningFacts {
  readonly signals: readonly ObservedSignal[];
  readonly categories: readonly VulnerabilityCategory[];
  readonly childrenInHousehold: number;
  readonly benefits: readonly SupportBenefit[];
  /** The last day anyone of ieum's users reached the person (outreach, appointment, case note, survey check). */
  readonly lastContactOn: IsoDate | null;
  readonly protectionDecisionDate: IsoDate | null;
  /** The day the person moved into their residence, when known. */
  readonly residenceStartDate: IsoDate | null;
}

export type ScreeningReason =
  | {
      readonly code: 'signal';
      readonly points: number;
      readonly signalType: SignalType;
      readonly count: number;
      readonly latestOn: IsoDate;
      readonly maxValue: number | null;
      readonly boosted: boolean;
    }
  | { readonly code: 'vulnerability'; readonly points: number; readonly category: VulnerabilityCategory }
  | { readonly code: 'vulnerability_cap'; readonly points: number; readonly cap: number }
  | { readonly code: 'children_with_hardship'; readonly points: number; readonly children: number }
  | {
      readonly code: 'no_contact';
      readonly points: number;
      readonly days: number;
      /** Null when ieum has no contact on record; days count from moving in (or the protection decision). */
      readonly lastContactOn: IsoDate | null;
    }
  | { readonly code: 'protection_ended'; readonly points: number; readonly endedOn: IsoDate }
  | { readonly code: 'early_settlement'; readonly points: number; readonly since: IsoDate }
  | {
      readonly code: 'receives_support';
      readonly points: number;
      readonly benefits: readonly SupportBenefit[];
    };

export interface RiskScore {
  readonly score: number;
  readonly level: AlertLevel | null;
  readonly rulesVersion: string;
  readonly asOf: IsoDate;
  /** Every contribution, largest first; their points add up to the score before it is held within 0-100. */
  readonly reasons: readonly ScreeningReason[];
}

export const MAX_SCORE = 100;

export function levelOf(score: number, rules: ScreeningRules): AlertLevel | null {
  if (score >= rules.levels.crisis) return 'crisis';
  if (score >= rules.levels.high) return 'high';
  if (score >= rules.levels.watch) return 'watch';
  return null;
}

/** Whether a signal observed on `observedOn` counts on `asOf` under a window of `windowDays`. */
export function inWindow(observedOn: IsoDate, asOf: IsoDate, windowDays: number): boolean {
  return compareDates(observedOn, asOf) <= 0 && compareDates(observedOn, addDays(asOf, -windowDays)) > 0;
}

function signalReasons(facts: ScreeningFacts, rules: ScreeningRules, asOf: IsoDate): ScreeningReason[] {
  const byType = new Map<SignalType, ObservedSignal[]>();
  for (const signal of facts.signals) {
    const rule = rules.signals[signal.type];
    if (!rule || !inWindow(signal.observedOn, asOf, rule.windowDays)) continue;
    const list = byType.get(signal.type) ?? [];
    list.push(signal);
    byType.set(signal.type, list);
  }
  const reasons: ScreeningReason[] = [];
  for (const [signalType, signals] of byType) {
    const rule = rules.signals[signalType];
    if (!rule) continue;
    const values = signals.map((s) => s.value).filter((v): v is number => v !== null);
    const maxValue = values.length > 0 ? Math.max(...values) : null;
    const boosted = rule.boost !== undefined && maxValue !== null && maxValue >= rule.boost.minValue;
    const latestOn = signals.map((s) => s.observedOn).sort(compareDates)[signals.length - 1] as IsoDate;
    reasons.push({
      code: 'signal',
      points: rule.points + (boosted && rule.boost ? rule.boost.points : 0),
      signalType,
      count: signals.length,
      latestOn,
      maxValue,
      boosted,
    });
  }
  return reasons;
}

export function scorePerson(facts: ScreeningFacts, rules: ScreeningRules, asOf: IsoDate): RiskScore {
  const reasons = signalReasons(facts, rules, asOf);
  const hardship = reasons.some(
    (reason) => reason.code === 'signal' && rules.signals[reason.signalType]?.hardship === true,
  );

  let vulnerabilityTotal = 0;
  for (const category of new Set(facts.categories)) {
    const points = rules.vulnerability[category];
    vulnerabilityTotal += points;
    reasons.push({ code: 'vulnerability', points, category });
  }
  if (vulnerabilityTotal > rules.vulnerabilityCap) {
    reasons.push({
      code: 'vulnerability_cap',
      points: rules.vulnerabilityCap - vulnerabilityTotal,
      cap: rules.vulnerabilityCap,
    });
  }

  if (hardship && facts.childrenInHousehold > 0) {
    reasons.push({
      code: 'children_with_hardship',
      points: rules.childrenWithHardship,
      children: facts.childrenInHousehold,
    });
  }

  const contactFrom = facts.lastContactOn ?? facts.residenceStartDate ?? facts.protectionDecisionDate;
  if (contactFrom !== null && compareDates(contactFrom, asOf) <= 0) {
    const days = daysBetween(contactFrom, asOf);
    const tier = rules.noContact.find((t) => days >= t.minDays);
    if (tier)
      reasons.push({ code: 'no_contact', points: tier.points, days, lastContactOn: facts.lastContactOn });
  }

  if (facts.protectionDecisionDate !== null) {
    const endedOn = periodEnd(facts.protectionDecisionDate, rules.protectionMonths);
    if (compareDates(endedOn, asOf) < 0) {
      reasons.push({ code: 'protection_ended', points: rules.protectionEnded, endedOn });
    }
  }

  if (facts.residenceStartDate !== null && compareDates(facts.residenceStartDate, asOf) <= 0) {
    const until = periodEnd(facts.residenceStartDate, rules.earlySettlement.withinMonths);
    if (compareDates(asOf, until) <= 0) {
      reasons.push({
        code: 'early_settlement',
        points: rules.earlySettlement.points,
        since: facts.residenceStartDate,
      });
    }
  }

  if (facts.benefits.length > 0) {
    reasons.push({
      code: 'receives_support',
      points: rules.receivesSupport,
      benefits: [...new Set(facts.benefits)].sort(),
    });
  }

  const total = reasons.reduce((sum, reason) => sum + reason.points, 0);
  const score = Math.max(0, Math.min(MAX_SCORE, total));
  // Without a signal the score is shown on the record but opens no alert: who a person is and how long since
  // anyone saw them are reasons to look (the survey rounds do), not an event to triage.
  const signalled = reasons.some((reason) => reason.code === 'signal');
  return {
    score,
    level: signalled ? levelOf(score, rules) : null,
    rulesVersion: rules.version,
    asOf,
    reasons: sortReasons(reasons),
  };
}

export const REASON_ORDER: Record<ScreeningReason['code'], number> = {
  signal: 0,
  children_with_hardship: 1,
  no_contact: 2,
  protection_ended: 3,
  early_settlement: 4,
  vulnerability: 5,
  vulnerability_cap: 6,
  receives_support: 7,
};

function reasonKey(reason: ScreeningReason): string {
  if (reason.code === 'signal') return reason.signalType;
  if (reason.code === 'vulnerability') return reason.category;
  return '';
}

// Plain code-point order (the database sorts the same keys with COLLATE "C").
function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Positive contributions largest first, then the adjustments; a fixed order so that stored reasons compare. */
export function sortReasons(reasons: readonly ScreeningReason[]): ScreeningReason[] {
  return [...reasons].sort(
    (a, b) =>
      Number(a.points < 0) - Number(b.points < 0) ||
      b.points - a.points ||
      REASON_ORDER[a.code] - REASON_ORDER[b.code] ||
      compareCodePoints(reasonKey(a), reasonKey(b)),
  );
}

type Locale = 'ko' | 'en';

function signed(points: number, locale: Locale): string {
  const value = points > 0 ? `+${points}` : String(points);
  return locale === 'ko' ? `${value}점` : `${value} pt`;
}

/** One reason as a plain sentence, in Korean or English, with its points. */
export function describeReason(reason: ScreeningReason, locale: Locale): string {
  const ko = locale === 'ko';
  const points = ` (${signed(reason.points, locale)})`;
  switch (reason.code) {
    case 'signal': {
      const definition = signalTypeDefinition(reason.signalType);
      const name = ko ? definition.ko : definition.en;
      const source = ko ? definition.source.ko : definition.source.en;
      const count = reason.count > 1 ? (ko ? `, ${reason.count}건` : `, ${reason.count} reports`) : '';
      const value =
        reason.maxValue !== null && definition.value
          ? ko
            ? `, 최대 ${reason.maxValue}${definition.value.unitKo}`
            : `, up to ${reason.maxValue} ${definition.value.unitEn}`
          : '';
      return ko
        ? `${name}: ${source}에서 ${reason.latestOn}에 확인${count}${value}${points}`
        : `${name}: reported by ${source} on ${reason.latestOn}${count}${value}${points}`;
    }
    case 'vulnerability': {
      const label = VULNERABILITY_LABELS[reason.category];
      return ko ? `취약 유형: ${label.ko}${points}` : `Vulnerable category: ${label.en}${points}`;
    }
    case 'vulnerability_cap':
      return ko
        ? `취약 유형 가산점은 최대 ${reason.cap}점까지만 반영${points}`
        : `Vulnerable categories count for at most ${reason.cap} points${points}`;
    case 'children_with_hardship':
      return ko
        ? `생활고 신호가 있는 가구에 18세 미만 자녀 ${reason.children}명${points}`
        : `${reason.children} child(ren) under 18 in a household with material hardship${points}`;
    case 'no_contact':
      return reason.lastContactOn
        ? ko
          ? `마지막 접촉(${reason.lastContactOn}) 후 ${reason.days}일간 연락 없음${points}`
          : `No contact for ${reason.days} days since ${reason.lastContactOn}${points}`
        : ko
          ? `전입 후 ${reason.days}일간 접촉 기록 없음${points}`
          : `No contact on record in the ${reason.days} days since moving in${points}`;
    case 'protection_ended':
      return ko
        ? `거주지 보호기간 종료(${reason.endedOn}): 정기 접촉이 끊겼을 수 있음${points}`
        : `Residence protection ended on ${reason.endedOn}: regular contact may have stopped${points}`;
    case 'early_settlement':
      return ko
        ? `전입(${reason.since}) 후 1년 이내 초기 정착기${points}`
        : `First year after moving in on ${reason.since}${points}`;
    case 'receives_support': {
      const names = reason.benefits.map((b) =>
        ko ? SUPPORT_BENEFIT_LABELS[b].ko : SUPPORT_BENEFIT_LABELS[b].en,
      );
      return ko ? `${names.join('·')} 수급 중${points}` : `Receives ${names.join(', ')}${points}`;
    }
    default: {
      const unknown: never = reason;
      return unknown;
    }
  }
}
