import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';

/** The repository root: bench/lib/.. /.. */
export const REPO_ROOT = resolve(import.meta.dirname, '../..');
export const SERVER_MAIN = resolve(REPO_ROOT, 'packages/server/src/main.ts');

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolvePort(port));
    });
  });
}

export interface StartOptions {
  /** Environment on top of this process's own (PATH etc.). */
  readonly env: Record<string, string>;
  /** The script to run instead of the server's main.ts (the bench's trivial baseline server). */
  readonly script?: string;
  readonly timeoutMs?: number;
}

export interface RunningServer {
  readonly pid: number;
  readonly url: string;
  /** From spawn to the first 200 of GET /api/health, measured here. */
  readonly readyMs: number;
  /** What the server printed on its "ready" line, measured inside the process (null if absent). */
  readonly reportedMs: number | null;
  output(): string;
  stop(): Promise<void>;
}

/**
 * Starts a server as `node --import tsx <script>` (no npx or tsx CLI in between, so `pid` is the server
 * process itself and its RSS can be read from /proc) and waits for GET /api/health.
 */
export async function startServer(options: StartOptions): Promise<RunningServer> {
  const port = Number(options.env.PORT);
  const url = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', options.script ?? SERVER_MAIN], {
    cwd: REPO_ROOT,
    env: { ...process.env, HOST: '127.0.0.1', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString('utf8')).slice(-200_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let exited: string | null = null;
  child.once('exit', (code, signal) => {
    exited = `exited with ${signal ?? code}`;
  });

  const deadline = started + (options.timeoutMs ?? 120_000);
  for (;;) {
    if (exited) throw new Error(`server ${exited} before it was ready:\n${log}`);
    if (performance.now() > deadline) {
      await stopChild(child);
      throw new Error(`server was not ready within ${options.timeoutMs ?? 120_000} ms:\n${log}`);
    }
    if (await healthy(url)) break;
    await sleep(20);
  }
  const readyMs = performance.now() - started;
  // The ready line is printed right after listen(); give the pipe a moment to deliver it.
  for (let i = 0; i < 50 && !/is ready at/.test(log); i++) await sleep(10);
  const reported = /is ready at \S+\s+\((\d+) ms\)/.exec(log);
  return {
    pid: child.pid as number,
    url,
    readyMs,
    reportedMs: reported ? Number(reported[1]) : null,
    output: () => log,
    stop: () => stopChild(child),
  };
}

async function healthy(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(1_000) });
    await response.arrayBuffer();
    return response.status === 200;
  } catch {
    return false;
  }
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise<void>((done) => child.once('exit', () => done()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await gone;
  clearTimeout(timer);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}

/** VmRSS and VmHWM (peak) of a process in MiB, from /proc (Linux only; null elsewhere). */
export function memoryOf(pid: number): { rssMiB: number; peakMiB: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = (field: string) =>
      Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
    return { rssMiB: kib('VmRSS') / 1024, peakMiB: kib('VmHWM') / 1024 };
  } catch {
    return null;
  }
}

export interface DatabaseTarget {
  readonly kind: 'embedded' | 'postgres';
  /** Environment for the server: DATABASE_URL and IEUM_MASTER_KEY on PostgreSQL, nothing on PGlite. */
  readonly env: Record<string, string>;
  readonly label: string;
  drop(): Promise<void>;
}

/**
 * PGlite in the data directory by default; with DATABASE_URL and IEUM_MASTER_KEY set, a new database
 * of its own on that PostgreSQL server (dropped afterwards), so every run starts empty.
 */
export async function databaseTarget(purpose: string): Promise<DatabaseTarget> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl)
    return { kind: 'embedded', env: {}, label: 'embedded PGlite (data dir)', drop: async () => {} };
  const masterKey = process.env.IEUM_MASTER_KEY;
  if (!masterKey)
    throw new Error('DATABASE_URL is set but IEUM_MASTER_KEY is not: set both (openssl rand -base64 32)');
  const name = `ieum_${purpose}_${randomBytes(5).toString('hex')}`;
  await adminQuery(serverUrl, `create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const redacted = new URL(url);
  if (redacted.password) redacted.password = '***';
  return {
    kind: 'postgres',
    env: { DATABASE_URL: url.toString(), IEUM_MASTER_KEY: masterKey },
    label: `PostgreSQL server (${redacted.host}, database ${name})`,
    drop: () => adminQuery(serverUrl, `drop database if exists ${name} with (force)`),
  };
}

async function adminQuery(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
