import type {
  AlertLevel,
  AlertOutcome,
  CaseStatus,
  ConsentPurpose,
  ContactMethod,
  DataCategory,
  NeedDomain,
  NoteSensitivity,
  PersonTimelineEvent,
  RecipientType,
  ReferralStatus,
  SignalType,
  Task,
} from '@ieum/domain';
import { and, desc, eq, inArray, isNotNull, type SQL, sql } from 'drizzle-orm';
import { alias, type PgColumn } from 'drizzle-orm/pg-core';
import type { Actor } from '../../platform/context';
import type { Queryable } from '../../platform/db/client';
import { auditLog, organizations, users } from '../../platform/db/schema';
import { caseScope } from '../cases/cases.repository';
import { assessments, caseEvents, caseNotes, cases, caseTransfers, goals } from '../cases/schema';
import {
  employers,
  employmentRecords,
  incentivePayments,
  jobApplicationEvents,
  jobApplications,
  jobPostings,
} from '../jobs/schema';
import { protectionAlerts, protectionContacts, protectionSignals } from '../protection/schema';
import { consents, referralEvents, referrals } from '../referrals/schema';
import { persons } from '../registry/schema';
import { tasks } from '../timeline/schema';

/**
 * The person's timeline, read from each module's own tables (read-only). Every source returns its newest
 * `limit` rows and its full count (one query each, `count(*) over ()`), so the merged page is exact without
 * reading a long history whole. Each source is keyed by person id over an index that starts with it (or
 * with the case id, for the case tables).
 */
export interface SourcePage {
  readonly events: PersonTimelineEvent[];
  readonly total: number;
}
type Source = (q: Queryable, personId: string, limit: number) => Promise<SourcePage>;

const actorUser = alias(users, 'actor_user');
const fromCenter = alias(organizations, 'from_center');
const toCenter = alias(organizations, 'to_center');
const total = sql<number>`count(*) over ()`.mapWith(Number);

const iso = (at: Date) => at.toISOString();
/** Date-only facts (an assessment's date) are placed at the start of that day in Seoul. */
const startOfSeoulDay = (day: string) => new Date(`${day}T00:00:00+09:00`).toISOString();
const pageOf = (rows: { total: number }[], events: PersonTimelineEvent[]): SourcePage => ({
  events,
  total: rows[0]?.total ?? 0,
});

const registered: Source = async (q, personId) => {
  const rows = await q
    .select({ id: persons.id, at: persons.createdAt, actor: actorUser.displayName, total })
    .from(persons)
    .leftJoin(actorUser, eq(actorUser.id, persons.createdBy))
    .where(eq(persons.id, personId));
  return pageOf(
    rows,
    rows.map((r) => ({ kind: 'registered', id: `registered:${r.id}`, at: iso(r.at), actor: r.actor })),
  );
};

/** Cases the actor may read of this person: the case scope (caseload or center), never wider. */
function casesOf(q: Queryable, actor: Actor, personId: string) {
  return q
    .select({ id: cases.id })
    .from(cases)
    .where(and(eq(cases.personId, personId), caseScope(q, actor)));
}

