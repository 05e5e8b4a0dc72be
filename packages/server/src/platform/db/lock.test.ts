import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from './client';
import { DataDirLockedError, lockDataDir } from './lock';

const root = mkdtempSync(join(tmpdir(), 'ieum-lock-'));
let counter = 0;
/** A data directory that does not exist yet, in a parent that does (where the lock file goes). */
function aDataDir(): string {
  const parent = join(root, `data-${++counter}`);
  mkdirSync(parent);
  return join(parent, 'pgdata');
}

afterAll(() => rmSync(root, { recursive: true, force: true }));

/** The pid of a process that has certainly ended. */
function pidOfEndedProcess(): number {
  const child = spawnSync('true');
  if (!child.pid) throw new Error('could not start a child process');
  return child.pid;
}

function lockedError(dataDir: string): DataDirLockedError {
  try {
    lockDataDir(dataDir).release();
  } catch (error) {
    if (error instanceof DataDirLockedError) return error;
    throw error;
  }
  throw new Error(`${dataDir} was locked a second time`);
}

describe('lockDataDir', () => {
  it('writes this process id to <dir>.lock, owner-only', () => {
    const dataDir = aDataDir();
    const lock = lockDataDir(dataDir);
    expect(readFileSync(`${dataDir}.lock`, 'utf8')).toBe(String(process.pid));
    expect(statSync(`${dataDir}.lock`).mode & 0o777).toBe(0o600);
    lock.release();
  });

  it('is refused while a running process holds the lock, with a message naming the pid and the way out', () => {
    const dataDir = aDataDir();
    // The parent of this test process (the test runner) is certainly running.
    writeFileSync(`${dataDir}.lock`, String(process.ppid));
    const error = lockedError(dataDir);
    expect(error.name).toBe('DataDirLockedError');
    expect(error.message).toBe(
      `The data directory ${dataDir} is in use by another ieum process (pid ${process.ppid}). ` +
        'Stop that process first, or set IEUM_DATA_DIR to another directory.',
    );
    // The holder's lock is left alone.
    expect(readFileSync(`${dataDir}.lock`, 'utf8')).toBe(String(process.ppid));
  });

  it('takes over a lock left by a process that no longer runs', () => {
    const dataDir = aDataDir();
    writeFileSync(`${dataDir}.lock`, String(pidOfEndedProcess()));
    const lock = lockDataDir(dataDir);
    expect(readFileSync(`${dataDir}.lock`, 'utf8')).toBe(String(process.pid));
    lock.release();
  });

  it('removes the lock file on release, and a second release does nothing', () => {
    const dataDir = aDataDir();
    const lock = lockDataDir(dataDir);
    lock.release();
    expect(existsSync(`${dataDir}.lock`)).toBe(false);
    lock.release();
    expect(existsSync(`${dataDir}.lock`)).toBe(false);
    lockDataDir(dataDir).release();
  });

  it('is refused a second time within the same process while the first lock is held', () => {
    // Two PGlite instances on one directory corrupt it just as two processes do.
    const dataDir = aDataDir();
    const first = lockDataDir(dataDir);
    try {
      expect(lockedError(dataDir).message).toContain(`The data directory ${dataDir} is in use`);
      expect(existsSync(`${dataDir}.lock`)).toBe(true);
    } finally {
      first.release();
    }
  });
});

// Starting Node with tsx takes a second on a quiet machine and much longer on a busy one.
const CHILD_PROCESS_TIMEOUT = 120_000;

describe('two processes on one data directory', () => {
  const lockModule = fileURLToPath(new URL('./lock.ts', import.meta.url));
  let holder: ChildProcess | null = null;

  afterEach(() => {
    holder?.kill('SIGKILL');
    holder = null;
  });

  /** Starts a process that locks `dataDir` as the server does and keeps running until killed. */
  async function startHolder(dataDir: string): Promise<ChildProcess> {
    const script =
      `const { lockDataDir } = await import(${JSON.stringify(lockModule)});` +
      `lockDataDir(${JSON.stringify(dataDir)}); console.log('locked'); setInterval(() => {}, 1000);`;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    holder = child;
    await new Promise<void>((resolve, reject) => {
      let stderr = '';
      child.stderr?.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
      });
      child.stdout?.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('locked')) resolve();
      });
      child.on('exit', (code) => reject(new Error(`holder exited with ${code}: ${stderr}`)));
    });
    return child;
  }

  it(
    'refuses to open an embedded database another process has open, naming that process',
    async () => {
      const dataDir = aDataDir();
      const child = await startHolder(dataDir);
      await expect(openDatabase({ kind: 'embedded', dataDir })).rejects.toThrow(
        `The data directory ${dataDir} is in use by another ieum process (pid ${child.pid}).`,
      );
      // Nothing was created in the directory the other process owns.
      expect(existsSync(dataDir)).toBe(false);
    },
    CHILD_PROCESS_TIMEOUT,
  );

  it(
    'takes the directory over once the other process was killed without releasing it',
    async () => {
      const dataDir = aDataDir();
      const child = await startHolder(dataDir);
      const exited = new Promise((resolve) => child.on('exit', resolve));
      child.kill('SIGKILL');
      await exited;
      expect(readFileSync(`${dataDir}.lock`, 'utf8')).toBe(String(child.pid));
      const lock = lockDataDir(dataDir);
      expect(readFileSync(`${dataDir}.lock`, 'utf8')).toBe(String(process.pid));
      lock.release();
    },
    CHILD_PROCESS_TIMEOUT,
  );
});
