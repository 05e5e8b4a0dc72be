import { and, desc, eq } from 'drizzle-orm';
import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, TEST_PASSWORD, type TestPlatform } from '../../testing';
import { auditLog } from '../db/schema';

describe('the signed-in user’s own account', () => {
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await createTestPlatform();
  });
  afterAll(() => platform.close());

  const login = (username: string, password: string, totp?: string) =>
    platform.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password, ...(totp ? { totp } : {}) },
    });
  const me = (cookie: string) => platform.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } });

  async function lastEntry(
    action: 'password_changed' | 'totp_enabled' | 'totp_disabled' | 'login',
    username: string,
  ) {
    const [entry] = await platform.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, action), eq(auditLog.actorUsername, username)))
      .orderBy(desc(auditLog.seq))
      .limit(1);
    return entry;
  }

  describe('password change', () => {
    const newPassword = 'a-brand-new-passphrase';

    it('requires the current password: a wrong one is 422 auth.password_incorrect and changes nothing', async () => {
      const session = await platform.signIn('demo-task-reporter');
      const response = await session.request('POST', '/api/me/password', {
        currentPassword: 'not-my-password',
        newPassword,
      });
      expect(response.statusCode).toBe(422);
      expect(response.json()).toMatchObject({
        code: 'auth.password_incorrect',
        title: '현재 비밀번호가 올바르지 않습니다.',
      });
      expect((await login('demo-task-reporter', TEST_PASSWORD)).statusCode).toBe(200);
    });

    it('refuses a new password under 12 characters with a Korean field error', async () => {
      const session = await platform.signIn('demo-task-reporter');
      const response = await session.request('POST', '/api/me/password', {
        currentPassword: TEST_PASSWORD,
        newPassword: 'short',
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().errors).toEqual([
        { path: 'newPassword', message: '비밀번호는 12자 이상이어야 합니다.' },
      ]);
    });

    it('changes the password, keeps this session, ends the user’s other sessions, and is audited', async () => {
      const session = await platform.signIn('demo-task-reporter');
      const other = await platform.signIn('demo-task-reporter');
      const someoneElse = await platform.signIn('demo-plan-manager');
      const response = await session.request('POST', '/api/me/password', {
        currentPassword: TEST_PASSWORD,
        newPassword,
      });
      expect(response.statusCode).toBe(204);
      expect((await me(session.cookie)).statusCode).toBe(200);
      expect((await me(other.cookie)).statusCode).toBe(401);
      expect((await me(someoneElse.cookie)).statusCode).toBe(200);
      expect((await login('demo-task-reporter', TEST_PASSWORD)).statusCode).toBe(401);
      expect((await login('demo-task-reporter', newPassword)).statusCode).toBe(200);
      expect(await lastEntry('password_changed', 'demo-task-reporter')).toMatchObject({ entityType: 'user' });
    });
  });

  it('changes the interface language', async () => {
    const session = await platform.signIn('demo-plan-manager');
    expect((await session.request('PATCH', '/api/me/locale', { locale: 'en' })).statusCode).toBe(204);
    expect((await me(session.cookie)).json().locale).toBe('en');
    const invalid = await session.request('PATCH', '/api/me/locale', { locale: 'ja' });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().errors).toEqual([{ path: 'locale', message: '허용되지 않는 값입니다.' }]);
  });

  describe('two-factor authentication (TOTP)', () => {
    const username = 'demo-residence-officer';
    let secret: string;
    /** A session signed in with the second factor, for the steps after sign-in. */
    let verified: { cookie: string; csrfToken: string };
    /** The code of the time step `steps` away from now (the server accepts one step of drift). */
    const codeAt = (steps: number) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + steps * 30 });

    it('refuses to enable before setup with 409 auth.totp_not_started', async () => {
      const session = await platform.signIn(username);
      const response = await session.request('POST', '/api/me/totp/enable', { code: '123456' });
      expect(response.statusCode).toBe(409);
      expect(response.json().code).toBe('auth.totp_not_started');
    });

    it('sets up with a secret and an otpauth URI for the authenticator app', async () => {
      const session = await platform.signIn(username);
      const response = await session.request('POST', '/api/me/totp/setup');
      expect(response.statusCode).toBe(200);
      secret = response.json().secret;
      expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
      const uri = new URL(response.json().otpauthUri);
      expect(uri.protocol).toBe('otpauth:');
      expect(uri.host).toBe('totp');
      expect(uri.searchParams.get('secret')).toBe(secret);
      expect(uri.searchParams.get('issuer')).toBe('ieum');
      expect(decodeURIComponent(uri.pathname)).toContain(username);
      // Not required until confirmed with a code.
      expect((await login(username, TEST_PASSWORD)).statusCode).toBe(200);
    });

    it('does not enable with a wrong code', async () => {
      const session = await platform.signIn(username);
      const wrong = String((Number(await codeAt(0)) + 1) % 1_000_000).padStart(6, '0');
      const response = await session.request('POST', '/api/me/totp/enable', { code: wrong });
      expect(response.statusCode).toBe(401);
      expect(response.json().code).toBe('auth.totp_invalid');
      expect((await me(session.cookie)).json().totpEnabled).toBe(false);
    });

    it('enables with a code from the authenticator, audited', async () => {
      const session = await platform.signIn(username);
      // The previous step's code is accepted only while the clock stays in this step: not at its very end.
      const intoStep = (Date.now() / 1000) % 30;
      if (intoStep > 25) await new Promise((resolve) => setTimeout(resolve, (30.5 - intoStep) * 1000));
      const response = await session.request('POST', '/api/me/totp/enable', { code: await codeAt(-1) });
      expect(response.statusCode).toBe(204);
      expect((await me(session.cookie)).json().totpEnabled).toBe(true);
      expect(await lastEntry('totp_enabled', username)).toBeDefined();
    });

    it('then requires the code at sign-in: without it 401 auth.totp_required and no session', async () => {
      const response = await login(username, TEST_PASSWORD);
      expect(response.statusCode).toBe(401);
      expect(response.json()).toMatchObject({
        code: 'auth.totp_required',
        title: '인증 앱의 6자리 코드를 입력해 주십시오.',
      });
      expect(response.headers['set-cookie']).toBeUndefined();
    });

    it('signs in with a good code, and refuses the same code a second time (replay)', async () => {
      const code = await codeAt(0);
      const first = await login(username, TEST_PASSWORD, code);
      expect(first.statusCode).toBe(200);
      verified = {
        cookie: String(first.headers['set-cookie']).split(';')[0] as string,
        csrfToken: first.json().csrfToken,
      };
      expect((await lastEntry('login', username))?.detail).toEqual({ secondFactor: true });
      const replay = await login(username, TEST_PASSWORD, code);
      expect(replay.statusCode).toBe(401);
      expect(replay.json().code).toBe('auth.totp_invalid');
      // An older step than the one used is a replay too.
      expect((await login(username, TEST_PASSWORD, await codeAt(-1))).statusCode).toBe(401);
    });

    it('accepts the next time step (clock drift), and refuses a code further ahead', async () => {
      expect((await login(username, TEST_PASSWORD, await codeAt(4))).statusCode).toBe(401);
      expect((await login(username, TEST_PASSWORD, await codeAt(1))).statusCode).toBe(200);
    });

    it('records wrong codes as failed sign-ins (bad_totp) that count toward the lockout', async () => {
      const [entry] = await platform.deps.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'login_failed'), eq(auditLog.actorUsername, username)))
        .orderBy(desc(auditLog.seq))
        .limit(1);
      // The replay, the older step and the step too far ahead: three failures in a row.
      expect(entry?.detail).toEqual({ reason: 'bad_totp', failures: 3 });
    });

    it('does not switch the second factor off when enrolment is started again', async () => {
      // Starting over must not be a way around disabling (which asks for the password).
      const setup = await platform.app.inject({
        method: 'POST',
        url: '/api/me/totp/setup',
        headers: { cookie: verified.cookie, 'x-csrf-token': verified.csrfToken },
      });
      expect([200, 409]).toContain(setup.statusCode);
      const withoutCode = await login(username, TEST_PASSWORD);
      expect(withoutCode.json().code).toBe('auth.totp_required');
    });
  });

  describe('disabling two-factor authentication', () => {
    const username = 'demo-case-worker-2';

    it('requires the password, and afterwards sign-in needs no code', async () => {
      const session = await platform.signIn(username);
      const { secret } = (await session.request('POST', '/api/me/totp/setup')).json();
      expect(
        (await session.request('POST', '/api/me/totp/enable', { code: await generate({ secret }) }))
          .statusCode,
      ).toBe(204);

      const wrong = await session.request('POST', '/api/me/totp/disable', { password: 'not-my-password' });
      expect(wrong.statusCode).toBe(422);
      expect(wrong.json().code).toBe('auth.password_incorrect');
      expect((await login(username, TEST_PASSWORD)).json().code).toBe('auth.totp_required');

      const right = await session.request('POST', '/api/me/totp/disable', { password: TEST_PASSWORD });
      expect(right.statusCode).toBe(204);
      expect((await me(session.cookie)).json().totpEnabled).toBe(false);
      expect((await login(username, TEST_PASSWORD)).statusCode).toBe(200);
      expect(await lastEntry('totp_disabled', username)).toBeDefined();
    });
  });
});
