import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { CHROMIUM_PATH } from '../tests/support/chromium';

/**
 * Starts the real ieum server once for the whole e2e run: `node --import tsx packages/server/src/main.ts`
 * from the repository root, on a fresh temporary data directory (embedded PGlite) and a free port, with
 * the demo accounts and the built web app. With DATABASE_URL and IEUM_MASTER_KEY set it runs on a new
 * database of its own on that PostgreSQL server instead (dropped afterwards).
 */

const REPO_ROOT = resolve(import.meta.dirname, '../..');
const WEB_DIST = resolve(REPO_ROOT, 'packages/web/dist');
const LOG_DIR = resolve(import.meta.dirname, '../test-results');
export const DEMO_PASSWORD = 'e2e-demo-password-0123';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    demoPassword: string;
    database: 'embedded' | 'postgres';
  }
}

async function freePort(): Promise<number> {
  return new Promise((done, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => done(port));
    });
  });
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function waitForHealth(
  url: string,
  child: ChildProcess,
  log: () => string,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(
        `the ieum server exited (${child.signalCode ?? child.exitCode}) before it was ready:\n${log()}`,
      );
    try {
      const response = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2_000) });
      const body = await response.text();
      if (response.status === 200 && body.includes('"ok"')) return;
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`the ieum server did not answer /api/health within ${timeoutMs / 1000} s:\n${log()}`);
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!existsSync(resolve(WEB_DIST, 'index.html'))) {
    throw new Error(
      `The web app is not built (${WEB_DIST}/index.html is missing). Run \`npm run build:web\` first, then \`npm run test:e2e\`.`,
    );
  }
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium was not found at ${CHROMIUM_PATH}. Install Debian's chromium (apt-get install -y chromium) ` +
        'or set CHROMIUM_PATH to a Chromium/Chrome executable.',
    );
  }

  const workDir = mkdtempSync(join(tmpdir(), 'ieum-e2e-'));
  const dataDir = join(workDir, 'data');
  // Serve a snapshot of the built app, so a rebuild of packages/web during the run cannot pull it away.
  const webDir = join(workDir, 'web');
  cpSync(WEB_DIST, webDir, { recursive: true });
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;

  const serverUrl = process.env.DATABASE_URL;
  let dropDatabase = async () => {};
  const databaseEnv: Record<string, string> = {};
  if (serverUrl) {
    const masterKey = process.env.IEUM_MASTER_KEY;
    if (!masterKey)
      throw new Error('DATABASE_URL is set but IEUM_MASTER_KEY is not: set both to run e2e on PostgreSQL.');
    const name = `ieum_e2e_${randomBytes(5).toString('hex')}`;
    await adminQuery(serverUrl, `create database ${name}`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    databaseEnv.DATABASE_URL = url.toString();
    databaseEnv.IEUM_MASTER_KEY = masterKey;
    dropDatabase = () => adminQuery(serverUrl, `drop database if exists ${name} with (force)`);
  }

  mkdirSync(LOG_DIR, { recursive: true });
  const logFile = resolve(LOG_DIR, 'server.log');
  const logStream = createWriteStream(logFile);
  let recent = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'packages/server/src/main.ts'], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      IEUM_DATA_DIR: dataDir,
      IEUM_DEMO: 'true',
      IEUM_DEMO_PASSWORD: DEMO_PASSWORD,
      IEUM_REQUIRE_2FA: 'false',
      IEUM_WEB_DIST: webDir,
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
      ...databaseEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk: Buffer) => {
    logStream.write(chunk);
    recent = (recent + chunk.toString('utf8')).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((done) => child.once('exit', () => done()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    logStream.end();
    await dropDatabase().catch((error: unknown) =>
      console.error('[e2e] could not drop the test database:', error),
    );
    rmSync(workDir, { recursive: true, force: true });
  };

  try {
    await waitForHealth(baseUrl, child, () => recent, 120_000);
  } catch (error) {
    await stop();
    throw error;
  }
  const database = serverUrl ? 'postgres' : 'embedded';
  console.log(`[e2e] ieum server ready at ${baseUrl} (${database}); log: ${logFile}`);
  project.provide('baseUrl', baseUrl);
  project.provide('demoPassword', DEMO_PASSWORD);
  project.provide('database', database);
  return stop;
}
