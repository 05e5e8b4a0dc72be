import { type JobsReport, type Region, tenureSpells } from '@ieum/domain';
import { and, count, eq, gte, inArray, isNull, lte, sql } from 'drizzle-orm';
import { personScopes } from '../../platform/access/scope';
import type { Actor } from '../../platform/context';
import type { Deps } from '../../platform/deps';
import { suppress, suppressGroup } from '../../platform/small-counts';
import { personsFor } from '../registry/persons.repository';
import { persons } from '../registry/schema';
import { isEmployedOn, isWorkingAgeIn } from './employment-rate';
import { employers, employmentRecords, jobPostings } from './schema';

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/**
 * Employment figures for a period: the employment rate of working-age persons on the period's last day,
 * wages and tenure of those in work, placements by region (of the employer) and occupation, and work that
 * ended before six months. Within the reader's scope (a center's persons, an officer's assigned persons), or
 * national for a reader with no person scope (plan managers, the Foundation). Counts below 5 are withheld, and
 * so is every figure computed from a withheld count.
 */
export async function jobsReport(
  deps: Deps,
  options: { actor: Actor; from: string; to: string },
): Promise<JobsReport> {
  const { actor, from, to } = options;
  const scopes = personScopes(actor);
  const scope: JobsReport['scope'] =
    scopes.length === 0 ? 'national' : scopes.some((each) => each.kind === 'center') ? 'center' : 'assigned';
  const live = and(isNull(persons.mergedIntoId), sql`${persons.status} <> 'erased'`);
  const inScope =
    scope === 'national'
      ? deps.db.select({ id: persons.id }).from(persons).where(live)
      : personsFor(deps.db, scopes).idsQuery();
  const year = Number(to.slice(0, 4));
  const workingAgeIds = deps.db
    .select({ id: persons.id })
    .from(persons)
    .where(and(inArray(persons.id, inScope), isWorkingAgeIn(year)));
  const [[workingAge], working, placements, ended, [employerCounts], [postingCounts]] = await Promise.all([
    deps.db.select({ n: count() }).from(persons).where(inArray(persons.id, workingAgeIds)),
    // Every record of a person who works on `to`: tenure needs the spells, not just the current record.
    deps.db
      .select({ record: employmentRecords })
      .from(employmentRecords)
      .where(
        inArray(
          employmentRecords.personId,
          deps.db
            .select({ id: employmentRecords.personId })
            .from(employmentRecords)
            .where(and(inArray(employmentRecords.personId, workingAgeIds), isEmployedOn(to))),
        ),
      ),
    deps.db
      .select({ region: employers.region, occupation: employmentRecords.occupation })
      .from(employmentRecords)
      .innerJoin(employers, eq(employers.id, employmentRecords.employerId))
      .where(
        and(
          inArray(employmentRecords.personId, inScope),
          gte(employmentRecords.startOn, from),
          lte(employmentRecords.startOn, to),
        ),
      ),
    deps.db
      .select({ record: employmentRecords })
      .from(employmentRecords)
      .where(
        and(
          inArray(employmentRecords.personId, inScope),
          gte(employmentRecords.endOn, from),
          lte(employmentRecords.endOn, to),
        ),
      ),
    deps.db
      .select({
        all: count(),
        priority: sql<number>`count(*) filter (where ${employers.priorityPurchasing})`,
      })
      .from(employers),
    deps.db
      .select({ open: count(), openings: sql<number>`coalesce(sum(${jobPostings.openings}), 0)` })
      .from(jobPostings)
      .where(and(eq(jobPostings.status, 'open'), gte(jobPostings.closingOn, to))),
  ]);

  const byPerson = new Map<string, (typeof working)[number]['record'][]>();
  for (const { record } of working)
    byPerson.set(record.personId, [...(byPerson.get(record.personId) ?? []), record]);
  const wages: number[] = [];
  const tenures: number[] = [];
  for (const records of byPerson.values()) {
    const current = records.filter((r) => r.startOn <= to && (r.endOn === null || r.endOn >= to));
    for (const record of current) if (record.monthlyWage !== null) wages.push(record.monthlyWage);
    const spells = tenureSpells(
      records.map((r) => ({ employerId: r.employerId, start: r.startOn, end: r.endOn, insured: r.insured })),
      to,
    ).filter((spell) => spell.end === null || spell.end >= to);
    const longest = Math.max(...spells.map((spell) => spell.months));
    if (Number.isFinite(longest)) tenures.push(longest);
  }

  const employedCount = byPerson.size;
  const workingAgeCount = workingAge?.n ?? 0;
  const employed = suppress(employedCount);
  const shownWorkingAge = suppress(workingAgeCount);
  const figuresShown = employed !== null && shownWorkingAge !== null && employedCount > 0;

  const tally = <K extends string>(keys: (K | null)[]) => {
    const counts = new Map<K, number>();
    for (const key of keys) if (key !== null) counts.set(key, (counts.get(key) ?? 0) + 1);
    return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  };

  // The placements' total is published, so its cells are suppressed as a group (no cell can be subtracted out).
  const grouped = <K>(cells: [K, number][]): [K, number | null][] => {
    const shown = suppressGroup(cells.map(([, n]) => n));
    return cells.map(([key], i) => [key, shown[i] ?? null]);
  };

  // An ended job counts once per spell, judged by the spell's months when it ended.
  const endedEarly = [...new Set(ended.map(({ record }) => record.personId))].reduce((sum, personId) => {
    const records = ended.filter(({ record }) => record.personId === personId).map(({ record }) => record);
    const spells = tenureSpells(
      records.map((r) => ({ employerId: r.employerId, start: r.startOn, end: r.endOn, insured: r.insured })),
      to,
    );
    return sum + spells.filter((spell) => spell.end !== null && spell.end >= from && spell.months < 6).length;
  }, 0);

  return {
    from,
    to,
    scope,
    workingAge: shownWorkingAge,
    employed,
    employmentRate:
      figuresShown && workingAgeCount > 0
        ? Math.round((employedCount / workingAgeCount) * 1000) / 1000
        : null,
    averageMonthlyWage:
      figuresShown && wages.length >= 5 ? Math.round(wages.reduce((a, b) => a + b, 0) / wages.length) : null,
    medianTenureMonths: figuresShown && tenures.length >= 5 ? median(tenures) : null,
    placements: suppress(placements.length),
    placementsByRegion: grouped(tally(placements.map((p) => p.region as Region))).map(([region, n]) => ({
      region,
      count: n,
    })),
    placementsByOccupation: grouped(tally(placements.map((p) => p.occupation))).map(([occupation, n]) => ({
      occupation,
      count: n,
    })),
    endedBeforeSixMonths: suppress(endedEarly),
    employers: employerCounts?.all ?? 0,
    priorityPurchasingEmployers: Number(employerCounts?.priority ?? 0),
    openPostings: postingCounts?.open ?? 0,
    openOpenings: Number(postingCounts?.openings ?? 0),
  };
}
