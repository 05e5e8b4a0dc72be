import { useTranslation } from 'react-i18next';
import { StaleProblem as SharedStaleProblem, type StaleProblemProps } from '../../platform/ui/StaleProblem';

/** A failed change, in the words of jobs ("this record"). */
export function StaleProblem(props: StaleProblemProps) {
  const { t } = useTranslation();
  const words = {
    title: t('jobs.stale.title'),
    message: t('jobs.stale.message'),
    reload: t('jobs.stale.reload'),
  };
  return <SharedStaleProblem {...props} testIdPrefix="jobs" words={words} />;
}
