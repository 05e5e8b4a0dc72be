import {
  AssessmentInput,
  CaseAssignment,
  CaseDetail,
  CaseList,
  CaseOpen,
  CaseQuery,
  CaseTransition,
  CaseWorkerList,
  GoalInput,
  GoalUpdate,
  NoteInput,
  PersonTransferList,
  TransferAcceptance,
  TransferDecline,
  TransferList,
  TransferQuery,
  TransferRequest,
} from '@ieum/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../platform/deps';
import { actorOf } from '../../platform/http/actor';
import { addGoal, addNote, assignCase, recordAssessment, transitionCase, updateGoal } from './change-case';
import { listCaseWorkers } from './list-case-workers';
import { openCase } from './open-case';
import { cancelTransfer, listPersonTransfers } from './person-transfers';
import { getCase, listCases } from './read-cases';
import { acceptTransfer, declineTransfer, listTransfers, requestTransfer } from './transfer-case';

const can = (permission: 'cases.read' | 'cases.write' | 'cases.assign') =>
  ({ access: { kind: 'permission', permission } }) as const;
const ById = z.object({ id: z.uuid() });
const Created = { 201: z.object({ id: z.uuid() }) };
const NoContent = { 204: z.null() };

/** Case management at a Hana Center: lifecycle, notes, needs assessment, service plan. */
export async function caseRoutes(scope: FastifyInstance, deps: Deps): Promise<void> {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  const tags = ['cases'];

  app.get(
    '/api/cases',
    { config: can('cases.read'), schema: { tags, querystring: CaseQuery, response: { 200: CaseList } } },
    async (request) => listCases(deps, { actor: actorOf(request), ...request.query }),
  );

  app.post(
    '/api/cases',
    { config: can('cases.write'), schema: { tags, body: CaseOpen, response: Created } },
    async (request, reply) =>
      reply.status(201).send(await openCase(deps, { actor: actorOf(request), ...request.body })),
  );

  app.get(
    '/api/cases/workers',
    { config: can('cases.assign'), schema: { tags, response: { 200: CaseWorkerList } } },
    async (request) => listCaseWorkers(deps, { actor: actorOf(request) }),
  );

  app.get(
    '/api/cases/:id',
    { config: can('cases.read'), schema: { tags, params: ById, response: { 200: CaseDetail } } },
    async (request) => getCase(deps, { actor: actorOf(request), caseId: request.params.id }),
  );

  app.post(
    '/api/cases/:id/transition',
    { config: can('cases.write'), schema: { tags, params: ById, body: CaseTransition, response: NoContent } },
    async (request, reply) => {
      await transitionCase(deps, { actor: actorOf(request), caseId: request.params.id, ...request.body });
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/cases/:id/assign',
    {
      config: can('cases.assign'),
      schema: { tags, params: ById, body: CaseAssignment, response: NoContent },
    },
    async (request, reply) => {
      await assignCase(deps, { actor: actorOf(request), caseId: request.params.id, ...request.body });
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/cases/:id/notes',
    { config: can('cases.write'), schema: { tags, params: ById, body: NoteInput, response: Created } },
    async (request, reply) =>
      reply
        .status(201)
        .send(await addNote(deps, { actor: actorOf(request), caseId: request.params.id, ...request.body })),
  );

  app.post(
    '/api/cases/:id/assessments',
    { config: can('cases.write'), schema: { tags, params: ById, body: AssessmentInput, response: Created } },
    async (request, reply) =>
      reply.status(201).send(
        await recordAssessment(deps, {
          actor: actorOf(request),
          caseId: request.params.id,
          ...request.body,
        }),
      ),
  );

  app.post(
    '/api/cases/:id/goals',
    { config: can('cases.write'), schema: { tags, params: ById, body: GoalInput, response: Created } },
    async (request, reply) =>
      reply
        .status(201)
        .send(await addGoal(deps, { actor: actorOf(request), caseId: request.params.id, ...request.body })),
  );

  app.patch(
    '/api/cases/:id/goals/:goalId',
    {
      config: can('cases.write'),
      schema: {
        tags,
        params: z.object({ id: z.uuid(), goalId: z.uuid() }),
        body: GoalUpdate,
        response: NoContent,
      },
    },
    async (request, reply) => {
      await updateGoal(deps, {
        actor: actorOf(request),
        caseId: request.params.id,
        goalId: request.params.goalId,
        ...request.body,
      });
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/cases/:id/transfer',
    { config: can('cases.write'), schema: { tags, params: ById, body: TransferRequest, response: Created } },
    async (request, reply) =>
      reply.status(201).send(
        await requestTransfer(deps, {
          actor: actorOf(request),
          caseId: request.params.id,
          ...request.body,
        }),
      ),
  );

  app.get(
    '/api/transfers',
    {
      config: can('cases.read'),
      schema: { tags, querystring: TransferQuery, response: { 200: TransferList } },
    },
    async (request) => ({
      items: await listTransfers(deps, { actor: actorOf(request), box: request.query.box }),
    }),
  );

  app.post(
    '/api/transfers/:id/accept',
    {
      config: can('cases.assign'),
      schema: {
        tags,
        params: ById,
        body: TransferAcceptance,
        response: { 200: z.object({ caseId: z.uuid() }) },
      },
    },
    async (request) =>
      acceptTransfer(deps, { actor: actorOf(request), transferId: request.params.id, ...request.body }),
  );

  app.post(
    '/api/transfers/:id/decline',
    {
      config: can('cases.assign'),
      schema: { tags, params: ById, body: TransferDecline, response: NoContent },
    },
    async (request, reply) => {
      await declineTransfer(deps, {
        actor: actorOf(request),
        transferId: request.params.id,
        reason: request.body.reason,
      });
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/transfers/:id/cancel',
    { config: can('cases.write'), schema: { tags, params: ById, response: NoContent } },
    async (request, reply) => {
      await cancelTransfer(deps, { actor: actorOf(request), transferId: request.params.id });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/persons/:id/transfers',
    { config: can('cases.read'), schema: { tags, params: ById, response: { 200: PersonTransferList } } },
    async (request) => ({
      items: await listPersonTransfers(deps, { actor: actorOf(request), personId: request.params.id }),
    }),
  );
}
