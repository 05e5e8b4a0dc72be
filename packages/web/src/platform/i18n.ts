import type { Locale } from '@ieum/domain';
import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { en, ko } from '../i18n';

export const LOCALES = ['ko', 'en'] as const satisfies readonly Locale[];
export const DEFAULT_LOCALE: Locale = 'ko';
/** The UI language chosen on this device. Not sensitive, so it may live in localStorage. */
export const LOCALE_STORAGE_KEY = 'ieum.locale';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof ko };
  }
}

export function isLocale(value: unknown): value is Locale {
  return value === 'ko' || value === 'en';
}

export function storedLocale(): Locale | null {
  try {
    const value = globalThis.localStorage?.getItem(LOCALE_STORAGE_KEY);
    return isLocale(value) ? value : null;
  } catch {
    return null;
  }
}

function rememberLocale(locale: Locale): void {
  try {
    globalThis.localStorage?.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // Private browsing may refuse storage; the choice then lasts for this page only.
  }
}

export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: { ko: { translation: ko }, en: { translation: en } },
  lng: storedLocale() ?? DEFAULT_LOCALE,
  fallbackLng: DEFAULT_LOCALE,
  supportedLngs: LOCALES,
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});

function reflectLocale(locale: string): void {
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
}
reflectLocale(i18n.language);
i18n.on('languageChanged', reflectLocale);

export function currentLocale(): Locale {
  const language = i18n.resolvedLanguage ?? i18n.language;
  return isLocale(language) ? language : DEFAULT_LOCALE;
}

/** Switches the UI language and remembers it on this device. */
export async function changeLocale(locale: Locale): Promise<void> {
  rememberLocale(locale);
  await i18n.changeLanguage(locale);
}

/** The current UI language, re-rendering on change. */
export function useLocale(): Locale {
  const { i18n: instance } = useTranslation();
  const language = instance.resolvedLanguage ?? instance.language;
  return isLocale(language) ? language : DEFAULT_LOCALE;
}

/** Organization names are Korean proper names; English screens use the English name where one is recorded. */
export function organizationName(
  organization: { name: string; nameEn: string | null },
  locale: Locale,
): string {
  return locale === 'en' && organization.nameEn ? organization.nameEn : organization.name;
}
