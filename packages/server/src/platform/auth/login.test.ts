import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, TEST_PASSWORD, type TestPlatform } from '../../testing';

describe('sign-in', () => {
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await createTestPlatform();
  });
  afterAll(() => platform.close());

  it('answers a correct password with a session cookie and a CSRF token', async () => {
    const response = await platform.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'demo-admin', password: TEST_PASSWORD },
    });
    expect(response.statusCode).toBe(200);
    const cookie = String(response.headers['set-cookie']);
    expect(cookie).toMatch(/^ieum_session=[\w-]{43}; Path=\/; HttpOnly; SameSite=Strict$/);
    expect(response.json().me.username).toBe('demo-admin');
    expect(response.json().csrfToken).toHaveLength(43);
  });
});
