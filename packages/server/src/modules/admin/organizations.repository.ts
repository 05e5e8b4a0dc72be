import type { Organization, OrganizationType, Region } from '@ieum/domain';
import { and, asc, count, eq, ilike, or, type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client';
import { organizations, users } from '../../platform/db/schema';

export interface OrganizationFilter {
  readonly q?: string | undefined;
  readonly type?: OrganizationType | undefined;
  readonly region?: Region | undefined;
}

// The outer id is named in full: drizzle writes columns unqualified in a one-table select, and a bare "id"
// inside the subquery would mean users.id (every count was 0).
const userCount = sql<number>`(select count(*) from ${users} where ${users.organizationId} = "organizations"."id")::int`;

function where(filter: OrganizationFilter): SQL | undefined {
  const like = filter.q ? `%${filter.q.replace(/[\\%_]/g, '\\$&')}%` : null;
  return and(
    like ? or(ilike(organizations.name, like), ilike(organizations.nameEn, like)) : undefined,
    filter.type ? eq(organizations.type, filter.type) : undefined,
    filter.region ? eq(organizations.region, filter.region) : undefined,
  );
}

type Row = typeof organizations.$inferSelect & { userCount: number };

export function toOrganization(row: Row): Organization {
  return {
    id: row.id,
    name: row.name,
    nameEn: row.nameEn,
    type: row.type as OrganizationType,
    region: row.region as Region | null,
    active: row.active,
    userCount: row.userCount,
    createdAt: row.createdAt.toISOString(),
    version: row.version,
  };
}

export async function listOrganizations(
  q: Queryable,
  filter: OrganizationFilter,
  page: { page: number; pageSize: number },
): Promise<{ items: Organization[]; total: number }> {
  const condition = where(filter);
  const [rows, [totalRow]] = await Promise.all([
    q
      .select({ ...organizationColumns(), userCount })
      .from(organizations)
      .where(condition)
      .orderBy(asc(organizations.type), asc(organizations.name))
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize),
    q.select({ total: count() }).from(organizations).where(condition),
  ]);
  return { items: rows.map(toOrganization), total: totalRow?.total ?? 0 };
}

export async function findOrganization(q: Queryable, id: string): Promise<Organization | null> {
  const [row] = await q
    .select({ ...organizationColumns(), userCount })
    .from(organizations)
    .where(eq(organizations.id, id));
  return row ? toOrganization(row) : null;
}

function organizationColumns() {
  return {
    id: organizations.id,
    name: organizations.name,
    nameEn: organizations.nameEn,
    type: organizations.type,
    region: organizations.region,
    active: organizations.active,
    version: organizations.version,
    createdAt: organizations.createdAt,
    updatedAt: organizations.updatedAt,
  };
}