function caseSources(actor: Actor): Source[] {
  const inCases = (column: PgColumn, q: Queryable, personId: string): SQL =>
    inArray(column, casesOf(q, actor, personId));

  const statusChanges: Source = async (q, personId, limit) => {
    const rows = await q
      .select({
        event: caseEvents,
        center: organizations.name,
        actor: actorUser.displayName,
        total,
      })
      .from(caseEvents)
      .innerJoin(cases, eq(cases.id, caseEvents.caseId))
      .innerJoin(organizations, eq(organizations.id, cases.hanaCenterId))
      .leftJoin(actorUser, eq(actorUser.id, caseEvents.byUserId))
      .where(inCases(caseEvents.caseId, q, personId))
      .orderBy(desc(caseEvents.at), desc(caseEvents.id))
      .limit(limit);
    return pageOf(
      rows,
      rows.map(({ event, center, actor }): PersonTimelineEvent => {
        const common = { id: `case:${event.id}`, at: iso(event.at), actor, caseId: event.caseId };
        return event.status === 'intake'
          ? { ...common, kind: 'case_opened', center }
          : { ...common, kind: 'case_status_changed', status: event.status as CaseStatus };
      }),
    );
  };

  const assessmentsRecorded: Source = async (q, personId, limit) => {
    const rows = await q
      .select({ row: assessments, actor: actorUser.displayName, total })
      .from(assessments)
      .leftJoin(actorUser, eq(actorUser.id, assessments.assessorId))
      .where(inCases(assessments.caseId, q, personId))
      .orderBy(desc(assessments.assessedOn), desc(assessments.id))
      .limit(limit);
    return pageOf(
      rows,
      rows.map(({ row, actor }) => ({
        kind: 'assessment_recorded',
        id: `assessment:${row.id}`,
        at: startOfSeoulDay(row.assessedOn),
        actor,
        caseId: row.caseId,
      })),
    );
  };

  // Goals carry no author column: the creating and changing staff member comes from the audit entry that
  // was written in the same transaction, which is also the only record of a goal's status changes.
  const goalChanges: Source = async (q, personId, limit) => {
    const rows = await q
      .select({
        seq: auditLog.seq,
        action: auditLog.action,
        at: auditLog.occurredAt,
        detail: auditLog.detail,
        goal: { caseId: goals.caseId, domain: goals.domain },
        actor: actorUser.displayName,
        total,
      })
      .from(auditLog)
      .innerJoin(goals, sql`${goals.id}::text = ${auditLog.entityId}`)
      .leftJoin(actorUser, eq(actorUser.id, auditLog.actorId))
      .where(
        and(
          eq(auditLog.subjectId, personId),
          eq(auditLog.entityType, 'goal'),
          inArray(auditLog.action, ['create', 'update']),
          inCases(goals.caseId, q, personId),
        ),
      )
      .orderBy(desc(auditLog.seq))
      .limit(limit);
    return pageOf(
      rows,
      rows.map(({ seq, action, at, detail, goal, actor }): PersonTimelineEvent => {
        const common = {
          id: `goal:${seq}`,
          at: iso(at),
          actor,
          caseId: goal.caseId,
          domain: goal.domain as NeedDomain,
        };
        return action === 'create'
          ? { ...common, kind: 'goal_added' }
          : {
              ...common,
              kind: 'goal_changed',
              status: detail?.status as 'planned' | 'in_progress' | 'achieved' | 'dropped',
            };
      }),
    );
  };

  // The note's existence, time, author and sensitivity only: its body is never read here.
  const notes: Source = async (q, personId, limit) => {
    const rows = await q
      .select({
        id: caseNotes.id,
        caseId: caseNotes.caseId,
        at: caseNotes.createdAt,
        sensitivity: caseNotes.sensitivity,
        actor: actorUser.displayName,
        total,
      })
      .from(caseNotes)
      .leftJoin(actorUser, eq(actorUser.id, caseNotes.authorId))
      .where(inCases(caseNotes.caseId, q, personId))
      .orderBy(desc(caseNotes.createdAt), desc(caseNotes.id))
      .limit(limit);
    return pageOf(
      rows,
      rows.map((r) => ({
        kind: 'note_added',
        id: `note:${r.id}`,
        at: iso(r.at),
        actor: r.actor,
        caseId: r.caseId,
        sensitivity: r.sensitivity as NoteSensitivity,
      })),
    );
  };

  return [statusChanges, assessmentsRecorded, goalChanges, notes];
}

const tasksCreated: Source = async (q, personId, limit) => {
  const rows = await q
    .select({ task: tasks, total })
    .from(tasks)
    .where(eq(tasks.personId, personId))
    .orderBy(desc(tasks.createdAt), desc(tasks.id))
    .limit(limit);
  return pageOf(
    rows,
    rows.map(({ task }) => ({
      kind: 'task_created',
      id: `task:${task.id}`,
      at: iso(task.createdAt),
      actor: null,
      taskKind: task.kind as Task['kind'],
      dueOn: task.dueOn,
    })),
  );
};

const tasksCompleted: Source = async (q, personId, limit) => {
  const rows = await q
    .select({ task: tasks, actor: actorUser.displayName, total })
    .from(tasks)
    .leftJoin(actorUser, eq(actorUser.id, tasks.completedBy))
    .where(and(eq(tasks.personId, personId), isNotNull(tasks.completedAt)))
    .orderBy(desc(tasks.completedAt), desc(tasks.id))
    .limit(limit);
  return pageOf(
    rows,
    rows.map(({ task, actor }) => ({
      kind: 'task_completed',
      id: `task_done:${task.id}`,
      at: iso(task.completedAt as Date),
      actor,
      taskKind: task.kind as Task['kind'],
    })),
  );
};

