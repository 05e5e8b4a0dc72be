import {
  addDays,
  compareDates,
  INCENTIVE_RULES,
  type IsoDate,
  periodEnd,
  RETENTION_CHECK_MONTHS,
  retentionCheckDue,
  rulesFor,
  tenureSpells,
} from '@ieum/domain';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { appendAudit } from '../../platform/audit/audit-log';
import type { Tx } from '../../platform/db/client';
import { newId } from '../../platform/db/ids';
import { personOfficers, type persons } from '../registry/schema';
import { tasks } from '../timeline/schema';
import { employmentRecords } from './schema';

/** A retention check shows on the work list this many days before it is due. */
const REMIND_DAYS_BEFORE = 7;
/** Talk to a person whose work ended early within this many days. */
const EARLY_END_DUE_DAYS = 7;

type PersonRow = typeof persons.$inferSelect;

/**
 * Whom a follow-up goes to: the person's current employment protection officer by name, else the case workers
 * of the person's Hana Center (as an office task for the role).
 */
async function followUpOwner(tx: Tx, person: PersonRow) {
  const [officer] = await tx
    .select({ userId: personOfficers.userId })
    .from(personOfficers)
    .where(
      and(
        eq(personOfficers.personId, person.id),
        eq(personOfficers.kind, 'employment'),
        isNull(personOfficers.until),
      ),
    );
  return officer
    ? { assigneeId: officer.userId, organizationId: null, role: 'employment_officer' }
    : { assigneeId: null, organizationId: person.hanaCenterId, role: 'case_worker' };
}

async function addTask(
  tx: Tx,
  person: PersonRow,
  task: {
    kind: 'retention_check' | 'employment_ended_early';
    dueOn: IsoDate;
    period: { start: string; end: string | null };
    today: IsoDate;
  },
  detail: Record<string, unknown>,
): Promise<void> {
  const owner = await followUpOwner(tx, person);
  const id = newId();
  const remindOn = addDays(task.dueOn, -REMIND_DAYS_BEFORE);
  await tx.insert(tasks).values({
    id,
    personId: person.id,
    source: 'manual',
    kind: task.kind,
    period: task.period,
    organizationId: owner.organizationId,
    role: owner.role,
    assigneeId: owner.assigneeId,
    dueOn: task.dueOn,
    remindOn: compareDates(remindOn, task.today) < 0 ? task.today : remindOn,
  });
  await appendAudit(tx, {
    action: 'create',
    entityType: 'task',
    entityId: id,
    subjectId: person.id,
    detail: { kind: task.kind, dueOn: task.dueOn, ...detail },
  });
}

/** Retention checks at 1, 3, 6 and 12 months after the first day of work; those already past are skipped. */
export async function scheduleRetentionChecks(
  tx: Tx,
  options: { person: PersonRow; recordId: string; startOn: IsoDate; today: IsoDate },
): Promise<number> {
  let scheduled = 0;
  for (const months of RETENTION_CHECK_MONTHS) {
    const dueOn = retentionCheckDue(options.startOn, months);
    if (dueOn < options.today) continue;
    await addTask(
      tx,
      options.person,
      { kind: 'retention_check', dueOn, period: { start: options.startOn, end: null }, today: options.today },
      { months, employmentRecordId: options.recordId },
    );
    scheduled++;
  }
  return scheduled;
}

/**
 * When work ends: open retention checks of that job falling after its last day are cancelled, and if the
 * spell at that employer ended short of the next employment-incentive threshold (6, 12, 24 or 36 months)
 * while the person is still within the incentive period, the officer gets a task to talk to the person
 * before the next job — the months already worked count only if the next job continues them.
 */
export async function followUpEndedWork(
  tx: Tx,
  options: {
    person: PersonRow;
    recordId: string;
    employerId: string;
    startOn: IsoDate;
    endOn: IsoDate;
    today: IsoDate;
  },
): Promise<{ cancelledChecks: number; earlyEnd: boolean }> {
  const { person } = options;
  const cancelled = await tx
    .update(tasks)
    .set({ status: 'cancelled', updatedAt: new Date(), version: sql`${tasks.version} + 1` })
    .where(
      and(
        eq(tasks.personId, person.id),
        eq(tasks.kind, 'retention_check'),
        eq(tasks.status, 'open'),
        sql`${tasks.period}->>'start' = ${options.startOn}`,
        gt(tasks.dueOn, options.endOn),
      ),
    )
    .returning({ id: tasks.id });
  const records = await tx
    .select()
    .from(employmentRecords)
    .where(
      and(eq(employmentRecords.personId, person.id), eq(employmentRecords.employerId, options.employerId)),
    );
  const spell = tenureSpells(
    records.map((r) => ({ employerId: r.employerId, start: r.startOn, end: r.endOn, insured: r.insured })),
    options.endOn,
  ).find((each) => each.start <= options.startOn && (each.end === null || each.end >= options.endOn));
  const months = spell?.months ?? 0;
  const next = INCENTIVE_RULES.employmentMilestones.find((milestone) => milestone.months > months);
  const decision = person.protectionDecisionDate;
  const periodEndsOn =
    decision === null ? null : periodEnd(decision, rulesFor(decision).residenceProtectionMonths);
  // Still within the period today, not only when the work ended: work that ended years ago, recorded now from
  // the insurance history, leaves nothing to talk about before a next job.
  const withinPeriod =
    periodEndsOn !== null && options.endOn <= periodEndsOn && options.today <= periodEndsOn;
  const earlyEnd = next !== undefined && withinPeriod;
  if (earlyEnd)
    await addTask(
      tx,
      person,
      {
        kind: 'employment_ended_early',
        dueOn: addDays(options.today, EARLY_END_DUE_DAYS),
        period: { start: spell?.start ?? options.startOn, end: options.endOn },
        today: options.today,
      },
      {
        employmentRecordId: options.recordId,
        monthsWorked: months,
        nextThresholdMonths: next?.months ?? null,
      },
    );
  return { cancelledChecks: cancelled.length, earlyEnd };
}
