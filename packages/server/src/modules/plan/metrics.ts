import {
  addDays,
  type MetricKey,
  type MetricObservation,
  type Quarter,
  quarterLastDay,
  type Region,
} from '@ieum/domain';
import { and, countDistinct, eq, gte, inArray, isNull, lt, lte, type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client';
import { cases } from '../cases/schema';
import { isEmployedOn, isWorkingAgeIn } from '../jobs/employment-rate';
import { employers, employmentRecords } from '../jobs/schema';
import { protectionAlerts, protectionContacts } from '../protection/schema';
import { persons } from '../registry/schema';

/**
 * The server's half of the metric registry (domain/plan/metrics.ts): one query per computable key, over the
 * modules' own tables, returning raw counts for a quarter of a year, nationally (`region` null) or for one
 * region — of residence, or of the employer for placements. Counts are suppressed by the domain's
 * `metricValue` before anyone sees them. Persons merged away or erased are not counted.
 */
export interface MetricCell {
  readonly year: number;
  readonly quarter: Quarter;
  readonly region: Region | null;
}

/** The instant a Korean calendar day begins. */
function seoulMidnight(day: string): Date {
  return new Date(`${day}T00:00:00+09:00`);
}

/** A year-to-date window in Korean days: 1 January to the quarter's last day, both inclusive. */
function yearToDate(cell: MetricCell): { from: string; to: string; fromInstant: Date; untilInstant: Date } {
  const from = `${cell.year}-01-01`;
  const to = quarterLastDay(cell.year, cell.quarter);
  return { from, to, fromInstant: seoulMidnight(from), untilInstant: seoulMidnight(addDays(to, 1)) };
}

const livePerson = and(isNull(persons.mergedIntoId), sql`${persons.status} <> 'erased'`) as SQL;

function residentOf(region: Region | null): SQL | undefined {
  return region === null ? undefined : eq(persons.residenceRegion, region);
}

type MetricQuery = (q: Queryable, cell: MetricCell) => Promise<MetricObservation>;

const QUERIES: Partial<Record<MetricKey, MetricQuery>> = {
  // Registered working-age persons in work on the quarter's last day, over all registered working-age persons.
  'jobs.employment_rate': async (q, cell) => {
    const day = quarterLastDay(cell.year, cell.quarter);
    const workingAge = and(livePerson, isWorkingAgeIn(cell.year), residentOf(cell.region));
    const [[denominator], [numerator]] = await Promise.all([
      q
        .select({ n: countDistinct(persons.id) })
        .from(persons)
        .where(workingAge),
      q
        .select({ n: countDistinct(persons.id) })
        .from(persons)
        .innerJoin(employmentRecords, eq(employmentRecords.personId, persons.id))
        .where(and(workingAge, isEmployedOn(day))),
    ]);
    return { kind: 'ratio', numerator: numerator?.n ?? 0, denominator: denominator?.n ?? 0 };
  },

  // Work that began in the year to date (the jobs report's placements), by the employer's region.
  'jobs.placements': async (q, cell) => {
    const { from, to } = yearToDate(cell);
    const [row] = await q
      .select({ n: countDistinct(employmentRecords.id) })
      .from(employmentRecords)
      .innerJoin(persons, eq(persons.id, employmentRecords.personId))
      .innerJoin(employers, eq(employers.id, employmentRecords.employerId))
      .where(
        and(
          livePerson,
          gte(employmentRecords.startOn, from),
          lte(employmentRecords.startOn, to),
          cell.region === null ? undefined : eq(employers.region, cell.region),
        ),
      );
    return { kind: 'count', count: row?.n ?? 0 };
  },

  'protection.alerts_opened': async (q, cell) => {
    const { fromInstant, untilInstant } = yearToDate(cell);
    const [row] = await q
      .select({ n: countDistinct(protectionAlerts.id) })
      .from(protectionAlerts)
      .innerJoin(persons, eq(persons.id, protectionAlerts.personId))
      .where(
        and(
          livePerson,
          gte(protectionAlerts.openedAt, fromInstant),
          lt(protectionAlerts.openedAt, untilInstant),
          residentOf(cell.region),
        ),
      );
    return { kind: 'count', count: row?.n ?? 0 };
  },

  // Persons with a high or crisis alert opened in the year to date who were reached (a contact that got
  // through) by the alert's due time, which screening set from its level (crisis 24 hours, high 14 days).
  'protection.crisis_reached_within_deadline': async (q, cell) => {
    const { fromInstant, untilInstant } = yearToDate(cell);
    const [row] = await q
      .select({ n: countDistinct(protectionAlerts.personId) })
      .from(protectionAlerts)
      .innerJoin(persons, eq(persons.id, protectionAlerts.personId))
      .where(
        and(
          livePerson,
          inArray(protectionAlerts.level, ['high', 'crisis']),
          gte(protectionAlerts.openedAt, fromInstant),
          lt(protectionAlerts.openedAt, untilInstant),
          residentOf(cell.region),
          sql`exists (select 1 from ${protectionContacts} where ${protectionContacts.alertId} = ${protectionAlerts.id}
            and ${protectionContacts.reached} and ${protectionContacts.contactedAt} <= ${protectionAlerts.dueAt})`,
        ),
      );
    return { kind: 'count', count: row?.n ?? 0 };
  },

  // Cases opened at Hana Centers in the year to date, by the person's region of residence.
  'cases.opened': async (q, cell) => {
    const { from, to } = yearToDate(cell);
    const [row] = await q
      .select({ n: countDistinct(cases.id) })
      .from(cases)
      .innerJoin(persons, eq(persons.id, cases.personId))
      .where(and(livePerson, gte(cases.openedOn, from), lte(cases.openedOn, to), residentOf(cell.region)));
    return { kind: 'count', count: row?.n ?? 0 };
  },
};

/** The raw counts of a metric for one cell, or null when the platform cannot compute it yet. */
export async function observeMetric(
  q: Queryable,
  key: MetricKey,
  cell: MetricCell,
): Promise<MetricObservation | null> {
  const query = QUERIES[key];
  return query ? query(q, cell) : null;
}

/** The keys with a query: the test holds this equal to the registry's computable keys. */
export function implementedMetricKeys(): MetricKey[] {
  return Object.keys(QUERIES) as MetricKey[];
}