const consentRecipient = (row: typeof consents.$inferSelect, organization: string | null) => ({
  recipientOrganization: organization,
  recipientType: row.recipientOrganizationId ? null : (row.recipientType as RecipientType | null),
});

const consentsGiven: Source = async (q, personId, limit) => {
  const rows = await q
    .select({ consent: consents, organization: organizations.name, actor: actorUser.displayName, total })
    .from(consents)
    .leftJoin(organizations, eq(organizations.id, consents.recipientOrganizationId))
    .leftJoin(actorUser, eq(actorUser.id, consents.recordedBy))
    .where(eq(consents.personId, personId))
    .orderBy(desc(consents.createdAt), desc(consents.id))
    .limit(limit);
  return pageOf(
    rows,
    rows.map(({ consent, organization, actor }) => ({
      kind: 'consent_given',
      id: `consent:${consent.id}`,
      at: iso(consent.createdAt),
      actor,
      purpose: consent.purpose as ConsentPurpose,
      categories: consent.categories as DataCategory[],
      ...consentRecipient(consent, organization),
    })),
  );
};

const consentsWithdrawn: Source = async (q, personId, limit) => {
  const rows = await q
    .select({ consent: consents, organization: organizations.name, actor: actorUser.displayName, total })
    .from(consents)
    .leftJoin(organizations, eq(organizations.id, consents.recipientOrganizationId))
    .leftJoin(actorUser, eq(actorUser.id, consents.withdrawnBy))
    .where(and(eq(consents.personId, personId), isNotNull(consents.withdrawnAt)))
    .orderBy(desc(consents.withdrawnAt), desc(consents.id))
    .limit(limit);
  return pageOf(
    rows,
    rows.map(({ consent, organization, actor }) => ({
      kind: 'consent_withdrawn',
      id: `consent_withdrawn:${consent.id}`,
      at: iso(consent.withdrawnAt as Date),
      actor,
      purpose: consent.purpose as ConsentPurpose,
      ...consentRecipient(consent, organization),
    })),
  );
};

const referralHistory: Source = async (q, personId, limit) => {
  const rows = await q
    .select({ event: referralEvents, recipient: organizations.name, actor: actorUser.displayName, total })
    .from(referralEvents)
    .innerJoin(referrals, eq(referrals.id, referralEvents.referralId))
    .innerJoin(organizations, eq(organizations.id, referrals.recipientOrganizationId))
    .leftJoin(actorUser, eq(actorUser.id, referralEvents.byUserId))
    .where(eq(referrals.personId, personId))
    .orderBy(desc(referralEvents.at), desc(referralEvents.id))
    .limit(limit);
  return pageOf(
    rows,
    rows.map(({ event, recipient, actor }) => ({
      kind: 'referral_status',
      id: `referral:${event.id}`,
      at: iso(event.at),
      actor,
      status: event.status as ReferralStatus,
      recipient,
    })),
  );
};

function transferRows(q: Queryable, personId: string, decided: boolean, limit: number) {
  const at = decided ? caseTransfers.decidedAt : caseTransfers.requestedAt;
  return q
    .select({
      transfer: caseTransfers,
      from: fromCenter.name,
      to: toCenter.name,
      actor: actorUser.displayName,
      total,
    })
    .from(caseTransfers)
    .innerJoin(fromCenter, eq(fromCenter.id, caseTransfers.fromCenterId))
    .innerJoin(toCenter, eq(toCenter.id, caseTransfers.toCenterId))
    .leftJoin(actorUser, eq(actorUser.id, decided ? caseTransfers.decidedBy : caseTransfers.requestedBy))
    .where(
      and(eq(caseTransfers.personId, personId), decided ? isNotNull(caseTransfers.decidedAt) : undefined),
    )
    .orderBy(desc(at), desc(caseTransfers.id))
    .limit(limit);
}

const transfersRequested: Source = async (q, personId, limit) => {
  const rows = await transferRows(q, personId, false, limit);
  return pageOf(
    rows,
    rows.map(({ transfer, from, to, actor }) => ({
      kind: 'transfer_requested',
      id: `transfer:${transfer.id}`,
      at: iso(transfer.requestedAt),
      actor,
      fromCenter: from,
      toCenter: to,
    })),
  );
};

