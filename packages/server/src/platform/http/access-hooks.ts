import type { RouteAccess } from '@ieum/domain';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { decideRouteAccess } from '../access/policy';
import { recordAudit } from '../audit/audit-log';
import { bearerKey, lookupApiKey } from '../auth/api-keys';
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
 * Default-deny enforcement for every request: resolve the session (or, without a session cookie, an agency
 * system's bearer key), check the route's declared access, then CSRF for state-changing requests of sessions.
 * Refusals of signed-in users and of presented keys are audited.
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
    const key = token ? null : bearerKey(request.headers.authorization);
    if (key !== null && access) await authenticateApiKey(request, deps, key, access);
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
    // A bearer key is sent by a program, never by a browser on its own: there is no cross-site request to forge.
    if (request.actor && key === null && access?.kind !== 'public' && !SAFE_METHODS.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !tokensEqual(sent, request.actor.csrfToken))
        throw new AppError('request.csrf');
    }
  });
  return routes;
}

/**
 * An agency system's key: refused with 401 when unknown, revoked or its account is no longer active, and with
 * 403 on any route but those requiring `signals.submit`, whatever else the account could do. Both refusals are
 * in the access log (the key itself never is).
 */
async function authenticateApiKey(
  request: FastifyRequest,
  deps: Deps,
  key: string,
  access: RouteAccess,
): Promise<void> {
  const route = { method: request.method, route: request.routeOptions.url ?? null };
  const found = await lookupApiKey(deps.db, key, deps.now());
  if (found.state !== 'valid') {
    await recordAudit(deps.db, {
      action: 'permission_denied',
      actor: found.account,
      entityType: 'api_key',
      ...(found.keyId ? { entityId: found.keyId } : {}),
      detail: { ...route, reason: `api_key_${found.reason}` },
    });
    throw new AppError('auth.unauthenticated');
  }
  request.actor = found.actor;
  const context = currentContext();
  if (context) context.actor = found.actor;
  if (access.kind !== 'permission' || access.permission !== 'signals.submit') {
    await recordAudit(deps.db, {
      action: 'permission_denied',
      entityType: 'api_key',
      entityId: found.keyId,
      detail: { ...route, reason: 'api_key_route' },
    });
    throw new AppError('access.denied');
  }
}
