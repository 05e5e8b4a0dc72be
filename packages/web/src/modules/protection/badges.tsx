import type { AlertLevel, AlertStatus } from '@ieum/domain';
import { Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../platform/format';
import { useLocale } from '../../platform/i18n';
import { UNCLIPPED } from '../../platform/ui/badges';

/**
 * Crisis red, high orange, watch yellow, always with the level's name in words. The darker red carries white
 * text; the orange and yellow carry black (autoContrast), so every badge stays above 4.5:1.
 */
const LEVEL_COLOR: Record<AlertLevel, string> = { crisis: 'red.9', high: 'orange.5', watch: 'yellow.3' };

export function LevelBadge({ level }: { level: AlertLevel }) {
  const { t } = useTranslation();
  return (
    <Badge
      variant="filled"
      color={LEVEL_COLOR[level]}
      autoContrast
      tt="none"
      styles={UNCLIPPED}
      data-testid="alert-level"
      data-level={level}
    >
      {t(`protection.levels.${level}`)}
    </Badge>
  );
}

const STATUS_COLOR: Record<AlertStatus, string> = { open: 'blue', in_progress: 'teal', closed: 'gray' };

export function AlertStatusBadge({ status }: { status: AlertStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOR[status]} tt="none" styles={UNCLIPPED} data-testid="alert-status">
      {t(`protection.statuses.${status}`)}
    </Badge>
  );
}

export function OverdueBadge() {
  const { t } = useTranslation();
  return (
    <Badge color="red.9" variant="outline" tt="none" styles={UNCLIPPED} data-testid="alert-overdue">
      {t('protection.overdue')}
    </Badge>
  );
}

const HOUR_MS = 3_600_000;

/** The time left before `dueAt`, in words: under an hour, hours within two days, days beyond. */
export function useRemaining(): (dueAt: string, now?: number) => string | null {
  const { t } = useTranslation();
  return (dueAt, now = Date.now()) => {
    const left = new Date(dueAt).getTime() - now;
    if (Number.isNaN(left) || left <= 0) return null;
    const hours = Math.floor(left / HOUR_MS);
    if (hours < 1) return t('protection.queue.minutesLeft');
    if (hours < 48) return t('protection.queue.hoursLeft', { count: hours });
    return t('protection.queue.daysLeft', { count: Math.floor(hours / 24) });
  };
}

/**
 * An alert's contact deadline: when it is, and either the first contact, "overdue" (marked, in words), or the
 * time left. A closed alert shows the deadline alone.
 */
export function Deadline({
  alert,
}: {
  alert: { dueAt: string; overdue: boolean; firstContactAt: string | null; status: AlertStatus };
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const remaining = useRemaining();
  const left = remaining(alert.dueAt);
  let state: React.ReactNode = null;
  if (alert.firstContactAt)
    state = (
      <Text size="xs" c="dimmed">
        {t('protection.queue.contacted', { date: formatDateTime(alert.firstContactAt, locale) })}
      </Text>
    );
  else if (alert.status !== 'closed' && (alert.overdue || left === null)) state = <OverdueBadge />;
  else if (alert.status !== 'closed' && left)
    state = (
      <Text size="xs" data-testid="alert-remaining">
        {left}
      </Text>
    );
  return (
    <Stack gap={2} align="flex-start">
      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
        {formatDateTime(alert.dueAt, locale)}
      </Text>
      {state}
    </Stack>
  );
}

/** "<5" for a count withheld to protect small groups. */
export function useCountText(): (count: number | null | undefined) => string {
  const { t } = useTranslation();
  return (count) => (count === null || count === undefined ? t('protection.suppressed') : String(count));
}

export function Points({ points }: { points: number }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="nowrap">
      <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
        {t('protection.points', { points: points > 0 ? `+${points}` : String(points) })}
      </Text>
    </Group>
  );
}
