import { EVIDENCE_MAX_BYTES, EvidenceFileRef, EvidenceUploadInput, type Permission } from '@ieum/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../platform/deps';
import { actorOf } from '../../platform/http/actor';
import { downloadEvidence } from './download-evidence';
import { uploadEvidence } from './upload-evidence';

const can = (permission: Extract<Permission, 'plans.read' | 'plans.report'>) =>
  ({ access: { kind: 'permission', permission } }) as const;
const ByTask = z.object({ id: z.uuid(), key: z.uuid() });
const ByFile = z.object({ fileId: z.uuid() });
// The file as base64 (4 characters per 3 bytes) and the JSON around it; the use case judges the decoded size.
const UPLOAD_LIMIT = Math.ceil(EVIDENCE_MAX_BYTES / 3) * 4 + 64 * 1024;

/** Evidence files of the quarterly reports: uploaded by the lead organization's reporter, read by plan readers. */
export async function planEvidenceRoutes(scope: FastifyInstance, deps: Deps): Promise<void> {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  const tags = ['plans'];

  app.post(
    '/api/plans/:id/tasks/:key/evidence',
    {
      config: can('plans.report'),
      bodyLimit: UPLOAD_LIMIT,
      schema: { tags, params: ByTask, body: EvidenceUploadInput, response: { 201: EvidenceFileRef } },
    },
    async (request, reply) =>
      reply.status(201).send(
        await uploadEvidence(deps, {
          actor: actorOf(request),
          planId: request.params.id,
          taskKey: request.params.key,
          input: request.body,
        }),
      ),
  );

  // A static segment: find-my-way prefers it to `/api/plans/:id`.
  app.get(
    '/api/plans/evidence/:fileId',
    { config: can('plans.read'), schema: { tags, params: ByFile } },
    async (request, reply) => {
      const file = await downloadEvidence(deps, { fileId: request.params.fileId });
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeRfc5987(file.fileName)}`)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'no-store')
        .send(file.body);
    },
  );
}

/** RFC 5987 `ext-value` characters: encodeURIComponent leaves a few that the grammar does not allow. */
function encodeRfc5987(name: string): string {
  return encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
