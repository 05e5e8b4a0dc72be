import { type Permission, permissionsOf, ROLES_SEEING_PERSONAL_DATA, type Role } from '@ieum/domain';
import { eq, lt, or } from 'drizzle-orm';
import type { Config } from '../config';
import type { Actor } from '../context';
import type { Db, Queryable } from '../db/client';
import { organizations, sessions, users } from '../db/schema';
import { hashToken, newToken } from './tokens';

export const SESSION_COOKIE = 'ieum_session';

export interface SessionActor extends Actor {
  readonly csrfToken: string;
  readonly totpEnrollmentRequired: boolean;
}

export type SessionLookup =
  | { readonly state: 'valid'; readonly actor: SessionActor }
  | { readonly state: 'expired' }
  | { readonly state: 'none' };

// Writing last_seen_at on every request would make every read a write; a minute of slack is enough.
const TOUCH_INTERVAL_MS = 60_000;

export async function createSession(
  q: Queryable,
  options: { userId: string; ip: string | null; now: Date; config: Config },
): Promise<{ token: string; csrfToken: string; tokenHash: string }> {
  const token = newToken();
  const csrfToken = newToken();
  const tokenHash = hashToken(token);
  await q.insert(sessions).values({
    tokenHash,
    userId: options.userId,
    csrfToken,
    createdAt: options.now,
    lastSeenAt: options.now,
    expiresAt: new Date(options.now.getTime() + options.config.session.absoluteTimeoutSeconds * 1000),
    ip: options.ip,
  });
  return { token, csrfToken, tokenHash };
}

export function twoFactorRequired(config: Config, roles: readonly Role[]): boolean {
  return config.requireTwoFactor && roles.some((role) => ROLES_SEEING_PERSONAL_DATA.has(role));
}

/** Resolves a session cookie to its actor, ending it when idle or past its absolute lifetime. */
export async function lookupSession(
  db: Db,
  token: string,
  now: Date,
  config: Config,
): Promise<SessionLookup> {
  const tokenHash = hashToken(token);
  const [row] = await db
    .select({
      session: sessions,
      user: {
        id: users.id,
        username: users.username,
        roles: users.roles,
        active: users.active,
        totpEnabled: users.totpEnabled,
      },
      organizationActive: organizations.active,
      organizationId: organizations.id,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .where(eq(sessions.tokenHash, tokenHash));
  if (!row) return { state: 'none' };
  const idleDeadline = row.session.lastSeenAt.getTime() + config.session.idleTimeoutSeconds * 1000;
  if (
    idleDeadline <= now.getTime() ||
    row.session.expiresAt <= now ||
    !row.user.active ||
    !row.organizationActive
  ) {
    await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
    return { state: 'expired' };
  }
  if (now.getTime() - row.session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.tokenHash, tokenHash));
  }
  const roles = row.user.roles as Role[];
  return {
    state: 'valid',
    actor: {
      userId: row.user.id,
      username: row.user.username,
      organizationId: row.organizationId,
      roles,
      permissions: new Set<Permission>(permissionsOf(roles)),
      sessionId: tokenHash,
      csrfToken: row.session.csrfToken,
      totpEnrollmentRequired: !row.user.totpEnabled && twoFactorRequired(config, roles),
    },
  };
}

export async function endSession(q: Queryable, sessionId: string): Promise<void> {
  await q.delete(sessions).where(eq(sessions.tokenHash, sessionId));
}

export async function endAllSessions(q: Queryable, userId: string): Promise<void> {
  await q.delete(sessions).where(eq(sessions.userId, userId));
}

/** Removes sessions that can no longer be used; run at start and periodically. */
export async function purgeExpiredSessions(db: Db, now: Date, config: Config): Promise<void> {
  const idleCutoff = new Date(now.getTime() - config.session.idleTimeoutSeconds * 1000);
  await db.delete(sessions).where(or(lt(sessions.expiresAt, now), lt(sessions.lastSeenAt, idleCutoff)));
}
