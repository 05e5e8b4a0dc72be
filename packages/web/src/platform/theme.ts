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
} from '@mantine/core';
import type { TFunction } from 'i18next';

const FONT_FAMILY =
  'Pretendard, "Noto Sans KR", "Apple SD Gothic Neo", "Malgun Gothic", -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, sans-serif';

/**
 * Mantine's defaults put white text on blue-6 and dimmed text on gray-6, both under WCAG AA's 4.5:1.
 * Shade 8 for filled controls and darker dimmed/error/placeholder colours keep every text at AA or better.
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-6)',
    '--mantine-color-anchor': 'var(--mantine-color-blue-9)',
  },
  dark: {},
});

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
      Notification: Notification.extend({
        defaultProps: { closeButtonProps: { 'aria-label': t('common.close') } },
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