const transfersDecided: Source = async (q, personId, limit) => {
  const rows = await transferRows(q, personId, true, limit);
  return pageOf(
    rows,
    rows.map(({ transfer, from, to, actor }) => ({
      kind: 'transfer_decided',
      id: `transfer_decided:${transfer.id}`,
      at: iso(transfer.decidedAt as Date),
      actor,
      status: transfer.status as 'accepted' | 'declined' | 'cancelled',
      fromCenter: from,
      toCenter: to,
    })),
  );
};

const signalsReceived: Source = async (q, personId, limit) => {
  const rows = await q
    .select({
      id: protectionSignals.id,
      at: protectionSignals.receivedAt,
      type: protectionSignals.type,
      observedOn: protectionSignals.observedOn,
      actor: actorUser.displayName,
      total,
    })
    .from(protectionSignals)
    .leftJoin(actorUser, eq(actorUser.id, protectionSignals.recordedBy))
    .where(eq(protectionSignals.personId, personId))
    .orderBy(desc(protectionSignals.receivedAt))
    .limit(limit);
  return pageOf(
    rows,
    rows.map((r) => ({
      kind: 'signal_received',
      id: `signal:${r.id}`,
      at: iso(r.at),
      actor: r.actor,
      signalType: r.type as SignalType,
      observedOn: r.observedOn,
    })),
  );
};

const alertsOpened: Source = async (q, personId, limit) => {
  const rows = await q
    .select({ id: protectionAlerts.id, at: protectionAlerts.openedAt, level: protectionAlerts.level, total })
    .from(protectionAlerts)
    .where(eq(protectionAlerts.personId, personId))
    .orderBy(desc(protectionAlerts.openedAt))
    .limit(limit);
  // The level it has now: a raised alert shows the level it reached.
  return pageOf(
    rows,
    rows.map((r) => ({
      kind: 'alert_opened',
      id: `alert:${r.id}`,
      at: iso(r.at),
      actor: null,
      level: r.level as AlertLevel,
    })),
  );
};

const alertContacts: Source = async (q, personId, limit) => {
  const rows = await q
    .select({
      id: protectionContacts.id,
      at: protectionContacts.contactedAt,
      method: protectionContacts.method,
      reached: protectionContacts.reached,
      actor: actorUser.displayName,
      total,
    })
    .from(protectionContacts)
    .leftJoin(actorUser, eq(actorUser.id, protectionContacts.recordedBy))
    .where(eq(protectionContacts.personId, personId))
    .orderBy(desc(protectionContacts.contactedAt))
    .limit(limit);
  return pageOf(
    rows,
    rows.map((r) => ({
      kind: 'alert_contact',
      id: `alert_contact:${r.id}`,
      at: iso(r.at),
      actor: r.actor,
      method: r.method as ContactMethod,
      reached: r.reached,
    })),
  );
};

const alertsClosed: Source = async (q, personId, limit) => {
  const rows = await q
    .select({
      id: protectionAlerts.id,
      at: protectionAlerts.closedAt,
      outcome: protectionAlerts.outcome,
      actor: actorUser.displayName,
      total,
    })
    .from(protectionAlerts)
    .leftJoin(actorUser, eq(actorUser.id, protectionAlerts.closedBy))
    .where(and(eq(protectionAlerts.personId, personId), isNotNull(protectionAlerts.closedAt)))
    .orderBy(desc(protectionAlerts.closedAt))
    .limit(limit);
  return pageOf(
    rows,
    rows.map((r) => ({
      kind: 'alert_closed',
      id: `alert_closed:${r.id}`,
      at: iso(r.at as Date),
      actor: r.actor,
      outcome: r.outcome as AlertOutcome,
    })),
  );
};

