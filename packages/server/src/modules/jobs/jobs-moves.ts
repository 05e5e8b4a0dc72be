import { type MergeMovedKind, OPEN_STAGES } from '@ieum/domain';
import { and, eq, inArray, not, notInArray, type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client';
import {
  employmentRecords,
  incentivePayments,
  jobApplications,
  seekerProfiles,
  trainingEnrolments,
} from './schema';

type JobsKind = Extract<
  MergeMovedKind,
  'seekerProfiles' | 'jobApplications' | 'employmentRecords' | 'trainingEnrolments' | 'incentivePayments'
>;
type Moved = Partial<Record<JobsKind, string[]>>;

/** The jobs tables with a person_id, all handled by `moveJobsRows` (see the merge's completeness test). */
export const JOBS_TABLES_WITH_A_PERSON = [
  'seeker_profiles',
  'job_applications',
  'employment_records',
  'training_enrolments',
  'incentive_payments',
] as const;

/**
 * Moves the jobs rows of `from` to `to` (all of them on a merge; the listed ones on an undo): applications
 * (with their events, which hang on the application), employment records, enrolments, payments, and the
 * seeker profile when `to` has none. Where both records have an open application to the same posting, or
 * an enrolment in the same course, the merged record keeps its own: one person cannot hold two, and the
 * survivor's is the one the officers have been working. Nothing here is sealed.
 */
export async function moveJobsRows(
  tx: Tx,
  options: { from: string; to: string; only?: Partial<Record<MergeMovedKind, string[]>> },
): Promise<Moved> {
  const { from, to, only } = options;
  const pick = <T extends { id: string }>(rows: T[], kind: JobsKind) =>
    only ? rows.filter((row) => only[kind]?.includes(row.id)) : rows;

  const openPostingsOfTarget = tx
    .select({ postingId: jobApplications.postingId })
    .from(jobApplications)
    .where(and(eq(jobApplications.personId, to), inArray(jobApplications.stage, [...OPEN_STAGES])));
  const applications = pick(
    await tx
      .select({ id: jobApplications.id })
      .from(jobApplications)
      .where(
        and(
          eq(jobApplications.personId, from),
          only
            ? undefined
            : not(
                and(
                  inArray(jobApplications.stage, [...OPEN_STAGES]),
                  inArray(jobApplications.postingId, openPostingsOfTarget),
                ) as SQL,
              ),
        ),
      ),
    'jobApplications',
  );
  if (applications.length > 0)
    await tx
      .update(jobApplications)
      .set({ personId: to })
      .where(
        inArray(
          jobApplications.id,
          applications.map((row) => row.id),
        ),
      );

  const coursesOfTarget = tx
    .select({ courseId: trainingEnrolments.courseId })
    .from(trainingEnrolments)
    .where(eq(trainingEnrolments.personId, to));
  const enrolments = pick(
    await tx
      .select({ id: trainingEnrolments.id })
      .from(trainingEnrolments)
      .where(
        and(
          eq(trainingEnrolments.personId, from),
          only ? undefined : notInArray(trainingEnrolments.courseId, coursesOfTarget),
        ),
      ),
    'trainingEnrolments',
  );
  if (enrolments.length > 0)
    await tx
      .update(trainingEnrolments)
      .set({ personId: to })
      .where(
        inArray(
          trainingEnrolments.id,
          enrolments.map((row) => row.id),
        ),
      );

  const records = pick(
    await tx
      .select({ id: employmentRecords.id })
      .from(employmentRecords)
      .where(eq(employmentRecords.personId, from)),
    'employmentRecords',
  );
  if (records.length > 0)
    await tx
      .update(employmentRecords)
      .set({ personId: to })
      .where(
        inArray(
          employmentRecords.id,
          records.map((row) => row.id),
        ),
      );

  const payments = pick(
    await tx
      .select({ id: incentivePayments.id })
      .from(incentivePayments)
      .where(eq(incentivePayments.personId, from)),
    'incentivePayments',
  );
  if (payments.length > 0)
    await tx
      .update(incentivePayments)
      .set({ personId: to })
      .where(
        inArray(
          incentivePayments.id,
          payments.map((row) => row.id),
        ),
      );

  // A profile has no id of its own: the merged record's id marks that its profile moved.
  let profileMoved: string[] = [];
  const profileWanted = only ? (only.seekerProfiles?.length ?? 0) > 0 : true;
  if (profileWanted) {
    const moved = await tx
      .update(seekerProfiles)
      .set({ personId: to })
      .where(
        and(
          eq(seekerProfiles.personId, from),
          sql`not exists (select 1 from seeker_profiles other where other.person_id = ${to})`,
        ),
      )
      .returning({ personId: seekerProfiles.personId });
    profileMoved = moved.length > 0 ? [only ? to : from] : [];
  }

  return {
    seekerProfiles: profileMoved,
    jobApplications: applications.map((row) => row.id),
    employmentRecords: records.map((row) => row.id),
    trainingEnrolments: enrolments.map((row) => row.id),
    incentivePayments: payments.map((row) => row.id),
  };
}

/** Whether the moved jobs rows are all still with `personId` (an undo is refused otherwise). */
export async function jobsRowsStillWith(tx: Tx, personId: string, moved: Moved): Promise<boolean> {
  const n = sql<number>`count(*)::int`;
  const all = async (
    ids: string[] | undefined,
    table:
      | typeof jobApplications
      | typeof employmentRecords
      | typeof trainingEnrolments
      | typeof incentivePayments,
  ) => {
    if (!ids || ids.length === 0) return true;
    const [row] = await tx
      .select({ n })
      .from(table)
      .where(and(inArray(table.id, ids), eq(table.personId, personId)));
    return row?.n === ids.length;
  };
  return (
    (await all(moved.jobApplications, jobApplications)) &&
    (await all(moved.employmentRecords, employmentRecords)) &&
    (await all(moved.trainingEnrolments, trainingEnrolments)) &&
    (await all(moved.incentivePayments, incentivePayments))
  );
}
