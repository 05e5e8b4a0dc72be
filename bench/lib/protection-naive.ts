import { isDeepStrictEqual } from 'node:util';
import { type IsoDate, type RiskScore, type ScreeningRules, screeningRulesOn } from '@ieum/domain';
import { eq, inArray, type SQL, sql } from 'drizzle-orm';
import { riskScores } from '../../packages/server/src/modules/protection/schema';
import { scorePersonNaively } from '../../packages/server/src/modules/protection/screening-facts';
import { screeningQuery } from '../../packages/server/src/modules/protection/screening-sql';
import type { Db } from '../../packages/server/src/platform/db/client';
import { rowsOf } from '../../packages/server/src/platform/db/rows';

/**
 * The person-by-person way, as an application loop would do it without set-based SQL: for each person read
 * the facts with plain queries, score them with the domain's `scorePerson`, write the score (an upsert, or a
 * delete when there is no reason, as the set-based run keeps no row for those). It opens no alerts, which
 * flatters it: the set-based run's time includes opening and raising them.
 */
export async function screenNaively(
  db: Db,
  options: { personIds: readonly string[]; asOf: IsoDate; now: Date; write: boolean },
): Promise<{ ms: number; scores: Map<string, RiskScore | null> }> {
  const rules: ScreeningRules = screeningRulesOn(options.asOf);
  const scores = new Map<string, RiskScore | null>();
  const started = performance.now();
  for (const personId of options.personIds) {
    const score = await scorePersonNaively(db, personId, rules, options.asOf);
    scores.set(personId, score);
    if (!options.write) continue;
    if (!score || score.reasons.length === 0) {
      await db.delete(riskScores).where(eq(riskScores.personId, personId));
      continue;
    }
    const row = {
      score: score.score,
      level: score.level,
      rulesVersion: score.rulesVersion,
      asOf: score.asOf,
      reasons: score.reasons as unknown as Record<string, unknown>[],
      computedAt: options.now,
      runId: null,
    };
    await db
      .insert(riskScores)
      .values({ personId, ...row })
      .onConflictDoUpdate({ target: riskScores.personId, set: row });
  }
  return { ms: performance.now() - started, scores };
}

interface StoredScore {
  readonly score: number;
  readonly level: string | null;
  readonly reasons: unknown;
}

/** What the set-based run stored for these persons (read before the naive loop overwrites it). */
export async function storedScores(db: Db, personIds: readonly string[]): Promise<Map<string, StoredScore>> {
  const stored = new Map<string, StoredScore>();
  for (let from = 0; from < personIds.length; from += 1000) {
    const rows = await db
      .select({
        personId: riskScores.personId,
        score: riskScores.score,
        level: riskScores.level,
        reasons: riskScores.reasons,
      })
      .from(riskScores)
      .where(inArray(riskScores.personId, personIds.slice(from, from + 1000)));
    for (const row of rows) stored.set(row.personId, row);
  }
  return stored;
}

/** How many persons are at each level (and below watch, or without any reason), as stored. */
export async function levelCounts(db: Db): Promise<string> {
  const rows = rowsOf<{ level: string; n: number }>(
    await db.execute(sql`
      select coalesce(rs.level, case when rs.person_id is null then 'no reason' else 'below watch' end) as level,
             count(*)::int as n
      from persons p left join risk_scores rs on rs.person_id = p.id
      group by 1`),
  );
  const count = (level: string) => (rows.find((row) => row.level === level)?.n ?? 0).toLocaleString('en-US');
  return ['crisis', 'high', 'watch', 'below watch', 'no reason'].map((l) => `${count(l)} ${l}`).join(', ');
}

/** The persons whose naive score (or reasons) differs from the stored one, described; empty when all agree. */
export function differences(
  naive: ReadonlyMap<string, RiskScore | null>,
  stored: ReadonlyMap<string, StoredScore>,
): string[] {
  const found: string[] = [];
  for (const [personId, score] of naive) {
    const row = stored.get(personId);
    const expected =
      score && score.reasons.length > 0
        ? { score: score.score, level: score.level, reasons: JSON.parse(JSON.stringify(score.reasons)) }
        : null;
    const actual = row ? { score: row.score, level: row.level, reasons: row.reasons } : null;
    if (!isDeepStrictEqual(expected, actual))
      found.push(`${personId}: naive ${JSON.stringify(expected)}\n  stored ${JSON.stringify(actual)}`);
  }
  return found;
}

/**
 * EXPLAIN (ANALYZE, BUFFERS) of the screening query over everybody, as screenPopulation runs it: the
 * population in an analyzed temporary table. The population query is a copy of screen-population.ts's.
 */
export async function explainScreening(db: Db, asOf: IsoDate): Promise<string> {
  const population: SQL = sql`
    select p.id, p.protection_decision_date as decided_on, p.residence_start_date as moved_in_on
    from persons p
    where p.merged_into_id is null and p.status <> 'erased'`;
  return db.transaction(async (tx) => {
    await tx.execute(sql`create temp table screening_population on commit drop as ${population}`);
    await tx.execute(sql`analyze screening_population`);
    const statement = screeningQuery(screeningRulesOn(asOf), asOf, sql`select * from screening_population`);
    const result = (await tx.execute(sql`explain (analyze, buffers) ${statement}`)) as unknown as {
      rows: Record<string, string>[];
    };
    return result.rows.map((row) => Object.values(row)[0]).join('\n');
  });
}
