import {
  describeReason,
  type Locale,
  type ScreeningReason,
  SIGNAL_TYPE_TABLE,
  type SignalType,
  SUPPORT_BENEFIT_LABELS,
  type SupportBenefit,
  VULNERABILITY_LABELS,
  type VulnerabilityCategory,
} from '@ieum/domain';

/**
 * Words the domain already has in both languages: signal types with their agencies, vulnerable categories,
 * benefits and the sentences of a score's reasons. The pages take them from there, never translate them again.
 */
const SIGNAL_TYPES = new Map(SIGNAL_TYPE_TABLE.map((definition) => [definition.type, definition]));

export function signalTypeLabel(type: SignalType, locale: Locale): string {
  const definition = SIGNAL_TYPES.get(type);
  return definition ? definition[locale] : type;
}

export function signalSourceLabel(type: SignalType, locale: Locale): string {
  return SIGNAL_TYPES.get(type)?.source[locale] ?? '';
}

/** "3개월" / "3 months"; the bare number for a type without a unit. */
export function signalValueText(type: SignalType, value: number | null, locale: Locale): string {
  if (value === null) return '—';
  const unit = SIGNAL_TYPES.get(type)?.value;
  if (!unit) return String(value);
  return locale === 'ko' ? `${value}${unit.unitKo}` : `${value} ${unit.unitEn}`;
}

export function categoryLabel(category: VulnerabilityCategory, locale: Locale): string {
  return VULNERABILITY_LABELS[category][locale];
}

export function benefitLabel(benefit: SupportBenefit, locale: Locale): string {
  return SUPPORT_BENEFIT_LABELS[benefit][locale];
}

/** A reason as the API carries it: its code and points, and the rest the rules put there. */
export interface StoredReason {
  readonly code: string;
  readonly points: number;
}

/**
 * A stored reason as the domain's sentence. Reasons are validated loosely on the way in (the rules own their
 * shape), so one the domain cannot describe (a code or signal type newer than this page) falls back to its
 * code and points rather than breaking the page.
 */
export function reasonSentence(reason: StoredReason, locale: Locale): string {
  try {
    // An unknown code falls through describeReason's exhaustive switch and comes back as the reason itself.
    const sentence: unknown = describeReason(reason as unknown as ScreeningReason, locale);
    if (typeof sentence === 'string') return sentence;
  } catch {
    // An unknown signal type: below.
  }
  const points = reason.points > 0 ? `+${reason.points}` : String(reason.points);
  return `${reason.code} (${points}${locale === 'ko' ? '점' : ' pt'})`;
}
