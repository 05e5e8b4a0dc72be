import {
  AuditList,
  AuditQuery,
  AuditReview,
  AuditReviewInput,
  AuditReviewList,
  AuditVerification,
} from '@ieum/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { recordAudit, verifyAuditChain } from '../../platform/audit/audit-log';
import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { listAuditEntries } from './audit.repository';
import { listAuditReviews, signAuditReview } from './sign-review';

const READ = { access: { kind: 'permission', permission: 'audit.read' } } as const;
const REVIEW = { access: { kind: 'permission', permission: 'audit.review' } } as const;

/** The access log for privacy auditors: search, chain verification, monthly sign-off. No case content. */
export async function auditRoutes(scope: FastifyInstance, deps: Deps): Promise<void> {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  const tags = ['audit'];

  app.get(
    '/api/audit/entries',
    { config: READ, schema: { tags, querystring: AuditQuery, response: { 200: AuditList } } },
    async (request) => {
      const { page, pageSize, ...filter } = request.query;
      const result = await listAuditEntries(deps.db, filter, { page, pageSize });
      // Reading the ledger is itself recorded: who watched the watchers, and with which filter.
      await recordAudit(deps.db, {
        action: 'view',
        entityType: 'audit_log',
        detail: { filter: { ...filter, subjectId: filter.subjectId ? 'set' : undefined }, page },
        ...(filter.subjectId ? { subjectId: filter.subjectId } : {}),
      });
      return result;
    },
  );

  app.get(
    '/api/audit/verify',
    { config: READ, schema: { tags, response: { 200: AuditVerification } } },
    async () => verifyAuditChain(deps.db),
  );

  app.get(
    '/api/audit/reviews',
    { config: READ, schema: { tags, response: { 200: AuditReviewList } } },
    async () => ({
      items: await listAuditReviews(deps),
    }),
  );

  app.post(
    '/api/audit/reviews',
    { config: REVIEW, schema: { tags, body: AuditReviewInput, response: { 201: AuditReview } } },
    async (request, reply) => {
      if (!request.actor) throw new AppError('auth.unauthenticated');
      const review = await signAuditReview(deps, { actor: request.actor, ...request.body });
      return reply.status(201).send(review);
    },
  );
}
