import { permissionsOf } from '@ieum/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, TEST_PASSWORD, type TestPlatform } from '../../testing';
import { sessions } from '../db/schema';
import { hashToken } from './tokens';

const MINUTE = 60_000;

describe('sessions', () => {
  // The platform's clock is this variable: tests move it forward to cross the idle and absolute limits.
  let now = new Date('2026-03-02T09:00:00+09:00');
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await createTestPlatform({ now: () => now });
  });
  afterAll(() => platform.close());

  const advance = (minutes: number) => {
    now = new Date(now.getTime() + minutes * MINUTE);
  };
  const me = (cookie: string) => platform.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } });

  it('GET /api/auth/session returns the signed-in user and the session’s CSRF token', async () => {
    const session = await platform.signIn('demo-admin');
    const response = await session.request('GET', '/api/auth/session');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.csrfToken).toBe(session.csrfToken);
    expect(body.me).toMatchObject({
      username: 'demo-admin',
      displayName: '데모 시스템 관리자',
      locale: 'ko',
      roles: ['admin'],
      permissions: permissionsOf(['admin']),
      organization: { name: '통일부', type: 'ministry' },
      totpEnabled: false,
      totpEnrollmentRequired: false,
      sessionIdleTimeoutSeconds: 1800,
    });
    expect(Object.keys(body.me)).not.toContain('passwordHash');
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('does not ask a case worker to enrol TOTP when IEUM_REQUIRE_2FA is off (the default)', async () => {
    const session = await platform.signIn('demo-case-worker');
    expect((await session.request('GET', '/api/auth/session')).json().me.totpEnrollmentRequired).toBe(false);
  });

  it('answers GET /api/auth/session without a cookie with 401 auth.unauthenticated', async () => {
    const response = await platform.app.inject({ method: 'GET', url: '/api/auth/session' });
    expect(response.statusCode).toBe(401);
    expect(response.json().code).toBe('auth.unauthenticated');
  });

  it('answers an unknown session cookie as no session, 401 auth.session_expired and clears it', async () => {
    const response = await me('ieum_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
    expect(response.statusCode).toBe(401);
    expect(response.json().code).toBe('auth.session_expired');
    expect(String(response.headers['set-cookie'])).toMatch(
      /^ieum_session=; Max-Age=0; Path=\/; Expires=Thu, 01 Jan 1970/,
    );
  });

  it('stores only the hash of the session token', async () => {
    const session = await platform.signIn('demo-privacy-auditor');
    const token = session.cookie.replace('ieum_session=', '');
    const rows = await platform.deps.db.select().from(sessions);
    expect(rows.map((row) => row.tokenHash)).toContain(hashToken(token));
    expect(rows.map((row) => row.tokenHash)).not.toContain(token);
  });

  describe('idle timeout (30 minutes)', () => {
    it('ends a session left idle for 31 minutes with 401 auth.session_expired, then treats the cookie as unknown', async () => {
      const session = await platform.signIn('demo-plan-manager');
      expect((await me(session.cookie)).statusCode).toBe(200);
      advance(31);
      const expired = await me(session.cookie);
      expect(expired.statusCode).toBe(401);
      expect(expired.json()).toMatchObject({
        code: 'auth.session_expired',
        title: '세션이 만료되었습니다. 다시 로그인해 주십시오.',
      });
      // The session row is gone: signing in again is the only way back.
      expect((await me(session.cookie)).statusCode).toBe(401);
      advance(-31);
      expect((await me(session.cookie)).statusCode).toBe(401);
    });

    it('ends it at exactly 30 minutes and keeps it at 29', async () => {
      const kept = await platform.signIn('demo-plan-manager');
      const ended = await platform.signIn('demo-plan-manager');
      advance(29);
      expect((await me(kept.cookie)).statusCode).toBe(200);
      advance(1);
      expect((await me(ended.cookie)).statusCode).toBe(401);
      advance(-30);
    });

    it('counts idleness from the last request, so a working user stays signed in', async () => {
      const session = await platform.signIn('demo-plan-manager');
      for (let i = 0; i < 4; i++) {
        advance(25);
        expect((await me(session.cookie)).statusCode).toBe(200);
      }
      advance(31);
      expect((await me(session.cookie)).statusCode).toBe(401);
    });
  });

  it('ends any session 12 hours after sign-in, however active', async () => {
    const session = await platform.signIn('demo-plan-manager');
    for (let minutes = 20; minutes < 12 * 60; minutes += 20) {
      advance(20);
      expect((await me(session.cookie)).statusCode, `after ${minutes} minutes`).toBe(200);
    }
    advance(20);
    const expired = await me(session.cookie);
    expect(expired.statusCode).toBe(401);
    expect(expired.json().code).toBe('auth.session_expired');
  });

  it('lifts an account lock after 15 minutes', async () => {
    const login = (password: string) =>
      platform.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'demo-safety-officer', password },
        remoteAddress: '10.9.0.1',
      });
    for (let i = 0; i < 5; i++) await login('wrong');
    expect((await login(TEST_PASSWORD)).statusCode).toBe(429);
    advance(14);
    expect((await login(TEST_PASSWORD)).statusCode).toBe(429);
    advance(1);
    expect((await login(TEST_PASSWORD)).statusCode).toBe(200);
  });

  describe('sign-out', () => {
    it('POST /api/auth/logout ends this session only, clears the cookie and is audited', async () => {
      const first = await platform.signIn('demo-center-manager');
      const second = await platform.signIn('demo-center-manager');
      const response = await first.request('POST', '/api/auth/logout');
      expect(response.statusCode).toBe(204);
      expect(String(response.headers['set-cookie'])).toMatch(/^ieum_session=; Max-Age=0;/);
      expect((await me(first.cookie)).statusCode).toBe(401);
      expect((await me(second.cookie)).statusCode).toBe(200);
    });

    it('POST /api/auth/logout-all ends every session of the user and no one else’s', async () => {
      const sessionsOfUser = await Promise.all([1, 2, 3].map(() => platform.signIn('demo-center-manager')));
      const otherUser = await platform.signIn('demo-case-worker');
      const response = await (sessionsOfUser[0] as (typeof sessionsOfUser)[0]).request(
        'POST',
        '/api/auth/logout-all',
      );
      expect(response.statusCode).toBe(204);
      for (const session of sessionsOfUser) expect((await me(session.cookie)).statusCode).toBe(401);
      expect((await me(otherUser.cookie)).statusCode).toBe(200);
    });
  });

  describe('CSRF protection', () => {
    it('refuses a state-changing request without x-csrf-token with 403 request.csrf and does nothing', async () => {
      const session = await platform.signIn('demo-task-reporter');
      const response = await platform.app.inject({
        method: 'POST',
        url: '/api/auth/logout',
        headers: { cookie: session.cookie },
      });
      expect(response.statusCode).toBe(403);
      expect(response.json()).toMatchObject({
        code: 'request.csrf',
        title: '요청을 확인할 수 없습니다. 페이지를 새로 고친 뒤 다시 시도해 주십시오.',
      });
      expect((await me(session.cookie)).statusCode).toBe(200);
    });

    it('refuses a wrong token, another session’s token and a token of another length', async () => {
      const session = await platform.signIn('demo-task-reporter');
      const other = await platform.signIn('demo-task-reporter');
      for (const token of [
        other.csrfToken,
        // The last character changed (to a different one: a token may already end in 'A').
        `${session.csrfToken.slice(0, -1)}${session.csrfToken.endsWith('A') ? 'B' : 'A'}`,
        session.csrfToken.slice(1),
        '',
      ]) {
        const response = await platform.app.inject({
          method: 'PATCH',
          url: '/api/me/locale',
          headers: { cookie: session.cookie, 'x-csrf-token': token },
          payload: { locale: 'en' },
        });
        expect(response.statusCode).toBe(403);
        expect(response.json().code).toBe('request.csrf');
      }
      expect((await me(session.cookie)).json().locale).toBe('ko');
    });

    it('does not ask for the token on GET', async () => {
      const session = await platform.signIn('demo-task-reporter');
      expect((await me(session.cookie)).statusCode).toBe(200);
    });

    it('accepts the right token', async () => {
      const session = await platform.signIn('demo-task-reporter');
      expect((await session.request('PATCH', '/api/me/locale', { locale: 'en' })).statusCode).toBe(204);
      expect((await me(session.cookie)).json().locale).toBe('en');
      expect((await session.request('PATCH', '/api/me/locale', { locale: 'ko' })).statusCode).toBe(204);
    });
  });
});
