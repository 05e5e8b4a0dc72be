import { ScreeningRunList, ScreeningRunView } from '@ieum/domain';
import { desc } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../platform/deps';
import { actorOf } from '../../platform/http/actor';
import { escalateOverdueAlerts } from './escalate-alerts';
import { screeningRuns } from './schema';
import { screeningRunView, screenPopulation } from './screen-population';

const access = { access: { kind: 'permission', permission: 'protection.screen' } } as const;

/** The screening on demand (a center manager after a file of signals, say) and the record of past runs. */
export async function screeningRoutes(scope: FastifyInstance, deps: Deps): Promise<void> {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  const tags = ['protection'];

  app.post(
    '/api/protection/screenings',
    { config: access, schema: { tags, response: { 201: ScreeningRunView } } },
    async (request, reply) => {
      const run = await screenPopulation(deps, { trigger: 'manual', actor: actorOf(request) });
      await escalateOverdueAlerts(deps);
      return reply.status(201).send(run);
    },
  );

  app.get(
    '/api/protection/screenings',
    { config: access, schema: { tags, response: { 200: ScreeningRunList } } },
    async () => {
      const rows = await deps.db
        .select()
        .from(screeningRuns)
        .orderBy(desc(screeningRuns.startedAt))
        .limit(20);
      return {
        items: rows.map(screeningRunView),
      };
    },
  );
}
