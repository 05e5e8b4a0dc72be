import { TaskCompletion, TaskList, TaskQuery } from '@ieum/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../platform/deps';
import { actorOf } from '../../platform/http/actor';
import { completeTask, listTasks } from './list-tasks';

/** Work lists of dated tasks (statutory and manual), and one person's timeline of them. */
export async function timelineRoutes(scope: FastifyInstance, deps: Deps): Promise<void> {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  const tags = ['tasks'];

  app.get(
    '/api/tasks',
    {
      config: { access: { kind: 'permission', permission: 'tasks.read' } },
      schema: { tags, querystring: TaskQuery, response: { 200: TaskList } },
    },
    async (request) => listTasks(deps, { actor: actorOf(request), ...request.query }),
  );

  app.post(
    '/api/tasks/:id/complete',
    {
      config: { access: { kind: 'permission', permission: 'tasks.update' } },
      schema: { tags, params: z.object({ id: z.uuid() }), body: TaskCompletion, response: { 204: z.null() } },
    },
    async (request, reply) => {
      await completeTask(deps, {
        actor: actorOf(request),
        taskId: request.params.id,
        version: request.body.version,
      });
      return reply.status(204).send(null);
    },
  );
}
