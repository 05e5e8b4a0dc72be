import type { OrganizationType, Region, Role, User } from '@ieum/domain';
import { and, arrayContains, asc, count, eq, ilike, or, type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client';
import { loginThrottle, organizations, users } from '../../platform/db/schema';

export interface UserFilter {
  readonly q?: string | undefined;
  readonly organizationId?: string | undefined;
  readonly role?: Role | undefined;
}

function where(filter: UserFilter): SQL | undefined {
  const like = filter.q ? `%${filter.q.replace(/[\\%_]/g, '\\$&')}%` : null;
  return and(
    like ? or(ilike(users.username, like), ilike(users.displayName, like)) : undefined,
    filter.organizationId ? eq(users.organizationId, filter.organizationId) : undefined,
    filter.role ? arrayContains(users.roles, [filter.role]) : undefined,
  );
}

const columns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  roles: users.roles,
  active: users.active,
  totpEnabled: users.totpEnabled,
  lastLoginAt: users.lastLoginAt,
  createdAt: users.createdAt,
  version: users.version,
  lockedUntil: loginThrottle.lockedUntil,
  organization: {
    id: organizations.id,
    name: organizations.name,
    nameEn: organizations.nameEn,
    type: organizations.type,
    region: organizations.region,
  },
};

type Row = {
  id: string;
  username: string;
  displayName: string;
  roles: string[];
  active: boolean;
  totpEnabled: boolean;
  lastLoginAt: Date | null;
  createdAt: Date;
  version: number;
  lockedUntil: Date | null;
  organization: { id: string; name: string; nameEn: string | null; type: string; region: string | null };
};

function toUser(row: Row, now: Date): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    roles: row.roles as Role[],
    active: row.active,
    totpEnabled: row.totpEnabled,
    lockedUntil: row.lockedUntil && row.lockedUntil > now ? row.lockedUntil.toISOString() : null,
    lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    version: row.version,
    organization: {
      ...row.organization,
      type: row.organization.type as OrganizationType,
      region: row.organization.region as Region | null,
    },
  };
}

function baseQuery(q: Queryable) {
  return (
    q
      .select(columns)
      .from(users)
      .innerJoin(organizations, eq(organizations.id, users.organizationId))
      // The throttle row of an account is keyed 'account:<user id>' (see platform/auth/throttle.ts).
      .leftJoin(loginThrottle, eq(loginThrottle.key, sql`'account:' || ${users.id}::text`))
  );
}

export async function listUsers(
  q: Queryable,
  filter: UserFilter,
  page: { page: number; pageSize: number },
  now: Date,
): Promise<{ items: User[]; total: number }> {
  const condition = where(filter);
  const [rows, [totalRow]] = await Promise.all([
    baseQuery(q)
      .where(condition)
      .orderBy(asc(users.username))
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize),
    q.select({ total: count() }).from(users).where(condition),
  ]);
  return { items: rows.map((row) => toUser(row, now)), total: totalRow?.total ?? 0 };
}

export async function findUser(q: Queryable, id: string, now: Date): Promise<User | null> {
  const [row] = await baseQuery(q).where(eq(users.id, id));
  return row ? toUser(row, now) : null;
}
