import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

const SERVER_URL = 'postgres://ieum:pw@db.internal:5432/ieum';
const aKey = () => randomBytes(32).toString('base64');
const root = mkdtempSync(join(tmpdir(), 'ieum-config-'));
let dirs = 0;
const freshDir = () => mkdtempSync(join(root, `data-${++dirs}-`));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Runs loadConfig and returns the ConfigError it throws (failing the test when it does not throw one). */
function configError(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('loadConfig accepted the configuration');
}

describe('loadConfig defaults', () => {
  it('fills every setting that has a default', () => {
    const key = aKey();
    const config = loadConfig({ DATABASE_URL: SERVER_URL, IEUM_MASTER_KEY: key });
    expect(config).toEqual({
      port: 3000,
      host: '127.0.0.1',
      database: { kind: 'postgres', url: SERVER_URL },
      dataDir: resolve('./data'),
      masterKeys: { current: Buffer.from(key, 'base64'), previous: [], source: 'environment', keyFile: null },
      demo: { enabled: false, password: null },
      requireTwoFactor: false,
      secureCookies: false,
      trustProxy: false,
      webDist: null,
      logLevel: 'info',
      session: { idleTimeoutSeconds: 1800, absoluteTimeoutSeconds: 43_200 },
      lockout: { maxFailures: 5, windowSeconds: 900, lockSeconds: 900, backoffBaseMs: 250 },
    });
  });

  it('reads the booleans in each of their spellings', () => {
    const base = { DATABASE_URL: SERVER_URL, IEUM_MASTER_KEY: aKey() };
    for (const yes of ['true', '1', 'yes'])
      expect(loadConfig({ ...base, IEUM_REQUIRE_2FA: yes }).requireTwoFactor).toBe(true);
    for (const no of ['false', '0', 'no'])
      expect(loadConfig({ ...base, IEUM_REQUIRE_2FA: no }).requireTwoFactor).toBe(false);
  });

  it('refuses an unknown boolean or a port out of range, naming the variable', () => {
    const base = { DATABASE_URL: SERVER_URL, IEUM_MASTER_KEY: aKey() };
    expect(configError({ ...base, IEUM_REQUIRE_2FA: 'maybe' }).message).toMatch(
      /^Invalid configuration:\n {2}IEUM_REQUIRE_2FA: /,
    );
    expect(configError({ ...base, PORT: '70000' }).message).toMatch(/^Invalid configuration:\n {2}PORT: /);
    expect(configError({ ...base, LOG_LEVEL: 'verbose' }).message).toMatch(/LOG_LEVEL: /);
  });

  it('refuses a demo password shorter than 12 characters', () => {
    const message = configError({
      DATABASE_URL: SERVER_URL,
      IEUM_MASTER_KEY: aKey(),
      IEUM_DEMO_PASSWORD: 'short',
    }).message;
    expect(message).toContain('IEUM_DEMO_PASSWORD: must be at least 12 characters');
  });
});

describe('the embedded master key file', () => {
  it('is generated on first start as 32 random bytes, owner-only (0600), in a directory only the owner can enter', () => {
    const dataDir = join(freshDir(), 'nested', 'data');
    const config = loadConfig({ IEUM_DATA_DIR: dataDir });
    const keyFile = join(dataDir, 'master.key');
    expect(config.database).toEqual({ kind: 'embedded', dataDir: join(dataDir, 'pgdata') });
    expect(config.masterKeys.source).toBe('key-file');
    expect(config.masterKeys.keyFile).toBe(keyFile);
    expect(config.masterKeys.current).toHaveLength(32);
    expect(config.masterKeys.previous).toEqual([]);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(statSync(dataDir).mode & 0o077).toBe(0);
    const lines = readFileSync(keyFile, 'utf8')
      .split('\n')
      .filter((line) => line && !line.startsWith('#'));
    expect(lines).toEqual([config.masterKeys.current.toString('base64')]);
  });

  it('is reused on the next start, so data encrypted before stays readable', () => {
    const dataDir = freshDir();
    const first = loadConfig({ IEUM_DATA_DIR: dataDir });
    const second = loadConfig({ IEUM_DATA_DIR: dataDir });
    expect(second.masterKeys.current.equals(first.masterKeys.current)).toBe(true);
  });

  it('gives each new data directory its own key', () => {
    const a = loadConfig({ IEUM_DATA_DIR: freshDir() });
    const b = loadConfig({ IEUM_DATA_DIR: freshDir() });
    expect(a.masterKeys.current.equals(b.masterKeys.current)).toBe(false);
  });

  it('is refused when group or others may read it, with the chmod that fixes it', () => {
    const dataDir = freshDir();
    loadConfig({ IEUM_DATA_DIR: dataDir });
    const keyFile = join(dataDir, 'master.key');
    chmodSync(keyFile, 0o644);
    expect(configError({ IEUM_DATA_DIR: dataDir }).message).toBe(
      `${keyFile} must be readable by its owner only (chmod 600); it is 644`,
    );
    chmodSync(keyFile, 0o640);
    expect(configError({ IEUM_DATA_DIR: dataDir }).message).toContain('it is 640');
  });

  it('is refused when it does not hold 32-byte keys', () => {
    const dataDir = freshDir();
    const keyFile = join(dataDir, 'master.key');
    writeFileSync(keyFile, `${randomBytes(16).toString('base64')}\n`, { mode: 0o600 });
    expect(configError({ IEUM_DATA_DIR: dataDir }).message).toBe(
      `${keyFile} does not hold valid 32-byte keys`,
    );
  });

  it('keeps its later lines as previous keys, after which IEUM_PREVIOUS_MASTER_KEYS come', () => {
    const dataDir = freshDir();
    const [current, older, fromEnv] = [randomBytes(32), randomBytes(32), randomBytes(32)];
    writeFileSync(
      join(dataDir, 'master.key'),
      `# ring\n${current.toString('base64')}\n${older.toString('base64')}\n`,
      { mode: 0o600 },
    );
    const config = loadConfig({
      IEUM_DATA_DIR: dataDir,
      IEUM_PREVIOUS_MASTER_KEYS: fromEnv.toString('base64'),
    });
    expect(config.masterKeys.current.equals(current)).toBe(true);
    expect(config.masterKeys.previous.map((key) => key.toString('hex'))).toEqual([
      older.toString('hex'),
      fromEnv.toString('hex'),
    ]);
  });

  it('is not created when IEUM_MASTER_KEY is given', () => {
    const dataDir = freshDir();
    const key = aKey();
    const config = loadConfig({ IEUM_DATA_DIR: dataDir, IEUM_MASTER_KEY: key });
    expect(config.masterKeys).toEqual({
      current: Buffer.from(key, 'base64'),
      previous: [],
      source: 'environment',
      keyFile: null,
    });
    expect(existsSync(join(dataDir, 'master.key'))).toBe(false);
  });
});

