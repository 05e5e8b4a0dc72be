import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Writable } from 'node:stream';
import type { LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { createApp, openPlatform, type Platform } from '../platform/bootstrap';
import { type Config, loadConfig } from '../platform/config';
import { type Database, openDatabase } from '../platform/db/client';
import type { App } from '../platform/http/app';
import { seedDemo } from '../seed/demo';
import { openSnapshotPglite } from './pglite-template';

/**
 * The integration-test harness: a fresh database per call — in-memory PGlite by default, a new database on
 * the PostgreSQL server named by DATABASE_URL when it is set (CI runs the suite both ways) — migrated,
 * seeded with the demo organizations and accounts, and an app to send requests to.
 */
export const TEST_PASSWORD = 'test-password-0123';

export interface TestPlatform extends Platform {
  readonly app: App;
  readonly config: Config;
  /** The PostgreSQL connection string of this test's own database, or null on PGlite. */
  readonly databaseUrl: string | null;
  signIn(username: string, password?: string): Promise<TestSession>;
}

export interface TestSession {
  readonly cookie: string;
  readonly csrfToken: string;
  request(
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    body?: unknown,
  ): Promise<LightMyRequestResponse>;
}

export interface TestPlatformOptions {
  readonly now?: () => Date;
  readonly env?: Record<string, string>;
  readonly logStream?: Writable;
  readonly configure?: (config: Config) => Config;
}

// Read once here, for tests only: the suite runs against a server when CI sets DATABASE_URL.
const serverUrl = process.env.DATABASE_URL;

export async function createTestPlatform(options: TestPlatformOptions = {}): Promise<TestPlatform> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ieum-test-'));
  const { database, databaseUrl, drop } = await openTestDatabase();
  const base = loadConfig({
    IEUM_DATA_DIR: dataDir,
    IEUM_MASTER_KEY: randomBytes(32).toString('base64'),
    LOG_LEVEL: options.logStream ? 'info' : 'silent',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    ...options.env,
  });
  const tuned: Config = { ...base, lockout: { ...base.lockout, backoffBaseMs: 0 } };
  const config = options.configure ? options.configure(tuned) : tuned;
  const platform = await openPlatform(config, { database, ...(options.now ? { now: options.now } : {}) });
  await seedDemo(platform.deps.db, { password: TEST_PASSWORD, dataDir });
  const app = await createApp(platform.deps, options.logStream ? { logStream: options.logStream } : {});
  await app.ready();

  async function signIn(username: string, password = TEST_PASSWORD): Promise<TestSession> {
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password },
    });
    if (response.statusCode !== 200)
      throw new Error(`sign-in of ${username} failed: ${response.statusCode} ${response.body}`);
    const setCookie = [response.headers['set-cookie']].flat().find((c) => c?.startsWith('ieum_session='));
    const cookie = (setCookie as string).split(';')[0] as string;
    const csrfToken = (response.json() as { csrfToken: string }).csrfToken;
    return {
      cookie,
      csrfToken,
      request: (method, url, body) =>
        app.inject({
          method,
          url,
          headers: { cookie, 'x-csrf-token': csrfToken, 'accept-language': 'ko' },
          ...(body !== undefined ? { payload: body as object } : {}),
        }),
    };
  }

  return {
    ...platform,
    app,
    config,
    databaseUrl,
    signIn,
    async close() {
      await app.close();
      await platform.close();
      await drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function openTestDatabase(): Promise<{
  database: Database;
  databaseUrl: string | null;
  drop: () => Promise<void>;
}> {
  if (!serverUrl) return { database: await openSnapshotPglite(), databaseUrl: null, drop: async () => {} };
  const name = `ieum_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  return {
    database: await openDatabase({ kind: 'postgres', url: databaseUrl }),
    databaseUrl,
    async drop() {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}
