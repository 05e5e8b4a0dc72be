import { type JobPosting, OPEN_STAGES, type PostingInput, type PostingView, type Region } from '@ieum/domain';
import { and, asc, count, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { appendAudit } from '../../platform/audit/audit-log';
import type { Actor } from '../../platform/context';
import type { Queryable } from '../../platform/db/client';
import { newId } from '../../platform/db/ids';
import type { Deps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { employers, type JobPostingRow, jobApplications, jobPostings } from './schema';

/** The posting as the matching engine reads it (domain/jobs/schemas.ts, JobPosting). */
export function postingForMatching(row: JobPostingRow): JobPosting {
  return {
    id: row.id,
    employerId: row.employerId,
    occupation: row.occupation,
    region: row.region as Region,
    hours: row.hours as JobPosting['hours'],
    schedule: row.schedule as JobPosting['schedule'],
    heavyPhysicalWork: row.heavyPhysicalWork,
    monthlyWage: row.monthlyWage,
    requiredSkills: row.requiredSkills,
    preferredSkills: row.preferredSkills,
    requiredCertificates: row.requiredCertificates,
    preferredCertificates: row.preferredCertificates,
    requiredKoreanLevel: row.requiredKoreanLevel,
    openings: row.openings,
  };
}

/** Postings with their employer and pipeline counts, newest first. */
export async function postingViews(
  q: Queryable,
  where: SQL | undefined,
  page?: { limit: number; offset: number },
): Promise<PostingView[]> {
  const counts = q
    .select({
      postingId: jobApplications.postingId,
      placed: sql<number>`count(*) filter (where ${jobApplications.stage} = 'placed')`.as('placed'),
      active: sql<number>`count(*) filter (where ${inArray(jobApplications.stage, [...OPEN_STAGES])})`.as(
        'active',
      ),
    })
    .from(jobApplications)
    .groupBy(jobApplications.postingId)
    .as('counts');
  let query = q
    .select({ posting: jobPostings, employer: employers, placed: counts.placed, active: counts.active })
    .from(jobPostings)
    .innerJoin(employers, eq(employers.id, jobPostings.employerId))
    .leftJoin(counts, eq(counts.postingId, jobPostings.id))
    .where(where)
    .orderBy(desc(jobPostings.createdAt), asc(jobPostings.id))
    .$dynamic();
  if (page) query = query.limit(page.limit).offset(page.offset);
  const rows = await query;
  return rows.map(({ posting, employer, placed, active }) => ({
    id: posting.id,
    employerId: posting.employerId,
    employer: { id: employer.id, name: employer.name, priorityPurchasing: employer.priorityPurchasing },
    title: posting.title,
    occupation: posting.occupation,
    region: posting.region as Region,
    hours: posting.hours as PostingView['hours'],
    schedule: posting.schedule as PostingView['schedule'],
    heavyPhysicalWork: posting.heavyPhysicalWork,
    monthlyWage: posting.monthlyWage,
    requiredSkills: posting.requiredSkills,
    preferredSkills: posting.preferredSkills,
    requiredCertificates: posting.requiredCertificates,
    preferredCertificates: posting.preferredCertificates,
    requiredKoreanLevel: posting.requiredKoreanLevel,
    openings: posting.openings,
    closingOn: posting.closingOn,
    status: posting.status as PostingView['status'],
    placed: Number(placed ?? 0),
    activeApplications: Number(active ?? 0),
    createdAt: posting.createdAt.toISOString(),
    version: posting.version,
  }));
}

export async function listPostings(
  deps: Deps,
  options: {
    status?: 'open' | 'closed' | undefined;
    employerId?: string | undefined;
    occupation?: string | undefined;
    region?: Region | undefined;
    page: number;
    pageSize: number;
  },
): Promise<{ items: PostingView[]; total: number }> {
  const where = and(
    options.status ? eq(jobPostings.status, options.status) : undefined,
    options.employerId ? eq(jobPostings.employerId, options.employerId) : undefined,
    options.occupation ? eq(jobPostings.occupation, options.occupation) : undefined,
    options.region ? eq(jobPostings.region, options.region) : undefined,
  );
  const [items, [total]] = await Promise.all([
    postingViews(deps.db, where, { limit: options.pageSize, offset: (options.page - 1) * options.pageSize }),
    deps.db.select({ n: count() }).from(jobPostings).where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}

export async function getPosting(q: Queryable, postingId: string): Promise<PostingView> {
  const [view] = await postingViews(q, eq(jobPostings.id, postingId));
  if (!view) throw notFound();
  return view;
}

/** Open postings whose closing day has not passed, as the matching engine reads them. */
export async function openPostingsForMatching(q: Queryable, today: string): Promise<JobPosting[]> {
  const rows = await q
    .select()
    .from(jobPostings)
    .where(and(eq(jobPostings.status, 'open'), sql`${jobPostings.closingOn} >= ${today}`));
  return rows.map(postingForMatching);
}

export async function postingsByIds(q: Queryable, ids: readonly string[]): Promise<JobPostingRow[]> {
  if (ids.length === 0) return [];
  return q
    .select()
    .from(jobPostings)
    .where(inArray(jobPostings.id, [...ids]));
}

/** Creates a posting, or changes one at the version the user saw. */
export async function savePosting(
  deps: Deps,
  options: { actor: Actor; postingId?: string; input: PostingInput },
): Promise<PostingView> {
  const { version, ...values } = options.input;
  return deps.db.transaction(async (tx) => {
    const [employer] = await tx
      .select({ id: employers.id })
      .from(employers)
      .where(eq(employers.id, values.employerId));
    if (!employer)
      throw new AppError('request.invalid', {
        fieldErrors: [
          {
            path: 'employerId',
            message: { ko: '등록되지 않은 사업체입니다.', en: 'This employer is not registered.' },
          },
        ],
      });
    let id = options.postingId;
    if (id === undefined) {
      id = newId();
      await tx.insert(jobPostings).values({ id, ...values, createdBy: options.actor.userId });
    } else {
      if (version === undefined) throw new AppError('conflict.stale');
      const done = await tx
        .update(jobPostings)
        .set({ ...values, updatedAt: deps.now(), version: sql`${jobPostings.version} + 1` })
        .where(and(eq(jobPostings.id, id), eq(jobPostings.version, version)))
        .returning({ id: jobPostings.id });
      if (done.length === 0) {
        const [exists] = await tx
          .select({ id: jobPostings.id })
          .from(jobPostings)
          .where(eq(jobPostings.id, id));
        throw exists ? new AppError('conflict.stale') : notFound();
      }
    }
    await appendAudit(tx, {
      action: options.postingId ? 'update' : 'create',
      entityType: 'job_posting',
      entityId: id,
      detail: { status: values.status, openings: values.openings },
    });
    return getPosting(tx, id);
  });
}
