import { randomBytes } from 'node:crypto';
import { recordAudit, verifyAuditChain } from './platform/audit/audit-log';
import { openPlatform } from './platform/bootstrap';
import { type Config, ConfigError, loadConfig, readOrCreateKeyFile, writeKeyFile } from './platform/config';
import { MasterKeyring } from './platform/crypto/keyring';
import { rewrapAllKeys } from './platform/crypto/vault';
import { openDatabase } from './platform/db/client';
import { DataDirLockedError } from './platform/db/lock';

/** `npm run cli -- <command>`: operations that run beside (or instead of) the server. */
const COMMANDS: Record<
  string,
  { summary: string; run: (config: Config, args: string[]) => Promise<number> }
> = {
  'db:migrate': {
    summary: 'apply pending database migrations',
    async run(config) {
      const database = await openDatabase(config.database);
      try {
        await database.migrate();
        console.log('migrations applied');
        return 0;
      } finally {
        await database.close();
      }
    },
  },
  'audit:verify': {
    summary: 'walk the access ledger and report the first altered, removed or re-linked entry',
    async run(config) {
      const platform = await openPlatform(config);
      try {
        const result = await verifyAuditChain(platform.deps.db);
        if (result.ok) {
          console.log(`audit chain intact: ${result.checked} entries verified`);
          return 0;
        }
        console.error(
          `audit chain BROKEN at entry #${result.firstBrokenSeq} (${result.reason}); ${result.checked} entries before it verified`,
        );
        return 2;
      } finally {
        await platform.close();
      }
    },
  },
  'keys:rotate': {
    summary:
      're-wrap every data key under a new master key (embedded: generates it; server: IEUM_MASTER_KEY is the new key)',
    async run(config) {
      let effective = config;
      const keyFile = config.masterKeys.keyFile;
      if (config.masterKeys.source === 'key-file' && keyFile) {
        // The new key goes to the key file first, with the old one kept: a crash part-way leaves both usable.
        const ring = readOrCreateKeyFile(keyFile);
        const fresh = randomBytes(32);
        writeKeyFile(keyFile, { current: fresh, previous: [ring.current, ...ring.previous] });
        effective = {
          ...config,
          masterKeys: { ...config.masterKeys, current: fresh, previous: [ring.current, ...ring.previous] },
        };
      } else if (config.masterKeys.previous.length === 0) {
        console.error(
          'Set IEUM_MASTER_KEY to the new key and IEUM_PREVIOUS_MASTER_KEYS to the old one (see docs/operations.md).',
        );
        return 1;
      }
      const platform = await openPlatform(effective);
      try {
        const keyring = new MasterKeyring(effective.masterKeys);
        const { rewrapped } = await rewrapAllKeys(platform.deps.db, keyring);
        await recordAudit(platform.deps.db, {
          action: 'keys_rotated',
          actor: null,
          detail: { rewrapped, masterKeyId: keyring.currentId },
        });
        if (keyFile && config.masterKeys.source === 'key-file') {
          writeKeyFile(keyFile, { current: effective.masterKeys.current, previous: [] });
        }
        console.log(`re-wrapped ${rewrapped} keys under master key ${keyring.currentId}`);
        if (config.masterKeys.source === 'environment')
          console.log('You can now remove IEUM_PREVIOUS_MASTER_KEYS.');
        return 0;
      } finally {
        await platform.close();
      }
    },
  },
};

async function main(): Promise<number> {
  const [command, ...args] = process.argv.slice(2);
  const entry = command ? COMMANDS[command] : undefined;
  if (!entry) {
    console.log('usage: npm run cli -- <command>\n');
    for (const [name, { summary }] of Object.entries(COMMANDS))
      console.log(`  ${name.padEnd(14)} ${summary}`);
    return command ? 1 : 0;
  }
  return entry.run(loadConfig(), args);
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof ConfigError || error instanceof DataDirLockedError) console.error(error.message);
    else console.error(error);
    process.exit(1);
  },
);
