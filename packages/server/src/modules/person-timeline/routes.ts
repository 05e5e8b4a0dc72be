import { PersonTimeline, PersonTimelineQuery } from '@ieum/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../platform/deps';
import { actorOf } from '../../platform/http/actor';
import { readPersonTimeline } from './read-person-timeline';

/** A person's timeline: everything recorded on them across the modules, newest first. */
export async function personTimelineRoutes(scope: FastifyInstance, deps: Deps): Promise<void> {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/persons/:id/timeline',
    {
      config: { access: { kind: 'permission', permission: 'persons.read' } },
      schema: {
        tags: ['persons'],
        params: z.object({ id: z.uuid() }),
        querystring: PersonTimelineQuery,
        response: { 200: PersonTimeline },
      },
    },
    async (request) =>
      readPersonTimeline(deps, { actor: actorOf(request), personId: request.params.id, ...request.query }),
  );
}
