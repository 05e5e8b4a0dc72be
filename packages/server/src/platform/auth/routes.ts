import {
  LocaleChange,
  LoginRequest,
  PasswordChange,
  SessionResponse,
  TotpCode,
  TotpDisable,
  TotpSetupResponse,
} from '@ieum/domain';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { appendAudit } from '../audit/audit-log';
import type { Deps } from '../deps';
import { actorOf } from '../http/actor';
import {
  changeLocale,
  changePassword,
  confirmTotpEnrolment,
  disableTotp,
  startTotpEnrolment,
} from './account';
import { login } from './login';
import { loadMe } from './me';
import { endAllSessions, endSession, SESSION_COOKIE } from './sessions';

const PUBLIC = { access: { kind: 'public' } } as const;
const SIGNED_IN = { access: { kind: 'authenticated' } } as const;
const NoContent = { 204: z.null().describe('No content') };

export async function authRoutes(scope: FastifyInstance, deps: Deps): Promise<void> {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  const noContent = (reply: FastifyReply) => reply.status(204).send(null);

  app.get(
    '/api/health',
    {
      config: PUBLIC,
      schema: { tags: ['platform'], response: { 200: z.object({ status: z.literal('ok') }) } },
    },
    async () => ({ status: 'ok' as const }),
  );

  app.post(
    '/api/auth/login',
    { config: PUBLIC, schema: { tags: ['auth'], body: LoginRequest, response: { 200: SessionResponse } } },
    async (request, reply) => {
      const result = await login(deps, {
        username: request.body.username,
        password: request.body.password,
        totp: request.body.totp,
        ip: request.ip ?? null,
      });
      reply.setCookie(SESSION_COOKIE, result.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure: deps.config.secureCookies,
      });
      return { csrfToken: result.csrfToken, me: await loadMe(deps, result.userId) };
    },
  );

  app.get(
    '/api/auth/session',
    { config: SIGNED_IN, schema: { tags: ['auth'], response: { 200: SessionResponse } } },
    async (request) => {
      const actor = actorOf(request);
      return { csrfToken: actor.csrfToken, me: await loadMe(deps, actor.userId) };
    },
  );

  app.post(
    '/api/auth/logout',
    { config: SIGNED_IN, schema: { tags: ['auth'], response: NoContent } },
    async (request, reply) => {
      const actor = actorOf(request);
      await deps.db.transaction(async (tx) => {
        await endSession(tx, actor.sessionId);
        await appendAudit(tx, { action: 'logout', entityType: 'user', entityId: actor.userId });
      });
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return noContent(reply);
    },
  );

  app.post(
    '/api/auth/logout-all',
    { config: SIGNED_IN, schema: { tags: ['auth'], response: NoContent } },
    async (request, reply) => {
      const actor = actorOf(request);
      await deps.db.transaction(async (tx) => {
        await endAllSessions(tx, actor.userId);
        await appendAudit(tx, {
          action: 'logout',
          entityType: 'user',
          entityId: actor.userId,
          detail: { everywhere: true },
        });
      });
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return noContent(reply);
    },
  );

  app.get(
    '/api/me',
    { config: SIGNED_IN, schema: { tags: ['auth'], response: { 200: SessionResponse.shape.me } } },
    async (request) => loadMe(deps, actorOf(request).userId),
  );

  app.patch(
    '/api/me/locale',
    { config: SIGNED_IN, schema: { tags: ['auth'], body: LocaleChange, response: NoContent } },
    async (request, reply) => {
      await changeLocale(deps, { actor: actorOf(request), locale: request.body.locale });
      return noContent(reply);
    },
  );

  app.post(
    '/api/me/password',
    { config: SIGNED_IN, schema: { tags: ['auth'], body: PasswordChange, response: NoContent } },
    async (request, reply) => {
      await changePassword(deps, { actor: actorOf(request), ...request.body });
      return noContent(reply);
    },
  );

  app.post(
    '/api/me/totp/setup',
    { config: SIGNED_IN, schema: { tags: ['auth'], response: { 200: TotpSetupResponse } } },
    async (request) => startTotpEnrolment(deps, { actor: actorOf(request) }),
  );

  app.post(
    '/api/me/totp/enable',
    { config: SIGNED_IN, schema: { tags: ['auth'], body: TotpCode, response: NoContent } },
    async (request, reply) => {
      await confirmTotpEnrolment(deps, { actor: actorOf(request), code: request.body.code });
      return noContent(reply);
    },
  );

  app.post(
    '/api/me/totp/disable',
    { config: SIGNED_IN, schema: { tags: ['auth'], body: TotpDisable, response: NoContent } },
    async (request, reply) => {
      await disableTotp(deps, { actor: actorOf(request), password: request.body.password });
      return noContent(reply);
    },
  );
}
