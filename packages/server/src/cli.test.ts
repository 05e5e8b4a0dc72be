import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAudit } from './platform/audit/audit-log';
import { openPlatform, type Platform } from './platform/bootstrap';
import { type Config, loadConfig } from './platform/config';
import type { Db } from './platform/db/client';
import { seedDemo } from './seed/demo';
import { createTestPlatform, TEST_PASSWORD, type TestPlatform } from './testing';
import { tamperAsSuperuser } from './testing/audit-tamper';
import { createEmbeddedCluster } from './testing/pglite-template';

const repositoryRoot = fileURLToPath(new URL('../../..', import.meta.url));
// Each test starts Node, tsx and PGlite (and npm) in a child process: seconds on a quiet machine, a minute on a busy one.
const CHILD_PROCESS_TIMEOUT = 180_000;

interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs the CLI with only the given ieum settings: through `npm run cli -- <args>` from the repository root as
 * an operator would, or (faster, for the cases that are not about npm) straight through tsx.
 */
function runCli(args: string[], env: Record<string, string>, via: 'npm' | 'tsx' = 'tsx'): Promise<CliResult> {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('IEUM_') && name !== 'DATABASE_URL'),
  );
  const [command, commandArgs] =
    via === 'npm'
      ? ['npm', ['run', '--silent', 'cli', '--', ...args]]
      : [process.execPath, ['--import', 'tsx', 'packages/server/src/cli.ts', ...args]];
  const child = spawn(command, commandArgs, {
    cwd: repositoryRoot,
    env: { ...inherited, LOG_LEVEL: 'silent', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

async function entryCount(db: Db): Promise<number> {
  const result = (await db.execute(sql`select count(*)::int as n from audit_log`)) as unknown as {
    rows: { n: number }[];
  };
  return result.rows[0]?.n ?? 0;
}

async function addEntries(db: Db): Promise<void> {
  for (let i = 0; i < 3; i++)
    await recordAudit(db, { action: 'view', entityType: 'cli-test', entityId: String(i) });
}

describe('npm run cli -- audit:verify on an embedded data directory', () => {
  const root = mkdtempSync(join(tmpdir(), 'ieum-cli-'));
  const dataDir = join(root, 'data');
  let config: Config;
  let platform: Platform | null = null;
  let entries = 0;

  beforeAll(async () => {
    config = loadConfig({ IEUM_DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
    if (config.database.kind !== 'embedded') throw new Error('expected an embedded configuration');
    await createEmbeddedCluster(config.database.dataDir);
    platform = await openPlatform(config);
    await seedDemo(platform.deps.db, { password: TEST_PASSWORD, dataDir });
    await addEntries(platform.deps.db);
    entries = await entryCount(platform.deps.db);
  }, CHILD_PROCESS_TIMEOUT);
  afterAll(async () => {
    await platform?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it(
    'refuses to open the data directory while the server has it open, naming the server’s pid',
    async () => {
      const result = await runCli(['audit:verify'], { IEUM_DATA_DIR: dataDir });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(
        `The data directory ${join(dataDir, 'pgdata')} is in use by another ieum process (pid ${process.pid}).`,
      );
    },
    CHILD_PROCESS_TIMEOUT,
  );

  it(
    'exits 0 and counts the entries of a clean log',
    async () => {
      await platform?.close();
      platform = null;
      const result = await runCli(['audit:verify'], { IEUM_DATA_DIR: dataDir }, 'npm');
      expect(result).toMatchObject({ code: 0, stderr: '' });
      expect(result.stdout.trim()).toBe(`audit chain intact: ${entries} entries verified`);
    },
    CHILD_PROCESS_TIMEOUT,
  );

  it(
    'exits 2 naming the first altered entry after a superuser changed one',
    async () => {
      platform = await openPlatform(config);
      await tamperAsSuperuser(
        platform.deps.db,
        sql`update audit_log set entity_id = 'changed' where seq = 3`,
      );
      await platform.close();
      platform = null;
      const result = await runCli(['audit:verify'], { IEUM_DATA_DIR: dataDir }, 'npm');
      expect(result.code).toBe(2);
      expect(result.stderr.trim()).toBe(
        'audit chain BROKEN at entry #3 (hash_mismatch); 2 entries before it verified',
      );
    },
    CHILD_PROCESS_TIMEOUT,
  );
});

describe('npm run cli -- audit:verify with a PostgreSQL server', () => {
  it(
    'refuses to start without IEUM_MASTER_KEY, saying why',
    async () => {
      const result = await runCli(['audit:verify'], { DATABASE_URL: 'postgres://ieum@127.0.0.1:1/ieum' });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('IEUM_MASTER_KEY is required with DATABASE_URL');
    },
    CHILD_PROCESS_TIMEOUT,
  );

  describe.runIf(process.env.DATABASE_URL)('against the test database', () => {
    let platform: TestPlatform;
    let env: Record<string, string>;
    beforeAll(async () => {
      platform = await createTestPlatform();
      await addEntries(platform.deps.db);
      env = {
        DATABASE_URL: platform.databaseUrl as string,
        IEUM_MASTER_KEY: platform.config.masterKeys.current.toString('base64'),
      };
    }, CHILD_PROCESS_TIMEOUT);
    afterAll(() => platform.close());

    it(
      'exits 0 on a clean log',
      async () => {
        const result = await runCli(['audit:verify'], env);
        expect(result).toMatchObject({ code: 0, stderr: '' });
        expect(result.stdout.trim()).toBe(
          `audit chain intact: ${await entryCount(platform.deps.db)} entries verified`,
        );
      },
      CHILD_PROCESS_TIMEOUT,
    );

    it(
      'exits 2 naming the first missing entry after a superuser deleted one',
      async () => {
        await tamperAsSuperuser(platform.deps.db, sql`delete from audit_log where seq = 2`);
        const result = await runCli(['audit:verify'], env);
        expect(result.code).toBe(2);
        expect(result.stderr.trim()).toBe(
          'audit chain BROKEN at entry #2 (missing_entry); 1 entries before it verified',
        );
      },
      CHILD_PROCESS_TIMEOUT,
    );
  });
});
