import { sql } from 'drizzle-orm';
import type { Db } from '../platform/db/client';
import { rowsOf } from '../platform/db/rows';

export interface PlaintextHit {
  readonly table: string;
  readonly column: string;
  /** Which of the needles was found there. */
  readonly needle: string;
}

interface ColumnRow extends Record<string, unknown> {
  table_schema: string;
  table_name: string;
  column_name: string;
  data_type: string;
}

/**
 * Reads the database the way someone holding a stolen copy would: every column of every table, as text,
 * searched for each needle. A personal value that is stored encrypted (or only as a keyed hash) is found
 * nowhere; the hits name the columns that hold it in plaintext. Tables are named `schema.table` outside
 * `public`, so the migration bookkeeping is read too.
 */
export async function findPlaintext(db: Db, needles: readonly string[]): Promise<PlaintextHit[]> {
  const wanted = needles.filter((needle) => needle.length > 0);
  if (wanted.length !== needles.length) throw new Error('findPlaintext: an empty needle matches everything');
  const columns = rowsOf<ColumnRow>(
    await db.execute(sql`
      select c.table_schema, c.table_name, c.column_name, c.data_type
      from information_schema.columns c
      join information_schema.tables t using (table_schema, table_name)
      where t.table_type = 'BASE TABLE'
        and c.table_schema not in ('pg_catalog', 'information_schema')
        and c.table_schema not like 'pg\\_%'
      order by c.table_schema, c.table_name, c.ordinal_position`),
  );
  const byTable = new Map<string, ColumnRow[]>();
  for (const column of columns) {
    const key = `${column.table_schema}.${column.table_name}`;
    byTable.set(key, [...(byTable.get(key) ?? []), column]);
  }
  const hits: PlaintextHit[] = [];
  for (const tableColumns of byTable.values()) {
    const [first] = tableColumns as [ColumnRow];
    const table = sql`${sql.identifier(first.table_schema)}.${sql.identifier(first.table_name)}`;
    // One pass over the table: a flag per (column, needle).
    const probes = tableColumns.flatMap((column) => wanted.map((needle) => ({ column, needle })));
    const flags = probes.map(({ column, needle }, index) => {
      const value = sql.identifier(column.column_name);
      // bytea compares bytes with bytes; everything else (text, json, arrays, numbers) as its text form.
      const contains =
        column.data_type === 'bytea'
          ? sql`position(convert_to(${needle}::text, 'UTF8') in ${value}) > 0`
          : sql`position(${needle}::text in ${value}::text) > 0`;
      return sql`coalesce(bool_or(${contains}), false) as ${sql.identifier(`p${index}`)}`;
    });
    const [row] = rowsOf<Record<string, boolean>>(
      await db.execute(sql`select ${sql.join(flags, sql`, `)} from ${table}`),
    );
    probes.forEach(({ column, needle }, index) => {
      if (row?.[`p${index}`]) {
        const name =
          first.table_schema === 'public' ? first.table_name : `${first.table_schema}.${first.table_name}`;
        hits.push({ table: name, column: column.column_name, needle });
      }
    });
  }
  return hits;
}

/** Every table a scan reads, so a test can prove the scan saw the tables it means to. */
export async function scannedTables(db: Db): Promise<string[]> {
  const rows = rowsOf<{ name: string }>(
    await db.execute(sql`
      select case when table_schema = 'public' then table_name else table_schema || '.' || table_name end as name
      from information_schema.tables
      where table_type = 'BASE TABLE'
        and table_schema not in ('pg_catalog', 'information_schema')
        and table_schema not like 'pg\\_%'
      order by 1`),
  );
  return rows.map((row) => row.name);
}
