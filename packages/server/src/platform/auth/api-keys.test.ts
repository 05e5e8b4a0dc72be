import { Writable } from 'node:stream';
import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform, type TestSession } from '../../testing';
import { findPlaintext } from '../../testing/raw-scan';
import { apiKeys, auditLog, users } from '../db/schema';
import { ApiKeyError, issueApiKey, revokeApiKey } from './api-keys';

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

describe('API keys of agency systems', () => {
  const log = new LogCapture();
  let clock = new Date('2026-03-02T01:00:00Z');
  let platform: TestPlatform;
  let worker: TestSession;
  let personCode: string;
  const issued: string[] = [];

  const submit = (key: string, signals: unknown[] = [signal()]) =>
    platform.app.inject({
      method: 'POST',
      url: '/api/protection/signals',
      headers: { authorization: `Bearer ${key}` },
      payload: { signals },
    });
  const signal = () => ({ personId: personCode, type: 'power_cutoff', observedOn: '2026-02-27' });

  async function lastAudit() {
    const [entry] = await platform.deps.db.select().from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
    return entry;
  }

  async function issue(label = 'SSIS blind-spot feed') {
    const key = await issueApiKey(platform.deps, { username: 'demo-agency', label });
    issued.push(key.key);
    return key;
  }

  beforeAll(async () => {
    platform = await createTestPlatform({ now: () => clock, logStream: log });
    worker = await platform.signIn('demo-case-worker');
    const created = await worker.request('POST', '/api/persons', { name: '한지민', birthDate: '1979-01-15' });
    expect(created.statusCode).toBe(201);
    personCode = created.json().code;
  });
  afterAll(() => platform.close());

  it('issues a key that submits signals without a session or CSRF token, and records its last use', async () => {
    const key = await issue();
    expect(key.key).toMatch(/^ieum_[A-Za-z0-9_-]{43}$/);
    const response = await submit(key.key);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ accepted: 1, duplicates: 0, rejected: 0 });
    const [row] = await platform.deps.db.select().from(apiKeys).where(eq(apiKeys.id, key.id));
    expect(row?.lastUsedAt).toEqual(clock);
    expect(row?.label).toBe('SSIS blind-spot feed');
    const [issuedEntry] = await platform.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'api_key'), eq(auditLog.entityId, key.id)));
    expect(issuedEntry).toMatchObject({ action: 'create', subjectId: key.userId, actorId: null });
    // The submission is in the access log in the agency account's name.
    const [accepted] = await platform.deps.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityType, 'protection_signal'))
      .orderBy(desc(auditLog.seq))
      .limit(1);
    expect(accepted).toMatchObject({ actorUsername: 'demo-agency', action: 'create' });
  });

  it('writes the last use at most once a minute', async () => {
    const key = await issue('minute test');
    await submit(key.key);
    const first = clock;
    clock = new Date(clock.getTime() + 30_000);
    await submit(key.key);
    const lastUsed = async () =>
      (await platform.deps.db.select().from(apiKeys).where(eq(apiKeys.id, key.id)))[0]?.lastUsedAt;
    expect(await lastUsed()).toEqual(first);
    clock = new Date(clock.getTime() + 60_000);
    await submit(key.key);
    expect(await lastUsed()).toEqual(clock);
  });

  it('refuses a revoked key with 401 and logs the refusal in the account’s name', async () => {
    const key = await issue('to revoke');
    expect((await submit(key.key)).statusCode).toBe(200);
    await revokeApiKey(platform.deps, { id: key.id });
    const response = await submit(key.key);
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ code: 'auth.unauthenticated' });
    expect(await lastAudit()).toMatchObject({
      action: 'permission_denied',
      actorUsername: 'demo-agency',
      entityType: 'api_key',
      entityId: key.id,
      detail: { method: 'POST', route: '/api/protection/signals', reason: 'api_key_revoked' },
    });
    await expect(revokeApiKey(platform.deps, { id: key.id })).rejects.toThrow(ApiKeyError);
  });

  it('refuses an unknown key and a key of a deactivated account with 401', async () => {
    const unknown = await submit(`ieum_${'A'.repeat(43)}`);
    expect(unknown.statusCode).toBe(401);
    expect(await lastAudit()).toMatchObject({
      action: 'permission_denied',
      actorId: null,
      detail: { reason: 'api_key_unknown' },
    });
    expect((await submit('not-even-a-key')).statusCode).toBe(401);

    const key = await issue('deactivated');
    await platform.deps.db.update(users).set({ active: false }).where(eq(users.username, 'demo-agency'));
    try {
      expect((await submit(key.key)).statusCode).toBe(401);
      expect(await lastAudit()).toMatchObject({ detail: { reason: 'api_key_inactive' } });
    } finally {
      await platform.deps.db.update(users).set({ active: true }).where(eq(users.username, 'demo-agency'));
    }
    expect((await submit(key.key)).statusCode).toBe(200);
  });

  it('authenticates only the signal submission: any other route is refused with 403, even one any user may call', async () => {
    const key = await issue('route test');
    const headers = { authorization: `Bearer ${key.key}` };
    for (const [method, url] of [
      ['GET', '/api/protection/signal-types'],
      ['GET', '/api/auth/session'],
      ['GET', '/api/persons'],
      ['POST', '/api/auth/logout'],
      ['POST', '/api/protection/staff-signals'],
      ['GET', '/api/health'],
    ] as const) {
      const response = await platform.app.inject({
        method,
        url,
        headers,
        ...(method === 'POST' ? { payload: {} } : {}),
      });
      expect(response.statusCode, `${method} ${url}`).toBe(403);
      expect(response.json().code).toBe('access.denied');
      expect(await lastAudit(), `${method} ${url}`).toMatchObject({
        action: 'permission_denied',
        actorUsername: 'demo-agency',
        entityId: key.id,
        detail: { method, route: url, reason: 'api_key_route' },
      });
    }
  });

  it('leaves a signed-in session as it was: the cookie decides, and CSRF still applies to it', async () => {
    const key = await issue('with a cookie');
    const response = await platform.app.inject({
      method: 'POST',
      url: '/api/protection/signals',
      headers: { cookie: worker.cookie, authorization: `Bearer ${key.key}` },
      payload: { signals: [signal()] },
    });
    // The case worker's session, without its CSRF token: refused as the session, not accepted as the key.
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('access.denied');
  });

  it('issues keys only to active agency-system accounts, with a label', async () => {
    await expect(
      issueApiKey(platform.deps, { username: 'demo-case-worker', label: 'x' }),
    ).rejects.toMatchObject({
      reason: 'not_agency_system',
    });
    await expect(issueApiKey(platform.deps, { username: 'nobody', label: 'x' })).rejects.toMatchObject({
      reason: 'no_account',
    });
    await expect(issueApiKey(platform.deps, { username: 'demo-agency', label: '  ' })).rejects.toMatchObject({
      reason: 'label',
    });
  });

  it('stores no key in the clear anywhere in the database, and logs none', async () => {
    expect(issued.length).toBeGreaterThan(3);
    expect(await findPlaintext(platform.deps.db, issued)).toEqual([]);
    const secrets = issued.flatMap((key) => [key, key.slice(5)]);
    expect(secrets.filter((secret) => log.text.includes(secret))).toEqual([]);
    expect(log.text).not.toMatch(/authorization/i);
    // The log is being written (its silence means something).
    expect(log.text).toContain('/api/protection/signals');
  });
});
