import type { Config } from './config';
import type { Vault } from './crypto/vault';
import type { Db } from './db/client';

/** What use cases need from the platform; built once at start (or per test) and passed down. */
export interface Deps {
  readonly config: Config;
  readonly db: Db;
  readonly vault: Vault;
  /** The clock, injectable so tests can move time (idle timeout, lockout windows). */
  readonly now: () => Date;
}
