import { type EmploymentRecordInput, type EmploymentRecordView, seoulDate, tenureSpells } from '@ieum/domain';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { appendAudit } from '../../platform/audit/audit-log';
import type { Actor } from '../../platform/context';
import type { Queryable, Tx } from '../../platform/db/client';
import { newId } from '../../platform/db/ids';
import type { Deps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { followUpEndedWork, scheduleRetentionChecks } from './follow-up';
import { type PersonRow, personInScope } from './person-access';
import { employers, employmentRecords } from './schema';

type RecordRow = typeof employmentRecords.$inferSelect;

export async function personEmployment(q: Queryable, personId: string) {
  const rows = await q
    .select({ record: employmentRecords, employerName: employers.name })
    .from(employmentRecords)
    .innerJoin(employers, eq(employers.id, employmentRecords.employerId))
    .where(eq(employmentRecords.personId, personId))
    .orderBy(asc(employmentRecords.startOn), asc(employmentRecords.id));
  return rows;
}

export function employmentView(record: RecordRow, employerName: string): EmploymentRecordView {
  return {
    id: record.id,
    employer: { id: record.employerId, name: employerName },
    startOn: record.startOn,
    endOn: record.endOn,
    insured: record.insured,
    occupation: record.occupation,
    monthlyWage: record.monthlyWage,
    applicationId: record.applicationId,
    version: record.version,
  };
}

/** Tenure at each employer (spells of work that follow on), newest first, as of `asOf`. */
export function tenureViews(rows: Awaited<ReturnType<typeof personEmployment>>, asOf: string) {
  const names = new Map(rows.map((row) => [row.record.employerId, row.employerName]));
  return tenureSpells(
    rows.map(({ record }) => ({
      employerId: record.employerId,
      start: record.startOn,
      end: record.endOn,
      insured: record.insured,
    })),
    asOf,
  ).map((spell) => ({
    employer: { id: spell.employerId, name: names.get(spell.employerId) ?? '' },
    start: spell.start,
    end: spell.end,
    months: spell.months,
  }));
}

async function requireEmployer(tx: Tx, employerId: string): Promise<string> {
  const [employer] = await tx
    .select({ name: employers.name })
    .from(employers)
    .where(eq(employers.id, employerId));
  if (!employer)
    throw new AppError('request.invalid', {
      fieldErrors: [
        {
          path: 'employerId',
          message: { ko: '등록되지 않은 사업체입니다.', en: 'This employer is not registered.' },
        },
      ],
    });
  return employer.name;
}

/** Overlapping work at the same employer is one record too many: the officer should extend the existing one. */
async function refuseOverlap(tx: Tx, personId: string, input: EmploymentRecordInput, exceptId?: string) {
  const rows = await tx
    .select()
    .from(employmentRecords)
    .where(and(eq(employmentRecords.personId, personId), eq(employmentRecords.employerId, input.employerId)));
  const overlaps = rows.some(
    (row) =>
      row.id !== exceptId &&
      (row.endOn === null || row.endOn >= input.startOn) &&
      (input.endOn === null || input.endOn >= row.startOn),
  );
  if (overlaps)
    throw new AppError('rule.violation', {
      detail: {
        ko: '같은 사업체의 근무 기간이 이미 등록된 기간과 겹칩니다. 기존 기록을 수정해 주십시오.',
        en: 'This overlaps work already recorded at the same employer. Change the existing record instead.',
      },
    });
}

/**
 * Records a stretch of work, inside the caller's transaction: an ongoing job gets retention checks at 1, 3,
 * 6 and 12 months; one recorded with its end date is followed up as ended work.
 */
export async function insertEmploymentRecord(
  tx: Tx,
  options: {
    person: PersonRow;
    actor: Actor;
    input: EmploymentRecordInput;
    applicationId: string | null;
    today: string;
  },
): Promise<EmploymentRecordView> {
  const { person, input } = options;
  const employerName = await requireEmployer(tx, input.employerId);
  await refuseOverlap(tx, person.id, input);
  const id = newId();
  const [row] = await tx
    .insert(employmentRecords)
    .values({
      id,
      personId: person.id,
      employerId: input.employerId,
      applicationId: options.applicationId,
      startOn: input.startOn,
      endOn: input.endOn,
      insured: input.insured,
      occupation: input.occupation,
      monthlyWage: input.monthlyWage,
      createdBy: options.actor.userId,
    })
    .returning();
  await appendAudit(tx, {
    action: 'create',
    entityType: 'employment_record',
    entityId: id,
    subjectId: person.id,
    detail: {
      insured: input.insured,
      ended: input.endOn !== null,
      fromApplication: options.applicationId !== null,
    },
  });
  if (input.endOn === null)
    await scheduleRetentionChecks(tx, { person, recordId: id, startOn: input.startOn, today: options.today });
  else
    await followUpEndedWork(tx, {
      person,
      recordId: id,
      employerId: input.employerId,
      startOn: input.startOn,
      endOn: input.endOn,
      today: options.today,
    });
  return employmentView(row as RecordRow, employerName);
}

export async function addEmploymentRecord(
  deps: Deps,
  options: { actor: Actor; personId: string; input: EmploymentRecordInput },
): Promise<EmploymentRecordView> {
  const person = await personInScope(deps, options.actor, options.personId, 'employment_record');
  const today = seoulDate(deps.now());
  return deps.db.transaction((tx) =>
    insertEmploymentRecord(tx, {
      person,
      actor: options.actor,
      input: options.input,
      applicationId: null,
      today,
    }),
  );
}

/**
 * Changes a record at the version the user saw — most often to set the last day of work, which cancels the
 * remaining retention checks and may raise an early-end follow-up.
 */
export async function changeEmploymentRecord(
  deps: Deps,
  options: { actor: Actor; recordId: string; input: EmploymentRecordInput },
): Promise<EmploymentRecordView> {
  const [existing] = await deps.db
    .select()
    .from(employmentRecords)
    .where(eq(employmentRecords.id, options.recordId));
  if (!existing) throw notFound();
  const person = await personInScope(deps, options.actor, existing.personId, 'employment_record');
  const { version, ...input } = options.input;
  if (version === undefined) throw new AppError('conflict.stale');
  const today = seoulDate(deps.now());
  return deps.db.transaction(async (tx) => {
    const employerName = await requireEmployer(tx, input.employerId);
    await refuseOverlap(tx, person.id, options.input, existing.id);
    const [row] = await tx
      .update(employmentRecords)
      .set({ ...input, updatedAt: deps.now(), version: version + 1 })
      .where(and(eq(employmentRecords.id, existing.id), eq(employmentRecords.version, version)))
      .returning();
    if (!row) throw new AppError('conflict.stale');
    await appendAudit(tx, {
      action: 'update',
      entityType: 'employment_record',
      entityId: row.id,
      subjectId: person.id,
      detail: { insured: row.insured, ended: row.endOn !== null },
    });
    if (row.endOn !== null && row.endOn !== existing.endOn)
      await followUpEndedWork(tx, {
        person,
        recordId: row.id,
        employerId: row.employerId,
        startOn: row.startOn,
        endOn: row.endOn,
        today,
      });
    return employmentView(row, employerName);
  });
}

/** Employment records of many persons, for reports and the incentive facts. */
export async function employmentOf(q: Queryable, personIds: readonly string[]) {
  if (personIds.length === 0) return [];
  return q
    .select()
    .from(employmentRecords)
    .where(inArray(employmentRecords.personId, [...personIds]));
}
