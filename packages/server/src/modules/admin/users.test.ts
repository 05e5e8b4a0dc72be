import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, sessions as sessionsTable } from '../../platform/db/schema';
import { createTestPlatform, TEST_PASSWORD, type TestPlatform, type TestSession } from '../../testing';

describe('user administration', () => {
  let platform: TestPlatform;
  let admin: TestSession;
  let ministryId: string;
  let hanaCenterId: string;

  beforeAll(async () => {
    platform = await createTestPlatform();
    admin = await platform.signIn('demo-admin');
    const find = async (q: string) =>
      (await admin.request('GET', `/api/admin/organizations?q=${encodeURIComponent(q)}`)).json().items[0]
        .id as string;
    ministryId = await find('통일부');
    hanaCenterId = await find('서울남부하나센터');
  });
  afterAll(() => platform.close());

  const createUser = (overrides: Record<string, unknown> = {}) =>
    admin.request('POST', '/api/admin/users', {
      username: `user-${randomUUID().slice(0, 8)}`,
      displayName: '새 사용자',
      organizationId: hanaCenterId,
      roles: ['case_worker'],
      password: TEST_PASSWORD,
      ...overrides,
    });
  const login = (username: string, password = TEST_PASSWORD) =>
    platform.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

  describe('creation', () => {
    it('creates a user (201) who can then sign in, audited with the admin as actor and without the password', async () => {
      const response = await createUser({
        username: 'kim.caseworker',
        displayName: '김상담',
        roles: ['case_worker', 'case_worker'],
      });
      expect(response.statusCode).toBe(201);
      const user = response.json();
      expect(user).toEqual({
        id: expect.any(String),
        username: 'kim.caseworker',
        displayName: '김상담',
        organization: expect.objectContaining({
          id: hanaCenterId,
          name: '서울남부하나센터',
          type: 'hana_center',
        }),
        roles: ['case_worker'],
        active: true,
        totpEnabled: false,
        lockedUntil: null,
        lastLoginAt: null,
        createdAt: expect.any(String),
        version: 1,
      });
      expect((await login('kim.caseworker')).statusCode).toBe(200);

      const entries = await platform.deps.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'create'), eq(auditLog.entityId, user.id)));
      expect(entries).toHaveLength(1);
      expect(entries[0]).toMatchObject({
        entityType: 'user',
        actorUsername: 'demo-admin',
        detail: { username: 'kim.caseworker', roles: ['case_worker'], organizationId: hanaCenterId },
      });
      expect(JSON.stringify(entries[0])).not.toContain(TEST_PASSWORD);
    });

    it('refuses roles that do not fit the organization type with 422 and an error on `roles`', async () => {
      const response = await createUser({
        organizationId: ministryId,
        roles: ['admin', 'case_worker', 'safety_officer'],
      });
      expect(response.statusCode).toBe(422);
      expect(response.json()).toMatchObject({
        code: 'rule.violation',
        errors: [
          { path: 'roles', message: '이 기관 유형에 줄 수 없는 역할입니다: case_worker, safety_officer' },
        ],
      });
    });

    it('refuses a username in use with 409 conflict.duplicate on `username`', async () => {
      expect((await createUser({ username: 'lee.taken' })).statusCode).toBe(201);
      const duplicate = await createUser({ username: 'lee.taken', displayName: '다른 사람' });
      expect(duplicate.statusCode).toBe(409);
      expect(duplicate.json()).toMatchObject({
        code: 'conflict.duplicate',
        errors: [{ path: 'username', message: '이미 사용 중인 아이디입니다.' }],
      });
    });

    it('refuses an organization that does not exist with 400 on `organizationId`', async () => {
      const response = await createUser({ organizationId: randomUUID() });
      expect(response.statusCode).toBe(400);
      expect(response.json().errors).toEqual([
        { path: 'organizationId', message: '기관을 찾을 수 없습니다.' },
      ]);
    });

    it('answers invalid input with 400 request.invalid and a Korean message for each field', async () => {
      const response = await admin.request('POST', '/api/admin/users', {
        username: 'Has Spaces',
        displayName: '',
        organizationId: 'not-a-uuid',
        roles: [],
        password: 'short',
      });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ code: 'request.invalid', title: '입력값을 확인해 주십시오.' });
      expect(response.json().errors).toEqual([
        {
          path: 'username',
          message: '아이디는 영문 소문자, 숫자, 마침표(.), 밑줄(_), 하이픈(-)만 쓸 수 있습니다.',
        },
        { path: 'displayName', message: '1자 이상 입력해 주십시오.' },
        { path: 'organizationId', message: '형식이 올바르지 않습니다.' },
        { path: 'roles', message: '1개 이상 선택해 주십시오.' },
        { path: 'password', message: '비밀번호는 12자 이상이어야 합니다.' },
      ]);
    });

    it('gives the same field errors in English when asked', async () => {
      const response = await platform.app.inject({
        method: 'POST',
        url: '/api/admin/users',
        headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken, 'accept-language': 'en' },
        payload: {
          username: 'ok.name',
          displayName: 'x',
          organizationId: hanaCenterId,
          roles: ['pilot'],
          password: 'short',
        },
      });
      expect(response.json().errors).toEqual([
        { path: 'roles.0', message: 'This value is not allowed.' },
        { path: 'password', message: 'The password must be at least 12 characters.' },
      ]);
    });
  });

  describe('listing', () => {
    it('finds users by display name, role and organization', async () => {
      await createUser({ username: 'park.search', displayName: '박검색', roles: ['center_manager'] });
      const byName = await admin.request('GET', `/api/admin/users?q=${encodeURIComponent('박검색')}`);
      expect(byName.json().items.map((u: { username: string }) => u.username)).toEqual(['park.search']);
      const byRole = await admin.request('GET', '/api/admin/users?role=privacy_auditor');
      expect(byRole.json().items.map((u: { username: string }) => u.username)).toEqual([
        'demo-privacy-auditor',
      ]);
      const byOrganization = await admin.request('GET', `/api/admin/users?organizationId=${ministryId}`);
      expect(byOrganization.json().total).toBe(4);
    });
  });

  describe('changes', () => {
    async function newUser(username: string) {
      const response = await createUser({ username });
      expect(response.statusCode).toBe(201);
      return response.json() as { id: string; version: number };
    }

    it('are refused with 409 conflict.stale for a version someone already changed', async () => {
      const user = await newUser('stale.user');
      const url = `/api/admin/users/${user.id}`;
      expect((await admin.request('PATCH', url, { displayName: '첫 수정', version: 1 })).statusCode).toBe(
        200,
      );
      const stale = await admin.request('PATCH', url, { displayName: '늦은 수정', version: 1 });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().code).toBe('conflict.stale');
      expect((await admin.request('GET', url)).json()).toMatchObject({ displayName: '첫 수정', version: 2 });
    });

    it('lose no update when two admins save the same version at once: exactly one 200 and one 409', async () => {
      const user = await newUser('race.user');
      const url = `/api/admin/users/${user.id}`;
      const [a, b] = await Promise.all([
        admin.request('PATCH', url, { displayName: '관리자 A', version: 1 }),
        admin.request('PATCH', url, { displayName: '관리자 B', version: 1 }),
      ]);
      expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
      const winner = a.statusCode === 200 ? '관리자 A' : '관리자 B';
      expect((await admin.request('GET', url)).json()).toMatchObject({ displayName: winner, version: 2 });
    });

    it('answer an unknown user with 404', async () => {
      const response = await admin.request('PATCH', `/api/admin/users/${randomUUID()}`, {
        displayName: '없음',
        version: 1,
      });
      expect(response.statusCode).toBe(404);
      expect(response.json().code).toBe('resource.not_found');
    });

    it('refuse roles that do not fit the organization with 422', async () => {
      const user = await newUser('misfit.user');
      const response = await admin.request('PATCH', `/api/admin/users/${user.id}`, {
        roles: ['admin'],
        version: 1,
      });
      expect(response.statusCode).toBe(422);
      expect(response.json().errors).toEqual([
        { path: 'roles', message: '이 기관 유형에 줄 수 없는 역할입니다: admin' },
      ]);
    });

    it('deactivating a user ends every session of theirs and refuses their sign-in', async () => {
      const user = await newUser('leaving.user');
      const sessions = [await platform.signIn('leaving.user'), await platform.signIn('leaving.user')];
      const response = await admin.request('PATCH', `/api/admin/users/${user.id}`, {
        active: false,
        version: 1,
      });
      expect(response.statusCode).toBe(200);
      expect(response.json().active).toBe(false);
      // Removed, not merely refused: reactivating the account does not bring them back.
      expect(
        await platform.deps.db.select().from(sessionsTable).where(eq(sessionsTable.userId, user.id)),
      ).toEqual([]);
      for (const session of sessions) expect((await session.request('GET', '/api/me')).statusCode).toBe(401);
      expect((await login('leaving.user')).statusCode).toBe(401);
      const [entry] = await platform.deps.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'update'), eq(auditLog.entityId, user.id)));
      expect(entry).toMatchObject({ actorUsername: 'demo-admin', detail: { fields: ['active'] } });

      expect(
        (await admin.request('PATCH', `/api/admin/users/${user.id}`, { active: true, version: 2 }))
          .statusCode,
      ).toBe(200);
      expect((await login('leaving.user')).statusCode).toBe(200);
    });

    it('changing roles ends the user’s sessions, so the new permissions apply at once', async () => {
      const user = await newUser('promoted.user');
      const session = await platform.signIn('promoted.user');
      const response = await admin.request('PATCH', `/api/admin/users/${user.id}`, {
        roles: ['center_manager', 'case_worker'],
        version: 1,
      });
      expect(response.json().roles).toEqual(['case_worker', 'center_manager']);
      expect((await session.request('GET', '/api/me')).statusCode).toBe(401);
    });

    it('changing only the display name keeps the user signed in', async () => {
      const user = await newUser('renamed.user');
      const session = await platform.signIn('renamed.user');
      await admin.request('PATCH', `/api/admin/users/${user.id}`, { displayName: '새 이름', version: 1 });
      const me = await session.request('GET', '/api/me');
      expect(me.statusCode).toBe(200);
      expect(me.json().displayName).toBe('새 이름');
    });
  });

  describe('password reset', () => {
    it('sets a new password, ends the user’s sessions, and is audited without the password', async () => {
      const user = (await createUser({ username: 'forgetful.user' })).json();
      const session = await platform.signIn('forgetful.user');
      const newPassword = 'reset-by-the-admin-2026';
      const response = await admin.request('POST', `/api/admin/users/${user.id}/reset-password`, {
        password: newPassword,
      });
      expect(response.statusCode).toBe(204);
      expect((await session.request('GET', '/api/me')).statusCode).toBe(401);
      expect((await login('forgetful.user')).statusCode).toBe(401);
      expect((await login('forgetful.user', newPassword)).statusCode).toBe(200);
      const [entry] = await platform.deps.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'update'), eq(auditLog.entityId, user.id)));
      expect(entry?.detail).toEqual({ fields: ['password'] });
      expect(JSON.stringify(entry)).not.toContain(newPassword);
    });

    it('refuses a short password with a Korean field error, and an unknown user with 404', async () => {
      const short = await admin.request('POST', `/api/admin/users/${randomUUID()}/reset-password`, {
        password: 'short',
      });
      expect(short.statusCode).toBe(400);
      expect(short.json().errors).toEqual([
        { path: 'password', message: '비밀번호는 12자 이상이어야 합니다.' },
      ]);
      const unknown = await admin.request('POST', `/api/admin/users/${randomUUID()}/reset-password`, {
        password: 'long-enough-password',
      });
      expect(unknown.statusCode).toBe(404);
    });
  });
});
