import type { EmployerInput, EmployerView, Region } from '@ieum/domain';
import { and, asc, count, eq, isNull, sql } from 'drizzle-orm';
import { appendAudit } from '../../platform/audit/audit-log';
import type { Actor } from '../../platform/context';
import type { Queryable } from '../../platform/db/client';
import { isUniqueViolation } from '../../platform/db/errors';
import { newId } from '../../platform/db/ids';
import type { Deps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { suppress } from '../../platform/small-counts';
import { employers, employmentRecords, jobPostings } from './schema';

/** 123-45-67890: the business number as the tax office prints it. */
function formatBusinessNumber(value: string | null): string | null {
  if (value === null) return null;
  const digits = value.replace(/-/g, '');
  return `${digits.slice(0, 3)}-${digits.slice(3, 5)}-${digits.slice(5)}`;
}

async function employerViews(q: Queryable, id?: string): Promise<EmployerView[]> {
  const openPostings = q
    .select({ employerId: jobPostings.employerId, n: count().as('open_postings') })
    .from(jobPostings)
    .where(eq(jobPostings.status, 'open'))
    .groupBy(jobPostings.employerId)
    .as('open_postings');
  const employed = q
    .select({ employerId: employmentRecords.employerId, n: count().as('employed') })
    .from(employmentRecords)
    .where(isNull(employmentRecords.endOn))
    .groupBy(employmentRecords.employerId)
    .as('employed');
  const rows = await q
    .select({ employer: employers, open: openPostings.n, employed: employed.n })
    .from(employers)
    .leftJoin(openPostings, eq(openPostings.employerId, employers.id))
    .leftJoin(employed, eq(employed.employerId, employers.id))
    .where(id ? eq(employers.id, id) : undefined)
    .orderBy(asc(employers.name), asc(employers.id));
  return rows.map(({ employer, open, employed: working }) => ({
    id: employer.id,
    name: employer.name,
    businessNumber: employer.businessNumber,
    region: employer.region as Region,
    priorityPurchasing: employer.priorityPurchasing,
    openPostings: Number(open ?? 0),
    currentlyEmployed: suppress(Number(working ?? 0)),
    version: employer.version,
  }));
}

export async function listEmployers(deps: Deps): Promise<{ items: EmployerView[] }> {
  return { items: await employerViews(deps.db) };
}

/** Creates an employer, or changes one at the version the user saw. A business number is registered once. */
export async function saveEmployer(
  deps: Deps,
  options: { actor: Actor; employerId?: string; input: EmployerInput },
): Promise<EmployerView> {
  const { input } = options;
  const values = {
    name: input.name,
    businessNumber: formatBusinessNumber(input.businessNumber),
    region: input.region,
    priorityPurchasing: input.priorityPurchasing,
  };
  try {
    return await deps.db.transaction(async (tx) => {
      let id = options.employerId;
      if (id === undefined) {
        id = newId();
        await tx.insert(employers).values({ id, ...values, createdBy: options.actor.userId });
      } else {
        if (input.version === undefined) throw new AppError('conflict.stale');
        const done = await tx
          .update(employers)
          .set({ ...values, updatedAt: deps.now(), version: sql`${employers.version} + 1` })
          .where(and(eq(employers.id, id), eq(employers.version, input.version)))
          .returning({ id: employers.id });
        if (done.length === 0) {
          const [exists] = await tx.select({ id: employers.id }).from(employers).where(eq(employers.id, id));
          throw exists ? new AppError('conflict.stale') : notFound();
        }
      }
      await appendAudit(tx, {
        action: options.employerId ? 'update' : 'create',
        entityType: 'employer',
        entityId: id,
        detail: { priorityPurchasing: values.priorityPurchasing },
      });
      const [view] = await employerViews(tx, id);
      if (!view) throw notFound();
      return view;
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError('conflict.duplicate', {
        detail: {
          ko: '같은 사업자등록번호의 사업체가 이미 등록되어 있습니다.',
          en: 'An employer with this business registration number is already registered.',
        },
      });
    throw error;
  }
}
