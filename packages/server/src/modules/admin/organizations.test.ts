import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../platform/db/schema';
import { DEMO_ACCOUNTS } from '../../seed/demo';
import { DEMO_ORGANIZATIONS } from '../../seed/demo-organizations';
import { createTestPlatform, TEST_PASSWORD, type TestPlatform, type TestSession } from '../../testing';

describe('organization administration', () => {
  let platform: TestPlatform;
  let admin: TestSession;
  beforeAll(async () => {
    platform = await createTestPlatform();
    admin = await platform.signIn('demo-admin');
  });
  afterAll(() => platform.close());

  const create = (body: object) => admin.request('POST', '/api/admin/organizations', body);

  it('creates an organization (201) at version 1, audited with the admin as actor', async () => {
    const response = await create({
      name: '새터민 법률지원센터',
      nameEn: 'Legal Aid Center',
      type: 'legal_aid',
      region: 'seoul',
    });
    expect(response.statusCode).toBe(201);
    const organization = response.json();
    expect(organization).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-/),
      name: '새터민 법률지원센터',
      nameEn: 'Legal Aid Center',
      type: 'legal_aid',
      region: 'seoul',
      active: true,
      userCount: 0,
      createdAt: expect.any(String),
      version: 1,
    });
    const [entry] = await platform.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'create'), eq(auditLog.entityId, organization.id)));
    expect(entry).toMatchObject({
      entityType: 'organization',
      actorUsername: 'demo-admin',
      detail: { type: 'legal_aid', region: 'seoul' },
    });
  });

  it('refuses a second organization of the same name with 409 conflict.duplicate on `name`', async () => {
    expect((await create({ name: '중복 이름 기관', type: 'partner_ngo', region: null })).statusCode).toBe(
      201,
    );
    const duplicate = await create({ name: '  중복 이름 기관 ', type: 'employer', region: 'busan' });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json()).toMatchObject({
      code: 'conflict.duplicate',
      errors: [{ path: 'name', message: '같은 이름의 기관이 이미 있습니다.' }],
    });
    const list = await admin.request(
      'GET',
      `/api/admin/organizations?q=${encodeURIComponent('중복 이름 기관')}`,
    );
    expect(list.json().total).toBe(1);
  });

  it('answers invalid input with 400 and a Korean message for each field', async () => {
    const response = await create({
      name: 'ㄱ',
      type: 'church',
      nameEn: 'x'.repeat(151),
      region: 'pyongyang',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('request.invalid');
    expect(response.json().errors).toEqual(
      expect.arrayContaining([
        { path: 'name', message: '2자 이상 입력해 주십시오.' },
        { path: 'nameEn', message: '150자 이하로 입력해 주십시오.' },
        { path: 'type', message: '허용되지 않는 값입니다.' },
        { path: 'region', message: '허용되지 않는 값입니다.' },
      ]),
    );
    expect(response.json().errors).toHaveLength(4);
  });

  it('answers invalid input in English when asked', async () => {
    const response = await platform.app.inject({
      method: 'POST',
      url: '/api/admin/organizations',
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken, 'accept-language': 'en' },
      payload: { name: 'ㄱ', type: 'school', region: null },
    });
    expect(response.json()).toMatchObject({
      title: 'Please check the values you entered.',
      errors: [{ path: 'name', message: 'Enter at least 2 characters.' }],
    });
  });

  it('lists organizations filtered by type, region and text, with a total and pages', async () => {
    const hanaSeoul = await admin.request(
      'GET',
      '/api/admin/organizations?type=hana_center&region=seoul&pageSize=2',
    );
    expect(hanaSeoul.statusCode).toBe(200);
    expect(hanaSeoul.json().total).toBe(4);
    expect(hanaSeoul.json().items).toHaveLength(2);
    const second = await admin.request(
      'GET',
      '/api/admin/organizations?type=hana_center&region=seoul&pageSize=2&page=2',
    );
    const names = [...hanaSeoul.json().items, ...second.json().items].map((o: { name: string }) => o.name);
    expect(new Set(names).size).toBe(4);
    expect(names.every((name) => name.startsWith('서울'))).toBe(true);
    const byEnglish = await admin.request('GET', '/api/admin/organizations?q=jeju');
    expect(byEnglish.json().items.map((o: { name: string }) => o.name)).toEqual(['제주하나센터']);
    // LIKE wildcards in the search text are taken literally.
    expect((await admin.request('GET', '/api/admin/organizations?q=%25')).json().total).toBe(0);
  });

  it('counts the users of each organization', async () => {
    const list = (await admin.request('GET', '/api/admin/organizations?pageSize=200')).json();
    const counts = Object.fromEntries(
      list.items.map((o: { name: string; userCount: number }) => [o.name, o.userCount]),
    );
    for (const organization of DEMO_ORGANIZATIONS) {
      const expected = DEMO_ACCOUNTS.filter((account) => account.organization === organization.key).length;
      expect(counts[organization.name], organization.name).toBe(expected);
    }
  });

  it('reads one organization, and answers an unknown id with 404 resource.not_found', async () => {
    const created = (await create({ name: '단건 조회 기관', type: 'school', region: 'daegu' })).json();
    const found = await admin.request('GET', `/api/admin/organizations/${created.id}`);
    expect(found.json()).toEqual(created);
    const missing = await admin.request('GET', `/api/admin/organizations/${randomUUID()}`);
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('resource.not_found');
    const malformed = await admin.request('GET', '/api/admin/organizations/not-a-uuid');
    expect(malformed.statusCode).toBe(400);
  });

  describe('changes', () => {
    it('apply to the version the editor saw and raise it, audited with the changed field names', async () => {
      const created = (await create({ name: '수정 대상 기관', type: 'school', region: 'ulsan' })).json();
      const response = await admin.request('PATCH', `/api/admin/organizations/${created.id}`, {
        region: 'busan',
        nameEn: 'Edited School',
        version: 1,
      });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({
        region: 'busan',
        nameEn: 'Edited School',
        name: '수정 대상 기관',
        version: 2,
      });
      const [entry] = await platform.deps.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'update'), eq(auditLog.entityId, created.id)));
      expect(entry).toMatchObject({ actorUsername: 'demo-admin', detail: { fields: ['nameEn', 'region'] } });
    });

    it('are refused with 409 conflict.stale when someone changed it first', async () => {
      const created = (await create({ name: '낡은 버전 기관', type: 'school', region: 'ulsan' })).json();
      expect(
        (
          await admin.request('PATCH', `/api/admin/organizations/${created.id}`, {
            region: 'jeju',
            version: 1,
          })
        ).statusCode,
      ).toBe(200);
      const stale = await admin.request('PATCH', `/api/admin/organizations/${created.id}`, {
        region: 'busan',
        version: 1,
      });
      expect(stale.statusCode).toBe(409);
      expect(stale.json()).toMatchObject({
        code: 'conflict.stale',
        title: '다른 사용자가 먼저 수정했습니다. 최신 내용을 불러온 뒤 다시 시도해 주십시오.',
      });
      expect((await admin.request('GET', `/api/admin/organizations/${created.id}`)).json()).toMatchObject({
        region: 'jeju',
        version: 2,
      });
    });

    it('lose no update when two editors save the same version at once: one 200, one 409', async () => {
      const created = (await create({ name: '동시 수정 기관', type: 'school', region: 'ulsan' })).json();
      const url = `/api/admin/organizations/${created.id}`;
      const [a, b] = await Promise.all([
        admin.request('PATCH', url, { nameEn: 'Editor A', version: 1 }),
        admin.request('PATCH', url, { nameEn: 'Editor B', version: 1 }),
      ]);
      expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
      const winner = a.statusCode === 200 ? 'Editor A' : 'Editor B';
      expect((await admin.request('GET', url)).json()).toMatchObject({ nameEn: winner, version: 2 });
    });

    it('are refused with 409 on `name` when renaming to a name in use, and 404 for an unknown id', async () => {
      const created = (await create({ name: '이름 바꿀 기관', type: 'school', region: 'ulsan' })).json();
      const clash = await admin.request('PATCH', `/api/admin/organizations/${created.id}`, {
        name: '제주하나센터',
        version: 1,
      });
      expect(clash.statusCode).toBe(409);
      expect(clash.json().errors).toEqual([{ path: 'name', message: '같은 이름의 기관이 이미 있습니다.' }]);
      const missing = await admin.request('PATCH', `/api/admin/organizations/${randomUUID()}`, {
        name: '없음',
        version: 1,
      });
      expect(missing.statusCode).toBe(404);
    });
  });

  describe('deactivation', () => {
    /** A new partner organization with one user, signed in. */
    async function organizationWithSignedInUser(name: string, username: string) {
      const organization = (await create({ name, type: 'partner_ngo', region: 'incheon' })).json();
      const user = await admin.request('POST', '/api/admin/users', {
        username,
        displayName: '협력기관 직원',
        organizationId: organization.id,
        roles: ['partner'],
        password: TEST_PASSWORD,
      });
      expect(user.statusCode).toBe(201);
      const session = await platform.signIn(username);
      expect((await session.request('GET', '/api/me')).statusCode).toBe(200);
      return { organization, session };
    }

    it('ends the sessions of the organization’s users at their next request', async () => {
      const { organization, session } = await organizationWithSignedInUser(
        '폐쇄될 협력기관',
        'closing.partner',
      );
      const deactivated = await admin.request('PATCH', `/api/admin/organizations/${organization.id}`, {
        active: false,
        version: organization.version,
      });
      expect(deactivated.statusCode).toBe(200);
      expect(deactivated.json().active).toBe(false);
      const after = await session.request('GET', '/api/me');
      expect(after.statusCode).toBe(401);
      expect(after.json().code).toBe('auth.session_expired');
    });

    it('refuses sign-in to the users of an inactive organization, as for a wrong password', async () => {
      const { organization } = await organizationWithSignedInUser('폐쇄된 협력기관', 'closed.partner');
      await admin.request('PATCH', `/api/admin/organizations/${organization.id}`, {
        active: false,
        version: 1,
      });
      const login = await platform.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'closed.partner', password: TEST_PASSWORD },
      });
      expect(login.statusCode).toBe(401);
      expect(login.json().code).toBe('auth.invalid_credentials');
      expect(login.headers['set-cookie']).toBeUndefined();
    });

    it('refuses new users in an inactive organization', async () => {
      const organization = (await create({ name: '비활성 기관', type: 'employer', region: null })).json();
      await admin.request('PATCH', `/api/admin/organizations/${organization.id}`, {
        active: false,
        version: 1,
      });
      const response = await admin.request('POST', '/api/admin/users', {
        username: 'inactive.employer',
        displayName: '직원',
        organizationId: organization.id,
        roles: ['partner'],
        password: TEST_PASSWORD,
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().errors).toEqual([
        { path: 'organizationId', message: '기관을 찾을 수 없습니다.' },
      ]);
    });
  });
});
