import { performance } from 'node:perf_hooks';
import { startProtectionSchedule } from './modules/protection/nightly-screening';
import { createApp, openPlatform } from './platform/bootstrap';
import { ConfigError, loadConfig } from './platform/config';
import { DataDirLockedError } from './platform/db/lock';
import { DEMO_ACCOUNTS, seedDemo } from './seed/demo';
import { startDemoPopulation } from './seed/demo-population';

const started = performance.now();

async function main(): Promise<void> {
  const config = loadConfig();
  const platform = await openPlatform(config);
  const demo = config.demo.enabled
    ? await seedDemo(platform.deps.db, { password: config.demo.password, dataDir: config.dataDir })
    : null;
  const app = await createApp(platform.deps);
  await app.listen({ port: config.port, host: config.host });
  // After listen, so start-up stays fast: an empty demo registry fills in the background.
  const population = demo ? startDemoPopulation(platform.deps, app.log, (line) => console.log(line)) : null;
  // Crisis screening every night at 02:00 (Korea), and once now if the last night's run is missing — after
  // the demo data, so that it sees the whole population.
  const protection = startProtectionSchedule(platform.deps, app.log);
  void (population?.finished ?? Promise.resolve())
    .then(() => protection.catchUp())
    .catch((error: unknown) => app.log.error({ err: error }, 'protection: catch-up screening failed'));

  // A signal to the whole process group (Ctrl-C, a service manager) reaches npm, tsx and node alike, so the
  // server may hear it twice: shut down once, and never let a repeated signal kill it half-way (the data
  // directory's lock must be released and the last batch finished).
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'shutting down');
    await population?.stop();
    await protection.stop();
    await app.close();
    await platform.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}`;
  const lines = [
    '',
    `  이음 ieum is ready at ${url}  (${Math.round(performance.now() - started)} ms)`,
    `  database: ${config.database.kind === 'embedded' ? `embedded PGlite in ${config.database.dataDir}` : 'PostgreSQL server'}`,
  ];
  if (demo) {
    lines.push(
      '',
      demo.password
        ? `  Demo accounts (password: ${demo.password}${demo.passwordFile ? `, generated and kept in ${demo.passwordFile}` : ''}):`
        : '  Demo accounts (they keep the password they were created with; see README, "Reset"):',
      ...DEMO_ACCOUNTS.map((account) => `    ${account.username.padEnd(26)} ${account.roles.join(', ')}`),
      '',
      '  The demo data is synthetic. Do not enter real personal data into a demo installation.',
    );
  }
  console.log(`${lines.join('\n')}\n`);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DataDirLockedError) {
    console.error(`\n  ieum cannot start: ${error.message}\n`);
  } else {
    console.error('ieum failed to start:', error);
  }
  process.exit(1);
});
