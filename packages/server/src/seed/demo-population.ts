import { count, eq } from 'drizzle-orm';
import {
  type BulkPerson,
  type BulkProgress,
  type BulkResult,
  bulkRegisterPersons,
  importProgress,
} from '../modules/registry/bulk-register';
import { persons as personsTable } from '../modules/registry/schema';
import type { Db } from '../platform/db/client';
import { users } from '../platform/db/schema';
import type { Deps } from '../platform/deps';
import { DEMO_CASEWORK, insertDemoCasework } from './demo-casework';
import { insertDemoJobs } from './demo-jobs';
import { DEMO_ORGANIZATIONS, demoOrganizationIds } from './demo-organizations';
import { insertDemoPlan } from './demo-plan';
import { insertDemoProtection } from './demo-protection';
import { generatePopulation, type NearDuplicate } from './population';

/** What `npm start` puts into an empty demo registry, and `demo:generate` by default. */
export const DEMO_POPULATION = { persons: 2000, seed: 2020 } as const;

/** The demo data is missing, or this population is already there: a message for the operator, not a crash. */
export class DemoPopulationError extends Error {
  override readonly name = 'DemoPopulationError';
}

export interface DemoPopulationOptions {
  readonly persons: number;
  readonly seed: number;
  readonly centerOnly?: string | undefined;
  readonly batchSize?: number;
  readonly onProgress?: (progress: BulkProgress) => void;
  readonly signal?: AbortSignal;
}

export interface DemoPopulationResult extends BulkResult {
  /** The planted near-duplicates by person ID (null where this run did not insert the record). */
  readonly nearDuplicates: readonly (Omit<NearDuplicate, 'original' | 'duplicate'> & {
    readonly original: string | null;
    readonly duplicate: string | null;
  })[];
}

/** The audit trail names each population by its seed (and center), so the same one never goes in twice. */
export function demoPopulationImportId(options: { seed: number; centerOnly?: string | undefined }): string {
  return `demo-population:seed=${options.seed}${options.centerOnly ? `:center=${options.centerOnly}` : ''}`;
}

/**
 * Generates a synthetic population and registers it as the demo administrator. A population stopped part-way
 * (Ctrl-C) resumes where its last batch committed; one that is complete is refused, so the same seed never
 * adds its persons twice.
 */
