import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * An exclusive lock on a data directory. PGlite does not lock its files, and two processes writing one
 * directory corrupt it; so the first process writes its pid to `<dir>.lock` with O_EXCL, and a second one
 * gets a clear error. A lock left by a process that no longer runs (kill -9, power loss) is taken over.
 */
export class DataDirLockedError extends Error {
  override readonly name = 'DataDirLockedError';
}

export interface DirLock {
  release(): void;
}

/** Lock files this process holds: its own pid in a lock file means "held here", not "stale". */
const heldHere = new Set<string>();

export function lockDataDir(dataDir: string): DirLock {
  const lockFile = `${dataDir}.lock`;
  if (heldHere.has(lockFile)) {
    throw new DataDirLockedError(
      `The data directory ${dataDir} is in use by this process already. Close it before opening it again.`,
    );
  }
  mkdirSync(dirname(lockFile), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockFile, 'wx', 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      heldHere.add(lockFile);
      let released = false;
      return {
        release() {
          if (released) return;
          released = true;
          heldHere.delete(lockFile);
          try {
            unlinkSync(lockFile);
          } catch {
            // already gone: nothing to release
          }
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number.parseInt(readFileSync(lockFile, 'utf8').trim(), 10);
      // Our own pid here without our holding it is a leftover from an earlier process that had the same pid.
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && isRunning(holder)) {
        throw new DataDirLockedError(
          `The data directory ${dataDir} is in use by another ieum process (pid ${holder}). ` +
            'Stop that process first, or set IEUM_DATA_DIR to another directory.',
        );
      }
      unlinkSync(lockFile); // stale: its owner is gone
    }
  }
  throw new DataDirLockedError(`Could not lock ${dataDir}`);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
