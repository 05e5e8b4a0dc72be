import type { Organization, OrganizationType, Region } from '@ieum/domain';
import { and, eq } from 'drizzle-orm';
import { appendAudit } from '../../platform/audit/audit-log';
import { isUniqueViolation } from '../../platform/db/errors';
import { newId } from '../../platform/db/ids';
import { organizations } from '../../platform/db/schema';
import type { Deps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { findOrganization } from './organizations.repository';

export interface OrganizationFields {
  readonly name: string;
  readonly nameEn?: string | null | undefined;
  readonly type: OrganizationType;
  readonly region: Region | null;
}

export async function createOrganization(
  deps: Deps,
  options: { input: OrganizationFields },
): Promise<Organization> {
  const id = newId();
  try {
    await deps.db.transaction(async (tx) => {
      await tx.insert(organizations).values({ id, ...options.input, nameEn: options.input.nameEn ?? null });
      await appendAudit(tx, {
        action: 'create',
        entityType: 'organization',
        entityId: id,
        detail: { type: options.input.type, region: options.input.region },
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('conflict.duplicate', { fieldErrors: [DUPLICATE_NAME] });
    throw error;
  }
  return (await findOrganization(deps.db, id)) as Organization;
}

export async function updateOrganization(
  deps: Deps,
  options: {
    id: string;
    changes: Partial<OrganizationFields> & { active?: boolean | undefined };
    version: number;
  },
): Promise<Organization> {
  const { id, changes, version } = options;
  try {
    await deps.db.transaction(async (tx) => {
      // Optimistic concurrency: the update applies only to the version the editor saw.
      const updated = await tx
        .update(organizations)
        .set({ ...stripUndefined(changes), version: version + 1, updatedAt: deps.now() })
        .where(and(eq(organizations.id, id), eq(organizations.version, version)))
        .returning({ id: organizations.id });
      if (updated.length === 0) {
        const [exists] = await tx
          .select({ id: organizations.id })
          .from(organizations)
          .where(eq(organizations.id, id));
        throw exists ? new AppError('conflict.stale') : notFound();
      }
      await appendAudit(tx, {
        action: 'update',
        entityType: 'organization',
        entityId: id,
        detail: { fields: Object.keys(stripUndefined(changes)).sort() },
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('conflict.duplicate', { fieldErrors: [DUPLICATE_NAME] });
    throw error;
  }
  return (await findOrganization(deps.db, id)) as Organization;
}

const DUPLICATE_NAME = {
  path: 'name',
  message: { ko: '같은 이름의 기관이 이미 있습니다.', en: 'An organization with this name already exists.' },
};

export function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
