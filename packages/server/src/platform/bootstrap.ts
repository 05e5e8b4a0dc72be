import type { Writable } from 'node:stream';
import { adminRoutes } from '../modules/admin/routes';
import { appointmentRoutes } from '../modules/appointments/routes';
import { auditRoutes } from '../modules/audit/routes';
import { caseRoutes } from '../modules/cases/routes';
import { dashboardRoutes } from '../modules/dashboard/routes';
import { jobsRoutes } from '../modules/jobs/routes';
import { personTimelineRoutes } from '../modules/person-timeline/routes';
import { planRoutes } from '../modules/plan/routes';
import { protectionRoutes } from '../modules/protection/routes';
import { screeningRoutes } from '../modules/protection/screening-routes';
import { protectionSignalRoutes } from '../modules/protection/signal-routes';
import { referenceRoutes } from '../modules/reference/routes';
import { referralRoutes } from '../modules/referrals/routes';
import { registryRoutes } from '../modules/registry/routes';
import { timelineRoutes } from '../modules/timeline/routes';
import { authRoutes } from './auth/routes';
import type { Config } from './config';
import { MasterKeyring } from './crypto/keyring';
import { Vault } from './crypto/vault';
import { type Database, openDatabase } from './db/client';
import type { Deps } from './deps';
import { type App, buildApp } from './http/app';

/** The route plugins of the platform and every module, in registration order. */
export const ROUTE_PLUGINS = [
  authRoutes,
  adminRoutes,
  auditRoutes,
  referenceRoutes,
  registryRoutes,
  timelineRoutes,
  caseRoutes,
  referralRoutes,
  appointmentRoutes,
  dashboardRoutes,
  personTimelineRoutes,
  protectionRoutes,
  jobsRoutes,
  protectionSignalRoutes,
  screeningRoutes,
  planRoutes,
] as const;

export interface Platform {
  readonly deps: Deps;
  readonly database: Database;
  close(): Promise<void>;
}

/** Opens the database, applies migrations, and unlocks the vault: everything but HTTP. */
export async function openPlatform(
  config: Config,
  options: { database?: Database; now?: () => Date } = {},
): Promise<Platform> {
  const database = options.database ?? (await openDatabase(config.database));
  try {
    await database.migrate();
    const vault = await Vault.open(database.db, new MasterKeyring(config.masterKeys));
    const deps: Deps = { config, db: database.db, vault, now: options.now ?? (() => new Date()) };
    return { deps, database, close: () => database.close() };
  } catch (error) {
    await database.close();
    throw error;
  }
}

export function createApp(deps: Deps, options: { logStream?: Writable } = {}): Promise<App> {
  return buildApp(deps, { plugins: ROUTE_PLUGINS, ...options });
}
