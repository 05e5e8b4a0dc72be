import {
  Id,
  Organization,
  OrganizationInput,
  OrganizationList,
  OrganizationQuery,
  OrganizationUpdate,
  PasswordReset,
  User,
  UserInput,
  UserList,
  UserQuery,
  UserUpdate,
} from '@ieum/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../platform/deps';
import { notFound } from '../../platform/errors';
import { findOrganization, listOrganizations } from './organizations.repository';
import { createOrganization, updateOrganization } from './save-organization';
import { createUser, resetUserPassword, updateUser } from './save-user';
import { findUser, listUsers } from './users.repository';

const can = (permission: 'organizations.read' | 'organizations.manage' | 'users.read' | 'users.manage') =>
  ({ access: { kind: 'permission', permission } }) as const;
const ById = z.object({ id: Id });

/** User and organization administration. Admins manage accounts; nothing here reads case content. */
export async function adminRoutes(scope: FastifyInstance, deps: Deps): Promise<void> {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  const tags = ['admin'];

  app.get(
    '/api/admin/organizations',
    {
      config: can('organizations.read'),
      schema: { tags, querystring: OrganizationQuery, response: { 200: OrganizationList } },
    },
    async (request) => {
      const { page, pageSize, ...filter } = request.query;
      return listOrganizations(deps.db, filter, { page, pageSize });
    },
  );

  app.get(
    '/api/admin/organizations/:id',
    { config: can('organizations.read'), schema: { tags, params: ById, response: { 200: Organization } } },
    async (request) => (await findOrganization(deps.db, request.params.id)) ?? Promise.reject(notFound()),
  );

  app.post(
    '/api/admin/organizations',
    {
      config: can('organizations.manage'),
      schema: { tags, body: OrganizationInput, response: { 201: Organization } },
    },
    async (request, reply) => reply.status(201).send(await createOrganization(deps, { input: request.body })),
  );

  app.patch(
    '/api/admin/organizations/:id',
    {
      config: can('organizations.manage'),
      schema: { tags, params: ById, body: OrganizationUpdate, response: { 200: Organization } },
    },
    async (request) => {
      const { version, ...changes } = request.body;
      return updateOrganization(deps, { id: request.params.id, changes, version });
    },
  );

  app.get(
    '/api/admin/users',
    { config: can('users.read'), schema: { tags, querystring: UserQuery, response: { 200: UserList } } },
    async (request) => {
      const { page, pageSize, ...filter } = request.query;
      return listUsers(deps.db, filter, { page, pageSize }, deps.now());
    },
  );

  app.get(
    '/api/admin/users/:id',
    { config: can('users.read'), schema: { tags, params: ById, response: { 200: User } } },
    async (request) => (await findUser(deps.db, request.params.id, deps.now())) ?? Promise.reject(notFound()),
  );

  app.post(
    '/api/admin/users',
    { config: can('users.manage'), schema: { tags, body: UserInput, response: { 201: User } } },
    async (request, reply) => reply.status(201).send(await createUser(deps, { input: request.body })),
  );

  app.patch(
    '/api/admin/users/:id',
    {
      config: can('users.manage'),
      schema: { tags, params: ById, body: UserUpdate, response: { 200: User } },
    },
    async (request) => {
      const { version, ...changes } = request.body;
      return updateUser(deps, { id: request.params.id, changes, version });
    },
  );

  app.post(
    '/api/admin/users/:id/reset-password',
    {
      config: can('users.manage'),
      schema: { tags, params: ById, body: PasswordReset, response: { 204: z.null().describe('No content') } },
    },
    async (request, reply) => {
      await resetUserPassword(deps, { id: request.params.id, password: request.body.password });
      return reply.status(204).send(null);
    },
  );
}
