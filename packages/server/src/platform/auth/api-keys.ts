import { type Permission, permissionsOf, type Role } from '@ieum/domain';
import { and, desc, eq, isNull, lt, or } from 'drizzle-orm';
import { appendAudit } from '../audit/audit-log';
import type { Db } from '../db/client';
import { newId } from '../db/ids';
import { apiKeys, organizations, users } from '../db/schema';
import type { Deps } from '../deps';
import type { SessionActor } from './sessions';
import { hashToken, newToken } from './tokens';

/**
 * API keys of agency systems: the accounts (role `agency_system`, at a public agency) whose systems send risk
 * signals with `Authorization: Bearer <key>`. A key is 32 random bytes, shown once when issued; only its
 * SHA-256 is kept, so a copy of the database opens nothing. The access hook lets a key reach the routes that
 * require `signals.submit` and nothing else (access-hooks.ts).
 */
export const API_KEY_ROLE: Role = 'agency_system';

// A recognizable prefix lets secret scanners (and people) tell an ieum key from other strings.
const KEY_PREFIX = 'ieum_';
const KEY_PATTERN = /^ieum_[A-Za-z0-9_-]{43}$/;

// Writing last_used_at on every request would make every submission two writes; a minute is precise enough.
const TOUCH_INTERVAL_MS = 60_000;

export class ApiKeyError extends Error {
  override readonly name = 'ApiKeyError';
  constructor(readonly reason: 'no_account' | 'not_agency_system' | 'label' | 'no_key' | 'revoked') {
    super(reason);
  }
}

export interface IssuedApiKey {
  readonly id: string;
  /** The key itself: shown to the operator once, never stored. */
  readonly key: string;
  readonly userId: string;
  readonly username: string;
}

/** Issues a key for an active agency-system account; the entry in the access log names the account. */
export async function issueApiKey(
  deps: Deps,
  options: {
    username: string;
    label: string;
    issuedBy?: { userId: string; username: string; organizationId: string } | null;
  },
): Promise<IssuedApiKey> {
  const label = options.label.trim();
  if (label.length < 1 || label.length > 100) throw new ApiKeyError('label');
  const [account] = await deps.db
    .select({
      id: users.id,
      username: users.username,
      roles: users.roles,
      active: users.active,
      organizationActive: organizations.active,
    })
    .from(users)
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .where(eq(users.username, options.username.trim().toLowerCase()));
  if (!account?.active || !account.organizationActive) throw new ApiKeyError('no_account');
  if (!(account.roles as Role[]).includes(API_KEY_ROLE)) throw new ApiKeyError('not_agency_system');

  const id = newId();
  const key = `${KEY_PREFIX}${newToken()}`;
  await deps.db.transaction(async (tx) => {
    await tx.insert(apiKeys).values({
      id,
      userId: account.id,
      keyHash: hashToken(key),
      label,
      createdBy: options.issuedBy?.userId ?? null,
      createdAt: deps.now(),
    });
    await appendAudit(tx, {
      action: 'create',
      entityType: 'api_key',
      entityId: id,
      subjectId: account.id,
      actor: options.issuedBy ?? null,
      detail: { label },
    });
  });
  return { id, key, userId: account.id, username: account.username };
}

/** Revokes a key at once: the next request with it is refused. Revoking twice is refused. */
export async function revokeApiKey(
  deps: Deps,
  options: { id: string; revokedBy?: { userId: string; username: string; organizationId: string } | null },
): Promise<{ id: string; label: string; username: string }> {
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ key: apiKeys, username: users.username })
      .from(apiKeys)
      .innerJoin(users, eq(users.id, apiKeys.userId))
      .where(eq(apiKeys.id, options.id));
    if (!row) throw new ApiKeyError('no_key');
    const revoked = await tx
      .update(apiKeys)
      .set({ revokedAt: deps.now() })
      .where(and(eq(apiKeys.id, options.id), isNull(apiKeys.revokedAt)))
      .returning({ id: apiKeys.id });
    if (revoked.length === 0) throw new ApiKeyError('revoked');
    await appendAudit(tx, {
      action: 'delete',
      entityType: 'api_key',
      entityId: row.key.id,
      subjectId: row.key.userId,
      actor: options.revokedBy ?? null,
      detail: { label: row.key.label },
    });
    return { id: row.key.id, label: row.key.label, username: row.username };
  });
}

