import { permissionsOf, type Role } from '@ieum/domain';
import { eq } from 'drizzle-orm';
import type { Actor } from '../../platform/context';
import type { Queryable } from '../../platform/db/client';
import { users } from '../../platform/db/schema';
import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { assertNotClosed, changeAlert } from './alert-change';

/**
 * A worker takes an alert from the queue: it becomes theirs. An alert someone else holds is not taken from
 * them silently; the center manager re-assigns it.
 */
export function takeAlert(
  deps: Deps,
  options: { actor: Actor; alertId: string; version: number },
): Promise<void> {
  const { actor } = options;
  return changeAlert(deps, options, async (_tx, alert) => {
    assertNotClosed(alert);
    if (alert.assigneeId === actor.userId) {
      throw new AppError('rule.violation', {
        detail: { ko: '이미 맡고 있는 알림입니다.', en: 'This alert is already yours.' },
      });
    }
    if (alert.assigneeId !== null) {
      throw new AppError('rule.violation', {
        detail: {
          ko: '다른 담당자가 맡은 알림입니다. 담당 변경은 센터장에게 요청해 주십시오.',
          en: 'Someone else holds this alert. Ask the center manager to re-assign it.',
        },
      });
    }
    return assigned(alert.id, actor.userId, 'take', alert.assigneeId);
  });
}

/** A center manager gives an alert to a worker of the center who may act on alerts. */
export function assignAlert(
  deps: Deps,
  options: { actor: Actor; alertId: string; assigneeId: string; version: number },
): Promise<void> {
  const { actor } = options;
  return changeAlert(deps, options, async (tx, alert) => {
    assertNotClosed(alert);
    await assertMayActOnAlerts(tx, options.assigneeId, actor.organizationId);
    return assigned(alert.id, options.assigneeId, 'assign', alert.assigneeId);
  });
}

function assigned(alertId: string, assigneeId: string, how: 'take' | 'assign', previous: string | null) {
  return {
    result: undefined,
    set: { assigneeId },
    event: { kind: 'assigned' as const, detail: { assigneeId, previousAssigneeId: previous, how } },
    audit: {
      action: 'update' as const,
      entityType: 'protection_alert',
      entityId: alertId,
      detail: { fields: ['assigneeId'], how },
    },
  };
}

/** An active user of this organization whose roles grant protection.act. */
async function assertMayActOnAlerts(q: Queryable, userId: string, organizationId: string): Promise<void> {
  const [user] = await q
    .select({ roles: users.roles, organizationId: users.organizationId, active: users.active })
    .from(users)
    .where(eq(users.id, userId));
  const mayAct = user ? permissionsOf(user.roles as Role[]).includes('protection.act') : false;
  if (!user?.active || user.organizationId !== organizationId || !mayAct) {
    throw new AppError('request.invalid', {
      fieldErrors: [
        {
          path: 'assigneeId',
          message: {
            ko: '위기 알림을 처리할 수 있는 이 기관의 직원을 선택해 주십시오.',
            en: 'Choose a member of this organization who can act on alerts.',
          },
        },
      ],
    });
  }
}
