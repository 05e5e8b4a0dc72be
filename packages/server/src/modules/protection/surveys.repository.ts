import type { SurveyCriteria } from '@ieum/domain';
import { and, asc, count, desc, eq, inArray, isNotNull, isNull, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { personScopes } from '../../platform/access/scope';
import type { Actor } from '../../platform/context';
import type { Queryable } from '../../platform/db/client';
import { rowsOf } from '../../platform/db/rows';
import { organizations, users } from '../../platform/db/schema';
import { personsFor } from '../registry/persons.repository';
import { persons } from '../registry/schema';
import { surveyChecks, surveyRounds } from './schema';

export type SurveyRoundRow = typeof surveyRounds.$inferSelect;
export type SurveyCheckRow = typeof surveyChecks.$inferSelect;

/**
 * Which checks a reader counts and lists: `national` (a plan manager: every check, as aggregates only) or the
 * checks of persons within the actor's person scope (a center's staff: their center's; an officer: theirs).
 */
export type CheckScope = { readonly kind: 'national' } | { readonly kind: 'persons'; readonly actor: Actor };

function checkScopeCondition(q: Queryable, scope: CheckScope): SQL | undefined {
  return scope.kind === 'national'
    ? undefined
    : inArray(surveyChecks.personId, personsFor(q, personScopes(scope.actor)).idsQuery());
}

const textArray = (values: readonly string[]) => sql`${`{${values.join(',')}}`}::text[]`;

/**
 * Selects a round's population in one statement over the whole registry: live persons (not merged, not
 * erased) whose protection profile has any of the chosen categories, less those on livelihood or medical aid
 * and insured regular workers when asked; one check each at the person's Hana Center. The unique key
 * (round_id, person_id) makes a repeated selection add nobody twice. Returns how many were selected.
 */
export async function selectRoundPopulation(
  q: Queryable,
  options: { roundId: string; criteria: SurveyCriteria; now: Date },
): Promise<number> {
  const { criteria } = options;
  const [row] = rowsOf<{ n: number }>(
    await q.execute(sql`
      with selected as (
        insert into survey_checks (id, round_id, person_id, organization_id, version, updated_at)
        select gen_random_uuid(), ${options.roundId}::uuid, p.id, p.hana_center_id, 1, ${options.now}
        from persons p
        join protection_profiles pp on pp.person_id = p.id
        where p.merged_into_id is null and p.status <> 'erased'
          and pp.categories && ${textArray(criteria.categories)}
          ${criteria.excludeOnLivelihoodOrMedicalAid ? sql`and not (pp.benefits && ${textArray(['livelihood_aid', 'medical_aid'])})` : sql``}
          ${criteria.excludeInsuredRegularWorkers ? sql`and not pp.insured_regular_worker` : sql``}
        on conflict (round_id, person_id) do nothing
        returning 1
      )
      select count(*)::int as n from selected`),
  );
  return row?.n ?? 0;
}

const creator = alias(users, 'creator');

export async function roundRows(q: Queryable, roundId?: string) {
  return q
    .select({ round: surveyRounds, creatorName: creator.displayName })
    .from(surveyRounds)
    .innerJoin(creator, eq(creator.id, surveyRounds.createdBy))
    .where(roundId ? eq(surveyRounds.id, roundId) : undefined)
    .orderBy(desc(surveyRounds.startsOn), desc(surveyRounds.createdAt));
}

export interface OrganizationCounts {
  roundId: string;
  organizationId: string;
  organizationName: string;
  selected: number;
  checked: number;
  crisisSuspects: number;
}

/** Selected, checked and crisis suspects per round and organization, within the reader's scope. */
export async function organizationCounts(
  q: Queryable,
  scope: CheckScope,
  roundIds: readonly string[],
): Promise<OrganizationCounts[]> {
  if (roundIds.length === 0) return [];
  return q
    .select({
      roundId: surveyChecks.roundId,
      organizationId: surveyChecks.organizationId,
      organizationName: organizations.name,
      selected: sql<number>`count(*)::int`,
      checked: sql<number>`count(${surveyChecks.finding})::int`,
      crisisSuspects: sql<number>`count(*) filter (where ${surveyChecks.finding} = 'crisis_suspect')::int`,
    })
    .from(surveyChecks)
    .innerJoin(organizations, eq(organizations.id, surveyChecks.organizationId))
    .where(and(inArray(surveyChecks.roundId, [...roundIds]), checkScopeCondition(q, scope)))
    .groupBy(surveyChecks.roundId, surveyChecks.organizationId, organizations.name)
    .orderBy(asc(organizations.name));
}

/** Checks done per round and finding, within the reader's scope. */
export async function findingCounts(q: Queryable, scope: CheckScope, roundIds: readonly string[]) {
  if (roundIds.length === 0) return [];
  return q
    .select({ roundId: surveyChecks.roundId, finding: surveyChecks.finding, n: sql<number>`count(*)::int` })
    .from(surveyChecks)
    .where(
      and(
        inArray(surveyChecks.roundId, [...roundIds]),
        isNotNull(surveyChecks.finding),
        checkScopeCondition(q, scope),
      ),
    )
    .groupBy(surveyChecks.roundId, surveyChecks.finding);
}

const checkAssignee = alias(users, 'check_assignee');

/** One page of a round's checks within the actor's person scope, pending ones first. */
export async function listCheckRows(
  q: Queryable,
  actor: Actor,
  options: {
    roundId: string;
    assignee: 'me' | 'unassigned' | 'any';
    status?: 'pending' | 'done' | undefined;
    page: number;
    pageSize: number;
  },
) {
  const condition = and(
    eq(surveyChecks.roundId, options.roundId),
    checkScopeCondition(q, { kind: 'persons', actor }),
    options.assignee === 'me'
      ? eq(surveyChecks.assigneeId, actor.userId)
      : options.assignee === 'unassigned'
        ? isNull(surveyChecks.assigneeId)
        : undefined,
    options.status === 'pending'
      ? isNull(surveyChecks.finding)
      : options.status === 'done'
        ? isNotNull(surveyChecks.finding)
        : undefined,
  );
  const [rows, [total]] = await Promise.all([
    q
      .select({ check: surveyChecks, personCode: persons.code, assigneeName: checkAssignee.displayName })
      .from(surveyChecks)
      .innerJoin(persons, eq(persons.id, surveyChecks.personId))
      .leftJoin(checkAssignee, eq(checkAssignee.id, surveyChecks.assigneeId))
      .where(condition)
      .orderBy(sql`${surveyChecks.finding} is not null`, asc(persons.code), asc(surveyChecks.id))
      .limit(options.pageSize)
      .offset((options.page - 1) * options.pageSize),
    q.select({ n: count() }).from(surveyChecks).where(condition),
  ]);
  return { rows, total: total?.n ?? 0 };
}

export async function findCheck(q: Queryable, actor: Actor, checkId: string): Promise<SurveyCheckRow | null> {
  const [row] = await q
    .select()
    .from(surveyChecks)
    .where(and(eq(surveyChecks.id, checkId), checkScopeCondition(q, { kind: 'persons', actor })));
  return row ?? null;
}

/** The person of a check, whatever the scope: for logging a refused look at it. */
export async function unsafeCheckPersonId(q: Queryable, checkId: string): Promise<string | null> {
  const [row] = await q
    .select({ personId: surveyChecks.personId })
    .from(surveyChecks)
    .where(eq(surveyChecks.id, checkId));
  return row?.personId ?? null;
}

/** Changes a check at the version the user saw; false when someone changed it first. */
export async function bumpCheck(
  q: Queryable,
  checkId: string,
  version: number,
  set: Partial<Omit<SurveyCheckRow, 'id' | 'version'>>,
): Promise<boolean> {
  const updated = await q
    .update(surveyChecks)
    .set({ ...set, version: version + 1 })
    .where(and(eq(surveyChecks.id, checkId), eq(surveyChecks.version, version)))
    .returning({ id: surveyChecks.id });
  return updated.length > 0;
}
