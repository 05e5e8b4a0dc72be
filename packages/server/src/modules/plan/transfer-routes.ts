import {
  type Permission,
  PlanImportCommitInput,
  PlanImportPreview,
  PlanImportResult,
  PlanImportUpload,
  Quarter,
  StatusReportQuery,
} from '@ieum/domain';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../platform/deps';
import { actorOf } from '../../platform/http/actor';
import { CONTENT_TYPES, type ExportFormat, exportPlanDocument } from './export-plan-document';
import { commitPlanImport, previewPlanImport } from './import-plan-tasks';
import type { PlanDocument } from './plan-report-data';
import { taskSheetTemplate } from './plan-task-sheet';

const can = (permission: Extract<Permission, 'plans.read' | 'plans.manage'>) =>
  ({ access: { kind: 'permission', permission } }) as const;
const ById = z.object({ id: z.uuid() });
const ByFormat = z.object({ id: z.uuid(), format: z.enum(['xlsx', 'pdf']) });
const UPLOAD_LIMIT = 6 * 1024 * 1024;

function sendFile(reply: FastifyReply, file: { fileName: string; contentType: string; body: Buffer }) {
  return reply
    .header('content-type', file.contentType)
    .header('content-disposition', `attachment; filename="${file.fileName}"`)
    .header('cache-control', 'no-store')
    .send(file.body);
}

/** Import of tasks from XLSX into a draft, and the plan's documents as XLSX and PDF (issue 4, item 5). */
export async function planTransferRoutes(scope: FastifyInstance, deps: Deps): Promise<void> {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  const tags = ['plans'];

  app.get(
    '/api/plans/import-template.xlsx',
    { config: can('plans.manage'), schema: { tags } },
    async (_request, reply) =>
      sendFile(reply, {
        fileName: 'plan-tasks-template.xlsx',
        contentType: CONTENT_TYPES.xlsx,
        body: await taskSheetTemplate(),
      }),
  );

  app.post(
    '/api/plans/:id/import/preview',
    {
      config: can('plans.manage'),
      bodyLimit: UPLOAD_LIMIT,
      schema: { tags, params: ById, body: PlanImportUpload, response: { 200: PlanImportPreview } },
    },
    async (request) =>
      previewPlanImport(deps, {
        actor: actorOf(request),
        planId: request.params.id,
        content: Buffer.from(request.body.contentBase64, 'base64'),
      }),
  );

  app.post(
    '/api/plans/:id/import/commit',
    {
      config: can('plans.manage'),
      bodyLimit: UPLOAD_LIMIT,
      schema: { tags, params: ById, body: PlanImportCommitInput, response: { 200: PlanImportResult } },
    },
    async (request) =>
      commitPlanImport(deps, {
        actor: actorOf(request),
        planId: request.params.id,
        content: Buffer.from(request.body.contentBase64, 'base64'),
        version: request.body.version,
        onlyValid: request.body.onlyValid,
      }),
  );

  const exportRoute = (
    path: string,
    document: (query: { quarter?: number }) => PlanDocument,
    withQuarter: boolean,
  ) =>
    app.get(
      path,
      {
        config: can('plans.read'),
        schema: { tags, params: ByFormat, ...(withQuarter ? { querystring: StatusReportQuery } : {}) },
      },
      async (request, reply) =>
        sendFile(
          reply,
          await exportPlanDocument(deps, {
            planId: request.params.id,
            document: document(request.query as { quarter?: number }),
            format: request.params.format as ExportFormat,
          }),
        ),
    );
  exportRoute('/api/plans/:id/export.:format', () => ({ kind: 'plan' }), false);
  exportRoute('/api/plans/:id/consultation/export.:format', () => ({ kind: 'consultation' }), false);
  exportRoute(
    '/api/plans/:id/status-report/export.:format',
    (query) => ({ kind: 'status', quarter: Quarter.parse(query.quarter) }),
    true,
  );
}
