import {
  CERTIFICATES,
  explainIncentiveLine,
  explainMatch,
  INCENTIVE_LABELS,
  type IncentiveLine,
  type IncentiveLineKind,
  type Locale,
  type MatchFactorResult,
  OCCUPATIONS_2018,
  type ReferenceKind,
  referenceLabel,
  SKILLS,
} from '@ieum/domain';
import type { IncentiveLineData, MatchFactorData } from './api';

/**
 * Words the domain already has in both languages: the reference lists (occupations, skills, certificates), the
 * sentences behind a match score and an incentive line, and the incentive lines' names. The pages take them
 * from there and never word a reason themselves.
 */
export const occupationLabel = (code: string, locale: Locale) => referenceLabel('occupation', code, locale);
export const skillLabel = (code: string, locale: Locale) => referenceLabel('skill', code, locale);
export const certificateLabel = (code: string, locale: Locale) => referenceLabel('certificate', code, locale);

export function referenceLabels(kind: ReferenceKind, codes: readonly string[], locale: Locale): string {
  return codes.map((code) => referenceLabel(kind, code, locale)).join(', ');
}

export interface OptionGroup {
  group: string;
  items: { value: string; label: string }[];
}

/** The occupation list as select options, grouped by middle group (중분류) in the list's order. */
export function occupationOptions(locale: Locale): OptionGroup[] {
  return OCCUPATIONS_2018.groups
    .map((group) => ({
      group: group[locale],
      items: OCCUPATIONS_2018.occupations
        .filter((occupation) => occupation.code.startsWith(group.code))
        .map((occupation) => ({ value: occupation.code, label: occupation[locale] })),
    }))
    .filter((group) => group.items.length > 0);
}

export const skillOptions = (locale: Locale) =>
  SKILLS.map((item) => ({ value: item.code, label: item[locale] }));
export const certificateOptions = (locale: Locale) =>
  CERTIFICATES.map((item) => ({ value: item.code, label: item[locale] }));

export const incentiveLabel = (kind: IncentiveLineKind, locale: Locale) => INCENTIVE_LABELS[kind][locale];

const pointsText = (points: number, locale: Locale) => {
  const signed = points > 0 ? `+${points}` : String(points);
  return locale === 'ko' ? `${signed}점` : `${signed} pt`;
};

/**
 * A score's factors as the domain's sentences, one each. The API carries factor codes as plain strings (the
 * rules own them), so one newer than this page reads as its code and points rather than as "undefined".
 */
export function matchSentences(factors: readonly MatchFactorData[], locale: Locale): string[] {
  return factors.map((factor) => {
    const [sentence] = explainMatch([factor as unknown as MatchFactorResult], locale);
    return sentence === undefined || sentence.startsWith('undefined')
      ? `${factor.code} (${pointsText(factor.points, locale)})`
      : sentence;
  });
}

/** What the statement knows by name: employers (from the statement), courses (from the person's enrolments). */
export interface IncentiveNames {
  employers: Readonly<Record<string, string>>;
  courses: Readonly<Record<string, string>>;
}

/**
 * An incentive line as the domain's sentences, with the ids its reasons carry replaced by names: people read
 * the employer and the course, not a UUID; a certificate by its label, not its code.
 */
export function incentiveSentences(line: IncentiveLineData, names: IncentiveNames, locale: Locale): string[] {
  const reasons = line.reasons.map((reason) => {
    const params = { ...reason.params };
    const employerId = params.employerId;
    if (typeof employerId === 'string') params.employerId = names.employers[employerId] ?? employerId;
    const courseId = params.courseId;
    if (typeof courseId === 'string') params.courseId = names.courses[courseId] ?? courseId;
    const certificate = params.certificate;
    if (typeof certificate === 'string') params.certificate = certificateLabel(certificate, locale);
    return { ...reason, params };
  });
  const sentences = explainIncentiveLine({ ...line, reasons } as unknown as IncentiveLine, locale);
  // A reason code newer than this page falls through the domain's switch: show its code instead.
  return sentences.map((sentence, index) =>
    typeof sentence === 'string' ? sentence : (line.reasons[index - 1]?.code ?? ''),
  );
}
