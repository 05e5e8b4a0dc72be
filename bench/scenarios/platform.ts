import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { databaseTarget, freePort, memoryOf, type RunningServer, sleep, startServer } from '../lib/server';
import { median, ms, percentile, ratio, table } from '../lib/stats';

export const description =
  'start-up to ready (new and existing data), login latency, GET /api/me vs /api/health throughput, RSS';

const DEMO_PASSWORD = 'bench-demo-password-0123';

interface Options {
  readonly logins: number;
  readonly duration: number;
  readonly connections: number;
  readonly warmup: number;
  readonly logLevel: string;
}

function options(args: readonly string[]): Options {
  const { values } = parseArgs({
    args: [...args],
    options: {
      logins: { type: 'string', default: '50' },
      duration: { type: 'string', default: '10' },
      connections: { type: 'string', default: '10' },
      warmup: { type: 'string', default: '2' },
      'log-level': { type: 'string', default: process.env.LOG_LEVEL ?? 'warn' },
    },
  });
  return {
    logins: Number(values.logins),
    duration: Number(values.duration),
    connections: Number(values.connections),
    warmup: Number(values.warmup),
    logLevel: values['log-level'],
  };
}

async function timeSequential(n: number, request: () => Promise<Response>): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const started = performance.now();
    const response = await request();
    await response.arrayBuffer();
    const elapsed = performance.now() - started;
    if (response.status !== 200) throw new Error(`unexpected status ${response.status}`);
    samples.push(elapsed);
  }
  return samples;
}

async function signIn(url: string): Promise<{ cookie: string; csrfToken: string }> {
  const response = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'demo-admin', password: DEMO_PASSWORD }),
  });
  const body = (await response.json()) as { csrfToken?: string };
  const cookie = response.headers
    .getSetCookie()
    .find((c) => c.startsWith('ieum_session='))
    ?.split(';')[0];
  if (response.status !== 200 || !cookie || !body.csrfToken)
    throw new Error(`sign-in failed: ${response.status} ${JSON.stringify(body)}`);
  return { cookie, csrfToken: body.csrfToken };
}

