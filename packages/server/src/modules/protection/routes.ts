import {
  AlertAssignment,
  AlertClosing,
  AlertDetail,
  AlertList,
  AlertQuery,
  AlertTake,
  ContactInput,
  type Permission,
  PersonProtection,
  ProtectionProfileInput,
  ProtectionProfileView,
  ServiceInput,
} from '@ieum/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../platform/deps';
import { actorOf } from '../../platform/http/actor';
import { assignAlert, takeAlert } from './assign-alert';
import { closeAlert } from './close-alert';
import { saveProtectionProfile } from './protection-profile';
import { getAlert, listAlerts } from './read-alerts';
import { readPersonProtection } from './read-person-protection';
import { recordContact } from './record-contact';
import { recordService } from './record-service';

const can = (permission: Extract<Permission, `protection.${string}` | `surveys.${string}`>) =>
  ({ access: { kind: 'permission', permission } }) as const;
const ById = z.object({ id: z.uuid() });
const Created = { 201: z.object({ id: z.uuid() }) };
const NoContent = { 204: z.null() };

/**
 * Protection of vulnerable defectors: the triage queue of alerts and the outreach on them, and the person's
 * protection profile. Signal intake and screening have their own routes.
 */
export async function protectionRoutes(scope: FastifyInstance, deps: Deps): Promise<void> {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  const tags = ['protection'];

  app.get(
    '/api/protection/alerts',
    {
      config: can('protection.read'),
      schema: { tags, querystring: AlertQuery, response: { 200: AlertList } },
    },
    async (request) => listAlerts(deps, { actor: actorOf(request), ...request.query }),
  );

  app.get(
    '/api/protection/alerts/:id',
    { config: can('protection.read'), schema: { tags, params: ById, response: { 200: AlertDetail } } },
    async (request) => getAlert(deps, { actor: actorOf(request), alertId: request.params.id }),
  );

  app.post(
    '/api/protection/alerts/:id/take',
    { config: can('protection.act'), schema: { tags, params: ById, body: AlertTake, response: NoContent } },
    async (request, reply) => {
      await takeAlert(deps, { actor: actorOf(request), alertId: request.params.id, ...request.body });
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/protection/alerts/:id/assign',
    {
      config: can('protection.assign'),
      schema: { tags, params: ById, body: AlertAssignment, response: NoContent },
    },
    async (request, reply) => {
      await assignAlert(deps, { actor: actorOf(request), alertId: request.params.id, ...request.body });
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/protection/alerts/:id/contacts',
    { config: can('protection.act'), schema: { tags, params: ById, body: ContactInput, response: Created } },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await recordContact(deps, { actor: actorOf(request), alertId: request.params.id, ...request.body }),
        ),
  );

  app.post(
    '/api/protection/alerts/:id/services',
    { config: can('protection.act'), schema: { tags, params: ById, body: ServiceInput, response: Created } },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await recordService(deps, { actor: actorOf(request), alertId: request.params.id, ...request.body }),
        ),
  );

  app.post(
    '/api/protection/alerts/:id/close',
    {
      config: can('protection.act'),
      schema: { tags, params: ById, body: AlertClosing, response: NoContent },
    },
    async (request, reply) => {
      await closeAlert(deps, { actor: actorOf(request), alertId: request.params.id, ...request.body });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/persons/:id/protection',
    { config: can('protection.read'), schema: { tags, params: ById, response: { 200: PersonProtection } } },
    async (request) => readPersonProtection(deps, { actor: actorOf(request), personId: request.params.id }),
  );

  app.put(
    '/api/persons/:id/protection-profile',
    {
      config: can('protection.act'),
      schema: { tags, params: ById, body: ProtectionProfileInput, response: { 200: ProtectionProfileView } },
    },
    async (request) =>
      saveProtectionProfile(deps, {
        actor: actorOf(request),
        personId: request.params.id,
        input: request.body,
      }),
  );
}
