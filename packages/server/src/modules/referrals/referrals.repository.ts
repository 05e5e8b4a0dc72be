import type { ReferralSide, Role } from '@ieum/domain';
import { and, asc, count, desc, eq, inArray, lt, notInArray, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { personScopes } from '../../platform/access/scope';
import type { Actor } from '../../platform/context';
import type { Queryable } from '../../platform/db/client';
import { organizations } from '../../platform/db/schema';
import { assessments, cases, goals } from '../cases/schema';
import { personsFor } from '../registry/persons.repository';
import { persons } from '../registry/schema';
import { referralEvents, referrals } from './schema';

export type ReferralRow = typeof referrals.$inferSelect;

/** Roles that read referrals addressed to their organization: partners and the officers of public offices. */
const RECEIVING_ROLES: readonly Role[] = ['partner', 'employment_officer', 'residence_officer'];

const senderOrg = alias(organizations, 'sender_org');
const recipientOrg = alias(organizations, 'recipient_org');

/**
 * The sending side: a center manager sees every referral of the center (overdue ones are theirs to chase),
 * a case worker those they sent and those for persons of their own caseload; both only for persons they
 * may see. Nobody else sends.
 */
function sentScope(q: Queryable, actor: Actor): SQL {
  const parts: SQL[] = [];
  if (actor.roles.includes('center_manager')) parts.push(sql`true`);
  if (actor.roles.includes('case_worker')) {
    const caseload = q
      .select({ personId: cases.personId })
      .from(cases)
      .where(
        and(
          eq(cases.hanaCenterId, actor.organizationId),
          eq(cases.assignedWorkerId, actor.userId),
          notInArray(cases.status, ['closed', 'transferred']),
        ),
      );
    parts.push(or(eq(referrals.senderUserId, actor.userId), inArray(referrals.personId, caseload)) as SQL);
  }
  if (parts.length === 0) return sql`false`;
  return and(
    eq(referrals.senderOrganizationId, actor.organizationId),
    or(...parts),
    inArray(referrals.personId, personsFor(q, personScopes(actor)).idsQuery()),
  ) as SQL;
}

/** The receiving side: referrals addressed to the actor's organization. Default deny for other roles. */
function receivedScope(actor: Actor): SQL {
  return actor.roles.some((role) => RECEIVING_ROLES.includes(role))
    ? eq(referrals.recipientOrganizationId, actor.organizationId)
    : sql`false`;
}

export type ReferralView = 'open' | 'overdue' | 'all';

function viewCondition(view: ReferralView, today: string): SQL | undefined {
  switch (view) {
    case 'open':
      return inArray(referrals.status, ['sent', 'accepted']);
    case 'overdue':
      return and(eq(referrals.status, 'sent'), lt(referrals.dueOn, today));
    case 'all':
      return undefined;
    default: {
      const unknown: never = view;
      return unknown;
    }
  }
}

/**
 * Referrals as one actor may see them, from the side they stand on. Every query here carries the actor's
 * scope; built per request with `referralsFor(q, actor)`.
 */
export function referralsFor(q: Queryable, actor: Actor) {
  const scopes: Record<ReferralSide, SQL> = { sender: sentScope(q, actor), recipient: receivedScope(actor) };
  const withOrganizations = () =>
    q
      .select({
        referral: referrals,
        sender: { id: senderOrg.id, name: senderOrg.name },
        recipient: { id: recipientOrg.id, name: recipientOrg.name, type: recipientOrg.type },
      })
      .from(referrals)
      .innerJoin(senderOrg, eq(senderOrg.id, referrals.senderOrganizationId))
      .innerJoin(recipientOrg, eq(recipientOrg.id, referrals.recipientOrganizationId));

  return {
    /** The referral and the side the actor reads it from; the sending side first. */
    async findById(id: string) {
      for (const side of ['sender', 'recipient'] as const) {
        const [row] = await withOrganizations().where(and(eq(referrals.id, id), scopes[side]));
        if (row) return { ...row, side };
      }
      return null;
    },

    /**
     * One box, one page. The indexes on (sender or recipient organization, status, due_on) serve both boxes;
     * open and overdue lists come soonest-due first.
     */
    async list(options: {
      side: ReferralSide;
      view: ReferralView;
      today: string;
      page: number;
      pageSize: number;
      personId?: string | undefined;
    }) {
      const condition = and(
        scopes[options.side],
        viewCondition(options.view, options.today),
        options.personId ? eq(referrals.personId, options.personId) : undefined,
      );
      const [rows, [total]] = await Promise.all([
        withOrganizations()
          .where(condition)
          .orderBy(
            options.view === 'all' ? desc(referrals.createdAt) : asc(referrals.dueOn),
            asc(referrals.id),
          )
          .limit(options.pageSize)
          .offset((options.page - 1) * options.pageSize),
        q.select({ n: count() }).from(referrals).where(condition),
      ]);
      return { rows, total: total?.n ?? 0 };
    },
  };
}

export async function referralHistory(q: Queryable, referralId: string) {
  return q
    .select({ event: referralEvents, organizationName: organizations.name })
    .from(referralEvents)
    .innerJoin(organizations, eq(organizations.id, referralEvents.byOrganizationId))
    .where(eq(referralEvents.referralId, referralId))
    .orderBy(asc(referralEvents.at), asc(referralEvents.id));
}

/**
 * The data subject of a referral, whoever may see it: to audit a refused look at a referral that exists
 * (the refusal itself still answers "not found"). Reviewed bypass of the referral scope.
 */
export async function unsafeReferralSubject(q: Queryable, referralId: string): Promise<string | null> {
  const [row] = await q
    .select({ personId: referrals.personId })
    .from(referrals)
    .where(eq(referrals.id, referralId));
  return row?.personId ?? null;
}

/**
 * The person behind a referral, for the recipient's view. Bypasses the person scope (a partner sees no
 * person through the registry): call only for a referral reached through `referralsFor` whose consent was
 * checked the same moment, and show only the carried categories. Reviewed bypass.
 */
export async function unsafePersonOfReferral(q: Queryable, referral: ReferralRow) {
  const [row] = await q.select().from(persons).where(eq(persons.id, referral.personId));
  return row ?? null;
}

/**
 * The case summary a referral may carry: the sending center's most recent case of the person, its latest
 * needs assessment and its goals. Bypasses the case scope under the same conditions as
 * `unsafePersonOfReferral`. Reviewed bypass.
 */
export async function unsafeCaseDataOfReferral(q: Queryable, referral: ReferralRow) {
  const [latestCase] = await q
    .select({ id: cases.id })
    .from(cases)
    .where(and(eq(cases.personId, referral.personId), eq(cases.hanaCenterId, referral.senderOrganizationId)))
    .orderBy(desc(cases.openedOn), desc(cases.id))
    .limit(1);
  if (!latestCase) return { assessment: null, goals: [] };
  const [[assessment], goalRows] = await Promise.all([
    q
      .select({ scores: assessments.scores })
      .from(assessments)
      .where(eq(assessments.caseId, latestCase.id))
      .orderBy(desc(assessments.assessedOn), desc(assessments.id))
      .limit(1),
    q.select().from(goals).where(eq(goals.caseId, latestCase.id)).orderBy(asc(goals.targetOn), asc(goals.id)),
  ]);
  return { assessment: assessment ?? null, goals: goalRows };
}
