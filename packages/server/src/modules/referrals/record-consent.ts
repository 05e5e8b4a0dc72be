import { type ConsentInput, isRecipientType, seoulDate } from '@ieum/domain';
import { eq } from 'drizzle-orm';
import { personScopes } from '../../platform/access/scope';
import { appendAudit } from '../../platform/audit/audit-log';
import type { Actor } from '../../platform/context';
import { newId } from '../../platform/db/ids';
import { organizations } from '../../platform/db/schema';
import type { Deps } from '../../platform/deps';
import { AppError, type FieldError } from '../../platform/errors';
import { personsFor } from '../registry/persons.repository';
import { refuseOutOfScope } from '../registry/refuse-out-of-scope';
import { consents } from './schema';

function field(path: string, ko: string, en: string): FieldError {
  return { path, message: { ko, en } };
}

/**
 * Records a consent the person gave (from the signed form) for a person the actor may see: one recipient —
 * a named partner organization or a kind of them — the categories, one purpose and the period. A consent
 * is recorded after it is given, so it cannot start in the future.
 */
export async function recordConsent(
  deps: Deps,
  options: { actor: Actor; personId: string; input: ConsentInput },
): Promise<{ id: string }> {
  const { actor, input } = options;
  const found = await personsFor(deps.db, personScopes(actor)).findById(options.personId);
  if (!found)
    throw await refuseOutOfScope(deps.db, {
      personId: options.personId,
      entityType: 'consent',
      entityId: options.personId,
    });
  const today = seoulDate(deps.now());

  const errors: FieldError[] = [];
  if ((input.recipientOrganizationId === undefined) === (input.recipientType === undefined)) {
    errors.push(
      field(
        'recipientOrganizationId',
        '받는 기관 또는 기관 유형 중 하나만 지정해 주십시오.',
        'Name either one recipient organization or one kind of organization.',
      ),
    );
  } else if (input.recipientOrganizationId) {
    const [recipient] = await deps.db
      .select({ type: organizations.type, active: organizations.active })
      .from(organizations)
      .where(eq(organizations.id, input.recipientOrganizationId));
    if (!recipient?.active || !isRecipientType(recipient.type)) {
      errors.push(
        field(
          'recipientOrganizationId',
          '정보를 받을 수 있는 협력기관을 선택해 주십시오.',
          'Choose a partner organization that can receive referrals.',
        ),
      );
    }
  }
  if (input.givenOn > today) {
    errors.push(
      field('givenOn', '동의일은 오늘 이전이어야 합니다.', 'The consent date cannot be in the future.'),
    );
  }
  if (input.expiresOn < input.givenOn) {
    errors.push(
      field(
        'expiresOn',
        '만료일은 동의일 이후여야 합니다.',
        'The expiry date must be on or after the consent date.',
      ),
    );
  }
  if (errors.length > 0) throw new AppError('request.invalid', { fieldErrors: errors });

  const id = newId();
  await deps.db.transaction(async (tx) => {
    const now = deps.now();
    await tx.insert(consents).values({
      id,
      personId: found.person.id,
      recipientOrganizationId: input.recipientOrganizationId ?? null,
      recipientType: input.recipientType ?? null,
      categories: input.categories,
      purpose: input.purpose,
      givenOn: input.givenOn,
      expiresOn: input.expiresOn,
      recordedBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    });
    await appendAudit(tx, {
      action: 'create',
      entityType: 'consent',
      entityId: id,
      subjectId: found.person.id,
      detail: {
        recipientOrganizationId: input.recipientOrganizationId ?? null,
        recipientType: input.recipientType ?? null,
        categories: input.categories,
        purpose: input.purpose,
        givenOn: input.givenOn,
        expiresOn: input.expiresOn,
      },
    });
  });
  return { id };
}
