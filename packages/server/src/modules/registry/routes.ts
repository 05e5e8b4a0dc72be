import {
  DuplicateCheck,
  DuplicateCheckResult,
  ImportCommit,
  ImportPreview,
  ImportProgress,
  ImportResult,
  ImportUpload,
  MergeCandidateList,
  PersonDetail,
  PersonIntake,
  PersonList,
  PersonMerge,
  PersonMergeList,
  PersonMergeRequest,
  PersonMergeUndo,
  PersonQuery,
  UnmaskRequest,
} from '@ieum/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { personScopes } from '../../platform/access/scope';
import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { actorOf } from '../../platform/http/actor';
import { checkDuplicates, publicCandidate } from './check-duplicates';
import { cancelImport, commitImport, importProgress, previewImport } from './import/cohort-import';
import { mergePersons } from './merge-persons';
import { findMergeCandidates, listPersonMerges } from './read-person-merges';
import { getPerson, searchPersons, unmaskPerson } from './read-persons';
import { registerPerson } from './register-person';
import { undoPersonMerge } from './undo-person-merge';

const can = (permission: 'persons.read' | 'persons.create' | 'persons.unmask' | 'persons.merge') =>
  ({ access: { kind: 'permission', permission } }) as const;
const ById = z.object({ id: z.uuid() });

/** The person registry: intake with duplicate detection, scoped search, shielded records, audited unmasking. */
export async function registryRoutes(scope: FastifyInstance, deps: Deps): Promise<void> {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  const tags = ['registry'];

  app.get(
    '/api/persons',
    {
      config: can('persons.read'),
      schema: { tags, querystring: PersonQuery, response: { 200: PersonList } },
    },
    async (request) =>
      searchPersons(deps, {
        actor: actorOf(request),
        q: request.query.q,
        page: request.query.page,
        pageSize: request.query.pageSize,
      }),
  );

  app.post(
    '/api/persons',
    {
      config: can('persons.create'),
      schema: { tags, body: PersonIntake, response: { 201: z.object({ id: z.uuid(), code: z.string() }) } },
    },
    async (request, reply) =>
      reply.status(201).send(await registerPerson(deps, { actor: actorOf(request), input: request.body })),
  );

  app.post(
    '/api/persons/duplicate-check',
    {
      config: can('persons.create'),
      schema: { tags, body: DuplicateCheck, response: { 200: DuplicateCheckResult } },
    },
    async (request) => {
      const candidates = await checkDuplicates(deps, deps.db, {
        actor: actorOf(request),
        identity: request.body,
      });
      return { candidates: candidates.map(publicCandidate) };
    },
  );

  app.get(
    '/api/persons/:id',
    { config: can('persons.read'), schema: { tags, params: ById, response: { 200: PersonDetail } } },
    async (request) => getPerson(deps, { actor: actorOf(request), personId: request.params.id }),
  );

  app.post(
    '/api/persons/:id/unmask',
    {
      config: can('persons.unmask'),
      schema: { tags, params: ById, body: UnmaskRequest, response: { 200: PersonDetail } },
    },
    async (request) => {
      const actor = actorOf(request);
      await unmaskPerson(deps, { actor, personId: request.params.id, reason: request.body.reason });
      return getPerson(deps, { actor, personId: request.params.id });
    },
  );

  const ImportById = z.object({ id: z.uuid() });

  app.post(
    '/api/persons/imports',
    {
      config: can('persons.create'),
      bodyLimit: 12 * 1024 * 1024,
      schema: { tags, body: ImportUpload, response: { 200: ImportPreview } },
    },
    async (request) => {
      const actor = actorOf(request);
      const center = personScopes(actor).find((scope) => scope.kind === 'center');
      if (!center) throw new AppError('access.denied');
      return previewImport(deps, {
        actor,
        hanaCenterId: center.organizationId,
        fileName: request.body.fileName,
        content: Buffer.from(request.body.contentBase64, 'base64'),
        locale: request.locale,
      });
    },
  );

  app.get(
    '/api/persons/imports/:id',
    {
      config: can('persons.create'),
      schema: { tags, params: ImportById, response: { 200: ImportProgress } },
    },
    async (request) => importProgress(deps, { actor: actorOf(request), batchId: request.params.id }),
  );

  app.post(
    '/api/persons/imports/:id/commit',
    {
      config: can('persons.create'),
      schema: {
        tags,
        params: ImportById,
        body: ImportCommit,
        response: { 200: ImportResult },
      },
    },
    async (request) =>
      commitImport(deps, { actor: actorOf(request), batchId: request.params.id, mode: request.body.mode }),
  );

  app.post(
    '/api/persons/imports/:id/cancel',
    { config: can('persons.create'), schema: { tags, params: ImportById, response: { 204: z.null() } } },
    async (request, reply) => {
      await cancelImport(deps, { actor: actorOf(request), batchId: request.params.id });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/persons/:id/merge-candidates',
    {
      config: can('persons.merge'),
      schema: { tags, params: ById, response: { 200: MergeCandidateList } },
    },
    async (request) => findMergeCandidates(deps, { actor: actorOf(request), personId: request.params.id }),
  );

  app.get(
    '/api/persons/:id/merges',
    { config: can('persons.merge'), schema: { tags, params: ById, response: { 200: PersonMergeList } } },
    async (request) => ({
      items: await listPersonMerges(deps, { actor: actorOf(request), personId: request.params.id }),
    }),
  );

  app.post(
    '/api/persons/:id/merges',
    {
      config: can('persons.merge'),
      schema: { tags, params: ById, body: PersonMergeRequest, response: { 201: PersonMerge } },
    },
    async (request, reply) =>
      reply.status(201).send(
        await mergePersons(deps, {
          actor: actorOf(request),
          survivorId: request.params.id,
          ...request.body,
        }),
      ),
  );

  app.post(
    '/api/persons/merges/:id/undo',
    {
      config: can('persons.merge'),
      schema: { tags, params: ById, body: PersonMergeUndo, response: { 200: PersonMerge } },
    },
    async (request) =>
      undoPersonMerge(deps, {
        actor: actorOf(request),
        mergeId: request.params.id,
        reason: request.body.reason,
      }),
  );
}
