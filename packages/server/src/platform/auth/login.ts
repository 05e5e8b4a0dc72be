import { eq } from 'drizzle-orm';
import { appendAudit, recordAudit } from '../audit/audit-log';
import { organizations, users } from '../db/schema';
import type { Deps } from '../deps';
import { AppError } from '../errors';
import { burnPasswordCheck, verifyPassword } from './passwords';
import { createSession } from './sessions';
import { accountThrottleId, clearFailures, lockedUntil, registerFailure, type ThrottleKey } from './throttle';
import { checkTotp } from './totp';

export interface LoginOptions {
  readonly username: string;
  readonly password: string;
  readonly totp: string | undefined;
  readonly ip: string | null;
}

export interface LoginResult {
  readonly userId: string;
  readonly token: string;
  readonly csrfToken: string;
}

/**
 * Signs a user in: throttle check, password (argon2id), second factor, then a new server-side session.
 * Every outcome is audited; failures count toward a temporary lockout per account and per IP.
 */
export async function login(deps: Deps, options: LoginOptions): Promise<LoginResult> {
  const { db, config, vault } = deps;
  const now = deps.now();
  const username = options.username.trim().toLowerCase();

  const [found] = await db
    .select({ user: users, organizationActive: organizations.active })
    .from(users)
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .where(eq(users.username, username));
  const user = found?.user;
  const accountKey: ThrottleKey = {
    kind: 'account',
    id: accountThrottleId(user, vault.blindIndex('login-account', username)),
  };
  const keys: ThrottleKey[] = [accountKey];
  if (options.ip) keys.push({ kind: 'ip', ip: options.ip });
  // The attempted name is recorded only when it is a real account: a password typed into the
  // username field must not end up in the ledger.
  const attemptedActor = user
    ? { userId: user.id, username: user.username, organizationId: user.organizationId }
    : null;

  const locked = await lockedUntil(db, keys, now);
  if (locked) {
    await recordAudit(db, { action: 'login_failed', actor: attemptedActor, detail: { reason: 'locked' } });
    throw lockedError(locked);
  }

  const fail = async (
    reason: string,
    code: 'auth.invalid_credentials' | 'auth.totp_invalid',
  ): Promise<never> => {
    const outcome = await db.transaction(async (tx) => {
      const counted = await registerFailure(tx, keys, now, config.lockout);
      await appendAudit(tx, {
        action: 'login_failed',
        actor: attemptedActor,
        detail: { reason, failures: counted.failures },
      });
      for (const key of counted.newlyLocked) {
        await appendAudit(tx, { action: 'account_locked', actor: attemptedActor, detail: { key: key.kind } });
      }
      return counted;
    });
    // Back-off: each further failure on an account waits longer before the answer (capped).
    const delay = Math.min(config.lockout.backoffBaseMs * 2 ** Math.max(0, outcome.failures - 1), 4_000);
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    if (outcome.newlyLocked.length > 0) {
      throw lockedError(new Date(now.getTime() + config.lockout.lockSeconds * 1000));
    }
    throw new AppError(code);
  };

  if (!user) {
    await burnPasswordCheck(options.password);
    return fail('unknown_account', 'auth.invalid_credentials');
  }
  if (!(await verifyPassword(user.passwordHash, options.password)))
    return fail('bad_password', 'auth.invalid_credentials');
  if (!user.active || !found.organizationActive) return fail('inactive_account', 'auth.invalid_credentials');

  let totpStep: number | null = null;
  if (user.totpEnabled && user.totpSecret) {
    if (!options.totp) throw new AppError('auth.totp_required');
    const secret = await vault.decrypt(db, { type: 'user', id: user.id }, 'totp_secret', user.totpSecret);
    totpStep = secret ? await checkTotp(secret, options.totp, user.totpLastStep) : null;
    if (totpStep === null) return fail('bad_totp', 'auth.totp_invalid');
  }

  return db.transaction(async (tx) => {
    await clearFailures(tx, accountKey);
    await tx
      .update(users)
      .set({ lastLoginAt: now, ...(totpStep !== null ? { totpLastStep: totpStep } : {}) })
      .where(eq(users.id, user.id));
    const session = await createSession(tx, { userId: user.id, ip: options.ip, now, config });
    await appendAudit(tx, {
      action: 'login',
      actor: attemptedActor,
      entityType: 'user',
      entityId: user.id,
      detail: { secondFactor: totpStep !== null },
    });
    return { userId: user.id, token: session.token, csrfToken: session.csrfToken };
  });
}

function lockedError(until: Date): AppError {
  const time = (locale: string) =>
    new Intl.DateTimeFormat(locale, { timeZone: 'Asia/Seoul', hour: '2-digit', minute: '2-digit' }).format(
      until,
    );
  return new AppError('auth.locked', {
    detail: {
      ko: `${time('ko-KR')} 이후에 다시 시도해 주십시오.`,
      en: `Try again after ${time('en-GB')} (KST).`,
    },
  });
}
