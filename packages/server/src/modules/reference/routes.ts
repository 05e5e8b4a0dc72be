import { OrganizationSummary, OrganizationType } from '@ieum/domain';
import { and, asc, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { organizations } from '../../platform/db/schema';
import type { Deps } from '../../platform/deps';

/**
 * Reference data any signed-in user needs to fill in forms (for example the local government that keeps a
 * person's residence ledger). Organizations are public institutions; nothing personal is here.
 */
export async function referenceRoutes(scope: FastifyInstance, deps: Deps): Promise<void> {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/reference/organizations',
    {
      config: { access: { kind: 'authenticated' } },
      schema: {
        tags: ['reference'],
        querystring: z.object({ type: OrganizationType.optional() }),
        response: { 200: z.object({ items: z.array(OrganizationSummary) }) },
      },
    },
    async (request) => {
      const rows = await deps.db
        .select({
          id: organizations.id,
          name: organizations.name,
          nameEn: organizations.nameEn,
          type: organizations.type,
          region: organizations.region,
        })
        .from(organizations)
        .where(
          and(
            eq(organizations.active, true),
            request.query.type ? eq(organizations.type, request.query.type) : undefined,
          ),
        )
        .orderBy(asc(organizations.name));
      return {
        items: rows.map((row) => ({
          ...row,
          type: row.type as OrganizationType,
          region: row.region as z.infer<typeof OrganizationSummary>['region'],
        })),
      };
    },
  );
}
