import { Dashboard } from '@ieum/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../platform/deps';
import { actorOf } from '../../platform/http/actor';
import { readDashboard } from './read-dashboard';

/** The home page's numbers for the actor's roles and scope: counts only, never a person. */
export async function dashboardRoutes(scope: FastifyInstance, deps: Deps): Promise<void> {
  const app = scope.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/dashboard',
    {
      // Everyone with a work list has a dashboard; roles without one (admin, auditor) are refused.
      config: { access: { kind: 'permission', permission: 'tasks.read' } },
      schema: { tags: ['dashboard'], response: { 200: Dashboard } },
    },
    async (request) => readDashboard(deps, { actor: actorOf(request) }),
  );
}
