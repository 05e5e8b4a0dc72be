import { and, asc, count, eq, inArray, isNotNull, isNull, ne, or, type SQL, sql } from 'drizzle-orm';
import type { PersonScope } from '../../platform/access/scope';
import type { Queryable } from '../../platform/db/client';
import { organizations } from '../../platform/db/schema';
import { personOfficers, personSearchTokens, persons } from './schema';

export type PersonRow = typeof persons.$inferSelect;

/** The scope as SQL. No scope at all is `false`: default deny, not "no filter". */
function scopeCondition(scopes: readonly PersonScope[]): SQL {
  const parts = scopes.map((scope): SQL => {
    switch (scope.kind) {
      case 'center':
        return eq(persons.hanaCenterId, scope.organizationId);
      case 'municipality':
        return eq(persons.municipalityId, scope.organizationId);
      case 'assigned':
        return sql`exists (select 1 from ${personOfficers} where ${personOfficers.personId} = ${persons.id}
          and ${personOfficers.userId} = ${scope.userId} and ${personOfficers.kind} = ${scope.officerKind}
          and ${personOfficers.until} is null)`;
      default: {
        const unknown: never = scope;
        return unknown;
      }
    }
  });
  return parts.length === 0 ? sql`false` : (or(...parts) as SQL);
}

const live = and(isNull(persons.mergedIntoId), ne(persons.status, 'erased'));

/**
 * Persons as one actor may see them: every query here carries the actor's scope, so none can forget it.
 * Built per request with `personsFor(q, scopes)`.
 */
export function personsFor(q: Queryable, scopes: readonly PersonScope[]) {
  const visible = and(live, scopeCondition(scopes));
  const withCenter = () =>
    q
      .select({ person: persons, centerName: organizations.name })
      .from(persons)
      .innerJoin(organizations, eq(organizations.id, persons.hanaCenterId));

  return {
    /** A subquery of the ids this actor may see, for other modules' queries over persons' data. */
    idsQuery() {
      return q.select({ id: persons.id }).from(persons).where(visible);
    },

    async findById(id: string) {
      const [row] = await withCenter().where(and(visible, eq(persons.id, id)));
      return row ?? null;
    },

    /** A record merged into another, within the same scope: for answering where it went, and for undo. */
    async findMergedById(id: string) {
      const [row] = await q
        .select({ person: persons })
        .from(persons)
        .where(
          and(
            eq(persons.id, id),
            isNotNull(persons.mergedIntoId),
            ne(persons.status, 'erased'),
            scopeCondition(scopes),
          ),
        );
      return row?.person ?? null;
    },

    async findByCode(code: string) {
      const [row] = await withCenter().where(and(visible, eq(persons.code, code)));
      return row ?? null;
    },

    /**
     * Persons holding every one of the tokens. The token table's primary key (token, person_id) serves the
     * lookup; the scope and paging then run over the few matches.
     */
    async search(
      filter: { tokens?: readonly string[]; code?: string },
      page: { page: number; pageSize: number },
    ) {
      let condition: SQL | undefined = visible;
      if (filter.code) condition = and(condition, eq(persons.code, filter.code));
      if (filter.tokens && filter.tokens.length > 0) {
        const matching = q
          .select({ personId: personSearchTokens.personId })
          .from(personSearchTokens)
          .where(inArray(personSearchTokens.token, [...filter.tokens]))
          .groupBy(personSearchTokens.personId)
          .having(sql`count(*) = ${filter.tokens.length}`);
        condition = and(condition, inArray(persons.id, matching));
      }
      const [rows, [total]] = await Promise.all([
        withCenter()
          .where(condition)
          .orderBy(asc(persons.code))
          .limit(page.pageSize)
          .offset((page.page - 1) * page.pageSize),
        q.select({ n: count() }).from(persons).where(condition),
      ]);
      return { rows, total: total?.n ?? 0 };
    },
  };
}

/**
 * Duplicate candidates across the whole registry, regardless of the actor's scope: a person who moved must
 * be found at their old center. Callers show out-of-scope candidates without any identity (see
 * check-duplicates.ts). Reviewed bypass of the row scope.
 */
export async function unsafeFindDuplicateCandidates(
  q: Queryable,
  options: { rrnIndex: string | null; tokens: readonly string[]; limit: number },
) {
  const byToken = q
    .select({ personId: personSearchTokens.personId })
    .from(personSearchTokens)
    .where(inArray(personSearchTokens.token, options.tokens.length > 0 ? [...options.tokens] : ['-']));
  return q
    .select({ person: persons, centerName: organizations.name })
    .from(persons)
    .innerJoin(organizations, eq(organizations.id, persons.hanaCenterId))
    .where(
      and(
        live,
        or(
          options.rrnIndex ? eq(persons.rrnIndex, options.rrnIndex) : undefined,
          inArray(persons.id, byToken),
        ),
      ),
    )
    .limit(options.limit);
}
