import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';

/**
 * The one place that reads `process.env`. Everything else receives a typed `Config`.
 * Parsing is fail-fast: a bad value stops the process with a message naming the variable.
 */

const MasterKeyText = z
  .string()
  .trim()
  .refine(
    (text) => Buffer.from(text, 'base64').length === 32,
    'must be 32 random bytes in base64 (openssl rand -base64 32)',
  );

const Booleanish = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATABASE_URL: z.string().url().optional(),
  IEUM_DATA_DIR: z.string().default('./data'),
  IEUM_MASTER_KEY: MasterKeyText.optional(),
  /** Keys that data may still be wrapped with during a rotation, comma-separated base64. */
  IEUM_PREVIOUS_MASTER_KEYS: z.string().optional(),
  IEUM_DEMO: Booleanish.optional(),
  IEUM_DEMO_PASSWORD: z.string().min(12, 'must be at least 12 characters').optional(),
  IEUM_REQUIRE_2FA: Booleanish.default(false),
  /** Set when ieum is served over TLS (directly or behind a proxy): cookies get `Secure`. */
  IEUM_SECURE_COOKIES: Booleanish.default(false),
  IEUM_TRUST_PROXY: Booleanish.default(false),
  IEUM_WEB_DIST: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type DatabaseConfig =
  | { readonly kind: 'embedded'; readonly dataDir: string }
  | { readonly kind: 'postgres'; readonly url: string };

export interface MasterKeys {
  /** The key new data keys are wrapped with. */
  readonly current: Buffer;
  /** Older keys still accepted for unwrapping while a rotation runs. */
  readonly previous: readonly Buffer[];
  /** Where the key came from, for messages (never the key itself). */
  readonly source: 'environment' | 'key-file';
  readonly keyFile: string | null;
}

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly database: DatabaseConfig;
  readonly dataDir: string;
  readonly masterKeys: MasterKeys;
  readonly demo: { readonly enabled: boolean; readonly password: string | null };
  readonly requireTwoFactor: boolean;
  readonly secureCookies: boolean;
  readonly trustProxy: boolean;
  readonly webDist: string | null;
  readonly logLevel: z.infer<typeof Env>['LOG_LEVEL'];
  readonly session: { readonly idleTimeoutSeconds: number; readonly absoluteTimeoutSeconds: number };
  readonly lockout: {
    readonly maxFailures: number;
    readonly windowSeconds: number;
    readonly lockSeconds: number;
    /** First back-off delay after a failed sign-in; doubles with each further failure, capped at 4 s. */
    readonly backoffBaseMs: number;
  };
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = resolve(e.IEUM_DATA_DIR);
  const database: DatabaseConfig = e.DATABASE_URL
    ? { kind: 'postgres', url: e.DATABASE_URL }
    : { kind: 'embedded', dataDir: resolve(dataDir, 'pgdata') };
  return {
    port: e.PORT,
    host: e.HOST,
    database,
    dataDir,
    masterKeys: resolveMasterKeys(e.IEUM_MASTER_KEY, e.IEUM_PREVIOUS_MASTER_KEYS, database, dataDir),
    demo: { enabled: e.IEUM_DEMO ?? database.kind === 'embedded', password: e.IEUM_DEMO_PASSWORD ?? null },
    requireTwoFactor: e.IEUM_REQUIRE_2FA,
    secureCookies: e.IEUM_SECURE_COOKIES,
    trustProxy: e.IEUM_TRUST_PROXY,
    webDist: e.IEUM_WEB_DIST ?? null,
    logLevel: e.LOG_LEVEL,
    session: { idleTimeoutSeconds: 30 * 60, absoluteTimeoutSeconds: 12 * 60 * 60 },
    lockout: { maxFailures: 5, windowSeconds: 15 * 60, lockSeconds: 15 * 60, backoffBaseMs: 250 },
  };
}

function decodeKeys(list: string | undefined): Buffer[] {
  if (!list) return [];
  return list
    .split(',')
    .map((text) => text.trim())
    .filter(Boolean)
    .map((text, index) => {
      const key = Buffer.from(text, 'base64');
      if (key.length !== 32)
        throw new ConfigError(`IEUM_PREVIOUS_MASTER_KEYS: key #${index + 1} is not 32 bytes of base64`);
      return key;
    });
}

function resolveMasterKeys(
  fromEnv: string | undefined,
  previousFromEnv: string | undefined,
  database: DatabaseConfig,
  dataDir: string,
): MasterKeys {
  const previous = decodeKeys(previousFromEnv);
  if (fromEnv)
    return { current: Buffer.from(fromEnv, 'base64'), previous, source: 'environment', keyFile: null };
  if (database.kind === 'postgres') {
    throw new ConfigError(
      'IEUM_MASTER_KEY is required with DATABASE_URL: the master key protects every personal record and must be ' +
        'managed outside the database (generate one with `openssl rand -base64 32`; see docs/operations.md).',
    );
  }
  const keyFile = resolve(dataDir, 'master.key');
  const ring = readOrCreateKeyFile(keyFile);
  return { current: ring.current, previous: [...ring.previous, ...previous], source: 'key-file', keyFile };
}

interface KeyFileContent {
  readonly current: Buffer;
  readonly previous: Buffer[];
}

/** The embedded mode's key file: one base64 key per line, the first is current, the rest are previous keys. */
export function readOrCreateKeyFile(keyFile: string): KeyFileContent {
  if (!existsSync(keyFile)) {
    mkdirSync(resolve(keyFile, '..'), { recursive: true, mode: 0o700 });
    writeKeyFile(keyFile, { current: randomBytes(32), previous: [] });
  }
  const mode = statSync(keyFile).mode & 0o777;
  if (mode & 0o077)
    throw new ConfigError(
      `${keyFile} must be readable by its owner only (chmod 600); it is ${mode.toString(8)}`,
    );
  const keys = readFileSync(keyFile, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => Buffer.from(line, 'base64'));
  const [current, ...previous] = keys;
  if (!current || keys.some((key) => key.length !== 32))
    throw new ConfigError(`${keyFile} does not hold valid 32-byte keys`);
  return { current, previous };
}

export function writeKeyFile(keyFile: string, content: KeyFileContent): void {
  const text = [
    '# ieum master key ring: the first key is current, later keys are kept until a rotation finishes.',
    '# Losing this file makes every encrypted personal record unreadable. Back it up apart from the database.',
    ...[content.current, ...content.previous].map((key) => key.toString('base64')),
    '',
  ].join('\n');
  writeFileSync(`${keyFile}.tmp`, text, { mode: 0o600 });
  chmodSync(`${keyFile}.tmp`, 0o600);
  // rename is atomic: a crash never leaves a half-written key ring.
  renameSync(`${keyFile}.tmp`, keyFile);
}
