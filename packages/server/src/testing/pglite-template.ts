import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import type { Database, Db } from '../platform/db/client';
import * as tables from '../platform/db/tables';

/**
 * A fresh in-memory PGlite for each test platform, started from a snapshot of an empty cluster instead of
 * running initdb again. initdb in WASM takes 7-10 s on a small machine; loading the snapshot takes 1-2 s.
 * The snapshot holds nothing but what initdb makes (no migrations, no keys, no data), so every platform
 * still migrates from scratch exactly as `openDatabase({ kind: 'memory' })` does.
 */
const migrationsFolder = fileURLToPath(new URL('../../migrations', import.meta.url));
const pgliteEntry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
const pgliteDir = pgliteEntry.slice(0, pgliteEntry.lastIndexOf('/dist/'));
const pgliteVersion = (
  JSON.parse(readFileSync(join(pgliteDir, 'package.json'), 'utf8')) as { version: string }
).version;
// Shared by the test processes of one machine; named by the PGlite version, whose initdb it holds.
const snapshotFile = join(tmpdir(), `ieum-test-pglite-${pgliteVersion}.tar`);

let snapshot: Promise<Blob> | null = null;

async function emptyClusterSnapshot(): Promise<Blob> {
  if (existsSync(snapshotFile)) return new Blob([readFileSync(snapshotFile)]);
  const fresh = await PGlite.create();
  const dump = await fresh.dumpDataDir('none');
  await fresh.close();
  // Write then rename: a test process reading concurrently never sees half a file.
  const partial = `${snapshotFile}.${process.pid}.tmp`;
  writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
  renameSync(partial, snapshotFile);
  return dump;
}

async function createFromSnapshot(): Promise<PGlite> {
  snapshot ??= emptyClusterSnapshot();
  try {
    return await PGlite.create({ loadDataDir: await snapshot });
  } catch {
    // A damaged snapshot (an interrupted earlier run): make a new one once.
    rmSync(snapshotFile, { force: true });
    snapshot = emptyClusterSnapshot();
    return PGlite.create({ loadDataDir: await snapshot });
  }
}

export async function openSnapshotPglite(): Promise<Database> {
  const client = await createFromSnapshot();
  const db = drizzle(client, { schema: tables }) as unknown as Db;
  return {
    db,
    kind: 'memory',
    migrate: () => migrate(db as never, { migrationsFolder }),
    close: () => client.close(),
  };
}

/**
 * Puts an empty cluster into `pgdataDir` on disk, as the first start of an embedded installation would
 * (faster than initdb), for tests that run the server or the CLI against a real data directory.
 */
export async function createEmbeddedCluster(pgdataDir: string): Promise<void> {
  snapshot ??= emptyClusterSnapshot();
  const client = await PGlite.create({ dataDir: pgdataDir, loadDataDir: await snapshot });
  await client.close();
}
