import {
  calculateIncentives,
  INCENTIVE_RULES,
  type IncentiveFacts,
  type IncentivePaymentInput,
  type IncentiveStatementView,
  type Region,
  seoulDate,
} from '@ieum/domain';
import { asc, eq } from 'drizzle-orm';
import { appendAudit, recordAudit } from '../../platform/audit/audit-log';
import type { Actor } from '../../platform/context';
import type { Queryable } from '../../platform/db/client';
import { newId } from '../../platform/db/ids';
import { users } from '../../platform/db/schema';
import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { persons } from '../registry/schema';
import { type PersonRow, personInScope } from './person-access';
import {
  employers,
  employmentRecords,
  incentivePayments,
  seekerProfiles,
  trainingCourses,
  trainingEnrolments,
} from './schema';

type Statement = Omit<IncentiveStatementView, 'payments' | 'employerNames'>;

/**
 * The facts the incentive calculator needs, from the registry and this module's tables. Residence: the
 * registry keeps the current region only, so it is taken to hold since the protection decision (a move between
 * the capital region and the provinces before a claim is not seen; the officer corrects the amount on claim).
 */
async function incentiveFacts(
  q: Queryable,
  person: PersonRow,
  asOf: string,
): Promise<{
  facts: IncentiveFacts | null;
  missing: Statement['missing'];
  employerNames: Record<string, string>;
}> {
  const missing: Statement['missing'] = [];
  if (!person.protectionDecisionDate) missing.push('protection_decision_date');
  if (!person.residenceRegion) missing.push('residence_region');
  const [records, [profile], enrolments, payments] = await Promise.all([
    q
      .select({ record: employmentRecords, employerName: employers.name })
      .from(employmentRecords)
      .innerJoin(employers, eq(employers.id, employmentRecords.employerId))
      .where(eq(employmentRecords.personId, person.id)),
    q.select().from(seekerProfiles).where(eq(seekerProfiles.personId, person.id)),
    q
      .select({ enrolment: trainingEnrolments, course: trainingCourses })
      .from(trainingEnrolments)
      .innerJoin(trainingCourses, eq(trainingCourses.id, trainingEnrolments.courseId))
      .where(eq(trainingEnrolments.personId, person.id)),
    q.select().from(incentivePayments).where(eq(incentivePayments.personId, person.id)),
  ]);
  const employerNames = Object.fromEntries(records.map((row) => [row.record.employerId, row.employerName]));
  if (!person.protectionDecisionDate || !person.residenceRegion)
    return { facts: null, missing, employerNames };
  return {
    missing,
    employerNames,
    facts: {
      protectionDecisionDate: person.protectionDecisionDate,
      residence: [
        { region: person.residenceRegion as Region, from: person.protectionDecisionDate, until: null },
      ],
      employment: records.map(({ record }) => ({
        employerId: record.employerId,
        start: record.startOn,
        end: record.endOn,
        insured: record.insured,
      })),
      childbirths: profile?.childbirths ?? [],
      training: enrolments
        .filter(({ enrolment }) => enrolment.status === 'completed' && enrolment.completedOn !== null)
        .map(({ enrolment, course }) => ({
          courseId: course.id,
          hours: enrolment.attendedHours,
          completedOn: enrolment.completedOn as string,
          oneYearCourse: course.oneYearCourse,
        })),
      certificates: enrolments.flatMap(({ enrolment }) =>
        enrolment.certificateObtained && enrolment.certificateOn
          ? [{ certificate: enrolment.certificateObtained, acquiredOn: enrolment.certificateOn }]
          : [],
      ),
      payments: payments.map((payment) => ({
        line: payment.line as IncentiveFacts['payments'][number]['line'],
        amount: payment.amount,
        paidOn: payment.paidOn,
      })),
      asOf,
    },
  };
}

