import { Button } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocaleSwitch } from '../auth/session';
import { useLocale } from '../i18n';

/** One button that switches between Korean and English; it shows the language it switches to, in that language. */
export function LocaleSwitch() {
  const { t } = useTranslation();
  const locale = useLocale();
  const switchLocale = useLocaleSwitch();
  const [busy, setBusy] = useState(false);
  const target = locale === 'ko' ? 'en' : 'ko';

  return (
    <Button
      variant="default"
      size="sm"
      data-testid="locale-switch"
      lang={target}
      title={t('locale.switchTo', { language: t(`locale.${target}`) })}
      loading={busy}
      onClick={() => {
        setBusy(true);
        void switchLocale(target).finally(() => setBusy(false));
      }}
    >
      {t(`locale.${target}`)}
    </Button>
  );
}
