import {
  ImportUpload,
  type Permission,
  SIGNAL_TYPE_TABLE,
  SignalImportCommit,
  SignalImportView,
  SignalSubmission,
  SignalSubmissionResult,
  SignalTypeList,
  StaffSignalInput,
} from '@ieum/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../platform/deps';
import { actorOf } from '../../platform/http/actor';
import { receiveSignals } from './receive-signals';
import { recordStaffSignal } from './record-staff-signal';
import {
  cancelSignalImport,
  commitSignalImport,
  previewSignalImport,
  readSignalImport,
} from './signal-import';

const can = (permission: Extract<Permission, 'signals.submit' | 'protection.act' | 'protection.import'>) =>
  ({ access: { kind: 'permission', permission } }) as const;
const ById = z.object({ id: z.uuid() });

const SIGNAL_TYPES = {
  items: SIGNAL_TYPE_TABLE.map((definition) => ({
    type: definition.type,
    ko: definition.ko,
    en: definition.en,
    source: definition.source,
    valueUnit: definition.value ? { ko: definition.value.unitKo, en: definition.value.unitEn } : null,
    validFrom: definition.validFrom,
    validUntil: definition.validUntil ?? null,
  })),
};

/** Risk signals in: from agency systems (bearer key), from staff, from an uploaded file. */
export async function protectionSignalRoutes(scope: FastifyInstance, deps: Deps): Promise<void> {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  const tags = ['protection'];

  app.post(
    '/api/protection/signals',
    {
      config: can('signals.submit'),
      schema: {
        tags,
        description:
          'For agency systems: `Authorization: Bearer <key>` (issued with `npm run cli -- api-key:issue`). Each item is checked on its own and answered accepted, duplicate (same reference from your organization) or rejected with its errors in Korean and English.',
        body: SignalSubmission,
        response: { 200: SignalSubmissionResult },
      },
    },
    async (request) =>
      receiveSignals(deps, { actor: actorOf(request), items: request.body.signals, via: 'api' }),
  );

  app.post(
    '/api/protection/staff-signals',
    {
      config: can('protection.act'),
      schema: { tags, body: StaffSignalInput, response: { 201: z.object({ id: z.uuid() }) } },
    },
    async (request, reply) =>
      reply.status(201).send(await recordStaffSignal(deps, { actor: actorOf(request), input: request.body })),
  );

  app.get(
    '/api/protection/signal-types',
    { config: { access: { kind: 'authenticated' } }, schema: { tags, response: { 200: SignalTypeList } } },
    async () => SIGNAL_TYPES,
  );

  app.post(
    '/api/protection/signal-imports',
    {
      config: can('protection.import'),
      bodyLimit: 12 * 1024 * 1024,
      schema: { tags, body: ImportUpload, response: { 200: SignalImportView } },
    },
    async (request) =>
      previewSignalImport(deps, {
        actor: actorOf(request),
        fileName: request.body.fileName,
        content: Buffer.from(request.body.contentBase64, 'base64'),
      }),
  );

  app.get(
    '/api/protection/signal-imports/:id',
    { config: can('protection.import'), schema: { tags, params: ById, response: { 200: SignalImportView } } },
    async (request) => readSignalImport(deps, { actor: actorOf(request), importId: request.params.id }),
  );

  app.post(
    '/api/protection/signal-imports/:id/commit',
    {
      config: can('protection.import'),
      schema: { tags, params: ById, body: SignalImportCommit, response: { 200: SignalImportView } },
    },
    async (request) =>
      commitSignalImport(deps, {
        actor: actorOf(request),
        importId: request.params.id,
        onlyValid: request.body.onlyValid,
      }),
  );

  app.post(
    '/api/protection/signal-imports/:id/cancel',
    { config: can('protection.import'), schema: { tags, params: ById, response: { 204: z.null() } } },
    async (request, reply) => {
      await cancelSignalImport(deps, { actor: actorOf(request), importId: request.params.id });
      return reply.status(204).send(null);
    },
  );
}