async function load(
  url: string,
  opts: Options,
  headers: Record<string, string> = {},
): Promise<autocannon.Result> {
  if (opts.warmup > 0)
    await autocannon({ url, connections: opts.connections, duration: opts.warmup, headers });
  const result = await autocannon({ url, connections: opts.connections, duration: opts.duration, headers });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${url}: ${result.non2xx} non-2xx answers and ${result.errors} errors under load`);
  return result;
}

export async function run(args: readonly string[]): Promise<void> {
  const opts = options(args);
  const target = await databaseTarget('bench');
  const dataDir = mkdtempSync(join(tmpdir(), 'ieum-bench-'));
  const env = async (): Promise<Record<string, string>> => ({
    PORT: String(await freePort()),
    IEUM_DATA_DIR: dataDir,
    IEUM_DEMO: 'true',
    IEUM_DEMO_PASSWORD: DEMO_PASSWORD,
    IEUM_REQUIRE_2FA: 'false',
    LOG_LEVEL: opts.logLevel,
    ...target.env,
  });
  const say = (text: string) => console.error(`[bench] ${text}`);
  const loadAtStart = loadavg()[0] ?? Number.NaN;
  let server: RunningServer | null = null;
  try {
    say(`database: ${target.label}; data dir ${dataDir}`);

    // Baseline for start-up: a trivial HTTP server started the same way (node --import tsx).
    const trivial: number[] = [];
    for (let i = 0; i < 3; i++) {
      const baseline = await startServer({
        env: { PORT: String(await freePort()) },
        script: resolve(import.meta.dirname, '../lib/trivial-server.ts'),
      });
      trivial.push(baseline.readyMs);
      await baseline.stop();
    }
    const trivialMs = median(trivial);

    say('first start (new data: create, migrate, seed)...');
    const first = await startServer({ env: await env() });
    await first.stop();
    say(`  ready in ${ms(first.readyMs)}`);

    say('second start (existing data)...');
    server = await startServer({ env: await env() });
    const second = server;
    say(`  ready in ${ms(second.readyMs)}`);

    say(`login latency: ${opts.logins} sequential sign-ins of demo-admin...`);
    const healthRequest = () => fetch(`${second.url}/api/health`);
    const loginRequest = () =>
      fetch(`${second.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'demo-admin', password: DEMO_PASSWORD }),
      });
    await timeSequential(5, healthRequest);
    await timeSequential(3, loginRequest);
    const healthSeq = await timeSequential(opts.logins, healthRequest);
    const logins = await timeSequential(opts.logins, loginRequest);

    const session = await signIn(second.url);
    say(
      `throughput: GET /api/health, then GET /api/me, ${opts.connections} connections, ${opts.duration} s each...`,
    );
    const health = await load(`${second.url}/api/health`, opts);
    const me = await load(`${second.url}/api/me`, opts, { cookie: session.cookie });
    await sleep(200);
    const memory = memoryOf(second.pid);

    const rps = (r: autocannon.Result) => `${Math.round(r.requests.average).toLocaleString('en-US')} req/s`;
    const rows: string[][] = [
      ['database', target.kind === 'postgres' ? 'PostgreSQL server' : 'embedded PGlite', '', '', ''],
      [
        'start-up to ready, first (new data: create, migrate, seed)',
        ms(first.readyMs),
        'trivial tsx HTTP server',
        ms(trivialMs),
        ratio(first.readyMs, trivialMs),
      ],
      [
        'start-up to ready, second (existing data)',
        ms(second.readyMs),
        'trivial tsx HTTP server',
        ms(trivialMs),
        ratio(second.readyMs, trivialMs),
      ],
      [
        '  (as main.ts reports it, after its imports: first / second)',
        `${first.reportedMs ?? '?'} / ${second.reportedMs ?? '?'} ms`,
        '',
        '',
        '',
      ],
      ...([50, 95, 99] as const).map((p) => [
        `login POST /api/auth/login, sequential n=${opts.logins}, p${p}`,
        ms(percentile(logins, p)),
        `GET /api/health sequential p${p}`,
        ms(percentile(healthSeq, p)),
        ratio(percentile(logins, p), percentile(healthSeq, p)),
      ]),
      [
        'GET /api/me (signed in) throughput',
        rps(me),
        'GET /api/health',
        rps(health),
        ratio(me.requests.average, health.requests.average),
      ],
      [
        'GET /api/me latency mean',
        ms(me.latency.average),
        'GET /api/health mean',
        ms(health.latency.average),
        ratio(me.latency.average, health.latency.average),
      ],
      [
        'GET /api/me latency p99 (1 ms resolution)',
        ms(me.latency.p99),
        'GET /api/health p99',
        ms(health.latency.p99),
        ratio(me.latency.p99, health.latency.p99),
      ],
      ['server RSS after the load (VmRSS)', memory ? `${memory.rssMiB.toFixed(0)} MiB` : 'n/a', '', '', ''],
      ['server peak RSS (VmHWM)', memory ? `${memory.peakMiB.toFixed(0)} MiB` : 'n/a', '', '', ''],
    ];
    console.log(
      [
        '',
        `ieum platform bench — database: ${target.label}`,
        `node ${process.version}, ${availableParallelism()} CPUs (1-min load average ${loadAtStart.toFixed(1)} at start, ${(loadavg()[0] ?? Number.NaN).toFixed(1)} at end), LOG_LEVEL=${opts.logLevel}`,
        `autocannon ${opts.connections} connections × ${opts.duration} s (after ${opts.warmup} s warm-up)`,
        '',
        table(['measure', 'value', 'baseline', 'baseline value', 'ratio'], rows, 'lrlrr'),
        '',
        'Notes: sign-in is deliberately slow (argon2id, ~10 ms+ per hash); the start-up baseline is node + tsx',
        'starting a bare HTTP server; ratios are value / baseline (for throughput, below 1 means slower).',
        '',
      ].join('\n'),
    );
  } finally {
    await server?.stop();
    await target.drop();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(`${dataDir}.lock`, { force: true });
  }
}
