import { type IsoDate, type ScreeningRunView, screeningRulesOn, seoulDate } from '@ieum/domain';
import { eq, sql } from 'drizzle-orm';
import { appendAudit } from '../../platform/audit/audit-log';
import type { Actor } from '../../platform/context';
import type { Tx } from '../../platform/db/client';
import { newId } from '../../platform/db/ids';
import { rowsOf } from '../../platform/db/rows';
import type { Deps } from '../../platform/deps';
import { screeningRuns } from './schema';
import { deadlineHours, levelRank, screeningQuery } from './screening-sql';

export type ScreeningTrigger = ScreeningRunView['trigger'];

// One screening at a time (a nightly run and a batch of signals must not interleave their writes).
const SCREENING_LOCK = 741_900_017;

/**
 * Scores everybody (the nightly run, or one asked for) or a batch of persons (after new signals or a changed
 * profile) in the database, set-based, with the rules in force on the screening day; keeps each person's
 * latest score with its reasons; opens an alert for a person who reaches a level and has no open one, raises
 * an open alert whose level rose (its deadline only ever moves closer), and notes new signals on an open
 * alert. Alerts are never closed here: a person closes them after contact.
 *
 * Everything is written in one transaction with one audit entry for the run (the alerts' own events say what
 * happened to each); a failed run leaves the previous scores in place and records the error.
 */
