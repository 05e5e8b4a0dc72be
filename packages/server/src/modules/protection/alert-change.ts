import type { AuditAction } from '@ieum/domain';
import { appendAudit } from '../../platform/audit/audit-log';
import type { Actor } from '../../platform/context';
import type { Tx } from '../../platform/db/client';
import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import {
  type AlertEventKind,
  type AlertRow,
  bumpAlert,
  findAlert,
  insertAlertEvent,
  refuseAlertOutOfScope,
} from './alerts.repository';

export interface AlertChange<T> {
  readonly result: T;
  /** Columns the change sets on the alert (its version and update time move anyway). */
  readonly set: Partial<Omit<AlertRow, 'id' | 'version'>>;
  readonly event: { readonly kind: AlertEventKind; readonly detail: Record<string, unknown> };
  readonly audit: {
    readonly action: Extract<AuditAction, 'create' | 'update'>;
    readonly entityType: string;
    readonly entityId: string;
    readonly detail?: Record<string, unknown>;
  };
}

/**
 * Runs one change on an alert the actor may see, at the version the user saw: the alert's next version, its
 * event and the audit entry commit together with the change, or none does. An alert outside the scope
 * answers 404 like a missing one and the attempt is logged; a stale version answers 409.
 */
export async function changeAlert<T>(
  deps: Deps,
  options: { actor: Actor; alertId: string; version: number },
  change: (tx: Tx, alert: AlertRow, now: Date) => Promise<AlertChange<T>>,
): Promise<T> {
  const { actor, alertId, version } = options;
  const outcome = await deps.db.transaction(async (tx) => {
    const alert = await findAlert(tx, actor, alertId);
    if (!alert) return null;
    if (alert.version !== version) throw new AppError('conflict.stale');
    const now = deps.now();
    const { result, set, event, audit } = await change(tx, alert, now);
    if (!(await bumpAlert(tx, alert.id, version, { ...set, updatedAt: now })))
      throw new AppError('conflict.stale');
    await insertAlertEvent(tx, { alertId: alert.id, at: now, actorId: actor.userId, ...event });
    await appendAudit(tx, { ...audit, subjectId: alert.personId });
    return { result };
  });
  if (!outcome) throw await refuseAlertOutOfScope(deps.db, alertId);
  return outcome.result;
}

/** A closed alert takes no more changes: new work on the person goes on a new alert or a follow-up task. */
export function assertNotClosed(alert: AlertRow): void {
  if (alert.status === 'closed') {
    throw new AppError('rule.violation', {
      detail: { ko: '이미 종결된 위기 알림입니다.', en: 'This alert is already closed.' },
    });
  }
}
