import {
  addDays,
  type IsoDate,
  type SignalType,
  SUPPORT_BENEFITS,
  type VulnerabilityCategory,
} from '@ieum/domain';
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../packages/server/src/platform/db/client';
import { rowsOf } from '../../packages/server/src/platform/db/rows';
import {
  benchPersonId,
  CATEGORY_WEIGHTS,
  centerWeights,
  DECISION_YEAR_WEIGHTS,
  distinctSample,
  MONTH_VALUED_TYPES,
  SIGNAL_TYPE_WEIGHTS,
  signalCounts,
  slots,
} from './protection-weights';

/**
 * The protection benchmark's population, generated in the database: persons, profiles, contacts and signals
 * are `insert ... select` over generate_series (or over an array of per-person signal counts), every draw a
 * uniform from a 64-bit hash of the row's number and a salt. So the data is the same for a seed on PGlite and
 * PostgreSQL whatever order rows are evaluated in, and person number g has the id md5(seed:p:g) on both.
 */
export interface PopulationOptions {
  readonly persons: number;
  readonly signals: number;
  readonly seed: number;
  /** The screening day; signals fall in the ~18 months before it. */
  readonly asOf: IsoDate;
  readonly now: Date;
  /** Demo organization ids by key (seedDemo) and the demo user who books appointments and checks. */
  readonly organizations: ReadonlyMap<string, string>;
  readonly userId: string;
  /** Analyze every table after loading, the empty ones the screening writes too (a stale-statistics case). */
  readonly analyzeAll: boolean;
}

const SLOTS = 1000;
const SIGNAL_DAYS = 540;
const PERSONS_PER_SIGNAL_CHUNK = 10_000;

/** A uniform in [0, 1) from a 64-bit hash of a bigint key and a salt (53 bits of it, as a float8). */
function uniform(key: SQL, seed: number, salt: number): SQL {
  return sql`((hashint8extended(${key}, ${sql.raw(String(seed * 1000 + salt))}) & 9007199254740991)::float8 / 9007199254740992.0)`;
}

/** One weighted draw from a lookup table of SLOTS entries. */
function pick(table: readonly string[], u: SQL, type: 'text' | 'uuid' | 'int' = 'text'): SQL {
  return sql`(${`{${table.join(',')}}`}::${sql.raw(type)}[])[1 + floor(${u} * ${sql.raw(String(table.length))})::int]`;
}

const personIdOf = (seed: number, g: SQL) => sql`md5(${sql.raw(`'${seed}:p:'`)} || ${g})::uuid`;

/** Person codes like the registry's (P-XXXX-XXXX, Crockford base 32): 40 bits, an odd multiplier, unique. */
function personCode(g: SQL, seed: number): SQL {
  const x = sql`((${g} * 2654435761 + ${sql.raw(String(seed))}) & 1099511627775)`;
  const digit = (shift: number) =>
    sql`substr('0123456789ABCDEFGHJKMNPQRSTVWXYZ', ((${x} >> ${sql.raw(String(shift))}) & 31)::int + 1, 1)`;
  return sql`'P-' || ${sql.join([35, 30, 25, 20].map(digit), sql` || `)} || '-' || ${sql.join([15, 10, 5, 0].map(digit), sql` || `)}`;
}

async function count(db: Db, table: string): Promise<number> {
  const [row] = rowsOf<{ n: number }>(
    await db.execute(sql`select count(*)::int as n from ${sql.raw(table)}`),
  );
  return row?.n ?? 0;
}

/**
 * Persons with their Hana Center and dates; profiles for ~45%; appointments held (or missed) for half; a
 * survey round that checked ~4%. Returns the row counts.
 */
