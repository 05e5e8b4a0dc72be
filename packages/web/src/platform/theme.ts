import {
  Alert,
  Badge,
  type CSSVariablesResolver,
  createTheme,
  type MantineThemeOverride,
  Modal,
  Notification,
  Pagination,
  PasswordInput,
  Select,
} from '@mantine/core';
import type { TFunction } from 'i18next';

const FONT_FAMILY =
  'Pretendard, "Noto Sans KR", "Apple SD Gothic Neo", "Malgun Gothic", -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, sans-serif';

/**
 * Mantine's defaults put white text on blue-6 and dimmed text on gray-6, both under WCAG AA's 4.5:1.
 * Shade 8 for filled controls and darker dimmed/error/placeholder colours keep every text at AA or better.
 */
export const cssVariablesResolver: CSSVariablesResolver = (theme) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-6)',
    '--mantine-color-anchor': 'var(--mantine-color-blue-9)',
    ...lightVariantColors(Object.keys(theme.colors)),
  },
  dark: {},
});

/** Palettes whose darkest shade is still too light to be text on a pale background. */
const PALE_PALETTES = new Set(['yellow', 'orange', 'lime']);

/**
 * The "light" variant (badges, active menu item, light buttons, alerts) draws shade 9 on shade 1, and shade 2
 * on hover: under 4.5:1 for teal, orange and blue. Shades 0/1 keep the darkest text readable; pale palettes
 * get near-black text.
 */
function lightVariantColors(colors: readonly string[]): Record<string, string> {
  const variables: Record<string, string> = {};
  for (const color of colors) {
    if (color === 'dark' || color === 'gray') continue;
    variables[`--mantine-color-${color}-light`] = `var(--mantine-color-${color}-0)`;
    variables[`--mantine-color-${color}-light-hover`] = `var(--mantine-color-${color}-1)`;
    if (PALE_PALETTES.has(color))
      variables[`--mantine-color-${color}-light-color`] = 'var(--mantine-color-black)';
  }
  return variables;
}

/** The theme, with the accessible names Mantine's built-in buttons need in the current language. */
export function createAppTheme(t: TFunction): MantineThemeOverride {
  return createTheme({
    primaryColor: 'blue',
    primaryShade: { light: 8, dark: 8 },
    fontFamily: FONT_FAMILY,
    headings: { fontFamily: FONT_FAMILY },
    defaultRadius: 'sm',
    components: {
      Badge: Badge.extend({ defaultProps: { variant: 'light' } }),
      Alert: Alert.extend({ defaultProps: { closeButtonLabel: t('common.close') } }),
      Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': t('common.close') } } }),
      // A <header> inside the dialog reads as a second page banner to assistive technology (axe: landmark-*).
      ModalHeader: { defaultProps: { component: 'div' } },
      Notification: Notification.extend({
        defaultProps: { closeButtonProps: { 'aria-label': t('common.close') } },
      }),
      Select: Select.extend({
        defaultProps: { clearButtonProps: { 'aria-label': t('common.clear') } },
      }),
      PasswordInput: PasswordInput.extend({
        defaultProps: { visibilityToggleButtonProps: { 'aria-label': t('a11y.togglePassword') } },
      }),
      Pagination: Pagination.extend({
        defaultProps: {
          getItemProps: (page: number) => ({ 'aria-label': t('pagination.page', { page }) }),
          getControlProps: (control: 'first' | 'previous' | 'next' | 'last') => ({
            'aria-label': t(`pagination.${control}`),
          }),
        },
      }),
    },
  });
}
