import { type OrganizationType, type Role, roleFitsOrganization, type User } from '@ieum/domain';
import { and, eq } from 'drizzle-orm';
import { appendAudit } from '../../platform/audit/audit-log';
import { hashPassword } from '../../platform/auth/passwords';
import { endAllSessions } from '../../platform/auth/sessions';
import type { Queryable } from '../../platform/db/client';
import { isUniqueViolation } from '../../platform/db/errors';
import { newId } from '../../platform/db/ids';
import { organizations, users } from '../../platform/db/schema';
import type { Deps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { stripUndefined } from './save-organization';
import { findUser } from './users.repository';

/** Roles must fit the organization (a police officer is not a case worker); checked against the type table. */
async function assertRolesFit(q: Queryable, organizationId: string, roles: readonly Role[]): Promise<void> {
  const [organization] = await q
    .select({ type: organizations.type, active: organizations.active })
    .from(organizations)
    .where(eq(organizations.id, organizationId));
  if (!organization?.active) {
    throw new AppError('request.invalid', {
      fieldErrors: [
        {
          path: 'organizationId',
          message: { ko: '기관을 찾을 수 없습니다.', en: 'Organization not found.' },
        },
      ],
    });
  }
  const misfits = roles.filter((role) => !roleFitsOrganization(role, organization.type as OrganizationType));
  if (misfits.length > 0) {
    throw new AppError('rule.violation', {
      fieldErrors: [
        {
          path: 'roles',
          message: {
            ko: `이 기관 유형에 줄 수 없는 역할입니다: ${misfits.join(', ')}`,
            en: `These roles do not fit this kind of organization: ${misfits.join(', ')}`,
          },
        },
      ],
    });
  }
}

const DUPLICATE_USERNAME = {
  path: 'username',
  message: { ko: '이미 사용 중인 아이디입니다.', en: 'This username is already taken.' },
};

export async function createUser(
  deps: Deps,
  options: {
    input: { username: string; displayName: string; organizationId: string; roles: Role[]; password: string };
  },
): Promise<User> {
  const { input } = options;
  const id = newId();
  const roles = [...new Set(input.roles)].sort();
  const passwordHash = await hashPassword(input.password);
  try {
    await deps.db.transaction(async (tx) => {
      await assertRolesFit(tx, input.organizationId, roles);
      await tx.insert(users).values({
        id,
        username: input.username.toLowerCase(),
        displayName: input.displayName,
        organizationId: input.organizationId,
        roles,
        passwordHash,
      });
      await appendAudit(tx, {
        action: 'create',
        entityType: 'user',
        entityId: id,
        detail: { username: input.username.toLowerCase(), roles, organizationId: input.organizationId },
      });
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError('conflict.duplicate', { fieldErrors: [DUPLICATE_USERNAME] });
    throw error;
  }
  return (await findUser(deps.db, id, deps.now())) as User;
}

export async function updateUser(
  deps: Deps,
  options: {
    id: string;
    changes: {
      displayName?: string | undefined;
      organizationId?: string | undefined;
      roles?: Role[] | undefined;
      active?: boolean | undefined;
    };
    version: number;
  },
): Promise<User> {
  const { id, version } = options;
  const changes = stripUndefined({
    ...options.changes,
    roles: options.changes.roles && [...new Set(options.changes.roles)].sort(),
  });
  await deps.db.transaction(async (tx) => {
    const [current] = await tx.select().from(users).where(eq(users.id, id));
    if (!current) throw notFound();
    if (changes.roles || changes.organizationId) {
      await assertRolesFit(
        tx,
        changes.organizationId ?? current.organizationId,
        changes.roles ?? (current.roles as Role[]),
      );
    }
    const updated = await tx
      .update(users)
      .set({ ...changes, version: version + 1, updatedAt: deps.now() })
      .where(and(eq(users.id, id), eq(users.version, version)))
      .returning({ id: users.id });
    if (updated.length === 0) throw new AppError('conflict.stale');
    // Deactivation or a change of roles or organization takes effect now, not at the next sign-in.
    if (changes.active === false || changes.roles || changes.organizationId) await endAllSessions(tx, id);
    await appendAudit(tx, {
      action: 'update',
      entityType: 'user',
      entityId: id,
      detail: { fields: Object.keys(changes).sort(), ...(changes.roles ? { roles: changes.roles } : {}) },
    });
  });
  return (await findUser(deps.db, id, deps.now())) as User;
}

export async function resetUserPassword(
  deps: Deps,
  options: { id: string; password: string },
): Promise<void> {
  const passwordHash = await hashPassword(options.password);
  await deps.db.transaction(async (tx) => {
    const updated = await tx
      .update(users)
      .set({ passwordHash, passwordChangedAt: deps.now(), updatedAt: deps.now() })
      .where(eq(users.id, options.id))
      .returning({ id: users.id });
    if (updated.length === 0) throw notFound();
    await endAllSessions(tx, options.id);
    await appendAudit(tx, {
      action: 'update',
      entityType: 'user',
      entityId: options.id,
      detail: { fields: ['password'] },
    });
  });
}
