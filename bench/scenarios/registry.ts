import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { parseRrn, permissionsOf, type Role } from '@ieum/domain';
import { eq, type SQL, sql } from 'drizzle-orm';
import { getPerson, searchPersons } from '../../packages/server/src/modules/registry/read-persons';
import { createSession } from '../../packages/server/src/platform/auth/sessions';
import { openPlatform, type Platform } from '../../packages/server/src/platform/bootstrap';
import { loadConfig } from '../../packages/server/src/platform/config';
import { type Actor, runWithContext } from '../../packages/server/src/platform/context';
import { users } from '../../packages/server/src/platform/db/schema';
import { seedDemo } from '../../packages/server/src/seed/demo';
import { demoOrganizationIds } from '../../packages/server/src/seed/demo-organizations';
import { insertDemoPopulation } from '../../packages/server/src/seed/demo-population';
import { generatePopulation } from '../../packages/server/src/seed/population';
import { seededRandom } from '../../packages/server/src/seed/prng';
import {
  explain,
  openFloor,
  type RegisteredPerson,
  SEARCH_KINDS,
  searchFloor,
  searchStatements,
} from '../lib/registry-queries';
import { databaseTarget } from '../lib/server';
import { ms, percentile, ratio, table } from '../lib/stats';

export const description =
  'registry at scale: intake persons/s, search p50/p95/p99 per query kind and opening a record, vs bare SQL';

const TARGET_P95_MS = 50;
const CENTER = 'hana-3';
const CASE_WORKER = 'demo-case-worker';

interface Options {
  readonly persons: number;
  readonly queries: number;
  readonly warmup: number;
  readonly batchSize: number;
  readonly seed: number;
  readonly databases: readonly ('pglite' | 'postgres')[];
  readonly explain: boolean;
}

function options(args: readonly string[]): Options {
  const { values } = parseArgs({
    args: [...args],
    options: {
      persons: { type: 'string', default: process.env.BENCH_PERSONS ?? '100000' },
      queries: { type: 'string', default: '200' },
      warmup: { type: 'string', default: '20' },
      'batch-size': { type: 'string', default: '200' },
      seed: { type: 'string', default: '2020' },
      databases: { type: 'string' },
      explain: { type: 'boolean', default: false },
    },
  });
  const databases = (values.databases ?? (process.env.DATABASE_URL ? 'pglite,postgres' : 'pglite'))
    .split(',')
    .map((name) => name.trim()) as Options['databases'];
  if (databases.some((name) => name !== 'pglite' && name !== 'postgres'))
    throw new Error('--databases takes pglite, postgres or both (comma-separated)');
  return {
    persons: Number(values.persons),
    queries: Number(values.queries),
    warmup: Number(values.warmup),
    batchSize: Number(values['batch-size']),
    seed: Number(values.seed),
    databases,
    explain: values.explain,
  };
}

const say = (text: string) => console.error(`[bench] ${text}`);

async function timed(n: number, call: (i: number) => Promise<void>): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const started = performance.now();
    await call(i);
    samples.push(performance.now() - started);
  }
  return samples;
}

/** A case worker as a session would make them: the user's roles and a real session row. */
async function caseWorker(platform: Platform): Promise<Actor> {
  const { db } = platform.deps;
  const [user] = await db.select().from(users).where(eq(users.username, CASE_WORKER));
  if (!user) throw new Error(`${CASE_WORKER} is missing`);
  const roles = user.roles as Role[];
  const now = new Date();
  const session = await createSession(db, {
    userId: user.id,
    ip: '127.0.0.1',
    now,
    config: platform.deps.config,
  });
  return {
    userId: user.id,
    username: user.username,
    organizationId: user.organizationId,
    roles,
    permissions: new Set(permissionsOf(roles)),
    sessionId: session.tokenHash,
  };
}

