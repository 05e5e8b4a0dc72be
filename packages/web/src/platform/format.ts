import type { Locale } from '@ieum/domain';

/** Every time is stored in UTC and shown in Korea's time zone, whatever the browser's zone. */
export const DISPLAY_TIME_ZONE = 'Asia/Seoul';

const INTL_LOCALE: Record<Locale, string> = { ko: 'ko-KR', en: 'en-GB' };
const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: Locale, kind: 'dateTime' | 'date' | 'month'): Intl.DateTimeFormat {
  const key = `${locale}:${kind}`;
  let format = cache.get(key);
  if (!format) {
    const options: Intl.DateTimeFormatOptions =
      kind === 'dateTime'
        ? {
            timeZone: DISPLAY_TIME_ZONE,
            year: 'numeric',
            month: '2-digit',
            day: '2-digit',
            hour: '2-digit',
            minute: '2-digit',
            second: '2-digit',
            hourCycle: 'h23',
          }
        : kind === 'date'
          ? { timeZone: DISPLAY_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }
          : // A month label is calendar data, not an instant: format it in UTC so it never shifts.
            { timeZone: 'UTC', year: 'numeric', month: 'long' };
    format = new Intl.DateTimeFormat(INTL_LOCALE[locale], options);
    cache.set(key, format);
  }
  return format;
}

export function formatDateTime(iso: string, locale: Locale): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : formatter(locale, 'dateTime').format(date);
}

export function formatDate(iso: string, locale: Locale): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : formatter(locale, 'date').format(date);
}

/** `2025-03` → `2025년 3월` / `March 2025`. */
export function formatMonth(month: string, locale: Locale): string {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  if (!match) return month;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 15));
  return formatter(locale, 'month').format(date);
}

/** The calendar month before `now` in Korea, as `YYYY-MM` (the month a review usually covers). */
export function previousMonthInSeoul(now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: DISPLAY_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
  })
    .formatToParts(now)
    .reduce<Record<string, string>>((acc, part) => {
      acc[part.type] = part.value;
      return acc;
    }, {});
  let year = Number(parts.year);
  let month = Number(parts.month) - 1;
  if (month === 0) {
    month = 12;
    year -= 1;
  }
  return `${year}-${String(month).padStart(2, '0')}`;
}
