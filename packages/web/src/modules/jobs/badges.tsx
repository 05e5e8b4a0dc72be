import type { ApplicationStage, SeekerStatus } from '@ieum/domain';
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { UNCLIPPED } from '../../platform/ui/badges';
import type { EnrolmentData, IncentiveLineData, PostingData } from './api';

/**
 * Every badge says its state in words; the colour only repeats it. Filled badges take black or white text by
 * contrast (autoContrast), so each stays readable.
 */
const STAGE_COLOR: Record<ApplicationStage, string> = {
  recommended: 'gray',
  applied: 'blue',
  interview: 'indigo',
  offer: 'violet',
  placed: 'teal',
  withdrawn: 'dark',
  rejected: 'red.9',
};

export function StageBadge({ stage }: { stage: ApplicationStage }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={STAGE_COLOR[stage]}
      variant="light"
      tt="none"
      styles={UNCLIPPED}
      data-testid="application-stage"
      data-stage={stage}
    >
      {t(`jobs.stages.${stage}`)}
    </Badge>
  );
}

type IncentiveStatus = IncentiveLineData['status'];
const INCENTIVE_COLOR: Record<IncentiveStatus, string> = {
  paid: 'teal',
  due: 'orange',
  upcoming: 'blue',
  ineligible: 'gray',
};

export function IncentiveStatusBadge({ status }: { status: IncentiveStatus }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={INCENTIVE_COLOR[status]}
      variant="light"
      tt="none"
      styles={UNCLIPPED}
      data-testid="incentive-status"
      data-status={status}
    >
      {t(`jobs.incentiveStatuses.${status}`)}
    </Badge>
  );
}

const SEEKER_COLOR: Record<SeekerStatus, string> = { seeking: 'blue', employed: 'teal', not_seeking: 'gray' };

export function SeekerStatusBadge({ status }: { status: SeekerStatus }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={SEEKER_COLOR[status]}
      variant="light"
      tt="none"
      styles={UNCLIPPED}
      data-testid="seeker-status"
    >
      {t(`jobs.seekerStatuses.${status}`)}
    </Badge>
  );
}

export function PostingStatusBadge({ status }: { status: PostingData['status'] }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={status === 'open' ? 'blue' : 'gray'}
      variant="light"
      tt="none"
      styles={UNCLIPPED}
      data-testid="posting-status"
    >
      {t(`jobs.postingStatuses.${status}`)}
    </Badge>
  );
}

export function EnrolmentStatusBadge({ status }: { status: EnrolmentData['status'] }) {
  const { t } = useTranslation();
  const color = status === 'completed' ? 'teal' : status === 'dropped' ? 'gray' : 'blue';
  return (
    <Badge color={color} variant="light" tt="none" styles={UNCLIPPED} data-testid="enrolment-status">
      {t(`jobs.enrolmentStatuses.${status}`)}
    </Badge>
  );
}

/** A firm that qualifies for priority public purchasing (우선구매), named in words beside its name. */
export function PriorityBadge() {
  const { t } = useTranslation();
  return (
    <Badge color="grape" variant="outline" tt="none" styles={UNCLIPPED} data-testid="priority-purchasing">
      {t('jobs.priorityPurchasing')}
    </Badge>
  );
}
