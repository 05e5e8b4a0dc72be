import { addDays, maskName, type Role, seoulDate, type Task } from '@ieum/domain';
import { and, asc, count, desc, eq, inArray, lt, lte, or, type SQL } from 'drizzle-orm';
import { personScopes } from '../../platform/access/scope';
import { appendAudit } from '../../platform/audit/audit-log';
import type { Actor } from '../../platform/context';
import { organizations } from '../../platform/db/schema';
import type { Deps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { unsealName } from '../registry/person-view';
import { personsFor } from '../registry/persons.repository';
import { persons } from '../registry/schema';
import { tasks } from './schema';

/** A center manager answers for the center's case work too. */
function rolesAnswerableBy(roles: readonly Role[]): Role[] {
  const answerable = new Set<Role>(roles);
  if (answerable.has('center_manager')) answerable.add('case_worker');
  return [...answerable];
}

/** Tasks this actor answers for: assigned to them, or set for their office and one of their roles. */
export function answerableBy(actor: Actor): SQL {
  return or(
    eq(tasks.assigneeId, actor.userId),
    and(eq(tasks.organizationId, actor.organizationId), inArray(tasks.role, rolesAnswerableBy(actor.roles))),
  ) as SQL;
}

export async function listTasks(
  deps: Deps,
  options: {
    actor: Actor;
    view: 'due' | 'overdue' | 'open' | 'done';
    personId?: string | undefined;
    kind?: Task['kind'] | undefined;
    dueWithinDays?: number | undefined;
    page: number;
    pageSize: number;
  },
): Promise<{ items: Task[]; total: number }> {
  const { actor } = options;
  const today = seoulDate(deps.now());
  const visiblePersons = personsFor(deps.db, personScopes(actor));
  if (options.personId && !(await visiblePersons.findById(options.personId))) throw notFound();
  const byView: Record<typeof options.view, SQL | undefined> = {
    due: and(eq(tasks.status, 'open'), lte(tasks.remindOn, today)),
    overdue: and(eq(tasks.status, 'open'), lt(tasks.dueOn, today)),
    open: eq(tasks.status, 'open'),
    done: eq(tasks.status, 'done'),
  };
  const condition = and(
    byView[options.view],
    // One person's timeline shows every office's items for that person; work lists show one's own.
    options.personId ? eq(tasks.personId, options.personId) : answerableBy(actor),
    inArray(tasks.personId, visiblePersons.idsQuery()),
    options.kind ? eq(tasks.kind, options.kind) : undefined,
    options.dueWithinDays !== undefined ? lte(tasks.dueOn, addDays(today, options.dueWithinDays)) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    deps.db
      .select({ task: tasks, person: persons, organizationName: organizations.name })
      .from(tasks)
      .innerJoin(persons, eq(persons.id, tasks.personId))
      .leftJoin(organizations, eq(organizations.id, tasks.organizationId))
      .where(condition)
      .orderBy(options.view === 'done' ? desc(tasks.dueOn) : asc(tasks.dueOn), asc(tasks.id))
      .limit(options.pageSize)
      .offset((options.page - 1) * options.pageSize),
    deps.db.select({ n: count() }).from(tasks).where(condition),
  ]);
  const unseal = await deps.vault.unsealerFor(deps.db, 'person', [
    ...new Set(rows.map((row) => row.person.id)),
  ]);
  return {
    items: rows.map(({ task, person, organizationName }) => ({
      id: task.id,
      person: { id: person.id, code: person.code, maskedName: maskName(unsealName(person, unseal)) },
      source: task.source as Task['source'],
      kind: task.kind as Task['kind'],
      periodStart: task.period?.start ?? null,
      periodEnd: task.period?.end ?? null,
      organizationName,
      role: (task.role as Role | null) ?? null,
      dueOn: task.dueOn,
      remindOn: task.remindOn,
      status: task.status as Task['status'],
      overdue: task.status === 'open' && task.dueOn < today,
      version: task.version,
    })),
    total: total?.n ?? 0,
  };
}

/** Marks a task done. Only the office (or assignee) that answers for it may; others get "not found". */
export async function completeTask(
  deps: Deps,
  options: { actor: Actor; taskId: string; version: number },
): Promise<void> {
  const { actor } = options;
  const visiblePersons = personsFor(deps.db, personScopes(actor));
  await deps.db.transaction(async (tx) => {
    const [task] = await tx
      .select()
      .from(tasks)
      .where(
        and(
          eq(tasks.id, options.taskId),
          answerableBy(actor),
          inArray(tasks.personId, visiblePersons.idsQuery()),
        ),
      );
    if (!task) throw notFound();
    if (task.status !== 'open') throw new AppError('rule.violation');
    const updated = await tx
      .update(tasks)
      .set({
        status: 'done',
        completedAt: deps.now(),
        completedBy: actor.userId,
        version: task.version + 1,
        updatedAt: deps.now(),
      })
      .where(and(eq(tasks.id, task.id), eq(tasks.version, options.version)))
      .returning({ id: tasks.id });
    if (updated.length === 0) throw new AppError('conflict.stale');
    await appendAudit(tx, {
      action: 'update',
      entityType: 'task',
      entityId: task.id,
      subjectId: task.personId,
      detail: { kind: task.kind, status: 'done' },
    });
  });
}
