import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { type IsoDate, isIsoDate, seoulDate } from '@ieum/domain';
import { eq } from 'drizzle-orm';
import { screenPopulation } from '../../packages/server/src/modules/protection/screen-population';
import { openPlatform, type Platform } from '../../packages/server/src/platform/bootstrap';
import { loadConfig } from '../../packages/server/src/platform/config';
import { users } from '../../packages/server/src/platform/db/schema';
import { seedDemo } from '../../packages/server/src/seed/demo';
import { demoOrganizationIds } from '../../packages/server/src/seed/demo-organizations';
import { cpuMeter } from '../lib/protection-cpu';
import { insertSignalBatch, loadPersons, loadSignals, type PopulationOptions } from '../lib/protection-data';
import {
  differences,
  explainScreening,
  levelCounts,
  screenNaively,
  storedScores,
} from '../lib/protection-naive';
import { benchPersonId, distinctSample } from '../lib/protection-weights';
import { databaseTarget } from '../lib/server';
import { ms, ratio, table } from '../lib/stats';

export const description =
  'protection screening at scale: full and incremental set-based screening vs person by person, same run';

const TARGET_FULL_MS = 10_000;
const TARGET_SPEEDUP = 10;
const TARGET_BATCH_MS = 2_000;
/** The batch persons whose new scores are checked against the naive score after the incremental run. */
const BATCH_CHECK = 500;
const DEMO_USER = 'demo-case-worker';

interface Options {
  readonly persons: number;
  readonly signals: number;
  readonly seed: number;
  readonly naiveSample: number;
  readonly batch: number;
  readonly asOf: IsoDate;
  readonly databases: readonly ('pglite' | 'postgres')[];
  readonly explain: boolean;
  readonly analyzeAll: boolean;
}

function options(args: readonly string[]): Options {
  const { values } = parseArgs({
    args: [...args],
    options: {
      persons: { type: 'string', default: process.env.BENCH_PERSONS ?? '100000' },
      signals: { type: 'string', default: '1000000' },
      seed: { type: 'string', default: '2019' },
      'naive-sample': { type: 'string', default: '2000' },
      batch: { type: 'string', default: '10000' },
      'as-of': { type: 'string' },
      databases: { type: 'string' },
      explain: { type: 'boolean', default: false },
      'analyze-all': { type: 'boolean', default: false },
    },
  });
  const databases = (values.databases ?? (process.env.DATABASE_URL ? 'pglite,postgres' : 'pglite'))
    .split(',')
    .map((name) => name.trim()) as Options['databases'];
  if (databases.some((name) => name !== 'pglite' && name !== 'postgres'))
    throw new Error('--databases takes pglite, postgres or both (comma-separated)');
  const asOf = values['as-of'] ?? seoulDate(new Date());
  if (!isIsoDate(asOf)) throw new Error('--as-of takes a date (YYYY-MM-DD)');
  const numbers = {
    persons: Number(values.persons),
    signals: Number(values.signals),
    seed: Number(values.seed),
    naiveSample: Number(values['naive-sample']),
    batch: Number(values.batch),
  };
  for (const [name, value] of Object.entries(numbers))
    if (!Number.isSafeInteger(value) || value < (name === 'seed' ? 0 : 1))
      throw new Error(`--${name} takes a positive integer`);
  return { ...numbers, asOf, databases, explain: values.explain, analyzeAll: values['analyze-all'] };
}

const say = (text: string) => console.error(`[bench] ${text}`);
const n = (value: number) => value.toLocaleString('en-US');
const perSecond = (count: number, elapsedMs: number, unit: string) =>
  `${n(Math.round(count / (elapsedMs / 1000)))} ${unit}/s`;
const load = () => (loadavg()[0] ?? Number.NaN).toFixed(1);

interface DatabaseResult {
  readonly rows: string[][];
  readonly notes: string[];
  readonly mismatches: string[];
}

interface Measured<T> {
  readonly value: T;
  readonly ms: number;
  readonly cpuMs: number;
}

interface Row {
  readonly scenario: string;
  readonly ms: number;
  readonly cpuMs: number;
  readonly rate: string;
  readonly vsNaive?: string;
  readonly target?: string;
  readonly met?: boolean;
}

