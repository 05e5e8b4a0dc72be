import { type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client';
import { rowsOf } from '../../platform/db/rows';

/**
 * The protection report's figures, counted in the database. `organizationId` narrows to one Hana Center's
 * queue (a center manager's report); null counts the whole country. Periods are half-open instants
 * [from, until): the caller turns Korean calendar days into them.
 */
export interface ReportWindow {
  readonly organizationId: string | null;
  readonly from: Date;
  readonly until: Date;
}

const ofCenter = (organizationId: string | null, column: SQL) =>
  organizationId ? sql`and ${column} = ${organizationId}::uuid` : sql``;

/** Alerts opened in the period, by the person's region of residence and level. */
export async function alertsOpenedByRegion(q: Queryable, window: ReportWindow) {
  return rowsOf<{ region: string | null; level: string; n: number }>(
    await q.execute(sql`
      select p.residence_region as region, a.level, count(*)::int as n
      from protection_alerts a
      join persons p on p.id = a.person_id
      where a.opened_at >= ${window.from} and a.opened_at < ${window.until}
        ${ofCenter(window.organizationId, sql`a.organization_id`)}
      group by p.residence_region, a.level`),
  );
}

/**
 * Of the alerts opened in the period: how many reached the person, the median hours to that first reached
 * contact, how many of those were within the deadline, and how many are decided (reached, or past their
 * deadline unreached), which is the denominator of the share: an alert never reached counts against it.
 */
export async function firstContactFigures(q: Queryable, window: ReportWindow, now: Date) {
  const [row] = rowsOf<{ reached: number; median_hours: number | null; within: number; decided: number }>(
    await q.execute(sql`
      select
        count(*) filter (where a.first_contact_at is not null)::int as reached,
        percentile_cont(0.5) within group (order by extract(epoch from a.first_contact_at - a.opened_at) / 3600.0)
          filter (where a.first_contact_at is not null) as median_hours,
        count(*) filter (where a.first_contact_at is not null and a.first_contact_at <= a.due_at)::int as within,
        count(*) filter (where a.first_contact_at is not null or a.due_at < ${now})::int as decided
      from protection_alerts a
      where a.opened_at >= ${window.from} and a.opened_at < ${window.until}
        ${ofCenter(window.organizationId, sql`a.organization_id`)}`),
  );
  return {
    reached: row?.reached ?? 0,
    medianHours:
      row?.median_hours === null || row?.median_hours === undefined ? null : Number(row.median_hours),
    within: row?.within ?? 0,
    decided: row?.decided ?? 0,
  };
}

/** Alerts closed in the period, by outcome. */
export async function outcomesClosed(q: Queryable, window: ReportWindow) {
  return rowsOf<{ outcome: string; n: number }>(
    await q.execute(sql`
      select a.outcome, count(*)::int as n
      from protection_alerts a
      where a.status = 'closed' and a.closed_at >= ${window.from} and a.closed_at < ${window.until}
        ${ofCenter(window.organizationId, sql`a.organization_id`)}
      group by a.outcome`),
  );
}

/** Services given (or applied for) on a day of the period, by provider, on the alerts of the scope. */
export async function servicesByProvider(
  q: Queryable,
  window: ReportWindow & { fromDay: string; toDay: string },
) {
  return rowsOf<{ provider: string; n: number }>(
    await q.execute(sql`
      select s.provider, count(*)::int as n
      from protection_services s
      join protection_alerts a on a.id = s.alert_id
      where s.provided_on between ${window.fromDay}::date and ${window.toDay}::date
        ${ofCenter(window.organizationId, sql`a.organization_id`)}
      group by s.provider`),
  );
}

/** Alerts open now whose deadline passed without a reached contact. */
export async function openOverdueNow(
  q: Queryable,
  organizationId: string | null,
  now: Date,
): Promise<number> {
  const [row] = rowsOf<{ n: number }>(
    await q.execute(sql`
      select count(*)::int as n
      from protection_alerts a
      where a.status <> 'closed' and a.first_contact_at is null and a.due_at < ${now}
        ${ofCenter(organizationId, sql`a.organization_id`)}`),
  );
  return row?.n ?? 0;
}
