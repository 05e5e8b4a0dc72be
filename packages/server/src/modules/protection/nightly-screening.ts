import { and, desc, eq, isNull } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { Deps } from '../../platform/deps';
import { escalateOverdueAlerts } from './escalate-alerts';
import { screeningRuns } from './schema';
import { screenPopulation } from './screen-population';

const HOUR = 3_600_000;
/** The nightly run starts at 02:00 in Korea (17:00 UTC), when nobody is working the queues. */
const NIGHTLY_HOUR_KST = 2;
const ESCALATION_INTERVAL_MS = 10 * 60_000;

export interface ProtectionSchedule {
  /** Runs a full screening now unless one finished within the last 20 hours (start-up, the demo). */
  catchUp(): Promise<void>;
  stop(): Promise<void>;
}

/** The next 02:00 in Korea after `now`. */
export function nextNightlyRun(now: Date): Date {
  const kst = new Date(now.getTime() + 9 * HOUR);
  const next =
    Date.UTC(kst.getUTCFullYear(), kst.getUTCMonth(), kst.getUTCDate(), NIGHTLY_HOUR_KST) - 9 * HOUR;
  return new Date(next > now.getTime() ? next : next + 24 * HOUR);
}

/**
 * The screening's own clock inside `npm start`: a full screening every night at 02:00 (Korea), a catch-up
 * run at start when the last full one is older than 20 hours, and escalation of overdue alerts every ten
 * minutes. One job at a time; `stop` waits for the running one (a run is one transaction, so stopping
 * half-way would only roll it back).
 */
export function startProtectionSchedule(deps: Deps, log: FastifyBaseLogger): ProtectionSchedule {
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  let nightlyTimer: NodeJS.Timeout | null = null;

  const job = (name: string, work: () => Promise<void>) => {
    running = running.then(async () => {
      if (stopped) return;
      try {
        await work();
      } catch (error) {
        log.error({ err: error, job: name }, 'protection job failed');
      }
    });
    return running;
  };

  const escalate = async () => {
    const { escalated } = await escalateOverdueAlerts(deps);
    if (escalated > 0) log.info({ job: 'escalation', escalated }, 'alerts escalated');
  };

  const fullScreening = (trigger: 'nightly' | 'manual') =>
    job('screening', async () => {
      const run = await screenPopulation(deps, { trigger, actor: null });
      log.info(
        {
          job: 'screening',
          persons: run.persons,
          scored: run.scored,
          alertsOpened: run.alertsOpened,
          alertsRaised: run.alertsRaised,
          durationMs: run.durationMs,
        },
        'screening finished',
      );
      await escalate();
    });

  const scheduleNightly = () => {
    if (stopped) return;
    const at = nextNightlyRun(deps.now());
    nightlyTimer = setTimeout(() => {
      void fullScreening('nightly').then(scheduleNightly);
    }, at.getTime() - deps.now().getTime());
    nightlyTimer.unref();
  };
  scheduleNightly();

  const escalationTimer = setInterval(() => {
    void job('escalation', escalate);
  }, ESCALATION_INTERVAL_MS);
  escalationTimer.unref();

  return {
    async catchUp() {
      if (stopped) return;
      const [last] = await deps.db
        .select({ finishedAt: screeningRuns.finishedAt })
        .from(screeningRuns)
        .where(and(eq(screeningRuns.trigger, 'nightly'), isNull(screeningRuns.error)))
        .orderBy(desc(screeningRuns.startedAt))
        .limit(1);
      const fresh = last?.finishedAt && deps.now().getTime() - last.finishedAt.getTime() < 20 * HOUR;
      if (!fresh) await fullScreening('nightly');
    },
    async stop() {
      stopped = true;
      if (nightlyTimer) clearTimeout(nightlyTimer);
      clearInterval(escalationTimer);
      await running;
    },
  };
}
