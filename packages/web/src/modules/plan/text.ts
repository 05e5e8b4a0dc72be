import type { Locale } from '@ieum/domain';
import type { TFunction } from 'i18next';

/** A plan, category or KPI has a Korean name and an English one: the one for the UI's language. */
export function localized(item: { titleKo: string; titleEn: string }, locale: Locale): string;
export function localized(item: { nameKo: string; nameEn: string | null }, locale: Locale): string;
export function localized(
  item: { titleKo?: string; titleEn?: string; nameKo?: string; nameEn?: string | null },
  locale: Locale,
): string {
  const ko = item.titleKo ?? item.nameKo ?? '';
  const en = item.titleEn ?? item.nameEn ?? null;
  return locale === 'en' && en ? en : ko;
}

/** An organization's name in the UI's language (the English name where one is recorded). */
export function orgName(org: { name: string; nameEn: string | null }, locale: Locale): string {
  return locale === 'en' && org.nameEn ? org.nameEn : org.name;
}

/** Revision 1 is the plan as first made (최초 수립); revision 2 is its first amendment (1차 개정), and so on. */
export function revisionLabel(t: TFunction, revision: number): string {
  return revision === 1 ? t('plan.revisionFirst') : t('plan.revision', { amendment: revision - 1 });
}
