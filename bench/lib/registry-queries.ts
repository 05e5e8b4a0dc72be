import { type SQL, sql } from 'drizzle-orm';
import { parseQuery } from '../../packages/server/src/modules/registry/search-tokens';
import type { Vault } from '../../packages/server/src/platform/crypto/vault';
import type { Db } from '../../packages/server/src/platform/db/client';
import type { SyntheticPerson } from '../../packages/server/src/seed/population';

/**
 * The registry's read paths as a case worker uses them, each with its input drawn from one generated person,
 * and the floor beside it: the same lookup as bare SQL, without decryption, audit or the service around it.
 */
export interface RegisteredPerson {
  readonly person: SyntheticPerson;
  readonly id: string;
  readonly code: string;
  readonly birthDate: string;
}

export interface QueryKind {
  readonly name: string;
  /** The search box text for this person, or null when the person does not fit the kind. */
  query(person: RegisteredPerson): string | null;
}

const CHOSEONG = 'ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ';

function initials(name: string): string {
  return [...name].map((c) => CHOSEONG[Math.floor((c.charCodeAt(0) - 0xac00) / 588)] ?? c).join('');
}

const threeSyllables = (p: RegisteredPerson) => /^[가-힣]{3}$/.test(p.person.intake.name);

export const SEARCH_KINDS: readonly QueryKind[] = [
  {
    name: 'search: partial name (2 syllables)',
    query: (p) => (threeSyllables(p) ? p.person.intake.name.slice(1) : null),
  },
  { name: 'search: full name', query: (p) => (threeSyllables(p) ? p.person.intake.name : null) },
  {
    name: 'search: initial consonants (3)',
    query: (p) => (threeSyllables(p) ? initials(p.person.intake.name) : null),
  },
  { name: 'search: person ID', query: (p) => p.code },
  { name: 'search: phone last 4', query: (p) => p.person.intake.phone?.slice(-4) ?? null },
  { name: 'search: birth date', query: (p) => p.birthDate },
];

const live = sql`p.merged_into_id is null and p.status <> 'erased'`;

/**
 * The floor of a search: the page of the same query shape as persons.repository.ts `search` (token match in
 * the whole registry, then the center's live persons, ordered by code), one statement, no count.
 */
export function searchFloor(vault: Vault, centerId: string, q: string): SQL {
  const parsed = parseQuery(vault, q);
  const page = sql`order by p.code limit 20`;
  const columns = sql`select p.*, o.name as center_name from persons p join organizations o on o.id = p.hana_center_id`;
  switch (parsed.kind) {
    case 'code':
      return sql`${columns} where ${live} and p.hana_center_id = ${centerId} and p.code = ${parsed.code} ${page}`;
    case 'tokens': {
      const tokens = sql.join(
        parsed.tokens.map((token) => sql`${token}`),
        sql`, `,
      );
      return sql`${columns} where ${live} and p.hana_center_id = ${centerId} and p.id in (
        select person_id from person_search_tokens where token in (${tokens})
        group by person_id having count(*) = ${parsed.tokens.length}) ${page}`;
    }
    case 'empty':
      throw new Error(`not a query: ${q.length} characters`);
    default: {
      const unknown: never = parsed;
      return unknown;
    }
  }
}

/** The floor of opening a record: the row by primary key. */
export function openFloor(personId: string): SQL {
  return sql`select * from persons where id = ${personId}`;
}

/** Both statements `searchPersons` runs for a token query (page and count), for EXPLAIN ANALYZE. */
export function searchStatements(vault: Vault, centerId: string, q: string): SQL[] {
  const parsed = parseQuery(vault, q);
  if (parsed.kind !== 'tokens') return [searchFloor(vault, centerId, q)];
  const tokens = sql.join(
    parsed.tokens.map((token) => sql`${token}`),
    sql`, `,
  );
  const where = sql`where ${live} and p.hana_center_id = ${centerId} and p.id in (
    select person_id from person_search_tokens where token in (${tokens})
    group by person_id having count(*) = ${parsed.tokens.length})`;
  return [searchFloor(vault, centerId, q), sql`select count(*) from persons p ${where}`];
}

export async function explain(db: Db, statement: SQL): Promise<string> {
  const result = (await db.execute(sql`explain (analyze, buffers, costs off) ${statement}`)) as unknown as {
    rows: Record<string, string>[];
  };
  return result.rows.map((row) => Object.values(row)[0]).join('\n');
}