async function statementOf(q: Queryable, person: PersonRow, asOf: string): Promise<IncentiveStatementView> {
  const { facts, missing, employerNames } = await incentiveFacts(q, person, asOf);
  const payments = await q
    .select({ payment: incentivePayments, recorder: users.displayName })
    .from(incentivePayments)
    .leftJoin(users, eq(users.id, incentivePayments.recordedBy))
    .where(eq(incentivePayments.personId, person.id))
    .orderBy(asc(incentivePayments.paidOn), asc(incentivePayments.recordedAt));
  const ledger = payments.map(({ payment, recorder }) => ({
    id: payment.id,
    line: payment.line as IncentivePaymentInput['line'],
    amount: payment.amount,
    claimedOn: payment.claimedOn,
    paidOn: payment.paidOn,
    recordedBy: payment.recordedBy && recorder ? { id: payment.recordedBy, displayName: recorder } : null,
    recordedAt: payment.recordedAt.toISOString(),
  }));
  if (!facts)
    return {
      asOf,
      missing,
      lines: [],
      protectionEndsOn: null,
      incentivePeriodEndsOn: null,
      childbirthsCounted: 0,
      ceiling: INCENTIVE_RULES.ceiling,
      paidTotal: ledger.reduce((sum, payment) => sum + payment.amount, 0),
      dueTotal: 0,
      upcomingTotal: 0,
      employerNames,
      payments: ledger,
    };
  const statement = calculateIncentives(facts);
  return {
    asOf,
    missing,
    lines: statement.lines.map((line) => ({
      ...line,
      reasons: line.reasons.map((reason) => ({ code: reason.code, params: { ...reason.params } })),
    })),
    protectionEndsOn: statement.protectionEndsOn,
    incentivePeriodEndsOn: statement.incentivePeriodEndsOn,
    childbirthsCounted: statement.childbirthsCounted,
    ceiling: statement.ceiling,
    paidTotal: statement.paidTotal,
    dueTotal: statement.dueTotal,
    upcomingTotal: statement.upcomingTotal,
    employerNames,
    payments: ledger,
  };
}

/** The person's incentive statement as of today (Korea time), with the ledger. Audited as a view. */
export async function readIncentiveStatement(
  deps: Deps,
  options: { actor: Actor; personId: string },
): Promise<IncentiveStatementView> {
  const person = await personInScope(deps, options.actor, options.personId, 'incentive_statement');
  const statement = await statementOf(deps.db, person, seoulDate(deps.now()));
  await recordAudit(deps.db, {
    action: 'view',
    entityType: 'incentive_statement',
    entityId: person.id,
    subjectId: person.id,
  });
  return statement;
}

/**
 * Records a payment in the ledger. Only a line that is due can be paid, no more than is outstanding on it,
 * on or after its due day and not in the future; the person's row is locked so two officers recording at
 * once cannot both pay the same outstanding amount.
 */
export async function recordIncentivePayment(
  deps: Deps,
  options: { actor: Actor; personId: string; input: IncentivePaymentInput },
): Promise<IncentiveStatementView> {
  const { input } = options;
  const person = await personInScope(deps, options.actor, options.personId, 'incentive_payment');
  const today = seoulDate(deps.now());
  const refuse = (ko: string, en: string) => new AppError('rule.violation', { detail: { ko, en } });
  if (input.paidOn > today) throw refuse('지급일이 오늘 이후입니다.', 'The payment date is in the future.');
  if (input.claimedOn > input.paidOn)
    throw refuse('신청일이 지급일보다 늦습니다.', 'The claim date is after the payment date.');
  return deps.db.transaction(async (tx) => {
    await tx.select({ id: persons.id }).from(persons).where(eq(persons.id, person.id)).for('update');
    const before = await statementOf(tx, person, today);
    const line = before.lines.find((each) => each.kind === input.line);
    if (line?.status !== 'due')
      throw refuse(
        '지금 지급할 수 있는 장려금 항목이 아닙니다.',
        'This incentive line is not due for payment.',
      );
    if (input.amount > line.amount)
      throw refuse(
        `지급액이 미지급액(${line.amount.toLocaleString('ko-KR')}원)보다 많습니다.`,
        `The amount is more than what is outstanding (KRW ${line.amount.toLocaleString('en-US')}).`,
      );
    if (line.dueOn && input.paidOn < line.dueOn)
      throw refuse(
        '지급일이 지급 사유 발생일보다 빠릅니다.',
        'The payment date is before the line fell due.',
      );
    const id = newId();
    await tx.insert(incentivePayments).values({
      id,
      personId: person.id,
      line: input.line,
      amount: input.amount,
      claimedOn: input.claimedOn,
      paidOn: input.paidOn,
      recordedBy: options.actor.userId,
      recordedAt: deps.now(),
    });
    await appendAudit(tx, {
      action: 'create',
      entityType: 'incentive_payment',
      entityId: id,
      subjectId: person.id,
      detail: { line: input.line, amount: input.amount },
    });
    return statementOf(tx, person, today);
  });
}
