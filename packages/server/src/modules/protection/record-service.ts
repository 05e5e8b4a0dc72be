import { type ServiceInput, seoulDate } from '@ieum/domain';
import type { Actor } from '../../platform/context';
import { newId } from '../../platform/db/ids';
import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { assertNotClosed, changeAlert } from './alert-change';
import { protectionServices } from './schema';

/**
 * Links a service to an alert: emergency welfare, a Foundation emergency fund, a livelihood-benefit
 * application, private support, with its provider and outcome. The provider's name is an organization's,
 * not a person's, and stays in plaintext for the reports. Linking a service puts an open alert in progress.
 */
export function recordService(
  deps: Deps,
  options: { actor: Actor; alertId: string } & ServiceInput,
): Promise<{ id: string }> {
  const { actor } = options;
  return changeAlert(deps, options, async (tx, alert, now) => {
    assertNotClosed(alert);
    if (options.providedOn > seoulDate(now)) {
      throw new AppError('request.invalid', {
        fieldErrors: [
          {
            path: 'providedOn',
            message: {
              ko: '제공(신청)일은 오늘 이후일 수 없습니다.',
              en: 'The date provided (or applied for) cannot be in the future.',
            },
          },
        ],
      });
    }
    const id = newId();
    await tx.insert(protectionServices).values({
      id,
      alertId: alert.id,
      personId: alert.personId,
      kind: options.kind,
      provider: options.provider,
      providerName: options.providerName ?? null,
      outcome: options.outcome,
      amount: options.amount ?? null,
      providedOn: options.providedOn,
      recordedBy: actor.userId,
      createdAt: now,
    });
    const detail = {
      serviceId: id,
      kind: options.kind,
      provider: options.provider,
      outcome: options.outcome,
    };
    return {
      result: { id },
      set: { status: alert.status === 'open' ? 'in_progress' : alert.status },
      event: { kind: 'service', detail },
      audit: {
        action: 'create',
        entityType: 'protection_service',
        entityId: id,
        detail: { alertId: alert.id, ...detail },
      },
    };
  });
}
