import {
  type ApplicationMove,
  type ApplicationView,
  canMoveApplication,
  type Region,
  scoreMatch,
  seoulDate,
} from '@ieum/domain';
import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { personScopes } from '../../platform/access/scope';
import { appendAudit } from '../../platform/audit/audit-log';
import type { Actor } from '../../platform/context';
import type { Queryable } from '../../platform/db/client';
import { isUniqueViolation } from '../../platform/db/errors';
import { newId } from '../../platform/db/ids';
import { users } from '../../platform/db/schema';
import type { Deps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { personsFor } from '../registry/persons.repository';
import { insertEmploymentRecord } from './employment';
import { personInScope, personRefs } from './person-access';
import { postingForMatching } from './postings';
import { employers, jobApplicationEvents, jobApplications, jobPostings, seekerProfiles } from './schema';
import { seekerForMatching } from './seekers.repository';

type ApplicationStage = ApplicationView['stage'];

/** Applications with their posting, employer and stage history, for the persons and postings asked. */
export async function applicationViews(
  deps: Deps,
  q: Queryable,
  where: SQL | undefined,
): Promise<ApplicationView[]> {
  const rows = await q
    .select({ application: jobApplications, posting: jobPostings, employerName: employers.name })
    .from(jobApplications)
    .innerJoin(jobPostings, eq(jobPostings.id, jobApplications.postingId))
    .innerJoin(employers, eq(employers.id, jobPostings.employerId))
    .where(where)
    .orderBy(desc(jobApplications.updatedAt), asc(jobApplications.id));
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.application.id);
  const [events, refs] = await Promise.all([
    q
      .select({ event: jobApplicationEvents, actorName: users.displayName })
      .from(jobApplicationEvents)
      .leftJoin(users, eq(users.id, jobApplicationEvents.actorId))
      .where(inArray(jobApplicationEvents.applicationId, ids))
      .orderBy(asc(jobApplicationEvents.at), asc(jobApplicationEvents.id)),
    personRefs(
      deps,
      q,
      rows.map((row) => row.application.personId),
    ),
  ]);
  return rows.map(({ application, posting, employerName }) => {
    const person = refs.get(application.personId);
    if (!person) throw new Error('an application without its person');
    return {
      id: application.id,
      person,
      posting: {
        id: posting.id,
        title: posting.title,
        occupation: posting.occupation,
        region: posting.region as Region,
        employer: { id: posting.employerId, name: employerName },
      },
      stage: application.stage as ApplicationStage,
      reason: application.reason as ApplicationView['reason'],
      score: application.score,
      events: events
        .filter(({ event }) => event.applicationId === application.id)
        .map(({ event, actorName }) => ({
          from: event.fromStage as ApplicationStage | null,
          to: event.toStage as ApplicationStage,
          reason: event.reason as ApplicationView['reason'],
          at: event.at.toISOString(),
          by: event.actorId && actorName ? { id: event.actorId, displayName: actorName } : null,
        })),
      createdAt: application.createdAt.toISOString(),
      updatedAt: application.updatedAt.toISOString(),
      version: application.version,
    };
  });
}

async function getApplication(deps: Deps, q: Queryable, id: string): Promise<ApplicationView> {
  const [view] = await applicationViews(deps, q, eq(jobApplications.id, id));
  if (!view) throw notFound();
  return view;
}

/** The applications of one posting, for the persons the reader may see. */
export async function postingApplications(deps: Deps, options: { actor: Actor; postingId: string }) {
  const visible = personsFor(deps.db, personScopes(options.actor)).idsQuery();
  return {
    items: await applicationViews(
      deps,
      deps.db,
      and(eq(jobApplications.postingId, options.postingId), inArray(jobApplications.personId, visible)),
    ),
  };
}

/**
 * Puts a person forward for a posting (recommended by the officer, or already applied), with the match score
 * of the moment when the person has a profile. One open application per person and posting.
 */
