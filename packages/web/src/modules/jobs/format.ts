import type { Locale } from '@ieum/domain';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../platform/format';
import { useLocale } from '../../platform/i18n';

const INTL: Record<Locale, string> = { ko: 'ko-KR', en: 'en-GB' };

export function numberText(value: number, locale: Locale, digits = 0): string {
  return value.toLocaleString(INTL[locale], { maximumFractionDigits: digits });
}

/** Won, written out: "2,300,000원" / "KRW 2,300,000". */
export function useWon(): (amount: number) => string {
  const { t } = useTranslation();
  const locale = useLocale();
  return (amount) => t('jobs.won', { amount: numberText(amount, locale) });
}

/** "<5" for a count withheld to protect small groups. */
export function useCountText(): (count: number | null | undefined) => string {
  const { t } = useTranslation();
  const locale = useLocale();
  return (count) =>
    count === null || count === undefined ? t('jobs.suppressed') : numberText(count, locale);
}

/** A stored amount as the form shows it: grouped as people write won ("2,500,000"); typedNumber reads it back. */
export const amountInput = (amount: number) => amount.toLocaleString('en-US');

/** A date-only field as the platform formats dates, or a dash when there is none. */
export function useDateText(): (date: string | null | undefined) => string {
  const locale = useLocale();
  return (date) => (date ? formatDate(date, locale) : '—');
}

/** Typed digits as a number (commas allowed, as people write won); blank as `blank`; anything else NaN. */
export function typedNumber(text: string, blank: number | undefined = undefined): number | undefined {
  const trimmed = text.replace(/,/g, '').trim();
  if (trimmed === '') return blank;
  return /^\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}
