import type { Problem } from '@ieum/domain';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError, isApiError } from '../../../platform/api';
import { StaleProblem } from '../../../platform/ui/StaleProblem';
import { planKeys } from '../api';

/** A failed change to the plan, in the plan's words: a stale version offers to load the latest one. */
export function PlanStale({
  problem,
  onReload,
  testIdPrefix,
  words = 'plan',
}: {
  problem: Problem | null;
  onReload: () => void;
  testIdPrefix: string;
  /** A report is not the plan: its stale message says so. */
  words?: 'plan' | 'report';
}) {
  const { t } = useTranslation();
  const texts =
    words === 'plan'
      ? { title: t('plan.stale.title'), message: t('plan.stale.message'), reload: t('plan.stale.reload') }
      : {
          title: t('plan.tasks.report.staleTitle'),
          message: t('plan.tasks.report.staleMessage'),
          reload: t('plan.stale.reload'),
        };
  return <StaleProblem problem={problem} onReload={onReload} testIdPrefix={testIdPrefix} words={texts} />;
}

/** Everything about the plans is read again (the plan, its reports, the dashboard): one change touches them all. */
export function useRefreshPlans() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: planKeys.all });
}

/**
 * The server names a task's fields under `task` (`task.code`); the form's fields are the task's own. Re-homes
 * the field errors so they show beside their fields instead of above the form.
 */
export function withoutPrefix(error: unknown, prefix: string): unknown {
  if (!isApiError(error) || !error.problem.errors) return error;
  const pattern = new RegExp(`^(/?body[./])?/?${prefix}[./]`);
  const errors = error.problem.errors.map((item) => ({ ...item, path: item.path.replace(pattern, '') }));
  return new ApiError({ ...error.problem, errors }, error.extensions);
}

/**
 * A typed number: digits with an optional sign, decimals and thousands commas. Blank is `undefined` (the
 * schema says "required"), anything else unreadable NaN (the form says "enter a number").
 */
export function typedNumber(text: string): number | undefined {
  const trimmed = text.replace(/,/g, '').trim();
  if (trimmed === '') return undefined;
  return /^-?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

/** A number as a form field shows it again (no grouping, so it reads back exactly). */
export const numberInput = (value: number | null | undefined) =>
  value === null || value === undefined ? '' : String(value);
