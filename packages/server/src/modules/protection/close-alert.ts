import { type AlertClosing, type AlertOutcome, addDays, compareDates, seoulDate } from '@ieum/domain';
import { eq } from 'drizzle-orm';
import { appendAudit } from '../../platform/audit/audit-log';
import type { Actor } from '../../platform/context';
import type { Tx } from '../../platform/db/client';
import { newId } from '../../platform/db/ids';
import { users } from '../../platform/db/schema';
import type { Deps } from '../../platform/deps';
import { AppError, type FieldError } from '../../platform/errors';
import { tasks } from '../timeline/schema';
import { assertNotClosed, changeAlert } from './alert-change';
import { hasContactAttempt } from './person-protection.repository';
import { closingNoteField } from './sealed-fields';

/** Outcomes that need no follow-up date: nobody is left to follow up. */
const NO_FOLLOW_UP: ReadonlySet<AlertOutcome> = new Set(['deceased']);
/** Outcomes that may close an alert without a contact attempt on it. */
const NO_CONTACT_NEEDED: ReadonlySet<AlertOutcome> = new Set(['deceased', 'moved_away']);
/** The follow-up task shows in the work list this many days before it is due. */
const REMIND_DAYS_BEFORE = 7;

/**
 * Closes an alert with its outcome and a follow-up date (today or later, in Korea), after at least one
 * attempt to reach the person, unless they died or moved away. The follow-up becomes a dated task on the
 * timeline for whoever held the alert (the closer when nobody did), so the person is looked at again.
 */
export function closeAlert(
  deps: Deps,
  options: { actor: Actor; alertId: string } & AlertClosing,
): Promise<void> {
  const { actor } = options;
  return changeAlert(deps, options, async (tx, alert, now) => {
    assertNotClosed(alert);
    const today = seoulDate(now);
    const errors: FieldError[] = [];
    if (!options.followUpOn && !NO_FOLLOW_UP.has(options.outcome)) {
      errors.push({
        path: 'followUpOn',
        message: { ko: '사후 확인일을 입력해 주십시오.', en: 'Give a follow-up date.' },
      });
    } else if (options.followUpOn && compareDates(options.followUpOn, today) < 0) {
      errors.push({
        path: 'followUpOn',
        message: {
          ko: '사후 확인일은 오늘 이후여야 합니다.',
          en: 'The follow-up date must be today or later.',
        },
      });
    }
    if (errors.length > 0) throw new AppError('request.invalid', { fieldErrors: errors });
    if (!NO_CONTACT_NEEDED.has(options.outcome) && !(await hasContactAttempt(tx, alert.id))) {
      throw new AppError('rule.violation', {
        detail: {
          ko: '종결하려면 먼저 대상자 접촉 시도를 기록해 주십시오.',
          en: 'Record at least one attempt to reach the person before closing.',
        },
      });
    }

    const closingNoteSealed = options.note
      ? await deps.vault.encrypt(
          tx,
          { type: 'person', id: alert.personId },
          closingNoteField(alert.id),
          options.note,
        )
      : null;
    const followUpTaskId = options.followUpOn
      ? await createFollowUpTask(tx, {
          personId: alert.personId,
          assigneeId: alert.assigneeId ?? actor.userId,
          dueOn: options.followUpOn,
          today,
        })
      : null;
    const detail = { outcome: options.outcome, followUpOn: options.followUpOn ?? null, followUpTaskId };
    return {
      result: undefined,
      set: {
        status: 'closed',
        closedAt: now,
        closedBy: actor.userId,
        outcome: options.outcome,
        followUpOn: options.followUpOn ?? null,
        closingNoteSealed,
      },
      event: { kind: 'closed', detail },
      audit: {
        action: 'update',
        entityType: 'protection_alert',
        entityId: alert.id,
        detail: { status: 'closed', ...detail },
      },
    };
  });
}

/**
 * A manual task on the timeline (kind `manual`: the timeline has no kind of its own for a protection
 * follow-up yet), assigned to one user at their organization; it carries no free text.
 */
async function createFollowUpTask(
  tx: Tx,
  options: { personId: string; assigneeId: string; dueOn: string; today: string },
): Promise<string> {
  const [assignee] = await tx
    .select({ organizationId: users.organizationId })
    .from(users)
    .where(eq(users.id, options.assigneeId));
  const id = newId();
  const remindOn = addDays(options.dueOn, -REMIND_DAYS_BEFORE);
  await tx.insert(tasks).values({
    id,
    personId: options.personId,
    source: 'manual',
    kind: 'manual',
    organizationId: assignee?.organizationId ?? null,
    assigneeId: options.assigneeId,
    dueOn: options.dueOn,
    remindOn: compareDates(remindOn, options.today) < 0 ? options.today : remindOn,
  });
  await appendAudit(tx, {
    action: 'create',
    entityType: 'task',
    entityId: id,
    subjectId: options.personId,
    detail: { kind: 'manual', purpose: 'protection_follow_up', dueOn: options.dueOn },
  });
  return id;
}