describe('the master key with a PostgreSQL server', () => {
  it('is required: DATABASE_URL without IEUM_MASTER_KEY refuses to start and says how to make one', () => {
    const dataDir = freshDir();
    const error = configError({ DATABASE_URL: SERVER_URL, IEUM_DATA_DIR: dataDir });
    expect(error.message).toContain('IEUM_MASTER_KEY is required with DATABASE_URL');
    expect(error.message).toContain('openssl rand -base64 32');
    // The key of a server installation is never generated beside the data.
    expect(existsSync(join(dataDir, 'master.key'))).toBe(false);
  });

  it('refuses a malformed key without repeating it in the message', () => {
    for (const malformed of [
      randomBytes(31).toString('base64'),
      randomBytes(32).toString('hex'),
      'correct horse battery staple',
    ]) {
      const message = configError({ DATABASE_URL: SERVER_URL, IEUM_MASTER_KEY: malformed }).message;
      expect(message).toBe(
        'Invalid configuration:\n  IEUM_MASTER_KEY: must be 32 random bytes in base64 (openssl rand -base64 32)',
      );
    }
  });

  it('refuses a previous key that is not 32 bytes, naming which one', () => {
    const error = configError({
      DATABASE_URL: SERVER_URL,
      IEUM_MASTER_KEY: aKey(),
      IEUM_PREVIOUS_MASTER_KEYS: `${aKey()}, ${randomBytes(8).toString('base64')}`,
    });
    expect(error.message).toBe('IEUM_PREVIOUS_MASTER_KEYS: key #2 is not 32 bytes of base64');
  });

  it('accepts previous keys as a comma-separated list', () => {
    const [a, b] = [randomBytes(32), randomBytes(32)];
    const config = loadConfig({
      DATABASE_URL: SERVER_URL,
      IEUM_MASTER_KEY: aKey(),
      IEUM_PREVIOUS_MASTER_KEYS: ` ${a.toString('base64')} ,${b.toString('base64')},`,
    });
    expect(config.masterKeys.previous.map((key) => key.toString('hex'))).toEqual([
      a.toString('hex'),
      b.toString('hex'),
    ]);
  });
});

describe('IEUM_DEMO', () => {
  it('defaults to on in embedded mode and off with a PostgreSQL server', () => {
    expect(loadConfig({ IEUM_DATA_DIR: freshDir() }).demo.enabled).toBe(true);
    expect(loadConfig({ DATABASE_URL: SERVER_URL, IEUM_MASTER_KEY: aKey() }).demo.enabled).toBe(false);
  });

  it('can be switched either way explicitly', () => {
    expect(loadConfig({ IEUM_DATA_DIR: freshDir(), IEUM_DEMO: 'false' }).demo.enabled).toBe(false);
    expect(loadConfig({ DATABASE_URL: SERVER_URL, IEUM_MASTER_KEY: aKey(), IEUM_DEMO: 'true' }).demo).toEqual(
      {
        enabled: true,
        password: null,
      },
    );
  });

  it('carries the configured demo password', () => {
    const config = loadConfig({ IEUM_DATA_DIR: freshDir(), IEUM_DEMO_PASSWORD: 'a-long-demo-password' });
    expect(config.demo).toEqual({ enabled: true, password: 'a-long-demo-password' });
  });
});