export async function loadPersons(
  db: Db,
  o: PopulationOptions,
): Promise<{ persons: number; profiles: number; appointments: number; surveyChecks: number }> {
  const { seed, asOf } = o;
  const asOfYear = Number(asOf.slice(0, 4));
  const years = slots(
    DECISION_YEAR_WEIGHTS.filter(([year]) => year <= asOfYear),
    SLOTS,
  );
  // The decision day within its year; in the screening's own year, only up to a month before it.
  const yearStarts = years.map((year) => `${year}-01-01`);
  const yearDays = years.map((year) =>
    year === asOfYear
      ? Math.max(1, Math.round((Date.parse(addDays(asOf, -30)) - Date.parse(`${year}-01-01`)) / 86_400_000))
      : year % 4 === 0
        ? 366
        : 365,
  );
  const centers = slots(centerWeights(o.organizations), SLOTS);
  const g = sql`g::bigint`;
  const u = (salt: number) => uniform(g, seed, salt);
  await db.execute(sql`
    insert into persons (id, code, hana_center_id, name_sealed, birth_year, arrival_date,
                         protection_decision_date, residence_start_date)
    select id, code, center, 'bench: sealed name (screening never opens it)', birth_year,
           decided - arrival_gap, decided, case when decided + settle_gap <= ${asOf}::date then decided + settle_gap end
    from (
      select ${personIdOf(seed, g)} as id, ${personCode(g, seed)} as code,
             ${pick(centers, u(1), 'uuid')} as center,
             (${pick(yearStarts, u(2))})::date + floor(${u(3)} * ${pick(yearDays.map(String), u(2), 'int')})::int as decided,
             30 + floor(${u(4)} * 90)::int as arrival_gap,
             60 + floor(${u(5)} * 140)::int as settle_gap,
             1945 + floor(${u(6)} * 65)::int as birth_year
      from generate_series(1, ${o.persons}::int) g
    ) drawn`);

  // Profiles for ~45%: 0-5 categories, children in ~30% of households, benefits for some.
  const categories = slots(Object.entries(CATEGORY_WEIGHTS) as [VulnerabilityCategory, number][], SLOTS);
  const [livelihood, medical, housing] = SUPPORT_BENEFITS;
  const j = sql`(g::bigint * 64 + j)`;
  await db.execute(sql`
    insert into protection_profiles (person_id, categories, children_in_household, benefits, insured_regular_worker)
    select ${personIdOf(seed, g)},
           array(select distinct ${pick(categories, uniform(j, seed, 11))}
                 from generate_series(1, floor(${u(12)} * 6)::int) j),
           case when ${u(13)} < 0.3 then 1 + floor(${u(14)} * 3)::int else 0 end,
           array_remove(array[
             case when ${u(15)} < 0.45 then ${livelihood} end,
             case when ${u(16)} < 0.35 then ${medical} end,
             case when ${u(17)} < 0.2 then ${housing} end]::text[], null),
           ${u(18)} < 0.15
    from generate_series(1, ${o.persons}::int) g
    where ${u(10)} < 0.45`);

  // Contact: half had 1-4 appointments over the last two years (most held), never before moving in.
  const p = sql`(uuid_hash_extended(p.id, 0) # a::bigint)`;
  const ua = (salt: number) => uniform(p, seed, salt);
  await db.execute(sql`
    insert into appointments (id, person_id, organization_id, assignee_id, starts_at, duration_minutes, kind,
                              status, created_by)
    select gen_random_uuid(), p.id, p.hana_center_id, ${o.userId}::uuid,
           (greatest(coalesce(p.residence_start_date, p.protection_decision_date),
                     ${asOf}::date - floor(power(${ua(21)}, 1.3) * 730)::int) + time '10:00') at time zone 'Asia/Seoul',
           60, 'counselling', case when ${ua(22)} < 0.85 then 'done' else 'no_show' end, ${o.userId}::uuid
    from persons p
    cross join lateral generate_series(1, 1 + floor(${uniform(sql`uuid_hash_extended(p.id, 0)`, seed, 20)} * 4)::int) a
    where ${uniform(sql`uuid_hash_extended(p.id, 1)`, seed, 20)} < 0.5`);

  // A survey round a year ago checked ~4% (some unreachable: those do not count as contact).
  const roundId = benchPersonId(seed, -1);
  await db.execute(sql`
    insert into survey_rounds (id, name, starts_on, ends_on, criteria, created_by)
    values (${roundId}::uuid, 'bench: crisis-household survey round', ${addDays(asOf, -400)}::date,
            ${addDays(asOf, -200)}::date, '{}'::jsonb, ${o.userId}::uuid)`);
  const key = sql`uuid_hash_extended(p.id, 2)`;
  await db.execute(sql`
    insert into survey_checks (id, round_id, person_id, organization_id, assignee_id, finding, checked_on,
                               method, checked_by)
    select gen_random_uuid(), ${roundId}::uuid, p.id, p.hana_center_id, ${o.userId}::uuid, f.finding,
           case when f.finding is not null then ${addDays(asOf, -400)}::date + floor(${uniform(key, seed, 31)} * 200)::int end,
           case when f.finding is not null then 'visit' end,
           case when f.finding is not null then ${o.userId}::uuid end
    from persons p
    cross join lateral (select ${pick(
      slots(
        [
          ['no_concern', 60],
          ['needs_support', 20],
          ['unreachable', 10],
          ['crisis_suspect', 5],
          ['pending', 5],
        ],
        100,
      ),
      uniform(key, seed, 32),
    )} as finding) drawn
    cross join lateral (select nullif(drawn.finding, 'pending') as finding) f
    where ${uniform(key, seed, 30)} < 0.04`);

  return {
    persons: await count(db, 'persons'),
    profiles: await count(db, 'protection_profiles'),
    appointments: await count(db, 'appointments'),
    surveyChecks: await count(db, 'survey_checks'),
  };
}

