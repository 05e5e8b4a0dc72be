import type { AppointmentKind } from '@ieum/domain';
import { eq } from 'drizzle-orm';
import { personScopes } from '../../platform/access/scope';
import { appendAudit } from '../../platform/audit/audit-log';
import type { Actor } from '../../platform/context';
import type { Queryable } from '../../platform/db/client';
import { newId } from '../../platform/db/ids';
import { users } from '../../platform/db/schema';
import type { Deps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { personsFor } from '../registry/persons.repository';
import { appointments } from './schema';

/** A worker of this center (case worker or manager) who can meet the person. */
async function assertCenterWorker(q: Queryable, userId: string, centerId: string): Promise<void> {
  const [user] = await q
    .select({ roles: users.roles, organizationId: users.organizationId, active: users.active })
    .from(users)
    .where(eq(users.id, userId));
  const works = user?.roles.includes('case_worker') || user?.roles.includes('center_manager');
  if (!user?.active || user.organizationId !== centerId || !works) {
    throw new AppError('request.invalid', {
      fieldErrors: [
        {
          path: 'assigneeId',
          message: { ko: '이 센터의 담당자를 선택해 주십시오.', en: 'Choose a worker of this center.' },
        },
      ],
    });
  }
}

/** Books a meeting with a person of the actor's center; where and what are sealed with the person's key. */
export async function scheduleAppointment(
  deps: Deps,
  options: {
    actor: Actor;
    personId: string;
    startsAt: string;
    durationMinutes: number;
    kind: AppointmentKind;
    assigneeId?: string | undefined;
    location?: string | undefined;
    note?: string | undefined;
  },
): Promise<{ id: string }> {
  const { actor } = options;
  const found = await personsFor(deps.db, personScopes(actor)).findById(options.personId);
  if (!found || found.person.hanaCenterId !== actor.organizationId) throw notFound();
  const assigneeId = options.assigneeId ?? actor.userId;
  await assertCenterWorker(deps.db, assigneeId, actor.organizationId);
  const id = newId();
  const subject = { type: 'person', id: found.person.id } as const;
  await deps.db.transaction(async (tx) => {
    await tx.insert(appointments).values({
      id,
      personId: found.person.id,
      organizationId: actor.organizationId,
      assigneeId,
      startsAt: new Date(options.startsAt),
      durationMinutes: options.durationMinutes,
      kind: options.kind,
      locationSealed: options.location
        ? await deps.vault.encrypt(tx, subject, `appointment_location:${id}`, options.location)
        : null,
      noteSealed: options.note
        ? await deps.vault.encrypt(tx, subject, `appointment_note:${id}`, options.note)
        : null,
      createdBy: actor.userId,
      createdAt: deps.now(),
      updatedAt: deps.now(),
    });
    await appendAudit(tx, {
      action: 'create',
      entityType: 'appointment',
      entityId: id,
      subjectId: found.person.id,
      detail: { kind: options.kind },
    });
  });
  return { id };
}
