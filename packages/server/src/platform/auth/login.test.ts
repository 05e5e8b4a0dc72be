import { and, asc, desc, eq, gt, inArray } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, TEST_PASSWORD, type TestPlatform } from '../../testing';
import { createApp } from '../bootstrap';
import { auditLog, loginThrottle, users } from '../db/schema';

describe('sign-in', () => {
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await createTestPlatform();
  });
  afterAll(() => platform.close());

  /** Each test signs in from its own address, so the per-IP counter of one test does not reach another. */
  function login(
    payload: { username: string; password: string; totp?: string },
    options: { ip?: string; language?: string } = {},
  ): Promise<LightMyRequestResponse> {
    return platform.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload,
      remoteAddress: options.ip ?? '127.0.0.1',
      headers: options.language ? { 'accept-language': options.language } : {},
    });
  }

  async function lastSeq(): Promise<number> {
    const [last] = await platform.deps.db
      .select({ seq: auditLog.seq })
      .from(auditLog)
      .orderBy(desc(auditLog.seq))
      .limit(1);
    return last?.seq ?? 0;
  }

  /** The lock of an account, whose throttle row is keyed by the user's id, never by the typed name. */
  async function lockedUntilOf(username: string): Promise<Date> {
    const [user] = await platform.deps.db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.username, username));
    const key = `account:${user?.id}`;
    const [row] = await platform.deps.db.select().from(loginThrottle).where(eq(loginThrottle.key, key));
    if (!row?.lockedUntil) throw new Error(`${key} is not locked`);
    return row.lockedUntil;
  }

  /** The hour (24- and 12-hour, two digits) and minute of an instant in Seoul. */
  function seoulClock(at: Date): { hour24: string; hour12: string; minute: string } {
    const part = (cycle: 'h23' | 'h12', type: 'hour' | 'minute') =>
      new Intl.DateTimeFormat('en-GB', {
        timeZone: 'Asia/Seoul',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: cycle,
      })
        .formatToParts(at)
        .find((p) => p.type === type)
        ?.value.padStart(2, '0');
    return {
      hour24: part('h23', 'hour') ?? '',
      hour12: part('h12', 'hour') ?? '',
      minute: part('h23', 'minute') ?? '',
    };
  }

  async function entriesSince(seq: number) {
    return platform.deps.db.select().from(auditLog).where(gt(auditLog.seq, seq)).orderBy(asc(auditLog.seq));
  }

  it('answers a correct password with a session cookie and a CSRF token', async () => {
    const response = await login({ username: 'demo-admin', password: TEST_PASSWORD });
    expect(response.statusCode).toBe(200);
    const cookie = String(response.headers['set-cookie']);
    expect(cookie).toMatch(/^ieum_session=[\w-]{43}; Path=\/; HttpOnly; SameSite=Strict$/);
    expect(response.json().me.username).toBe('demo-admin');
    expect(response.json().csrfToken).toHaveLength(43);
  });

  it('accepts the username in any case and with surrounding spaces', async () => {
    const response = await login({ username: '  Demo-Admin ', password: TEST_PASSWORD });
    expect(response.statusCode).toBe(200);
    expect(response.json().me.username).toBe('demo-admin');
  });

  it('records a successful sign-in with the account as actor and the client IP', async () => {
    const since = await lastSeq();
    await login({ username: 'demo-plan-manager', password: TEST_PASSWORD }, { ip: '10.1.0.1' });
    const entries = await entriesSince(since);
    expect(entries.map((e) => e.action)).toEqual(['login']);
    expect(entries[0]).toMatchObject({
      actorUsername: 'demo-plan-manager',
      ip: '10.1.0.1',
      detail: { secondFactor: false },
    });
  });

  it('answers a wrong password with 401 auth.invalid_credentials as Korean problem+json, without a stack or cookie', async () => {
    const response = await login({ username: 'demo-admin', password: 'wrong-password' }, { ip: '10.1.0.2' });
    expect(response.statusCode).toBe(401);
    expect(response.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(response.headers['set-cookie']).toBeUndefined();
    expect(response.json()).toEqual({
      type: 'https://ieum.example/problems/auth/invalid_credentials',
      title: '아이디 또는 비밀번호가 올바르지 않습니다.',
      status: 401,
      code: 'auth.invalid_credentials',
      instance: response.headers['x-request-id'],
    });
    expect(response.body).not.toMatch(/stack|\.ts:\d+|at \w+ \(/);
  });

  it('answers in English when the client asks for it', async () => {
    const response = await login(
      { username: 'demo-admin', password: 'wrong-password' },
      { ip: '10.1.0.3', language: 'en-US,en;q=0.9' },
    );
    expect(response.statusCode).toBe(401);
    expect(response.json().title).toBe('The username or password is incorrect.');
    expect(response.json().code).toBe('auth.invalid_credentials');
  });

  it('answers an unknown account exactly as a wrong password, so accounts cannot be discovered', async () => {
    const unknown = await login({ username: 'no-such-user', password: 'wrong-password' }, { ip: '10.1.0.4' });
    const wrong = await login({ username: 'demo-admin', password: 'wrong-password' }, { ip: '10.1.0.4' });
    const { instance: _a, ...unknownBody } = unknown.json();
    const { instance: _b, ...wrongBody } = wrong.json();
    expect(unknown.statusCode).toBe(wrong.statusCode);
    expect(unknownBody).toEqual(wrongBody);
  });

  it('records a failed sign-in of a real account with the reason, and of an unknown name without the name', async () => {
    const since = await lastSeq();
    await login({ username: 'demo-plan-manager', password: 'wrong-password' }, { ip: '10.1.0.5' });
    await login({ username: 'some-typed-secret', password: 'wrong-password' }, { ip: '10.1.0.5' });
    const entries = await entriesSince(since);
    expect(entries.map((e) => [e.action, e.actorUsername, e.detail])).toEqual([
      ['login_failed', 'demo-plan-manager', { reason: 'bad_password', failures: 1 }],
      ['login_failed', null, { reason: 'unknown_account', failures: 1 }],
    ]);
    expect(JSON.stringify(entries)).not.toContain('some-typed-secret');
  });

  it('answers a malformed body with 400 request.invalid and field errors', async () => {
    const response = await platform.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: '' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('request.invalid');
    expect(response.json().errors).toEqual([
      { path: 'username', message: '1자 이상 입력해 주십시오.' },
      { path: 'password', message: '필수 항목입니다.' },
    ]);
  });

  describe('account lockout', () => {
    it('locks an account at the fifth failure, then refuses even the right password with 429 auth.locked', async () => {
      const ip = '10.2.0.1';
      const since = await lastSeq();
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++)
        statuses.push((await login({ username: 'demo-partner', password: `wrong-${i}` }, { ip })).statusCode);
      expect(statuses).toEqual([401, 401, 401, 401, 429]);

      const right = await login({ username: 'demo-partner', password: TEST_PASSWORD }, { ip: '10.2.0.2' });
      expect(right.statusCode).toBe(429);
      expect(right.headers['set-cookie']).toBeUndefined();
      expect(right.json()).toMatchObject({
        code: 'auth.locked',
        title: '로그인 시도가 너무 많아 잠시 잠겼습니다.',
      });
      // The detail names the end of the lock in Seoul time.
      const lockEnd = await lockedUntilOf('demo-partner');
      const { hour24, hour12, minute } = seoulClock(lockEnd);
      expect(right.json().detail).toMatch(
        new RegExp(`(${hour24}|${hour12}):${minute} 이후에 다시 시도해 주십시오\\.$`),
      );

      const entries = await entriesSince(since);
      expect(entries.map((e) => [e.action, e.actorUsername, e.detail])).toEqual([
        ['login_failed', 'demo-partner', { reason: 'bad_password', failures: 1 }],
        ['login_failed', 'demo-partner', { reason: 'bad_password', failures: 2 }],
        ['login_failed', 'demo-partner', { reason: 'bad_password', failures: 3 }],
        ['login_failed', 'demo-partner', { reason: 'bad_password', failures: 4 }],
        ['login_failed', 'demo-partner', { reason: 'bad_password', failures: 5 }],
        ['account_locked', 'demo-partner', { key: 'account' }],
        ['login_failed', 'demo-partner', { reason: 'locked' }],
      ]);
    });

    it('shows the lock to administrators on the user', async () => {
      const admin = await platform.signIn('demo-admin');
      const list = await admin.request('GET', '/api/admin/users?q=demo-partner');
      const [user] = list.json().items;
      expect(user.username).toBe('demo-partner');
      expect(Date.parse(user.lockedUntil)).toBeGreaterThan(Date.now() + 14 * 60_000);
    });

    it('explains the lock in English too', async () => {
      const response = await login(
        { username: 'demo-partner', password: TEST_PASSWORD },
        { ip: '10.2.0.3', language: 'en' },
      );
      expect(response.json().title).toBe('Too many sign-in attempts; sign-in is locked for a while.');
      const { hour24, minute } = seoulClock(await lockedUntilOf('demo-partner'));
      expect(response.json().detail).toBe(`Try again after ${hour24}:${minute} (KST).`);
    });

    it('starts counting again after a successful sign-in', async () => {
      const ip = '10.2.0.4';
      for (let i = 0; i < 4; i++)
        await login({ username: 'demo-foundation-staff', password: 'wrong' }, { ip });
      expect(
        (await login({ username: 'demo-foundation-staff', password: TEST_PASSWORD }, { ip })).statusCode,
      ).toBe(200);
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++)
        statuses.push(
          (await login({ username: 'demo-foundation-staff', password: 'wrong' }, { ip })).statusCode,
        );
      expect(statuses).toEqual([401, 401, 401, 401]);
      expect(
        (await login({ username: 'demo-foundation-staff', password: TEST_PASSWORD }, { ip })).statusCode,
      ).toBe(200);
    });

    it('locks a client IP after 20 failures across different usernames, for every account, but not other IPs', async () => {
      const ip = '10.3.0.1';
      const since = await lastSeq();
      const statuses: number[] = [];
      for (let i = 0; i < 20; i++)
        statuses.push((await login({ username: `guess-${i}`, password: 'wrong' }, { ip })).statusCode);
      expect(statuses).toEqual([...Array(19).fill(401), 429]);
      expect(
        (await login({ username: 'demo-task-reporter', password: TEST_PASSWORD }, { ip })).statusCode,
      ).toBe(429);
      expect(
        (await login({ username: 'demo-task-reporter', password: TEST_PASSWORD }, { ip: '10.3.0.2' }))
          .statusCode,
      ).toBe(200);
      const locks = await platform.deps.db
        .select()
        .from(auditLog)
        .where(and(gt(auditLog.seq, since), inArray(auditLog.action, ['account_locked'])));
      expect(locks.map((e) => e.detail)).toEqual([{ key: 'ip' }]);
    });
  });

  it('counts failures by the connecting address, not by an X-Forwarded-For the client sends (no trusted proxy)', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) {
      const response = await platform.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: `spoof-${i}`, password: 'wrong' },
        remoteAddress: '10.5.0.1',
        headers: { 'x-forwarded-for': `203.0.113.${i}` },
      });
      statuses.push(response.statusCode);
    }
    expect(statuses.at(-1)).toBe(429);
    const [entry] = await platform.deps.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'account_locked'))
      .orderBy(desc(auditLog.seq))
      .limit(1);
    expect(entry?.ip).toBe('10.5.0.1');
  });

  it('marks the session cookie Secure when IEUM_SECURE_COOKIES is set', async () => {
    const app = await createApp({ ...platform.deps, config: { ...platform.config, secureCookies: true } });
    try {
      const response = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'demo-admin', password: TEST_PASSWORD },
      });
      expect(String(response.headers['set-cookie'])).toMatch(
        /^ieum_session=[\w-]{43}; Path=\/; HttpOnly; Secure; SameSite=Strict$/,
      );
    } finally {
      await app.close();
    }
  });

  describe('an inactive account', () => {
    it('is refused with the same answer as a wrong password, even with the right one', async () => {
      const admin = await platform.signIn('demo-admin');
      const [user] = (await admin.request('GET', '/api/admin/users?q=demo-employment-officer')).json().items;
      const deactivated = await admin.request('PATCH', `/api/admin/users/${user.id}`, {
        active: false,
        version: user.version,
      });
      expect(deactivated.statusCode).toBe(200);
      const since = await lastSeq();
      const response = await login(
        { username: 'demo-employment-officer', password: TEST_PASSWORD },
        { ip: '10.4.0.1' },
      );
      expect(response.statusCode).toBe(401);
      expect(response.json().code).toBe('auth.invalid_credentials');
      const [entry] = await platform.deps.db
        .select()
        .from(auditLog)
        .where(and(gt(auditLog.seq, since), eq(auditLog.action, 'login_failed')));
      expect(entry?.detail).toEqual({ reason: 'inactive_account', failures: 1 });
    });
  });
});