export async function insertDemoPopulation(
  deps: Deps,
  options: DemoPopulationOptions,
): Promise<DemoPopulationResult> {
  if (
    options.centerOnly &&
    !DEMO_ORGANIZATIONS.some((o) => o.key === options.centerOnly && o.type === 'hana_center')
  )
    throw new DemoPopulationError(
      '--center-only takes the key of a demo Hana Center, hana-1 to hana-25 (see seed/demo-organizations.ts).',
    );
  const importId = demoPopulationImportId(options);
  const progress = await importProgress(deps.db, importId);
  if (progress && progress.done >= progress.total)
    throw new DemoPopulationError(
      `The demo population with seed ${options.seed}${options.centerOnly ? ` for ${options.centerOnly}` : ''} is ` +
        `already in this database (${progress.total} persons, ${progress.at.toISOString()}). Choose another --seed.`,
    );
  if (progress && progress.total !== options.persons)
    throw new DemoPopulationError(
      `A demo population with seed ${options.seed} of ${progress.total} persons was stopped at ${progress.done}; ` +
        `resume it with --persons ${progress.total}, or choose another --seed.`,
    );
  const { organizationIds, adminId } = await demoReferences(deps.db);
  const population = generatePopulation(options);
  const input: BulkPerson[] = population.persons.map((person) => ({
    ...person.intake,
    hanaCenterId: organizationIds.get(person.hanaCenterKey) as string,
    ...(person.municipalityKey
      ? { municipalityId: organizationIds.get(person.municipalityKey) as string }
      : {}),
  }));
  const result = await bulkRegisterPersons(deps, {
    actorUserId: adminId,
    persons: input,
    importId,
    ...(options.batchSize ? { batchSize: options.batchSize } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const codeAt = (index: number) => result.registered[index]?.code ?? null;
  return {
    ...result,
    nearDuplicates: population.nearDuplicates.map(({ original, duplicate, ...kind }) => ({
      ...kind,
      original: codeAt(original),
      duplicate: codeAt(duplicate),
    })),
  };
}

/** The demo organizations' ids and the demo administrator: refused with a clear message if not seeded. */
async function demoReferences(db: Db): Promise<{ organizationIds: Map<string, string>; adminId: string }> {
  const organizationIds = await demoOrganizationIds(db);
  const [admin] = await db.select({ id: users.id }).from(users).where(eq(users.username, 'demo-admin'));
  const needed = DEMO_ORGANIZATIONS.filter(
    (org) => org.type === 'hana_center' || org.type === 'local_government',
  );
  if (!admin || needed.some((org) => !organizationIds.has(org.key)))
    throw new DemoPopulationError(
      'The demo organizations and accounts are not in this database. Start ieum once in demo mode ' +
        '(IEUM_DEMO=true npm start, the default without DATABASE_URL) to create them, then run this again.',
    );
  return { organizationIds, adminId: admin.id };
}

export interface PopulationLog {
  info(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
}

export interface BackgroundPopulation {
  /** Settles when the demo data is complete (or the filling stopped or failed; it never rejects). */
  readonly finished: Promise<void>;
  /** Stops after the batch in progress (it commits or not as a whole) and waits for it. */
  stop(): Promise<void>;
}

/**
 * For `npm start` in demo mode: fills an empty registry with the default population after the server is
 * listening, in small batches that leave the database to requests in between. Resumes a population an
 * earlier start did not finish; leaves a registry alone that has other persons in it. Logs counts only.
 */
export function startDemoPopulation(
  deps: Deps,
  log: PopulationLog,
  announce: (line: string) => void,
): BackgroundPopulation {
  const controller = new AbortController();
  const run = async () => {
    const importId = demoPopulationImportId(DEMO_POPULATION);
    const progress = await importProgress(deps.db, importId);
    if (progress && progress.done >= progress.total) {
      await fillCasework();
      return;
    }
    if (!progress) {
      const [registered] = await deps.db.select({ n: count() }).from(personsTable);
      if ((registered?.n ?? 0) > 0) return;
    }
    log.info(
      { persons: DEMO_POPULATION.persons, resumeAt: progress?.done ?? 0 },
      'demo population: generating',
    );
    let reported = -1;
    const started = performance.now();
    const result = await insertDemoPopulation(deps, {
      ...DEMO_POPULATION,
      // A batch holds the database until it commits (PGlite has one connection), and a request may wait for one
      // batch at each of its queries: 5 persons take 0.1-0.2 s (0.5 s on a busy 2-CPU machine).
      batchSize: 5,
      signal: controller.signal,
      onProgress: (p) => {
        const tenth = Math.floor((10 * p.done) / p.total);
        if (tenth === reported) return;
        reported = tenth;
        log.info(
          { done: p.done, total: p.total, elapsedMs: Math.round(p.elapsedMs) },
          'demo population: progress',
        );
      },
    });
    if (result.stopped) {
      log.info({ inserted: result.inserted }, 'demo population: stopped; it resumes at the next start');
      return;
    }
    announce(
      `  Demo population ready: ${DEMO_POPULATION.persons.toLocaleString('en-US')} synthetic persons ` +
        `(${result.nearDuplicates.length} near-duplicates planted for duplicate detection), ` +
        `${Math.round((performance.now() - started) / 1000)} s after the server was ready.`,
    );
    await fillCasework();
  };
  // Case work for the demo workers' persons (it tops up to the quota, so a later start adds nothing), then crisis
  // protection, jobs and the implementation plan (each once).
  const fillCasework = async () => {
    const work = await insertDemoCasework(deps, { ...DEMO_CASEWORK, signal: controller.signal });
    if (work.cases > 0)
      announce(
        `  Demo case work ready: ${work.cases} cases (${work.notes} notes, ${work.goals} goals, ` +
          `${work.appointments} appointments, ${work.referrals} referrals) for the demo case workers.`,
      );
    const protection = await insertDemoProtection(deps, { signal: controller.signal });
    if (protection.signals > 0)
      announce(
        `  Demo crisis protection ready: ${protection.profiles} vulnerability profiles, ${protection.signals} agency ` +
          `signals, ${protection.alertsHandled} alerts worked by the demo case workers, ` +
          `${protection.surveyChecksDone} survey checks done.`,
      );
    const jobs = await insertDemoJobs(deps, { signal: controller.signal });
    if (jobs.employers > 0 && !controller.signal.aborted)
      announce(
        `  Demo jobs ready: ${jobs.employers} employers (${jobs.priorityPurchasing} for priority purchasing), ` +
          `${jobs.postings} postings, ${jobs.courses} courses, ${jobs.profiles} seeker profiles, ` +
          `${jobs.applications} applications (${jobs.placements} placed), ${jobs.payments} incentive payments; ` +
          `${jobs.officerPersons} persons with the demo employment officer.`,
      );
    // Last: its computed KPIs read the case work, protection and jobs above.
    const plan = await insertDemoPlan(deps, { signal: controller.signal });
    if (plan.tasks > 0 && !controller.signal.aborted)
      announce(
        `  Demo plan ready: the 2020 implementation plan in execution, ${plan.tasks} illustrative tasks in 7 ` +
          `categories (${plan.kpis} KPIs, ${plan.computedKpis} computed), consultation 7-13 Feb 2020 with ` +
          `${plan.comments} comments all resolved, ${plan.reports} first- and second-quarter reports filed and ` +
          `${plan.missingReports} missing (the demo stops in mid-2020, so the third and fourth quarters show as ` +
          `overdue); the lead departments' reporters sign in as demo-task-reporter ` +
          `(Ministry of Unification) and demo-task-reporter-moel, -moe, -mohw, … with the demo password.`,
      );
  };
  const done = run().catch((error: unknown) => {
    // The first line only: a driver error goes on with the query's parameters.
    const message = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
    log.error({ error: message.slice(0, 300) }, 'demo population: failed');
  });
  return {
    finished: done,
    async stop() {
      controller.abort();
      await done;
    },
  };
}
