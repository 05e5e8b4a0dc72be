import type { RouteAccess } from '@ieum/domain';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { decideRouteAccess } from '../access/policy';
import { recordAudit } from '../audit/audit-log';
import { lookupSession, SESSION_COOKIE } from '../auth/sessions';
import { tokensEqual } from '../auth/tokens';
import { currentContext } from '../context';
import type { Deps } from '../deps';
import { AppError } from '../errors';

export interface RegisteredRoute {
  readonly method: string;
  readonly url: string;
  readonly access: RouteAccess | undefined;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Default-deny enforcement for every request: resolve the session, check the route's declared access,
 * then CSRF for state-changing requests. Refusals of signed-in users are audited.
 */
export function registerAccessHooks(app: FastifyInstance, deps: Deps): RegisteredRoute[] {
  const registry: { method: string; url: string; config: { access?: RouteAccess } }[] = [];
  app.addHook('onRoute', (route) => {
    route.config ??= {};
    for (const method of [route.method].flat())
      registry.push({ method, url: route.url, config: route.config });
  });
  const routes: RegisteredRoute[] = [];
  app.addHook('onReady', async () => {
    const undeclared = registry.filter((route) => !route.config.access);
    if (undeclared.length > 0) {
      throw new Error(
        `Routes without an access declaration: ${undeclared.map((r) => `${r.method} ${r.url}`).join(', ')}`,
      );
    }
    routes.push(...registry.map((r) => ({ method: r.method, url: r.url, access: r.config.access })));
  });

  app.decorateRequest('actor', null);
  app.decorateRequest('locale', 'ko');
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const token = request.cookies[SESSION_COOKIE];
    let sessionExpired = false;
    if (token) {
      const session = await lookupSession(deps.db, token, deps.now(), deps.config);
      if (session.state === 'valid') {
        request.actor = session.actor;
        const context = currentContext();
        if (context) context.actor = session.actor;
      } else {
        sessionExpired = true;
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
      }
    }
    const access = request.routeOptions.config.access;
    const decision = decideRouteAccess(access, request.actor);
    if (!decision.allowed) {
      if (decision.error.code === 'auth.unauthenticated' && sessionExpired)
        throw new AppError('auth.session_expired');
      if (decision.audit) {
        await recordAudit(deps.db, {
          action: 'permission_denied',
          detail: { method: request.method, route: request.routeOptions.url ?? null },
        });
      }
      throw decision.error;
    }
    if (request.actor && access?.kind !== 'public' && !SAFE_METHODS.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !tokensEqual(sent, request.actor.csrfToken))
        throw new AppError('request.csrf');
    }
  });
  return routes;
}
