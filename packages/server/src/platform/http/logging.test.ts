import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, TEST_PASSWORD, type TestPlatform, type TestSession } from '../../testing';

/** Collects everything the server logs. */
class LogCapture extends Writable {
  readonly chunks: string[] = [];
  override _write(chunk: Buffer, _encoding: BufferEncoding, done: () => void): void {
    this.chunks.push(chunk.toString('utf8'));
    done();
  }
  get text(): string {
    return this.chunks.join('');
  }
}

/** A value as it may appear in a log: itself, percent-encoded in a URL, or JSON-escaped. */
function spellings(value: string): string[] {
  return [value, encodeURIComponent(value), JSON.stringify(value).slice(1, -1)];
}

describe('the server log', () => {
  const log = new LogCapture();
  let platform: TestPlatform;
  let admin: TestSession;
  const wrongPassword = 'wrong-password-in-a-log?';
  const newUserPassword = 'hong-gildong-initial-pw';

  beforeAll(async () => {
    // Without a built web app, so an unknown address is not taken by the static files' wildcard route.
    platform = await createTestPlatform({
      logStream: log,
      env: { IEUM_WEB_DIST: join(tmpdir(), 'ieum-no-web') },
    });
    admin = await platform.signIn('demo-admin');
    expect(
      (await admin.request('GET', `/api/admin/users?q=${encodeURIComponent('김철수')}`)).statusCode,
    ).toBe(200);
    expect((await admin.request('GET', '/api/admin/users?q=김철수')).statusCode).toBe(200);
    const failed = await platform.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'demo-admin', password: wrongPassword },
    });
    expect(failed.statusCode).toBe(401);
    const [organization] = (
      await admin.request('GET', '/api/admin/organizations?type=hana_center&pageSize=1')
    ).json().items;
    const created = await admin.request('POST', '/api/admin/users', {
      username: 'hong.gildong',
      displayName: '홍길동',
      organizationId: organization.id,
      roles: ['case_worker'],
      password: newUserPassword,
    });
    expect(created.statusCode).toBe(201);
    // A refused change carrying the name (validation error).
    await admin.request('POST', '/api/admin/users', { username: 'HONG', displayName: '홍길동', roles: [] });
  });
  afterAll(() => platform.close());

  it('is written (so its silence about secrets means something): one line per request with method, route and status', () => {
    const lines = log.text
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    const completed = lines.filter((line) => line.msg === 'request completed');
    expect(completed.length).toBeGreaterThanOrEqual(6);
    expect(lines.some((line) => line.req?.route === '/api/admin/users' && line.req?.method === 'GET')).toBe(
      true,
    );
    expect(completed.some((line) => line.res?.statusCode === 401)).toBe(true);
  });

  it('holds no password, no name searched for or entered, and no session or CSRF token', () => {
    const token = admin.cookie.replace('ieum_session=', '');
    const secrets = [
      TEST_PASSWORD,
      wrongPassword,
      newUserPassword,
      '김철수',
      '홍길동',
      token,
      admin.csrfToken,
    ];
    const found = secrets.flatMap(spellings).filter((spelling) => log.text.includes(spelling));
    expect(found).toEqual([]);
  });

  it('does not log the address of a request no route matched, which can carry a name in its path', async () => {
    const before = log.text.length;
    const response = await admin.request('GET', `/api/no-such-route/${encodeURIComponent('이영희')}`);
    expect(response.statusCode).toBe(404);
    const written = log.text.slice(before);
    expect(written).toContain('"statusCode":404');
    expect(spellings('이영희').filter((spelling) => written.includes(spelling))).toEqual([]);
  });

  it('logs no request headers (cookies) and no query strings', () => {
    expect(log.text).not.toContain('ieum_session');
    expect(log.text).not.toContain('x-csrf-token');
    expect(log.text).not.toMatch(/\?q=/);
  });
});
