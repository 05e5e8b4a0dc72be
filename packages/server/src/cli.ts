import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { issueApiKeyCommand, listApiKeysCommand, revokeApiKeyCommand } from './commands/api-keys';
import { importPersonsCommand } from './commands/import-persons';
import { recordAudit, verifyAuditChain } from './platform/audit/audit-log';
import { openPlatform } from './platform/bootstrap';
import { type Config, ConfigError, loadConfig, readOrCreateKeyFile, writeKeyFile } from './platform/config';
import { MasterKeyring } from './platform/crypto/keyring';
import { rewrapAllKeys } from './platform/crypto/vault';
import { openDatabase } from './platform/db/client';
import { DataDirLockedError } from './platform/db/lock';
import { DEMO_CASEWORK, insertDemoCasework } from './seed/demo-casework';
import { DEMO_POPULATION, DemoPopulationError, insertDemoPopulation } from './seed/demo-population';

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
  'import:persons': importPersonsCommand,
  'api-key:issue': issueApiKeyCommand,
  'api-key:revoke': revokeApiKeyCommand,
  'api-key:list': listApiKeysCommand,
  'demo:generate': {
    summary:
      'add synthetic persons and their case work: --persons N (2000) --seed S (2020) [--center-only hana-3] [--no-casework]; a seed goes in once',
    async run(config, args) {
      const { values } = parseArgs({
        args,
        options: {
          persons: { type: 'string', default: String(DEMO_POPULATION.persons) },
          seed: { type: 'string', default: String(DEMO_POPULATION.seed) },
          'center-only': { type: 'string' },
          'batch-size': { type: 'string', default: '200' },
          'no-casework': { type: 'boolean', default: false },
        },
      });
      const persons = Number(values.persons);
      const seed = Number(values.seed);
      const batchSize = Number(values['batch-size']);
      if (![persons, seed, batchSize].every(Number.isSafeInteger) || persons < 1 || batchSize < 1) {
        console.error('--persons, --seed and --batch-size take whole numbers (persons and batch size ≥ 1)');
        return 1;
      }
      const platform = await openPlatform(config);
      const started = performance.now();
      let reported = -1;
      // Ctrl-C stops after the batch in progress; running the command again resumes there.
      const stop = new AbortController();
      process.once('SIGINT', () => stop.abort());
      try {
        const result = await insertDemoPopulation(platform.deps, {
          persons,
          seed,
          centerOnly: values['center-only'],
          batchSize,
          signal: stop.signal,
          onProgress: (p) => {
            const step = Math.floor((20 * p.done) / p.total);
            if (step === reported) return;
            reported = step;
            const rate = (p.done - p.resumedFrom) / (p.elapsedMs / 1000);
            console.log(
              `${String(Math.floor((100 * p.done) / p.total)).padStart(3)}%  ${p.done}/${p.total} persons  ${Math.round(rate)} persons/s`,
            );
          },
        });
        const seconds = (performance.now() - started) / 1000;
        const example = result.nearDuplicates.find((pair) => pair.original && pair.duplicate);
        if (result.stopped) console.log('stopped: run the same command again to resume');
        console.log(
          [
            `persons inserted:        ${result.inserted}${result.resumedFrom > 0 ? ` (resumed at ${result.resumedFrom})` : ''}`,
            `skipped:                 ${result.skipped.length}${result.skipped.length > 0 ? ' (registration number already on record)' : ''}`,
            `near-duplicates planted: ${result.nearDuplicates.length}${example ? ` (e.g. ${example.original} ≈ ${example.duplicate})` : ''}`,
            `duration:                ${seconds.toFixed(1)} s (${Math.round(result.inserted / seconds)} persons/s)`,
          ].join('\n'),
        );
        if (result.stopped || values['no-casework']) return 0;
        console.log(
          'case work (cases, assessments, plans, notes, appointments, consents, referrals) at centers with case workers:',
        );
        const caseworkStarted = performance.now();
        let caseworkReported = -1;
        const work = await insertDemoCasework(platform.deps, {
          ...DEMO_CASEWORK,
          seed,
          signal: stop.signal,
          onProgress: (done, total) => {
            const step = Math.floor((10 * done) / total);
            if (step === caseworkReported) return;
            caseworkReported = step;
            console.log(`${String(Math.floor((100 * done) / total)).padStart(3)}%  ${done}/${total} cases`);
          },
        });
        console.log(
          [
            `cases opened:            ${work.cases} (${work.assessments} assessments, ${work.goals} goals, ${work.notes} notes)`,
            `consents and referrals:  ${work.consents} / ${work.referrals}; appointments: ${work.appointments}`,
            `centers without workers: ${work.centersWithoutWorkers} (no case-worker account there to carry a case)`,
            `duration:                ${((performance.now() - caseworkStarted) / 1000).toFixed(1)} s`,
          ].join('\n'),
        );
        return 0;
      } catch (error) {
        if (error instanceof DemoPopulationError) {
          console.error(error.message);
          return 1;
        }
        throw error;
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
