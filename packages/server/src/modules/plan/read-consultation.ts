import type { CommentResolution, CommentView, ConsultationView, InviteeStatus } from '@ieum/domain';
import { asc, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client';
import { users } from '../../platform/db/schema';
import type { Deps } from '../../platform/deps';
import { notFound } from '../../platform/errors';
import { organizationNames, requirePlan } from './plans.repository';
import { planComments, planConsultations, planNoComments } from './schema';

type CommentRow = typeof planComments.$inferSelect;

async function userNames(q: Queryable, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await q
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .where(inArray(users.id, unique));
  return new Map(rows.map((row) => [row.id, row.displayName]));
}

/** Comments as the record shows them, authors and organizations named. */
export async function commentViews(q: Queryable, rows: readonly CommentRow[]): Promise<CommentView[]> {
  const [people, orgs] = await Promise.all([
    userNames(
      q,
      rows.flatMap((r) => [r.authorId, ...(r.resolvedBy ? [r.resolvedBy] : [])]),
    ),
    organizationNames(
      q,
      rows.map((r) => r.organizationId),
    ),
  ]);
  const user = (id: string) => ({ id, displayName: people.get(id) ?? '' });
  return rows.map((row) => ({
    id: row.id,
    taskKey: row.taskKey,
    taskCode: row.taskCode,
    body: row.body,
    author: user(row.authorId),
    organization: orgs.get(row.organizationId) ?? { id: row.organizationId, name: '', nameEn: null },
    createdAt: row.createdAt.toISOString(),
    resolution: row.resolution as CommentResolution | null,
    resolutionReason: row.resolutionReason,
    resolvedBy: row.resolvedBy ? user(row.resolvedBy) : null,
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
    version: row.version,
  }));
}

/** The consultation of a revision: period, who was asked and who answered, and every comment with its resolution. */
export async function readConsultation(deps: Deps, options: { planId: string }): Promise<ConsultationView> {
  const q = deps.db;
  const plan = await requirePlan(q, options.planId);
  const [consultation] = await q
    .select()
    .from(planConsultations)
    .where(eq(planConsultations.planId, plan.id));
  if (!consultation) throw notFound();
  const [rows, declined, orgs, members] = await Promise.all([
    q
      .select()
      .from(planComments)
      .where(eq(planComments.planId, plan.id))
      .orderBy(asc(planComments.createdAt)),
    q.select().from(planNoComments).where(eq(planNoComments.planId, plan.id)),
    organizationNames(q, consultation.organizationIds),
    userNames(q, consultation.councilMemberIds),
  ]);
  const invitee = (kind: InviteeStatus['kind'], id: string, name: string): InviteeStatus => {
    const comments = rows.filter((r) =>
      kind === 'organization'
        ? !r.asCouncilMember && r.organizationId === id
        : r.asCouncilMember && r.authorId === id,
    ).length;
    const noComment = declined.some((d) => d.inviteeKind === kind && d.inviteeId === id);
    return { kind, id, name, answered: comments > 0 || noComment, comments, noComment };
  };
  return {
    planId: plan.id,
    startsOn: consultation.startsOn,
    endsOn: consultation.endsOn,
    message: consultation.message,
    sentAt: consultation.sentAt?.toISOString() ?? null,
    invitees: [
      ...consultation.organizationIds.map((id) => invitee('organization', id, orgs.get(id)?.name ?? '')),
      ...consultation.councilMemberIds.map((id) => invitee('council_member', id, members.get(id) ?? '')),
    ],
    comments: await commentViews(q, rows),
    unresolved: rows.filter((r) => r.resolution === null).length,
    version: plan.version,
  };
}
