import { eq, inArray, sql } from 'drizzle-orm';
import type { Config } from '../config';
import type { Queryable } from '../db/client';
import { loginThrottle } from '../db/schema';

/**
 * Failed sign-ins are counted per account name and per client IP within a window; past the limit the key
 * is locked for a while. An office behind one NAT address shares the IP key, so its limit is higher.
 */
export type ThrottleKey =
  | { readonly kind: 'account'; readonly id: string }
  | { readonly kind: 'ip'; readonly ip: string };

/**
 * `account` keys never hold a typed name: a known account is keyed by its user id, an unknown name by a keyed
 * hash of it, so a password typed into the username field is not stored.
 */
export function accountThrottleId(user: { id: string } | undefined, hashedName: string): string {
  return user ? user.id : `unknown:${hashedName.slice(0, 32)}`;
}

const IP_LIMIT_FACTOR = 4;

function keyText(key: ThrottleKey): string {
  return key.kind === 'account' ? `account:${key.id}` : `ip:${key.ip}`;
}

export async function lockedUntil(
  q: Queryable,
  keys: readonly ThrottleKey[],
  now: Date,
): Promise<Date | null> {
  const rows = await q
    .select({ lockedUntil: loginThrottle.lockedUntil })
    .from(loginThrottle)
    .where(inArray(loginThrottle.key, keys.map(keyText)));
  const until = rows
    .map((row) => row.lockedUntil)
    .filter((d): d is Date => d !== null && d > now)
    .sort((a, b) => b.getTime() - a.getTime());
  return until[0] ?? null;
}

/** Counts one failure on each key; returns the keys that this failure locked and the highest failure count. */
export async function registerFailure(
  q: Queryable,
  keys: readonly ThrottleKey[],
  now: Date,
  policy: Config['lockout'],
): Promise<{ newlyLocked: ThrottleKey[]; failures: number }> {
  const newlyLocked: ThrottleKey[] = [];
  let failures = 0;
  const windowStart = new Date(now.getTime() - policy.windowSeconds * 1000);
  for (const key of keys) {
    const limit = key.kind === 'ip' ? policy.maxFailures * IP_LIMIT_FACTOR : policy.maxFailures;
    // One statement per key, so concurrent failures cannot lose a count.
    const [row] = await q
      .insert(loginThrottle)
      .values({ key: keyText(key), failures: 1, windowStartedAt: now })
      .onConflictDoUpdate({
        target: loginThrottle.key,
        set: {
          failures: sql`case when ${loginThrottle.windowStartedAt} < ${windowStart.toISOString()}::timestamptz then 1 else ${loginThrottle.failures} + 1 end`,
          windowStartedAt: sql`case when ${loginThrottle.windowStartedAt} < ${windowStart.toISOString()}::timestamptz then ${now.toISOString()}::timestamptz else ${loginThrottle.windowStartedAt} end`,
        },
      })
      .returning();
    if (!row) continue;
    if (key.kind === 'account') failures = Math.max(failures, row.failures);
    if (row.failures >= limit) {
      await q
        .update(loginThrottle)
        .set({
          lockedUntil: new Date(now.getTime() + policy.lockSeconds * 1000),
          failures: 0,
          windowStartedAt: now,
        })
        .where(eq(loginThrottle.key, row.key));
      newlyLocked.push(key);
    }
  }
  return { newlyLocked, failures };
}

export async function clearFailures(q: Queryable, key: ThrottleKey): Promise<void> {
  await q.delete(loginThrottle).where(eq(loginThrottle.key, keyText(key)));
}
