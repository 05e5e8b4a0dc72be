import { seoulDate } from '@ieum/domain';
import { eq } from 'drizzle-orm';
import { personScopes } from '../../platform/access/scope';
import { appendAudit } from '../../platform/audit/audit-log';
import type { Actor } from '../../platform/context';
import type { Queryable } from '../../platform/db/client';
import { isUniqueViolation } from '../../platform/db/errors';
import { newId } from '../../platform/db/ids';
import { users } from '../../platform/db/schema';
import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { personsFor } from '../registry/persons.repository';
import { refuseOutOfScope } from '../registry/refuse-out-of-scope';
import { caseEvents, cases } from './schema';

/** A case worker of this center, to carry a case. */
export async function assertCaseWorkerOfCenter(
  q: Queryable,
  userId: string,
  centerId: string,
): Promise<void> {
  const [user] = await q
    .select({ roles: users.roles, organizationId: users.organizationId, active: users.active })
    .from(users)
    .where(eq(users.id, userId));
  if (!user?.active || user.organizationId !== centerId || !user.roles.includes('case_worker')) {
    throw new AppError('request.invalid', {
      fieldErrors: [
        {
          path: 'assignedWorkerId',
          message: {
            ko: '이 센터의 사례관리자를 선택해 주십시오.',
            en: 'Choose a case worker of this center.',
          },
        },
      ],
    });
  }
}

/** Opens a case for a person of the actor's center, assigned to a worker (by default the actor). */
export async function openCase(
  deps: Deps,
  options: { actor: Actor; personId: string; assignedWorkerId?: string | undefined },
): Promise<{ id: string }> {
  const { actor } = options;
  const found = await personsFor(deps.db, personScopes(actor)).findById(options.personId);
  if (!found || found.person.hanaCenterId !== actor.organizationId)
    throw await refuseOutOfScope(deps.db, {
      personId: options.personId,
      entityType: 'case',
      entityId: options.personId,
    });
  const assignee =
    options.assignedWorkerId ?? (actor.roles.includes('case_worker') ? actor.userId : undefined);
  if (!assignee) {
    throw new AppError('request.invalid', {
      fieldErrors: [
        {
          path: 'assignedWorkerId',
          message: { ko: '담당자를 선택해 주십시오.', en: 'Choose a case worker.' },
        },
      ],
    });
  }
  if (assignee !== actor.userId && !actor.permissions.has('cases.assign'))
    throw new AppError('access.denied');
  await assertCaseWorkerOfCenter(deps.db, assignee, actor.organizationId);
  const id = newId();
  try {
    await deps.db.transaction(async (tx) => {
      await tx.insert(cases).values({
        id,
        personId: found.person.id,
        hanaCenterId: actor.organizationId,
        status: 'intake',
        assignedWorkerId: assignee,
        openedOn: seoulDate(deps.now()),
      });
      await tx
        .insert(caseEvents)
        .values({ id: newId(), caseId: id, status: 'intake', byUserId: actor.userId, at: deps.now() });
      await appendAudit(tx, {
        action: 'create',
        entityType: 'case',
        entityId: id,
        subjectId: found.person.id,
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError('conflict.duplicate', {
        detail: {
          ko: '이 대상자에게는 이미 진행 중인 사례가 있습니다.',
          en: 'This person already has an open case here.',
        },
      });
    }
    throw error;
  }
  return { id };
}
