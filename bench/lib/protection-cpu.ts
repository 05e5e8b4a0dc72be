import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import type { Db } from '../../packages/server/src/platform/db/client';
import { rowsOf } from '../../packages/server/src/platform/db/rows';

/**
 * CPU time spent on a step, for a machine whose cores are shared: with a load average of 6 on 2 cores a step's
 * wall time is mostly waiting for a core, and CPU time says what it would take on an idle machine. It is this
 * process's CPU (PGlite runs inside it) plus, on a local PostgreSQL server, the CPU of the server processes
 * connected to the bench's database, read from /proc. Parallel workers that came and went during the step
 * are not counted, so on PostgreSQL it is a lower bound.
 */
export interface CpuMeter {
  /** CPU milliseconds since `start`, or NaN when the server's processes cannot be read. */
  since(start: CpuReading): Promise<number>;
  read(): Promise<CpuReading>;
}

export interface CpuReading {
  readonly processUs: number;
  /** Clock ticks per server process id; null when not measurable. */
  readonly server: ReadonlyMap<number, number> | null;
}

const TICK_MS = 10; // USER_HZ is 100 on Linux

function ticksOf(pid: number): number | null {
  try {
    // Fields after the command (which may hold spaces) start at state; utime and stime are the 12th and 13th.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return null;
  }
}

export function cpuMeter(db: Db, kind: 'pglite' | 'postgres', serverUrl: string | undefined): CpuMeter {
  const local =
    kind === 'postgres' && serverUrl
      ? /^(localhost|127\.0\.0\.1|::1|\[::1\])$/.test(new URL(serverUrl).hostname)
      : false;
  const serverTicks = async (): Promise<Map<number, number> | null> => {
    if (kind === 'pglite') return new Map();
    if (!local) return null;
    const pids = rowsOf<{ pid: number }>(
      await db.execute(sql`select pid from pg_stat_activity where datname = current_database()`),
    );
    const ticks = new Map<number, number>();
    for (const { pid } of pids) {
      const value = ticksOf(pid);
      if (value !== null) ticks.set(pid, value);
    }
    return ticks.size > 0 ? ticks : null;
  };
  const read = async (): Promise<CpuReading> => {
    const usage = process.cpuUsage();
    return { processUs: usage.user + usage.system, server: await serverTicks() };
  };
  return {
    read,
    async since(start) {
      const end = await read();
      if (!start.server || !end.server) return Number.NaN;
      let ticks = 0;
      for (const [pid, value] of end.server) ticks += value - (start.server.get(pid) ?? 0);
      return (end.processUs - start.processUs) / 1000 + ticks * TICK_MS;
    },
  };
}
