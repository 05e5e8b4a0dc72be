import {
  ALERT_LEVELS,
  ALERT_OUTCOMES,
  type AlertLevel,
  type AlertOutcome,
  addDays,
  compareDates,
  type ProtectionReport,
  REGIONS,
  SERVICE_PROVIDERS,
  type ServiceProvider,
} from '@ieum/domain';
import type { Actor } from '../../platform/context';
import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { suppress, suppressEach, suppressGroup } from '../../platform/small-counts';
import {
  alertsOpenedByRegion,
  firstContactFigures,
  openOverdueNow,
  outcomesClosed,
  servicesByProvider,
} from './report.repository';

const UNKNOWN_REGION = 'unknown';

/** Midnight in Korea at the start of a calendar day. */
const seoulMidnight = (day: string) => new Date(`${day}T00:00:00+09:00`);

/**
 * The protection report for a period (Korean calendar days, both included): alerts opened by level and by
 * region, time to the first reached contact, outcomes of the alerts closed, services by provider, and the
 * alerts overdue now. A center manager sees their center's queue; a plan manager the country.
 *
 * Every count from 1 to 4 is null (DESIGN.md item 8). Totals: the report publishes no grand total, but the
 * alerts by level are the totals of the region table's columns, so each column is suppressed as a group
 * (small-counts.ts `suppressGroup`: a second, complementary cell is hidden whenever one would be given back by
 * subtraction). Outcomes and services have no published total and are suppressed cell by cell. When the
 * number of reached alerts is hidden, so are the median and the share computed from them.
 */
export async function protectionReport(
  deps: Deps,
  options: { actor: Actor; from: string; to: string },
): Promise<ProtectionReport> {
  const { actor, from, to } = options;
  if (compareDates(to, from) < 0) {
    throw new AppError('request.invalid', {
      fieldErrors: [
        {
          path: 'to',
          message: {
            ko: '종료일은 시작일 이후여야 합니다.',
            en: 'The end date must be on or after the start date.',
          },
        },
      ],
    });
  }
  const scope = reportScope(actor);
  const now = deps.now();
  const window = {
    organizationId: scope.organizationId,
    from: seoulMidnight(from),
    until: seoulMidnight(addDays(to, 1)),
  };
  const [byRegion, contact, outcomes, services, overdue] = await Promise.all([
    alertsOpenedByRegion(deps.db, window),
    firstContactFigures(deps.db, window, now),
    outcomesClosed(deps.db, window),
    servicesByProvider(deps.db, { ...window, fromDay: from, toDay: to }),
    openOverdueNow(deps.db, scope.organizationId, now),
  ]);

  const regions = [...REGIONS, UNKNOWN_REGION].filter((region) =>
    byRegion.some((row) => (row.region ?? UNKNOWN_REGION) === region && row.n > 0),
  );
  const cell = (region: string, level: AlertLevel) =>
    byRegion.find((row) => (row.region ?? UNKNOWN_REGION) === region && row.level === level)?.n ?? 0;
  const columns = Object.fromEntries(
    ALERT_LEVELS.map((level) => [level, suppressGroup(regions.map((region) => cell(region, level)))]),
  ) as Record<AlertLevel, (number | null)[]>;
  const levelTotals = Object.fromEntries(
    ALERT_LEVELS.map((level) => [
      level,
      byRegion.filter((row) => row.level === level).reduce((sum, row) => sum + row.n, 0),
    ]),
  ) as Record<AlertLevel, number>;

  const reached = suppress(contact.reached);
  return {
    from,
    to,
    scope: scope.kind,
    alertsByLevel: suppressEach(levelTotals),
    alertsByRegion: regions.map((region, index) => ({
      region,
      crisis: columns.crisis[index] ?? null,
      high: columns.high[index] ?? null,
      watch: columns.watch[index] ?? null,
    })),
    firstContact: {
      reached,
      medianHours: reached === null || contact.medianHours === null ? null : round1(contact.medianHours),
      withinDeadlineShare:
        reached === null || contact.decided === 0 ? null : round3(contact.within / contact.decided),
    },
    outcomes: suppressEach(
      countsOf<AlertOutcome>(
        ALERT_OUTCOMES,
        outcomes.map((row) => [row.outcome, row.n]),
      ),
    ),
    servicesByProvider: suppressEach(
      countsOf<ServiceProvider>(
        SERVICE_PROVIDERS,
        services.map((row) => [row.provider, row.n]),
      ),
    ),
    openOverdue: suppress(overdue),
  };
}

/** A center manager reports on their center; a plan manager on the country; nobody else (default deny). */
function reportScope(actor: Actor): { kind: 'center' | 'national'; organizationId: string | null } {
  if (actor.roles.includes('plan_manager')) return { kind: 'national', organizationId: null };
  if (actor.roles.includes('center_manager')) return { kind: 'center', organizationId: actor.organizationId };
  throw new AppError('access.denied');
}

function countsOf<K extends string>(keys: readonly K[], rows: [string, number][]): Record<K, number> {
  return Object.fromEntries(
    keys.map((key) => [key, rows.find(([name]) => name === key)?.[1] ?? 0]),
  ) as Record<K, number>;
}

const round1 = (value: number) => Math.round(value * 10) / 10;
const round3 = (value: number) => Math.round(value * 1000) / 1000;