/** The columns of a generated signal row, from its key and person number. */
function signalColumns(o: PopulationOptions, key: SQL, g: SQL, observedOn: SQL, receivedAt: SQL): SQL {
  const { seed } = o;
  const types = slots(Object.entries(SIGNAL_TYPE_WEIGHTS) as [SignalType, number][], SLOTS);
  const u = (salt: number) => uniform(key, seed, salt);
  // Agencies report the same person again and again (monthly arrears): each person has up to four types of
  // their own, the first most often, and each signal is of one of them.
  const ownType = uniform(sql`(${g} * 8 + floor(power(${u(40)}, 2) * 4)::bigint)`, seed, 41);
  return sql`
    select ${personIdOf(seed, g)} as person_id, type, observed_on,
           case when type = any(${`{${MONTH_VALUED_TYPES.join(',')}}`}::text[])
                  then case when ${u(43)} < 0.1 then null else 1 + floor(power(${u(44)}, 2) * 18) end
                when type = 'no_contact' then 30 + floor(${u(44)} * 700) end as value,
           case when ${u(45)} < 0.85 then 'api' when ${u(45)} < 0.99 then 'import' else 'staff' end as via,
           case when ${u(45)} >= 0.99 then ${o.userId}::uuid end as recorded_by,
           ${receivedAt} as received_at
    from (select ${pick(types, ownType)} as type, ${observedOn} as observed_on) drawn`;
}

/** `signals` signals over the persons, skewed (signalCounts), observed over the last ~18 months. */
export async function loadSignals(
  db: Db,
  o: PopulationOptions,
  onProgress: (done: number, total: number) => void,
): Promise<number> {
  const counts = signalCounts(o.persons, o.signals, o.seed);
  const key = sql`(c.g * 1000000 + k)`;
  let done = 0;
  for (let from = 0; from < o.persons; from += PERSONS_PER_SIGNAL_CHUNK) {
    const chunk = counts.subarray(from, Math.min(o.persons, from + PERSONS_PER_SIGNAL_CHUNK));
    const observedOn = sql`${o.asOf}::date - floor(${uniform(key, o.seed, 42)} * ${SIGNAL_DAYS})::int`;
    const receivedAt = sql`least(${o.now}::timestamptz,
      ((drawn.observed_on + 1 + floor(${uniform(key, o.seed, 46)} * 10)::int) + time '02:00') at time zone 'Asia/Seoul')`;
    await db.execute(sql`
      insert into protection_signals (id, person_id, type, observed_on, value, via, recorded_by, received_at)
      select md5(${`${o.seed}:s:`} || c.g || ':' || k)::uuid, s.*
      from (select (${from}::bigint + i) as g, n from unnest(${`{${chunk.join(',')}}`}::int[]) with ordinality as c(n, i)) c
      cross join lateral generate_series(1, c.n) k
      cross join lateral (${signalColumns(o, key, sql`c.g`, observedOn, receivedAt)}) s`);
    done += chunk.reduce((sum, n) => sum + n, 0);
    onProgress(done, o.signals);
  }
  // The loaded tables, as autovacuum would after a bulk load. The empty tables the screening writes keep no
  // statistics unless asked: analyzed while empty, they make the first run plan for an empty alerts table.
  await db.execute(
    o.analyzeAll
      ? sql`analyze`
      : sql`analyze persons, protection_profiles, protection_signals, appointments, survey_checks`,
  );
  return count(db, 'protection_signals');
}

/**
 * A new batch as agencies send it: `signals` signals for about 80% as many distinct persons (each gets one,
 * the first fifth a second), observed in the last two weeks, received now. Returns the persons' ids.
 */
export async function insertSignalBatch(
  db: Db,
  o: PopulationOptions,
  signals: number,
): Promise<{ personIds: string[]; inserted: number; ms: number }> {
  const persons = distinctSample(o.persons, Math.min(o.persons, Math.round(signals * 0.8)), o.seed + 1);
  const gs: number[] = [];
  const ks: number[] = [];
  for (let i = 0; gs.length < signals; i++) {
    gs.push(persons[i % persons.length] as number);
    ks.push(1 + Math.floor(i / persons.length));
  }
  const key = sql`(b.g::bigint * 1000000 + 500000 + b.k)`;
  const observedOn = sql`${o.asOf}::date - floor(${uniform(key, o.seed, 47)} * 14)::int`;
  const started = performance.now();
  const [row] = rowsOf<{ n: number }>(
    await db.execute(sql`
      with inserted as (
        insert into protection_signals (id, person_id, type, observed_on, value, via, recorded_by, received_at)
        select md5(${`${o.seed}:b:`} || b.g || ':' || b.k)::uuid, s.*
        from unnest(${`{${gs.join(',')}}`}::int[], ${`{${ks.join(',')}}`}::int[]) as b(g, k)
        cross join lateral (${signalColumns(o, key, sql`b.g`, observedOn, sql`${o.now}::timestamptz`)}) s
        returning 1
      )
      select count(*)::int as n from inserted`),
  );
  const ms = performance.now() - started;
  return { personIds: persons.map((g) => benchPersonId(o.seed, g)), inserted: row?.n ?? 0, ms };
}
