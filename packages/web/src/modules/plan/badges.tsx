import type { PlanStatus, ProgressStatus } from '@ieum/domain';
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { UNCLIPPED } from '../../platform/ui/badges';

const PLAN_COLORS: Record<PlanStatus, string> = {
  draft: 'gray',
  in_consultation: 'yellow',
  finalized: 'blue',
  in_execution: 'teal',
  closed: 'dark',
};

export const PROGRESS_COLORS: Record<ProgressStatus | 'not_reported', string> = {
  on_track: 'teal',
  delayed: 'yellow',
  at_risk: 'red',
  done: 'blue',
  not_reported: 'gray',
};

export function PlanStatusBadge({ status }: { status: PlanStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={PLAN_COLORS[status]} variant="light" styles={UNCLIPPED} data-testid="plan-status">
      {t(`plan.statuses.${status}`)}
    </Badge>
  );
}

export function ProgressBadge({ status }: { status: ProgressStatus | 'not_reported' }) {
  const { t } = useTranslation();
  return (
    <Badge color={PROGRESS_COLORS[status]} variant="light" styles={UNCLIPPED}>
      {t(`plan.progressStatuses.${status}`)}
    </Badge>
  );
}
