import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import type { DatabaseConfig } from '../config';
import { type DirLock, lockDataDir } from './lock';
import * as tables from './tables';

export type Tables = typeof tables;
/** The one database type the code sees, whether PGlite or a PostgreSQL server is underneath. */
export type Db = PgDatabase<PgQueryResultHKT, Tables>;
export type Tx = PgTransaction<PgQueryResultHKT, Tables, ExtractTablesWithRelations<Tables>>;
/** Anything a repository can run queries on: the database or an open transaction. */
export type Queryable = Db | Tx;

export interface Database {
  readonly db: Db;
  readonly kind: DatabaseConfig['kind'] | 'memory';
  migrate(): Promise<void>;
  close(): Promise<void>;
}

const migrationsFolder = fileURLToPath(new URL('../../../migrations', import.meta.url));

// bigint and count(*) come back as strings from node-postgres; numbers from PGlite. Parse int8 as
// a number on both (every bigint here — sequence numbers, counts — stays far below 2^53).
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number.parseInt(value, 10));

export async function openDatabase(config: DatabaseConfig | { kind: 'memory' }): Promise<Database> {
  switch (config.kind) {
    case 'postgres': {
      const pool = new pg.Pool({ connectionString: config.url, max: 10 });
      const db = drizzleNodePg(pool, { schema: tables }) as unknown as Db;
      return {
        db,
        kind: 'postgres',
        migrate: () => migrateNodePg(db as never, { migrationsFolder }),
        close: () => pool.end(),
      };
    }
    case 'embedded':
    case 'memory': {
      let lock: DirLock | null = null;
      let client: PGlite;
      if (config.kind === 'embedded') {
        lock = lockDataDir(config.dataDir);
        try {
          client = await PGlite.create({ dataDir: config.dataDir });
        } catch (error) {
          lock.release();
          throw error;
        }
      } else {
        client = await PGlite.create();
      }
      const db = drizzlePglite(client, { schema: tables }) as unknown as Db;
      return {
        db,
        kind: config.kind,
        migrate: () => migratePglite(db as never, { migrationsFolder }),
        async close() {
          try {
            await client.close();
          } finally {
            lock?.release();
          }
        },
      };
    }
  }
}