async function benchDatabase(kind: 'pglite' | 'postgres', opts: Options): Promise<string[][]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ieum-bench-registry-'));
  const target = kind === 'postgres' ? await databaseTarget('registry') : null;
  const label = kind === 'postgres' ? 'PostgreSQL' : 'PGlite';
  const config = loadConfig({ IEUM_DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...(target?.env ?? {}) });
  let platform: Platform | null = null;
  try {
    say(`${label}: ${target?.label ?? `embedded PGlite in ${dataDir}`}`);
    platform = await openPlatform(config);
    const { deps } = platform;
    await seedDemo(deps.db, { password: 'bench-demo-password-0123', dataDir });

    say(
      `${label}: intake of ${opts.persons.toLocaleString('en-US')} persons, batches of ${opts.batchSize}...`,
    );
    const perPerson: number[] = [];
    let last = { done: 0, at: 0 };
    let reported = -1;
    const intake = await insertDemoPopulation(deps, {
      persons: opts.persons,
      seed: opts.seed,
      batchSize: opts.batchSize,
      onProgress: (p) => {
        perPerson.push((p.elapsedMs - last.at) / (p.done - last.done));
        last = { done: p.done, at: p.elapsedMs };
        const step = Math.floor((20 * p.done) / p.total);
        if (step === reported) return;
        reported = step;
        say(
          `  ${Math.floor((100 * p.done) / p.total)}%  ${Math.round(p.done / (p.elapsedMs / 1000))} persons/s`,
        );
      },
    });
    const intakeSeconds = last.at / 1000;
    const floorPerPerson = await intakeFloor(deps.db, opts, Math.min(opts.persons, 20_000));

    const population = generatePopulation({ persons: opts.persons, seed: opts.seed });
    const centerId = (await demoOrganizationIds(deps.db)).get(CENTER) as string;
    const atCenter: RegisteredPerson[] = [];
    population.persons.forEach((person, index) => {
      const record = intake.registered[index];
      const rrn = person.intake.rrn ? parseRrn(person.intake.rrn) : null;
      const birthDate = rrn?.ok ? rrn.value.birthDate : person.intake.birthDate;
      if (record && birthDate && person.hanaCenterKey === CENTER)
        atCenter.push({ person, ...record, birthDate });
    });
    say(`${label}: queries as ${CASE_WORKER} at ${CENTER} (${atCenter.length} of the persons are there)...`);
    const actor = await caseWorker(platform);
    const context = { requestId: 'bench-registry', ip: '127.0.0.1', actor };
    const random = seededRandom(opts.seed);
    const rows: string[][] = [
      [
        'intake (bulkRegisterPersons), ms per person per batch',
        label,
        ms(percentile(perPerson, 50)),
        ms(percentile(perPerson, 95)),
        ms(percentile(perPerson, 99)),
        `${Math.round(intake.inserted / intakeSeconds)} persons/s`,
        ms(percentile(floorPerPerson, 95)),
        ratio(percentile(perPerson, 95), percentile(floorPerPerson, 95)),
        '',
      ],
    ];
    const run = async (
      name: string,
      inputs: string[],
      call: (q: string) => Promise<void>,
      floor: (q: string) => SQL,
    ) => {
      await timed(Math.min(opts.warmup, inputs.length), (i) =>
        runWithContext(context, () => call(inputs[i] as string)),
      );
      const samples = await timed(inputs.length, (i) =>
        runWithContext(context, () => call(inputs[i] as string)),
      );
      const floors = await timed(inputs.length, async (i) => {
        await deps.db.execute(floor(inputs[i] as string));
      });
      const mean = samples.reduce((sum, s) => sum + s, 0) / samples.length;
      const search = name.startsWith('search');
      rows.push([
        name,
        label,
        ms(percentile(samples, 50)),
        ms(percentile(samples, 95)),
        ms(percentile(samples, 99)),
        `${Math.round(1000 / mean)}/s`,
        ms(percentile(floors, 95)),
        ratio(percentile(samples, 95), percentile(floors, 95)),
        search ? (percentile(samples, 95) < TARGET_P95_MS ? 'yes' : 'NO') : '',
      ]);
      say(`  ${name}: p95 ${ms(percentile(samples, 95))} (floor ${ms(percentile(floors, 95))})`);
    };
    for (const kind of SEARCH_KINDS) {
      const inputs: string[] = [];
      for (let tries = 0; inputs.length < opts.queries && tries < opts.queries * 20; tries++) {
        const q = kind.query(random.pick(atCenter));
        if (q) inputs.push(q);
      }
      let misses = 0;
      await run(
        kind.name,
        inputs,
        async (q) => {
          const found = await searchPersons(deps, { actor, q, page: 1, pageSize: 20 });
          if (found.total === 0) misses += 1;
        },
        (q) => searchFloor(deps.vault, centerId, q),
      );
      if (misses > 0)
        throw new Error(`${kind.name}: ${misses} queries found nobody; the bench inputs are wrong`);
      if (opts.explain)
        for (const statement of searchStatements(deps.vault, centerId, inputs[0] as string))
          say(`EXPLAIN ANALYZE (${kind.name}):\n${await explain(deps.db, statement)}`);
    }
    const ids = Array.from({ length: opts.queries }, () => random.pick(atCenter).id);
    await run(
      'open a full record (getPerson)',
      ids,
      async (personId) => {
        await getPerson(deps, { actor, personId });
      },
      openFloor,
    );
    return rows;
  } finally {
    await platform?.close();
    await target?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * The floor of intake: the same number of rows into a copy of the persons table with its indexes, as
 * multi-row inserts in the same batch size, plaintext, without tokens, tasks or audit. Milliseconds per person.
 */
async function intakeFloor(db: Platform['deps']['db'], opts: Options, n: number): Promise<number[]> {
  await db.execute(sql`create table bench_floor_persons (like persons including defaults including indexes)`);
  const center = sql`(select id from organizations where type = 'hana_center' limit 1)`;
  const samples: number[] = [];
  for (let from = 0; from < n; from += opts.batchSize) {
    const size = Math.min(opts.batchSize, n - from);
    const started = performance.now();
    await db.execute(sql`insert into bench_floor_persons (id, code, hana_center_id, name_sealed, rrn_index)
      select gen_random_uuid(), 'F-' || g, ${center}, 'name ' || g, md5(g::text) from generate_series(${from}::int, ${from + size - 1}::int) g`);
    samples.push((performance.now() - started) / size);
  }
  await db.execute(sql`drop table bench_floor_persons`);
  return samples;
}

export async function run(args: readonly string[]): Promise<void> {
  const opts = options(args);
  const loadAtStart = loadavg()[0] ?? Number.NaN;
  const rows: string[][] = [];
  for (const database of opts.databases) rows.push(...(await benchDatabase(database, opts)));
  console.log(
    [
      '',
      `ieum registry bench — ${opts.persons.toLocaleString('en-US')} persons (seed ${opts.seed}), ${opts.queries} queries per kind`,
      `node ${process.version}, ${availableParallelism()} CPUs (1-min load average ${loadAtStart.toFixed(1)} at start, ${(loadavg()[0] ?? Number.NaN).toFixed(1)} at end)`,
      '',
      table(
        [
          'scenario',
          'database',
          'p50',
          'p95',
          'p99',
          'ops/s',
          'floor p95',
          'ratio',
          `p95 < ${TARGET_P95_MS} ms`,
        ],
        rows,
        'llrrrrrrl',
      ),
      '',
      `Target (issue): search p95 < ${TARGET_P95_MS} ms at 100,000 persons on PostgreSQL.`,
      'Latencies are of the service functions in-process (searchPersons, getPerson as a case worker of one',
      'center: scope, decryption of the page, audit entry), sequential, one client. The floor is the bare SQL of',
      'the same lookup (one statement, page only); ratio = p95 / floor p95. ops/s = 1000 / mean latency.',
      'Intake: insertDemoPopulation → bulkRegisterPersons (validation, sealing, tokens, statutory tasks, audit);',
      'its floor is a plaintext multi-row insert into a copy of the persons table with its indexes.',
      'bulkRegisterPersons ends with VACUUM ANALYZE of persons and tokens (not counted in persons/s).',
      '',
    ].join('\n'),
  );
}
