import { OPEN_STAGES, type PersonJobs, type SeekerListItem, seoulDate } from '@ieum/domain';
import { and, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { personScopes } from '../../platform/access/scope';
import { recordAudit } from '../../platform/audit/audit-log';
import type { Actor } from '../../platform/context';
import type { Deps } from '../../platform/deps';
import { personsFor } from '../registry/persons.repository';
import { applicationViews } from './applications';
import { personEnrolments } from './courses';
import { employmentView, personEmployment, tenureViews } from './employment';
import { personInScope, personRefs } from './person-access';
import { employmentRecords, jobApplications, seekerProfiles } from './schema';
import { findSeekerProfile } from './seekers.repository';

/** Everything on a person's 취업 tab. Audited as a view of the person's data. */
export async function readPersonJobs(
  deps: Deps,
  options: { actor: Actor; personId: string },
): Promise<PersonJobs> {
  const person = await personInScope(deps, options.actor, options.personId, 'person_jobs');
  const [profile, enrolments, applications, employment] = await Promise.all([
    findSeekerProfile(deps.db, person.id),
    personEnrolments(deps.db, person.id),
    applicationViews(deps, deps.db, eq(jobApplications.personId, person.id)),
    personEmployment(deps.db, person.id),
  ]);
  await recordAudit(deps.db, {
    action: 'view',
    entityType: 'person_jobs',
    entityId: person.id,
    subjectId: person.id,
  });
  return {
    profile,
    enrolments,
    applications,
    employment: employment.map(({ record, employerName }) => employmentView(record, employerName)),
    tenure: tenureViews(employment, seoulDate(deps.now())),
  };
}

/** Job seekers in the reader's scope, most recently updated first. */
export async function listSeekers(
  deps: Deps,
  options: {
    actor: Actor;
    status?: SeekerListItem['status'] | undefined;
    occupation?: string | undefined;
    page: number;
    pageSize: number;
  },
): Promise<{ items: SeekerListItem[]; total: number }> {
  const visible = personsFor(deps.db, personScopes(options.actor)).idsQuery();
  const where = and(
    inArray(seekerProfiles.personId, visible),
    options.status ? eq(seekerProfiles.status, options.status) : undefined,
    options.occupation ? sql`${options.occupation} = any(${seekerProfiles.occupations})` : undefined,
  );
  const openApplications = deps.db
    .select({ personId: jobApplications.personId, n: count().as('open_applications') })
    .from(jobApplications)
    .where(inArray(jobApplications.stage, [...OPEN_STAGES]))
    .groupBy(jobApplications.personId)
    .as('open_applications');
  const currentWork = deps.db
    .select({
      personId: employmentRecords.personId,
      since: sql<string>`min(${employmentRecords.startOn})`.as('since'),
    })
    .from(employmentRecords)
    .where(isNull(employmentRecords.endOn))
    .groupBy(employmentRecords.personId)
    .as('current_work');
  const [rows, [total]] = await Promise.all([
    deps.db
      .select({ profile: seekerProfiles, open: openApplications.n, since: currentWork.since })
      .from(seekerProfiles)
      .leftJoin(openApplications, eq(openApplications.personId, seekerProfiles.personId))
      .leftJoin(currentWork, eq(currentWork.personId, seekerProfiles.personId))
      .where(where)
      .orderBy(desc(seekerProfiles.updatedAt), seekerProfiles.personId)
      .limit(options.pageSize)
      .offset((options.page - 1) * options.pageSize),
    deps.db.select({ n: count() }).from(seekerProfiles).where(where),
  ]);
  const refs = await personRefs(
    deps,
    deps.db,
    rows.map((row) => row.profile.personId),
  );
  return {
    total: total?.n ?? 0,
    items: rows.flatMap(({ profile, open, since }) => {
      const person = refs.get(profile.personId);
      if (!person) return [];
      return [
        {
          person,
          status: profile.status as SeekerListItem['status'],
          occupations: profile.occupations,
          region: profile.region as SeekerListItem['region'],
          koreanLevel: profile.koreanLevel,
          openApplications: Number(open ?? 0),
          employedSince: since ?? null,
          updatedAt: profile.updatedAt.toISOString(),
        },
      ];
    }),
  };
}