const applicationStages: Source = async (q, personId, limit) => {
  const rows = await q
    .select({
      id: jobApplicationEvents.id,
      at: jobApplicationEvents.at,
      stage: jobApplicationEvents.toStage,
      posting: jobPostings.title,
      employer: employers.name,
      actor: actorUser.displayName,
      total,
    })
    .from(jobApplicationEvents)
    .innerJoin(jobApplications, eq(jobApplications.id, jobApplicationEvents.applicationId))
    .innerJoin(jobPostings, eq(jobPostings.id, jobApplications.postingId))
    .innerJoin(employers, eq(employers.id, jobPostings.employerId))
    .leftJoin(actorUser, eq(actorUser.id, jobApplicationEvents.actorId))
    .where(eq(jobApplications.personId, personId))
    .orderBy(desc(jobApplicationEvents.at))
    .limit(limit);
  return pageOf(
    rows,
    rows.map((r) => ({
      kind: 'application_stage',
      id: `application_stage:${r.id}`,
      at: iso(r.at),
      actor: r.actor,
      stage: r.stage as (PersonTimelineEvent & { kind: 'application_stage' })['stage'],
      posting: r.posting,
      employer: r.employer,
    })),
  );
};

/** Work is dated by its days: a start or end shows at the start of that day in Seoul. */
const employmentStarted: Source = async (q, personId, limit) => {
  const rows = await q
    .select({
      id: employmentRecords.id,
      on: employmentRecords.startOn,
      employer: employers.name,
      insured: employmentRecords.insured,
      actor: actorUser.displayName,
      total,
    })
    .from(employmentRecords)
    .innerJoin(employers, eq(employers.id, employmentRecords.employerId))
    .leftJoin(actorUser, eq(actorUser.id, employmentRecords.createdBy))
    .where(eq(employmentRecords.personId, personId))
    .orderBy(desc(employmentRecords.startOn))
    .limit(limit);
  return pageOf(
    rows,
    rows.map((r) => ({
      kind: 'employment_started',
      id: `employment_started:${r.id}`,
      at: startOfSeoulDay(r.on),
      actor: r.actor,
      employer: r.employer,
      insured: r.insured,
    })),
  );
};

const employmentEnded: Source = async (q, personId, limit) => {
  const rows = await q
    .select({ id: employmentRecords.id, on: employmentRecords.endOn, employer: employers.name, total })
    .from(employmentRecords)
    .innerJoin(employers, eq(employers.id, employmentRecords.employerId))
    .where(and(eq(employmentRecords.personId, personId), isNotNull(employmentRecords.endOn)))
    .orderBy(desc(employmentRecords.endOn))
    .limit(limit);
  return pageOf(
    rows,
    rows.map((r) => ({
      kind: 'employment_ended',
      id: `employment_ended:${r.id}`,
      at: startOfSeoulDay(r.on as string),
      actor: null,
      employer: r.employer,
    })),
  );
};

const incentivesPaid: Source = async (q, personId, limit) => {
  const rows = await q
    .select({
      id: incentivePayments.id,
      on: incentivePayments.paidOn,
      line: incentivePayments.line,
      amount: incentivePayments.amount,
      actor: actorUser.displayName,
      total,
    })
    .from(incentivePayments)
    .leftJoin(actorUser, eq(actorUser.id, incentivePayments.recordedBy))
    .where(eq(incentivePayments.personId, personId))
    .orderBy(desc(incentivePayments.paidOn))
    .limit(limit);
  return pageOf(
    rows,
    rows.map((r) => ({
      kind: 'incentive_paid',
      id: `incentive_paid:${r.id}`,
      at: startOfSeoulDay(r.on),
      actor: r.actor,
      line: r.line as (PersonTimelineEvent & { kind: 'incentive_paid' })['line'],
      amount: r.amount,
    })),
  );
};

/**
 * The sources this actor may see: the timeline never shows more than the modules' own screens would.
 * Case history follows the case scope; tasks, consents and referrals their read permissions; transfers
 * belong to the centers' case work.
 */
export function timelineSourcesFor(actor: Actor): Source[] {
  const can = (permission: Parameters<typeof actor.permissions.has>[0]) => actor.permissions.has(permission);
  return [
    registered,
    ...(can('cases.read') ? caseSources(actor) : []),
    ...(can('tasks.read') ? [tasksCreated, tasksCompleted] : []),
    ...(can('consents.read') ? [consentsGiven, consentsWithdrawn] : []),
    ...(can('referrals.send') ? [referralHistory] : []),
    ...(can('cases.read') ? [transfersRequested, transfersDecided] : []),
    ...(can('protection.read') ? [signalsReceived, alertsOpened, alertContacts, alertsClosed] : []),
    ...(can('jobs.read') ? [applicationStages, employmentStarted, employmentEnded, incentivesPaid] : []),
  ];
}
