import type { Locale } from '@ieum/domain';
import { and, eq, ne } from 'drizzle-orm';
import { appendAudit } from '../audit/audit-log';
import type { Actor } from '../context';
import { sessions, users } from '../db/schema';
import type { Deps } from '../deps';
import { AppError, notFound } from '../errors';
import { hashPassword, verifyPassword } from './passwords';
import { checkTotp, newTotpSecret, totpUri } from './totp';

/** The signed-in user's own account: password, language, second factor. */

async function currentUser(deps: Deps, actor: Actor) {
  const [user] = await deps.db.select().from(users).where(eq(users.id, actor.userId));
  if (!user) throw notFound();
  return user;
}

export async function changePassword(
  deps: Deps,
  options: { actor: Actor; currentPassword: string; newPassword: string },
): Promise<void> {
  const user = await currentUser(deps, options.actor);
  if (!(await verifyPassword(user.passwordHash, options.currentPassword)))
    throw new AppError('auth.password_incorrect');
  const passwordHash = await hashPassword(options.newPassword);
  await deps.db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, passwordChangedAt: deps.now(), updatedAt: deps.now(), version: user.version + 1 })
      .where(eq(users.id, user.id));
    // Other sessions end: a changed password must lock out whoever else knew the old one.
    await tx
      .delete(sessions)
      .where(and(eq(sessions.userId, user.id), ne(sessions.tokenHash, options.actor.sessionId)));
    await appendAudit(tx, { action: 'password_changed', entityType: 'user', entityId: user.id });
  });
}

export async function changeLocale(deps: Deps, options: { actor: Actor; locale: Locale }): Promise<void> {
  await deps.db.update(users).set({ locale: options.locale }).where(eq(users.id, options.actor.userId));
}

/** Starts TOTP enrolment: a new secret, stored encrypted, not yet required until confirmed with a code. */
export async function startTotpEnrolment(
  deps: Deps,
  options: { actor: Actor },
): Promise<{ secret: string; otpauthUri: string }> {
  const user = await currentUser(deps, options.actor);
  // Starting over must not be a way around disabling, which asks for the password.
  if (user.totpEnabled) throw new AppError('auth.totp_already_enabled');
  const secret = newTotpSecret();
  await deps.db.transaction(async (tx) => {
    const sealed = await deps.vault.encrypt(tx, { type: 'user', id: user.id }, 'totp_secret', secret);
    await tx
      .update(users)
      .set({ totpSecret: sealed, totpEnabled: false, totpLastStep: null })
      .where(eq(users.id, user.id));
  });
  return { secret, otpauthUri: totpUri(secret, user.username) };
}

export async function confirmTotpEnrolment(
  deps: Deps,
  options: { actor: Actor; code: string },
): Promise<void> {
  const user = await currentUser(deps, options.actor);
  if (!user.totpSecret || user.totpEnabled) throw new AppError('auth.totp_not_started');
  const secret = await deps.vault.decrypt(
    deps.db,
    { type: 'user', id: user.id },
    'totp_secret',
    user.totpSecret,
  );
  const step = secret ? await checkTotp(secret, options.code, null) : null;
  if (step === null) throw new AppError('auth.totp_invalid');
  await deps.db.transaction(async (tx) => {
    await tx.update(users).set({ totpEnabled: true, totpLastStep: step }).where(eq(users.id, user.id));
    await appendAudit(tx, { action: 'totp_enabled', entityType: 'user', entityId: user.id });
  });
}

export async function disableTotp(deps: Deps, options: { actor: Actor; password: string }): Promise<void> {
  const user = await currentUser(deps, options.actor);
  if (!(await verifyPassword(user.passwordHash, options.password)))
    throw new AppError('auth.password_incorrect');
  await deps.db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ totpSecret: null, totpEnabled: false, totpLastStep: null })
      .where(eq(users.id, user.id));
    await appendAudit(tx, { action: 'totp_disabled', entityType: 'user', entityId: user.id });
  });
}
