import { useTranslation } from 'react-i18next';
import { StaleProblem as SharedStaleProblem, type StaleProblemProps } from '../../platform/ui/StaleProblem';

/** A failed change, in the words of protection ("this alert or record"). */
export function StaleProblem(props: StaleProblemProps) {
  const { t } = useTranslation();
  const words = {
    title: t('protection.stale.title'),
    message: t('protection.stale.message'),
    reload: t('protection.stale.reload'),
  };
  return <SharedStaleProblem {...props} testIdPrefix="protection" words={words} />;
}
