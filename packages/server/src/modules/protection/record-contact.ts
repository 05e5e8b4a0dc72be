import type { ContactInput } from '@ieum/domain';
import type { Actor } from '../../platform/context';
import { newId } from '../../platform/db/ids';
import type { Deps } from '../../platform/deps';
import { AppError, type FieldError } from '../../platform/errors';
import { assertNotClosed, changeAlert } from './alert-change';
import { protectionContacts } from './schema';
import { contactFindingsField } from './sealed-fields';

// A browser clock a little ahead of the server's should not refuse a contact typed in as "now".
const CLOCK_SKEW_MS = 5 * 60 * 1000;

/**
 * Records an attempt to reach the person on an alert (phone, visit, through the safety officer, ...), with
 * what was found (sealed with the person's key) and the needs seen. The first attempt puts an open alert in
 * progress; the earliest contact that reached the person sets `first_contact_at`, which is what the deadline
 * asks for: an unanswered call does not stop the clock.
 */
export function recordContact(
  deps: Deps,
  options: { actor: Actor; alertId: string } & ContactInput,
): Promise<{ id: string }> {
  const { actor } = options;
  return changeAlert(deps, options, async (tx, alert, now) => {
    assertNotClosed(alert);
    const contactedAt = new Date(options.contactedAt);
    const errors: FieldError[] = [];
    if (contactedAt.getTime() > now.getTime() + CLOCK_SKEW_MS) {
      errors.push({
        path: 'contactedAt',
        message: { ko: '접촉 일시는 현재 이후일 수 없습니다.', en: 'The contact cannot be in the future.' },
      });
    } else if (contactedAt < alert.openedAt) {
      errors.push({
        path: 'contactedAt',
        message: {
          ko: '접촉 일시는 알림이 열린 뒤여야 합니다.',
          en: 'The contact must be after the alert was opened.',
        },
      });
    }
    if (errors.length > 0) throw new AppError('request.invalid', { fieldErrors: errors });

    const id = newId();
    const findingsSealed = options.findings
      ? await deps.vault.encrypt(
          tx,
          { type: 'person', id: alert.personId },
          contactFindingsField(id),
          options.findings,
        )
      : null;
    await tx.insert(protectionContacts).values({
      id,
      alertId: alert.id,
      personId: alert.personId,
      contactedAt,
      method: options.method,
      reached: options.reached,
      findingsSealed,
      needs: options.needs,
      recordedBy: actor.userId,
      createdAt: now,
    });
    const firstReached =
      options.reached && (alert.firstContactAt === null || contactedAt < alert.firstContactAt)
        ? contactedAt
        : alert.firstContactAt;
    return {
      result: { id },
      set: {
        status: alert.status === 'open' ? 'in_progress' : alert.status,
        firstContactAt: firstReached,
      },
      event: {
        kind: 'contact',
        detail: { contactId: id, method: options.method, reached: options.reached, needs: options.needs },
      },
      audit: {
        action: 'create',
        entityType: 'protection_contact',
        entityId: id,
        detail: { alertId: alert.id, method: options.method, reached: options.reached, needs: options.needs },
      },
    };
  });
}
