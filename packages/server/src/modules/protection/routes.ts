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
  ProtectionReport,
  ProtectionReportQuery,
  ServiceInput,
  SurveyCheckList,
  SurveyCheckQuery,
  SurveyCheckResult,
  SurveyRoundCreated,
  SurveyRoundInput,
  SurveyRoundList,
  SurveyRoundView,
} from '@ieum/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../platform/deps';
import { actorOf } from '../../platform/http/actor';
import { assignAlert, takeAlert } from './assign-alert';
import { closeAlert } from './close-alert';
import { saveProtectionProfile } from './protection-profile';
import { protectionReport } from './protection-report';
import { getAlert, listAlerts } from './read-alerts';
import { readPersonProtection } from './read-person-protection';
import { recordContact } from './record-contact';
import { recordService } from './record-service';
import { assignSurveyCheck, listSurveyChecks, recordSurveyResult } from './survey-checks';
import { createSurveyRound, getSurveyRound, listSurveyRounds } from './survey-rounds';

const can = (permission: Extract<Permission, `protection.${string}` | `surveys.${string}`>) =>
  ({ access: { kind: 'permission', permission } }) as const;
const ById = z.object({ id: z.uuid() });
const Created = { 201: z.object({ id: z.uuid() }) };
const NoContent = { 204: z.null() };

// A check is assigned as an alert is: to a user, at the version seen.
const SurveyCheckAssignment = AlertAssignment;

/**
 * Protection of vulnerable defectors: the triage queue of alerts and the outreach on them, the person's
 * protection profile, survey rounds and the report. Signal intake and screening have their own routes.
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

  app.post(
    '/api/protection/surveys',
    {
      config: can('surveys.manage'),
      schema: { tags, body: SurveyRoundInput, response: { 201: SurveyRoundCreated } },
    },
    async (request, reply) =>
      reply.status(201).send(await createSurveyRound(deps, { actor: actorOf(request), input: request.body })),
  );

  app.get(
    '/api/protection/surveys',
    { config: can('surveys.read'), schema: { tags, response: { 200: SurveyRoundList } } },
    async (request) => ({ items: await listSurveyRounds(deps, { actor: actorOf(request) }) }),
  );

  app.get(
    '/api/protection/surveys/:id',
    { config: can('surveys.read'), schema: { tags, params: ById, response: { 200: SurveyRoundView } } },
    async (request) => getSurveyRound(deps, { actor: actorOf(request), roundId: request.params.id }),
  );

  app.get(
    '/api/protection/surveys/:id/checks',
    {
      config: can('surveys.read'),
      schema: { tags, params: ById, querystring: SurveyCheckQuery, response: { 200: SurveyCheckList } },
    },
    async (request) =>
      listSurveyChecks(deps, { actor: actorOf(request), roundId: request.params.id, ...request.query }),
  );

  app.post(
    '/api/protection/survey-checks/:id/assign',
    {
      config: can('surveys.assign'),
      schema: { tags, params: ById, body: SurveyCheckAssignment, response: NoContent },
    },
    async (request, reply) => {
      await assignSurveyCheck(deps, { actor: actorOf(request), checkId: request.params.id, ...request.body });
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/protection/survey-checks/:id/result',
    {
      config: can('surveys.check'),
      schema: { tags, params: ById, body: SurveyCheckResult, response: NoContent },
    },
    async (request, reply) => {
      await recordSurveyResult(deps, {
        actor: actorOf(request),
        checkId: request.params.id,
        ...request.body,
      });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/protection/reports',
    {
      config: can('protection.reports'),
      schema: { tags, querystring: ProtectionReportQuery, response: { 200: ProtectionReport } },
    },
    async (request) => protectionReport(deps, { actor: actorOf(request), ...request.query }),
  );
}