/** The keys of one account (or all), newest first, without anything that could be used as a key. */
export async function listApiKeys(db: Db, options: { username?: string } = {}) {
  return db
    .select({
      id: apiKeys.id,
      username: users.username,
      label: apiKeys.label,
      createdAt: apiKeys.createdAt,
      lastUsedAt: apiKeys.lastUsedAt,
      revokedAt: apiKeys.revokedAt,
    })
    .from(apiKeys)
    .innerJoin(users, eq(users.id, apiKeys.userId))
    .where(options.username ? eq(users.username, options.username.trim().toLowerCase()) : undefined)
    .orderBy(desc(apiKeys.createdAt));
}

export type ApiKeyLookup =
  | { readonly state: 'valid'; readonly keyId: string; readonly actor: SessionActor }
  | {
      readonly state: 'refused';
      /** unknown: no such key (or not one of ours); revoked; inactive: the account, its role or organization. */
      readonly reason: 'unknown' | 'revoked' | 'inactive';
      readonly keyId: string | null;
      readonly account: {
        readonly userId: string;
        readonly username: string;
        readonly organizationId: string;
      } | null;
    };

/**
 * Resolves a bearer key to an actor like a session's, holding only the agency-system role whatever else the
 * account holds. The CSRF token is random and never sent anywhere: bearer requests are not checked for one
 * (a browser never adds this header by itself), and an empty token must never compare equal to anything.
 */
export async function lookupApiKey(db: Db, key: string, now: Date): Promise<ApiKeyLookup> {
  if (!KEY_PATTERN.test(key)) return { state: 'refused', reason: 'unknown', keyId: null, account: null };
  const [row] = await db
    .select({
      id: apiKeys.id,
      lastUsedAt: apiKeys.lastUsedAt,
      revokedAt: apiKeys.revokedAt,
      userId: users.id,
      username: users.username,
      roles: users.roles,
      active: users.active,
      organizationId: organizations.id,
      organizationActive: organizations.active,
    })
    .from(apiKeys)
    .innerJoin(users, eq(users.id, apiKeys.userId))
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .where(eq(apiKeys.keyHash, hashToken(key)));
  if (!row) return { state: 'refused', reason: 'unknown', keyId: null, account: null };
  const account = { userId: row.userId, username: row.username, organizationId: row.organizationId };
  if (row.revokedAt) return { state: 'refused', reason: 'revoked', keyId: row.id, account };
  if (!row.active || !row.organizationActive || !(row.roles as Role[]).includes(API_KEY_ROLE))
    return { state: 'refused', reason: 'inactive', keyId: row.id, account };
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > TOUCH_INTERVAL_MS) {
    const staleBefore = new Date(now.getTime() - TOUCH_INTERVAL_MS);
    await db
      .update(apiKeys)
      .set({ lastUsedAt: now })
      .where(
        and(eq(apiKeys.id, row.id), or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, staleBefore))),
      );
  }
  const roles: Role[] = [API_KEY_ROLE];
  return {
    state: 'valid',
    keyId: row.id,
    actor: {
      ...account,
      roles,
      permissions: new Set<Permission>(permissionsOf(roles)),
      sessionId: `api-key:${row.id}`,
      csrfToken: newToken(),
      totpEnrollmentRequired: false,
    },
  };
}

/** The key of an `Authorization: Bearer <key>` header, or null when the header is absent or of another scheme. */
export function bearerKey(header: string | undefined): string | null {
  if (!header) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? (match[1] as string) : null;
}
