import { ALERT_LEVELS, ALERT_OUTCOMES, CONTACT_METHODS, SERVICE_KINDS } from '@ieum/domain';
import { Text, Timeline } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../platform/format';
import { useLocale } from '../../platform/i18n';
import type { AlertDetailData } from './api';

type AlertEventData = AlertDetailData['events'][number];

function oneOf<T extends string>(values: readonly T[], value: unknown): T | null {
  return typeof value === 'string' && (values as readonly string[]).includes(value) ? (value as T) : null;
}

/**
 * What an event's detail adds, in words. The detail is free-form on the wire, so only the members the page
 * recognises (a level, a method, an outcome, a name, a count) are read, and only when they are what they claim.
 */
function detailText(t: TFunction, event: AlertEventData): string | null {
  const { detail } = event;
  switch (event.kind) {
    case 'opened': {
      const level = oneOf(ALERT_LEVELS, detail.level);
      return level ? t(`protection.levels.${level}`) : null;
    }
    case 'level_raised': {
      const from = oneOf(ALERT_LEVELS, detail.from);
      const to = oneOf(ALERT_LEVELS, detail.to);
      return from && to
        ? t('protection.alert.eventDetail.levelChange', {
            from: t(`protection.levels.${from}`),
            to: t(`protection.levels.${to}`),
          })
        : null;
    }
    case 'signals_attached': {
      const count = Array.isArray(detail.signalIds) ? detail.signalIds.length : detail.count;
      return typeof count === 'number' ? t('protection.alert.eventDetail.signalCount', { count }) : null;
    }
    case 'assigned': {
      const assignee = detail.assignee as { displayName?: unknown } | undefined;
      const name = typeof assignee?.displayName === 'string' ? assignee.displayName : detail.assigneeName;
      return typeof name === 'string' ? t('protection.alert.eventDetail.assignee', { name }) : null;
    }
    case 'contact': {
      const method = oneOf(CONTACT_METHODS, detail.method);
      if (!method) return null;
      const reached =
        detail.reached === true
          ? t('protection.contact.reachedYes')
          : detail.reached === false
            ? t('protection.contact.reachedNo')
            : null;
      return [t(`protection.contact.methods.${method}`), reached].filter(Boolean).join(' · ');
    }
    case 'service': {
      const kind = oneOf(SERVICE_KINDS, detail.kind);
      return kind ? t(`protection.service.kinds.${kind}`) : null;
    }
    case 'closed': {
      const outcome = oneOf(ALERT_OUTCOMES, detail.outcome);
      return outcome ? t(`protection.close.outcomes.${outcome}`) : null;
    }
    case 'escalated':
      return null;
    default: {
      const unknown: never = event.kind;
      return unknown;
    }
  }
}

/** The alert's history, oldest first: opened, signals, levels, assignment, contacts, services, escalation, close. */
export function AlertTimeline({ events }: { events: readonly AlertEventData[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Timeline
      bulletSize={14}
      lineWidth={2}
      active={events.length - 1}
      role="list"
      aria-label={t('protection.alert.timelineLabel')}
      data-testid="alert-timeline"
    >
      {events.map((event, index) => {
        const detail = detailText(t, event);
        return (
          <Timeline.Item
            // Events carry no id; they are in order of time.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above.
            key={index}
            role="listitem"
            title={t(`protection.alert.events.${event.kind}`)}
            data-testid={`alert-event-${event.kind}`}
          >
            <Text size="sm" c="dimmed">
              {formatDateTime(event.at, locale)} · {event.actor?.displayName ?? t('protection.alert.system')}
            </Text>
            {detail ? <Text size="sm">{detail}</Text> : null}
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}
