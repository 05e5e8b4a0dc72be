import { type Me, permissionsOf, type Role } from '@ieum/domain';
import { eq } from 'drizzle-orm';
import { organizations, users } from '../db/schema';
import type { Deps } from '../deps';
import { notFound } from '../errors';
import { twoFactorRequired } from './sessions';

export async function loadMe(deps: Deps, userId: string): Promise<Me> {
  const [row] = await deps.db
    .select({ user: users, organization: organizations })
    .from(users)
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .where(eq(users.id, userId));
  if (!row) throw notFound();
  const roles = row.user.roles as Role[];
  return {
    id: row.user.id,
    username: row.user.username,
    displayName: row.user.displayName,
    locale: row.user.locale === 'en' ? 'en' : 'ko',
    roles,
    permissions: permissionsOf(roles),
    organization: {
      id: row.organization.id,
      name: row.organization.name,
      nameEn: row.organization.nameEn,
      type: row.organization.type as Me['organization']['type'],
      region: row.organization.region as Me['organization']['region'],
    },
    totpEnabled: row.user.totpEnabled,
    totpEnrollmentRequired: !row.user.totpEnabled && twoFactorRequired(deps.config, roles),
    sessionIdleTimeoutSeconds: deps.config.session.idleTimeoutSeconds,
  };
}
