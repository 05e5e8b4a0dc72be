import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, TEST_PASSWORD, type TestPlatform } from '../../testing';

/**
 * IEUM_REQUIRE_2FA=true: accounts with a role that sees personal data must enrol TOTP before they may use any
 * permission route; their own account pages stay open so they can enrol.
 */
describe('IEUM_REQUIRE_2FA', () => {
  let platform: TestPlatform;
  const username = 'hana3.manager';
  beforeAll(async () => {
    platform = await createTestPlatform({ env: { IEUM_REQUIRE_2FA: 'true' } });
    // A center manager who is also the center's privacy auditor: a personal-data role plus a permission
    // (audit.read) that the routes of today can check.
    const admin = await platform.signIn('demo-admin');
    const centers = await admin.request('GET', '/api/admin/organizations?type=hana_center&pageSize=1');
    const created = await admin.request('POST', '/api/admin/users', {
      username,
      displayName: '센터장 겸 감사',
      organizationId: centers.json().items[0].id,
      roles: ['center_manager', 'privacy_auditor'],
      password: TEST_PASSWORD,
    });
    expect(created.statusCode).toBe(201);
  });
  afterAll(() => platform.close());

  it('is reflected in the configuration', () => {
    expect(platform.config.requireTwoFactor).toBe(true);
  });

  it('refuses a permission route to a personal-data role without TOTP with 403 auth.totp_enrollment_required', async () => {
    const session = await platform.signIn(username);
    const response = await session.request('GET', '/api/audit/entries');
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({
      code: 'auth.totp_enrollment_required',
      title: '개인정보를 다루는 계정은 2단계 인증을 등록해야 합니다.',
    });
  });

  it('keeps /api/me and the enrolment routes open, and says enrolment is required', async () => {
    const session = await platform.signIn(username);
    const me = await session.request('GET', '/api/me');
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ totpEnabled: false, totpEnrollmentRequired: true });
    expect((await session.request('GET', '/api/auth/session')).statusCode).toBe(200);
  });

  it('marks every demo role that sees personal data as required to enrol, and no other', async () => {
    const required: Record<string, boolean> = {};
    for (const account of [
      'demo-case-worker',
      'demo-center-manager',
      'demo-residence-officer',
      'demo-employment-officer',
      'demo-safety-officer',
      'demo-partner',
      'demo-foundation-staff',
      'demo-plan-manager',
      'demo-task-reporter',
      'demo-privacy-auditor',
      'demo-admin',
    ]) {
      const session = await platform.signIn(account);
      required[account] = (await session.request('GET', '/api/me')).json().totpEnrollmentRequired;
    }
    expect(required).toEqual({
      'demo-case-worker': true,
      'demo-center-manager': true,
      'demo-residence-officer': true,
      'demo-employment-officer': true,
      'demo-safety-officer': true,
      'demo-partner': true,
      'demo-foundation-staff': true,
      'demo-plan-manager': false,
      'demo-task-reporter': false,
      'demo-privacy-auditor': false,
      'demo-admin': false,
    });
  });

  it('leaves roles without personal data alone', async () => {
    const admin = await platform.signIn('demo-admin');
    expect((await admin.request('GET', '/api/admin/users')).statusCode).toBe(200);
    const auditor = await platform.signIn('demo-privacy-auditor');
    expect((await auditor.request('GET', '/api/audit/entries')).statusCode).toBe(200);
  });

  it('opens the permission routes as soon as TOTP is enrolled, in the same session', async () => {
    const session = await platform.signIn(username);
    const { secret } = (await session.request('POST', '/api/me/totp/setup')).json();
    expect((await session.request('GET', '/api/audit/entries')).statusCode).toBe(403);
    expect(
      (await session.request('POST', '/api/me/totp/enable', { code: await generate({ secret }) })).statusCode,
    ).toBe(204);
    expect((await session.request('GET', '/api/me')).json().totpEnrollmentRequired).toBe(false);
    expect((await session.request('GET', '/api/audit/entries')).statusCode).toBe(200);
  });
});
