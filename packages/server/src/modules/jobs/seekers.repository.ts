import type { JobSeeker, Region, SeekerProfileInput, SeekerProfileView } from '@ieum/domain';
import { and, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client';
import { users } from '../../platform/db/schema';
import type { personsFor } from '../registry/persons.repository';
import { type SeekerProfileRow, seekerProfiles } from './schema';

/** The ids an actor may see, as `personsFor(...).idsQuery()` builds them. */
export type ScopedIds = ReturnType<ReturnType<typeof personsFor>['idsQuery']>;

export function profileView(row: SeekerProfileRow, editorName: string | null): SeekerProfileView {
  return {
    personId: row.personId,
    status: row.status as SeekerProfileView['status'],
    occupations: row.occupations,
    skills: row.skills,
    certificates: row.certificates,
    experience: row.experience as SeekerProfileView['experience'],
    region: row.region as Region,
    willingToMoveTo: row.willingToMoveTo as Region[],
    maxCommuteMinutes: row.maxCommuteMinutes,
    hours: row.hours as SeekerProfileView['hours'],
    expectedMonthlyWage: row.expectedMonthlyWage,
    koreanLevel: row.koreanLevel,
    computerLevel: row.computerLevel,
    constraints: row.constraints as SeekerProfileView['constraints'],
    childbirths: row.childbirths,
    updatedAt: row.updatedAt.toISOString(),
    updatedBy: row.updatedBy && editorName ? { id: row.updatedBy, displayName: editorName } : null,
    version: row.version,
  };
}

/** The profile as the matching engine reads it (domain/jobs/schemas.ts, JobSeeker). */
export function seekerForMatching(row: SeekerProfileRow): JobSeeker {
  return {
    id: row.personId,
    occupations: row.occupations,
    skills: row.skills,
    certificates: row.certificates,
    region: row.region as Region,
    willingToMoveTo: row.willingToMoveTo as Region[],
    maxCommuteMinutes: row.maxCommuteMinutes,
    hours: row.hours as JobSeeker['hours'],
    expectedMonthlyWage: row.expectedMonthlyWage,
    koreanLevel: row.koreanLevel,
    constraints: row.constraints as JobSeeker['constraints'],
  };
}

export async function findSeekerProfile(q: Queryable, personId: string): Promise<SeekerProfileView | null> {
  const [row] = await q
    .select({ profile: seekerProfiles, editorName: users.displayName })
    .from(seekerProfiles)
    .leftJoin(users, eq(users.id, seekerProfiles.updatedBy))
    .where(eq(seekerProfiles.personId, personId));
  return row ? profileView(row.profile, row.editorName) : null;
}

type ProfileValues = Omit<SeekerProfileInput, 'version'> & { updatedBy: string; updatedAt: Date };

export async function insertSeekerProfile(
  q: Queryable,
  personId: string,
  values: ProfileValues,
): Promise<boolean> {
  const rows = await q
    .insert(seekerProfiles)
    .values({ personId, ...values })
    .onConflictDoNothing()
    .returning({ personId: seekerProfiles.personId });
  return rows.length === 1;
}

export async function updateSeekerProfile(
  q: Queryable,
  personId: string,
  version: number,
  values: ProfileValues,
): Promise<boolean> {
  const rows = await q
    .update(seekerProfiles)
    .set({ ...values, version: version + 1 })
    .where(and(eq(seekerProfiles.personId, personId), eq(seekerProfiles.version, version)))
    .returning({ personId: seekerProfiles.personId });
  return rows.length === 1;
}

/** Profiles of persons seeking work among `personIds` (a scoped subquery), for recommendations of seekers. */
export async function seekingProfiles(q: Queryable, personIds: ScopedIds) {
  return q
    .select()
    .from(seekerProfiles)
    .where(and(eq(seekerProfiles.status, 'seeking'), inArray(seekerProfiles.personId, personIds)));
}
