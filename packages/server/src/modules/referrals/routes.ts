import {
  ConsentInput,
  ConsentList,
  ConsentWithdrawal,
  type Permission,
  ReferralAccept,
  ReferralCancellation,
  ReferralCompletion,
  ReferralDecision,
  ReferralDetail,
  ReferralInput,
  ReferralList,
  ReferralQuery,
} from '@ieum/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../platform/deps';
import { actorOf } from '../../platform/http/actor';
import { changeReferral } from './change-referral';
import { listConsents } from './list-consents';
import { getReferral, listReferrals } from './read-referrals';
import { recordConsent } from './record-consent';
import { sendReferral } from './send-referral';
import { withdrawConsent } from './withdraw-consent';

const can = (permission: Extract<Permission, `consents.${string}` | `referrals.${string}`>) =>
  ({ access: { kind: 'permission', permission } }) as const;
const ById = z.object({ id: z.uuid() });
const Created = { 201: z.object({ id: z.uuid() }) };
const NoContent = { 204: z.null() };

/** Consent that is enforced: recorded per person, checked when a referral is sent and whenever it is read. */
export async function referralRoutes(scope: FastifyInstance, deps: Deps): Promise<void> {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  const consentTags = ['consents'];
  const tags = ['referrals'];

  app.get(
    '/api/persons/:id/consents',
    {
      config: can('consents.read'),
      schema: { tags: consentTags, params: ById, response: { 200: ConsentList } },
    },
    async (request) => listConsents(deps, { actor: actorOf(request), personId: request.params.id }),
  );

  app.post(
    '/api/persons/:id/consents',
    {
      config: can('consents.manage'),
      schema: { tags: consentTags, params: ById, body: ConsentInput, response: Created },
    },
    async (request, reply) =>
      reply.status(201).send(
        await recordConsent(deps, {
          actor: actorOf(request),
          personId: request.params.id,
          input: request.body,
        }),
      ),
  );

  app.post(
    '/api/consents/:id/withdraw',
    {
      config: can('consents.manage'),
      schema: { tags: consentTags, params: ById, body: ConsentWithdrawal, response: NoContent },
    },
    async (request, reply) => {
      await withdrawConsent(deps, { actor: actorOf(request), consentId: request.params.id, ...request.body });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/referrals',
    {
      config: can('referrals.read'),
      schema: { tags, querystring: ReferralQuery, response: { 200: ReferralList } },
    },
    async (request) => listReferrals(deps, { actor: actorOf(request), ...request.query }),
  );

  app.post(
    '/api/referrals',
    { config: can('referrals.send'), schema: { tags, body: ReferralInput, response: Created } },
    async (request, reply) =>
      reply.status(201).send(await sendReferral(deps, { actor: actorOf(request), input: request.body })),
  );

  app.get(
    '/api/referrals/:id',
    { config: can('referrals.read'), schema: { tags, params: ById, response: { 200: ReferralDetail } } },
    async (request) => getReferral(deps, { actor: actorOf(request), referralId: request.params.id }),
  );

  app.post(
    '/api/referrals/:id/accept',
    {
      config: can('referrals.receive'),
      schema: { tags, params: ById, body: ReferralAccept, response: NoContent },
    },
    async (request, reply) => {
      await changeReferral(deps, {
        actor: actorOf(request),
        referralId: request.params.id,
        action: 'accept',
        version: request.body.version,
      });
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/referrals/:id/decline',
    {
      config: can('referrals.receive'),
      schema: { tags, params: ById, body: ReferralDecision, response: NoContent },
    },
    async (request, reply) => {
      await changeReferral(deps, {
        actor: actorOf(request),
        referralId: request.params.id,
        action: 'decline',
        version: request.body.version,
        note: request.body.reason,
      });
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/referrals/:id/complete',
    {
      config: can('referrals.receive'),
      schema: { tags, params: ById, body: ReferralCompletion, response: NoContent },
    },
    async (request, reply) => {
      await changeReferral(deps, {
        actor: actorOf(request),
        referralId: request.params.id,
        action: 'complete',
        version: request.body.version,
        note: request.body.note,
      });
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/referrals/:id/cancel',
    {
      config: can('referrals.send'),
      schema: { tags, params: ById, body: ReferralCancellation, response: NoContent },
    },
    async (request, reply) => {
      await changeReferral(deps, {
        actor: actorOf(request),
        referralId: request.params.id,
        action: 'cancel',
        version: request.body.version,
        note: request.body.reason,
      });
      return reply.status(204).send(null);
    },
  );
}