export async function createApplication(
  deps: Deps,
  options: { actor: Actor; personId: string; postingId: string; stage: 'recommended' | 'applied' },
): Promise<ApplicationView> {
  const person = await personInScope(deps, options.actor, options.personId, 'job_application');
  try {
    return await deps.db.transaction(async (tx) => {
      const [posting] = await tx.select().from(jobPostings).where(eq(jobPostings.id, options.postingId));
      if (!posting) throw notFound();
      if (posting.status !== 'open')
        throw new AppError('rule.violation', {
          detail: { ko: '마감된 채용공고입니다.', en: 'This posting is closed.' },
        });
      const [profile] = await tx.select().from(seekerProfiles).where(eq(seekerProfiles.personId, person.id));
      const score = profile
        ? scoreMatch(seekerForMatching(profile), postingForMatching(posting)).score
        : null;
      const id = newId();
      await tx.insert(jobApplications).values({
        id,
        personId: person.id,
        postingId: posting.id,
        stage: options.stage,
        score,
        createdBy: options.actor.userId,
      });
      await tx.insert(jobApplicationEvents).values({
        id: newId(),
        applicationId: id,
        fromStage: null,
        toStage: options.stage,
        actorId: options.actor.userId,
        at: deps.now(),
      });
      await appendAudit(tx, {
        action: 'create',
        entityType: 'job_application',
        entityId: id,
        subjectId: person.id,
        detail: { postingId: posting.id, stage: options.stage },
      });
      return getApplication(deps, tx, id);
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError('conflict.duplicate', {
        detail: {
          ko: '이 채용공고에 진행 중인 지원이 이미 있습니다.',
          en: 'There is already an open application for this posting.',
        },
      });
    throw error;
  }
}

/**
 * Moves an application one stage on (or ends it, with a reason), at the version the user saw. A placement
 * records the employment (employer, first day, insured, the posting's wage and occupation), schedules the
 * retention checks, and marks the seeker as employed — all in one transaction.
 */
export async function moveApplication(
  deps: Deps,
  options: { actor: Actor; applicationId: string; move: ApplicationMove },
): Promise<ApplicationView> {
  const { move, actor } = options;
  const [existing] = await deps.db
    .select()
    .from(jobApplications)
    .where(eq(jobApplications.id, options.applicationId));
  if (!existing) throw notFound();
  const person = await personInScope(deps, actor, existing.personId, 'job_application');
  const from = existing.stage as ApplicationStage;
  if (!canMoveApplication(from, move.to))
    throw new AppError('rule.violation', {
      detail: {
        ko: '지금 단계에서는 그 단계로 옮길 수 없습니다.',
        en: 'The application cannot move to that stage from where it is.',
      },
    });
  const today = seoulDate(deps.now());
  return deps.db.transaction(async (tx) => {
    const reason = move.to === 'withdrawn' || move.to === 'rejected' ? (move.reason ?? null) : null;
    const done = await tx
      .update(jobApplications)
      .set({ stage: move.to, reason, updatedAt: deps.now(), version: sql`${jobApplications.version} + 1` })
      .where(and(eq(jobApplications.id, existing.id), eq(jobApplications.version, move.version)))
      .returning({ id: jobApplications.id });
    if (done.length === 0) throw new AppError('conflict.stale');
    await tx.insert(jobApplicationEvents).values({
      id: newId(),
      applicationId: existing.id,
      fromStage: from,
      toStage: move.to,
      reason,
      actorId: actor.userId,
      at: deps.now(),
    });
    if (move.to === 'placed') {
      const [posting] = await tx.select().from(jobPostings).where(eq(jobPostings.id, existing.postingId));
      if (!posting) throw notFound();
      await insertEmploymentRecord(tx, {
        person,
        actor,
        applicationId: existing.id,
        today,
        input: {
          employerId: posting.employerId,
          startOn: move.startOn as string,
          endOn: null,
          insured: move.insured ?? true,
          occupation: posting.occupation,
          monthlyWage: posting.monthlyWage,
        },
      });
      await tx
        .update(seekerProfiles)
        .set({ status: 'employed', updatedAt: deps.now(), version: sql`${seekerProfiles.version} + 1` })
        .where(eq(seekerProfiles.personId, person.id));
    }
    await appendAudit(tx, {
      action: 'update',
      entityType: 'job_application',
      entityId: existing.id,
      subjectId: person.id,
      detail: { from, to: move.to, ...(reason ? { reason } : {}) },
    });
    return getApplication(deps, tx, existing.id);
  });
}