async function benchDatabase(kind: 'pglite' | 'postgres', opts: Options): Promise<DatabaseResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ieum-bench-protection-'));
  const target = kind === 'postgres' ? await databaseTarget('protection') : null;
  const label = kind === 'postgres' ? 'PostgreSQL' : 'PGlite';
  const config = loadConfig({ IEUM_DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...(target?.env ?? {}) });
  let platform: Platform | null = null;
  try {
    say(`${label}: ${target?.label ?? `embedded PGlite in ${dataDir}`}`);
    platform = await openPlatform(config);
    const { deps } = platform;
    await seedDemo(deps.db, { password: 'bench-demo-password-0123', dataDir });
    const [user] = await deps.db.select({ id: users.id }).from(users).where(eq(users.username, DEMO_USER));
    if (!user) throw new Error(`${DEMO_USER} is missing`);
    const population: PopulationOptions = {
      persons: opts.persons,
      signals: opts.signals,
      seed: opts.seed,
      asOf: opts.asOf,
      now: deps.now(),
      organizations: await demoOrganizationIds(deps.db),
      userId: user.id,
      analyzeAll: opts.analyzeAll,
    };
    const meter = cpuMeter(deps.db, kind, process.env.DATABASE_URL);
    const measure = async <T>(call: () => Promise<T>): Promise<Measured<T>> => {
      const cpu = await meter.read();
      const started = performance.now();
      const value = await call();
      const elapsed = performance.now() - started;
      return { value, ms: elapsed, cpuMs: await meter.since(cpu) };
    };
    const rows: string[][] = [];
    const notes: string[] = [];
    const row = (r: Row) =>
      rows.push([
        r.scenario,
        label,
        ms(r.ms),
        ms(r.cpuMs),
        r.rate,
        r.vsNaive ?? '',
        r.target ?? '',
        r.met === undefined ? '' : r.met ? 'yes' : 'NO',
        load(),
      ]);

    say(`${label}: generating ${n(opts.persons)} persons with profiles and contacts...`);
    const persons = await measure(() => loadPersons(deps.db, population));
    const loaded = persons.value;
    row({
      scenario: 'load: persons, profiles, contacts',
      ...persons,
      rate: perSecond(loaded.persons, persons.ms, 'persons'),
    });
    notes.push(
      `${label}: ${n(loaded.persons)} persons, ${n(loaded.profiles)} profiles, ${n(loaded.appointments)} appointments, ${n(loaded.surveyChecks)} survey checks`,
    );
    say(`${label}: generating ${n(opts.signals)} signals...`);
    const signals = await measure(() =>
      loadSignals(deps.db, population, (done, total) =>
        say(`  ${Math.floor((100 * done) / total)}%  ${n(done)} signals`),
      ),
    );
    row({
      scenario: 'load: signals, then analyze',
      ...signals,
      rate: perSecond(signals.value, signals.ms, 'signals'),
    });

    const screen = (trigger: 'manual' | 'nightly') =>
      measure(() => screenPopulation(deps, { trigger, asOf: opts.asOf, actor: null }));
    say(`${label}: full screening, first run...`);
    const first = await screen('manual');
    say(`${label}: full screening, second run...`);
    const second = await screen('nightly');
    for (const [name, run] of [
      ['first', first],
      ['second', second],
    ] as const)
      notes.push(
        `${label}: ${name} full run: ${n(run.value.persons)} persons, ${n(run.value.scored)} with a score, ${n(run.value.alertsOpened)} alerts opened, ${n(run.value.alertsRaised)} raised (durationMs ${n(run.value.durationMs ?? 0)})`,
      );
    notes.push(`${label}: scores after the full runs: ${await levelCounts(deps.db)}`);

    // The naive baseline on a sample, checked against what the set-based run stored for the same persons.
    const sample = distinctSample(opts.persons, opts.naiveSample, opts.seed + 2).map((g) =>
      benchPersonId(opts.seed, g),
    );
    say(`${label}: naive screening of ${n(sample.length)} persons, one by one...`);
    const stored = await storedScores(deps.db, sample);
    const naive = await measure(() =>
      screenNaively(deps.db, { personIds: sample, asOf: opts.asOf, now: deps.now(), write: true }),
    );
    const mismatches = differences(naive.value.scores, stored).map((text) => `${label}, full run: ${text}`);
    const factor = first.value.persons / sample.length;
    const naiveFor = (persons: number) => (naive.ms * persons) / sample.length;

    const full = (scenario: string, run: Measured<unknown>) =>
      row({
        scenario,
        ...run,
        rate: perSecond(first.value.persons, run.ms, 'persons'),
        vsNaive: ratio(naiveFor(first.value.persons), run.ms),
        ...(kind === 'postgres'
          ? {
              target: `< ${TARGET_FULL_MS / 1000} s, ≥ ${TARGET_SPEEDUP}×`,
              met: run.ms < TARGET_FULL_MS && naiveFor(first.value.persons) / run.ms >= TARGET_SPEEDUP,
            }
          : {}),
      });
    full(`full screening, first run (${n(first.value.alertsOpened)} alerts opened)`, first);
    full('full screening, second run (steady state)', second);
    row({
      scenario: `naive, person by person: measured on ${n(sample.length)} persons, extrapolated ×${factor.toFixed(factor >= 10 ? 0 : 1)}`,
      ms: naive.ms * factor,
      cpuMs: naive.cpuMs * factor,
      rate: perSecond(sample.length, naive.ms, 'persons'),
      vsNaive: ratio(1, 1),
      target: 'baseline',
    });

    say(`${label}: incremental batch of ${n(opts.batch)} signals...`);
    const batch = await measure(() => insertSignalBatch(deps.db, population, opts.batch));
    const { personIds, inserted } = batch.value;
    row({
      scenario: `incremental: insert ${n(inserted)} signals (${n(personIds.length)} persons)`,
      ...batch,
      rate: perSecond(inserted, batch.ms, 'signals'),
    });
    const rescore = await measure(() =>
      screenPopulation(deps, { trigger: 'signals', personIds, asOf: opts.asOf, actor: null }),
    );
    row({
      scenario: `incremental: re-score ${n(rescore.value.persons)} persons`,
      ...rescore,
      rate: perSecond(inserted, rescore.ms, 'signals'),
      vsNaive: ratio(naiveFor(personIds.length), rescore.ms),
      target: `< ${TARGET_BATCH_MS / 1000} s`,
      met: rescore.ms < TARGET_BATCH_MS,
    });
    notes.push(
      `${label}: incremental run: ${n(rescore.value.scored)} with a score, ${n(rescore.value.alertsOpened)} alerts opened, ${n(rescore.value.alertsRaised)} raised`,
    );
    const checked = personIds.slice(0, BATCH_CHECK);
    const after = await screenNaively(deps.db, {
      personIds: checked,
      asOf: opts.asOf,
      now: deps.now(),
      write: false,
    });
    mismatches.push(
      ...differences(after.scores, await storedScores(deps.db, checked)).map(
        (text) => `${label}, incremental run: ${text}`,
      ),
    );
    notes.push(
      `${label}: naive and stored scores compared on ${n(sample.length)} persons after the full runs and ${n(checked.length)} after the incremental run: ${mismatches.length === 0 ? 'all equal' : `${n(mismatches.length)} differ`}`,
    );

    if (opts.explain)
      say(`EXPLAIN ANALYZE, full screening on ${label}:\n${await explainScreening(deps.db, opts.asOf)}`);
    return { rows, notes, mismatches };
  } finally {
    await platform?.close();
    await target?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function run(args: readonly string[]): Promise<void> {
  const opts = options(args);
  const loadAtStart = loadavg()[0] ?? Number.NaN;
  const results: DatabaseResult[] = [];
  for (const database of opts.databases) results.push(await benchDatabase(database, opts));
  const mismatches = results.flatMap((result) => result.mismatches);
  console.log(
    [
      '',
      `ieum protection bench — ${n(opts.persons)} persons, ${n(opts.signals)} signals (seed ${opts.seed}), screening as of ${opts.asOf}`,
      `node ${process.version}, ${availableParallelism()} CPUs (1-min load average ${loadAtStart.toFixed(1)} at start, ${load()} at end)`,
      '',
      table(
        ['scenario', 'database', 'time', 'cpu', 'rate', 'vs naive', 'target', 'met', 'load'],
        results.flatMap((result) => result.rows),
        'llrrrrllr',
      ),
      '',
      ...results.flatMap((result) => result.notes),
      '',
      `Targets (issue 6): full screening on PostgreSQL < ${TARGET_FULL_MS / 1000} s and ≥ ${TARGET_SPEEDUP}× faster than the naive way;`,
      `the incremental batch < ${TARGET_BATCH_MS / 1000} s (checked on both databases). Judged on wall time.`,
      'Full screening = screenPopulation over everybody in one transaction (scores, alerts opened and raised, audit),',
      'in-process, one client. The naive way reads each person with plain queries (scorePersonNaively), scores in',
      'the application and upserts the score, one person after another, opening no alerts; it is timed on a random',
      'sample and extrapolated linearly. The incremental run re-scores the persons of a new batch of signals',
      '(received now). vs naive = the naive time for the same persons ÷ this time. cpu = CPU time of this process',
      '(PGlite runs in it) plus, on PostgreSQL, of the server processes of the bench database (parallel workers not',
      'counted); time well above cpu is waiting, for a core on this shared machine or for the disk. load = 1-min',
      'load average as the step ended. Loading is not part of any target.',
      '',
    ].join('\n'),
  );
  if (mismatches.length > 0) {
    console.error(
      `naive and set-based scores differ for ${mismatches.length} persons; the first:\n${mismatches.slice(0, 5).join('\n')}`,
    );
    process.exitCode = 1;
  }
}