export async function screenPopulation(
  deps: Deps,
  options: {
    trigger: ScreeningTrigger;
    /** Only these persons (after signals); everybody when absent. */
    personIds?: readonly string[];
    actor?: Actor | null;
    /** The screening day in Korea; today when absent (tests and the benchmark pass one). */
    asOf?: IsoDate;
  },
): Promise<ScreeningRunView> {
  const started = deps.now();
  const startedMs = performance.now();
  const asOf = options.asOf ?? seoulDate(started);
  const rules = screeningRulesOn(asOf);
  const id = newId();
  const batch = options.personIds ? [...new Set(options.personIds)] : null;

  const run = {
    id,
    trigger: options.trigger,
    rulesVersion: rules.version,
    asOf,
    startedBy: options.actor?.userId ?? null,
    startedAt: started,
  };
  if (batch?.length === 0)
    return screeningRunView({
      ...run,
      persons: 0,
      scored: 0,
      alertsOpened: 0,
      alertsRaised: 0,
      durationMs: 0,
      finishedAt: started,
    });

  try {
    const counts = await deps.db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${SCREENING_LOCK})`);
      // The query's cost estimate makes PostgreSQL compile it with LLVM, which costs more than it saves here
      // (2.3 s of 4.2 s at 100,000 persons; bench/protection). A no-op on PGlite, which has no JIT.
      await tx.execute(sql`set local jit = off`);
      await tx.insert(screeningRuns).values(run);
      const now = deps.now();
      const population = sql`
        select p.id, p.protection_decision_date as decided_on, p.residence_start_date as moved_in_on
        from persons p
        where p.merged_into_id is null and p.status <> 'erased'
          ${batch ? sql`and p.id = any(${toUuidArray(batch)}::uuid[])` : sql``}`;

      await tx.execute(sql`create temp table screening_population on commit drop as ${population}`);
      await tx.execute(sql`analyze screening_population`);
      await tx.execute(
        sql`create temp table screening_result on commit drop as
            ${screeningQuery(rules, asOf, sql`select * from screening_population`)}`,
      );
      const [populationSize] = rowsOf<{ n: number }>(
        await tx.execute(sql`select count(*)::int as n from screening_population`),
      );

      // The latest score per person: persons without a reason have none (they read as 0).
      await tx.execute(sql`
        delete from risk_scores rs
        using screening_population p
        where rs.person_id = p.id
          and not exists (select 1 from screening_result r where r.person_id = rs.person_id)`);
      const [scored] = rowsOf<{ n: number }>(
        await tx.execute(sql`
          with upserted as (
            insert into risk_scores (person_id, score, level, rules_version, as_of, reasons, computed_at, run_id)
            select person_id, score, level, ${rules.version}, ${asOf}::date, reasons, ${now}, ${id}::uuid
            from screening_result
            on conflict (person_id) do update set
              score = excluded.score, level = excluded.level, rules_version = excluded.rules_version,
              as_of = excluded.as_of, reasons = excluded.reasons, computed_at = excluded.computed_at,
              run_id = excluded.run_id
            returning 1
          )
          select count(*)::int as n from upserted`),
      );

      const opened = await openAlerts(tx, { rules, asOf, now, actorId: run.startedBy });
      const raised = await raiseAlerts(tx, { rules, now, actorId: run.startedBy });
      if (batch) await attachSignals(tx, { now, actorId: run.startedBy });

      const finishedAt = deps.now();
      const ms = Math.round(performance.now() - startedMs);
      const result = {
        persons: populationSize?.n ?? 0,
        scored: scored?.n ?? 0,
        opened,
        raised,
        ms,
        finishedAt,
      };
      await tx
        .update(screeningRuns)
        .set({
          persons: result.persons,
          scored: result.scored,
          alertsOpened: opened,
          alertsRaised: raised,
          durationMs: ms,
          finishedAt,
        })
        .where(eq(screeningRuns.id, id));
      await appendAudit(tx, {
        action: 'create',
        entityType: 'screening_run',
        entityId: id,
        ...(options.actor === undefined ? {} : { actor: auditActor(options.actor) }),
        detail: {
          trigger: options.trigger,
          rulesVersion: rules.version,
          asOf,
          persons: result.persons,
          scored: result.scored,
          alertsOpened: opened,
          alertsRaised: raised,
        },
      });
      return result;
    });
    return screeningRunView({
      ...run,
      persons: counts.persons,
      scored: counts.scored,
      alertsOpened: counts.opened,
      alertsRaised: counts.raised,
      durationMs: counts.ms,
      finishedAt: counts.finishedAt,
    });
  } catch (error) {
    await deps.db.insert(screeningRuns).values({
      ...run,
      finishedAt: deps.now(),
      durationMs: Math.round(performance.now() - startedMs),
      error: error instanceof Error ? error.message.slice(0, 500) : 'unknown error',
    });
    throw error;
  }
}

function auditActor(actor: Actor | null) {
  return actor
    ? { userId: actor.userId, username: actor.username, organizationId: actor.organizationId }
    : null;
}

function toUuidArray(ids: readonly string[]): string {
  return `{${ids.join(',')}}`;
}

/** A person who reached a level and has no open alert gets one, in their Hana Center's queue. */
async function openAlerts(
  tx: Tx,
  options: { rules: ReturnType<typeof screeningRulesOn>; asOf: IsoDate; now: Date; actorId: string | null },
): Promise<number> {
  const { rules, now } = options;
  const [row] = rowsOf<{ n: number }>(
    await tx.execute(sql`
      with opened as (
        insert into protection_alerts
          (id, person_id, organization_id, level, score, rules_version, reasons, status, opened_at, due_at, updated_at)
        select gen_random_uuid(), r.person_id, p.hana_center_id, r.level, r.score, ${rules.version}, r.reasons,
               'open', ${now}, ${now}::timestamptz + make_interval(hours => ${deadlineHours(rules, sql`r.level`)}), ${now}
        from screening_result r
        join persons p on p.id = r.person_id
        where r.level is not null
        -- One open alert per person (the partial unique index): a person who has one keeps it. An anti-join
        -- here was planned as a nested loop over a table analyzed while small, quadratic in the alerts opened.
        on conflict (person_id) where status <> 'closed' do nothing
        returning id, level, score
      ),
      events as (
        insert into protection_alert_events (id, alert_id, at, kind, actor_id, detail)
        select gen_random_uuid(), id, ${now}, 'opened', ${options.actorId}::uuid,
               jsonb_build_object('level', level, 'score', score, 'rulesVersion', ${rules.version}::text)
        from opened
        returning 1
      )
      select count(*)::int as n from events`),
  );
  return row?.n ?? 0;
}

/** An open alert whose person now scores a higher level takes the new level, score and reasons. */
async function raiseAlerts(
  tx: Tx,
  options: { rules: ReturnType<typeof screeningRulesOn>; now: Date; actorId: string | null },
): Promise<number> {
  const { rules, now } = options;
  const [row] = rowsOf<{ n: number }>(
    await tx.execute(sql`
      with raised as (
        update protection_alerts a set
          level = r.level, score = r.score, reasons = r.reasons, rules_version = ${rules.version},
          due_at = least(a.due_at, ${now}::timestamptz + make_interval(hours => ${deadlineHours(rules, sql`r.level`)})),
          version = a.version + 1, updated_at = ${now}
        from screening_result r, (select id, level as old_level from protection_alerts where status <> 'closed') old
        where a.person_id = r.person_id and a.status <> 'closed' and old.id = a.id
          and ${levelRank(sql`r.level`)} > ${levelRank(sql`a.level`)}
        returning a.id, old.old_level, a.level, a.score
      ),
      events as (
        insert into protection_alert_events (id, alert_id, at, kind, actor_id, detail)
        select gen_random_uuid(), id, ${now}, 'level_raised', ${options.actorId}::uuid,
               jsonb_build_object('from', old_level, 'to', level, 'score', score, 'rulesVersion', ${rules.version}::text)
        from raised
        returning 1
      )
      select count(*)::int as n from events`),
  );
  return row?.n ?? 0;
}

/** Signals received since an open alert's last opening, raising or attachment are noted on it. */
async function attachSignals(tx: Tx, options: { now: Date; actorId: string | null }): Promise<void> {
  await tx.execute(sql`
    insert into protection_alert_events (id, alert_id, at, kind, actor_id, detail)
    select gen_random_uuid(), a.id, ${options.now}, 'signals_attached', ${options.actorId}::uuid,
           jsonb_build_object('signals', fresh.n, 'types', fresh.types, 'score', coalesce(rs.score, 0))
    from screening_population p
    join protection_alerts a on a.person_id = p.id and a.status <> 'closed'
    left join risk_scores rs on rs.person_id = p.id
    cross join lateral (
      select count(*)::int as n, jsonb_agg(distinct s.type) as types
      from protection_signals s
      where s.person_id = p.id
        and s.received_at > (
          select max(e.at) from protection_alert_events e
          where e.alert_id = a.id and e.kind in ('opened', 'level_raised', 'signals_attached'))
    ) fresh
    where fresh.n > 0`);
}

/** A run as the API shows it, from its row (or the same fields before the row is read back). */
export function screeningRunView(
  run: Pick<
    typeof screeningRuns.$inferSelect,
    | 'id'
    | 'trigger'
    | 'rulesVersion'
    | 'asOf'
    | 'startedAt'
    | 'finishedAt'
    | 'persons'
    | 'scored'
    | 'alertsOpened'
    | 'alertsRaised'
    | 'durationMs'
  >,
): ScreeningRunView {
  return {
    id: run.id,
    trigger: run.trigger as ScreeningTrigger,
    rulesVersion: run.rulesVersion,
    asOf: run.asOf,
    startedAt: run.startedAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
    persons: run.persons,
    scored: run.scored,
    alertsOpened: run.alertsOpened,
    alertsRaised: run.alertsRaised,
    durationMs: run.durationMs,
  };
}
