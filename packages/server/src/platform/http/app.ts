import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Writable } from 'node:stream';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { runWithContext } from '../context';
import { newId } from '../db/ids';
import type { Deps } from '../deps';
import { AppError } from '../errors';
import { type RegisteredRoute, registerAccessHooks } from './access-hooks';
import { handleError, sendProblem } from './problem';
import { localeOf } from './validation-messages';
import './fastify.d';

export type App = FastifyInstance & { readonly registeredRoutes: readonly RegisteredRoute[] };

export interface BuildAppOptions {
  /** Route plugins of the platform and the modules, registered after the core hooks. */
  readonly plugins: readonly ((app: FastifyInstance, deps: Deps) => Promise<void>)[];
  /** Where logs go (tests capture them to prove no personal data is written). Defaults to stdout. */
  readonly logStream?: Writable;
}

/** Logs name the route, never the query string: a search for a person's name must not land in a log file. */
function requestForLog(request: FastifyRequest) {
  return {
    method: request.method,
    // An address no route matched is not logged either: its path can carry a name as easily as a query.
    route: request.routeOptions?.url ?? '(no route)',
    requestId: request.id,
  };
}

export async function buildApp(deps: Deps, options: BuildAppOptions): Promise<App> {
  const app = Fastify({
    logger: {
      level: deps.config.logLevel,
      ...(options.logStream ? { stream: options.logStream } : {}),
      redact: { paths: ['req.headers', 'res.headers'], remove: true },
      serializers: {
        req: requestForLog,
        res: (reply: { statusCode: number }) => ({ statusCode: reply.statusCode }),
      },
    },
    genReqId: () => newId(),
    trustProxy: deps.config.trustProxy,
    bodyLimit: 1_048_576,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);

  // The request context (id, IP, actor) for the audit writer and logs, for everything this request runs.
  app.addHook('onRequest', (request, _reply, done) => {
    request.locale = localeOf(request.headers['accept-language']);
    runWithContext({ requestId: request.id, ip: request.ip ?? null, actor: null }, done);
  });
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('x-frame-options', 'DENY');
    if (request.url.startsWith('/api/')) {
      reply.header('cache-control', 'no-store');
    }
    if (!request.url.startsWith('/api/docs')) {
      reply.header(
        'content-security-policy',
        "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; frame-ancestors 'none'; base-uri 'self'",
      );
    }
  });

  await app.register(fastifyCookie);
  const registeredRoutes = registerAccessHooks(app, deps);

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'ieum API',
        version: '0.1.0',
        description:
          'The API of ieum (이음). Sign in with POST /api/auth/login; send the returned csrfToken as x-csrf-token on every state-changing request. Errors are RFC 9457 problem+json.',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'ieum_session' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(async (docs) => {
    // The documentation pages are public by design: they describe the API, never data.
    docs.addHook('onRoute', (route) => {
      route.config ??= {};
      route.config.access = { kind: 'public' };
    });
    await docs.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
    docs.get('/api/openapi.json', { schema: { hide: true } }, async () => docs.swagger());
  });

  for (const plugin of options.plugins) await app.register(async (scope) => plugin(scope, deps));

  const webDist = deps.config.webDist ?? resolve(import.meta.dirname, '../../../../web/dist');
  const hasWeb = existsSync(resolve(webDist, 'index.html'));
  if (hasWeb) {
    await app.register(async (web) => {
      // The web app's files (HTML, scripts, styles) carry no data; the API behind them checks every call.
      web.addHook('onRoute', (route) => {
        route.config ??= {};
        route.config.access = { kind: 'public' };
      });
      await web.register(fastifyStatic, { root: webDist, wildcard: true, index: 'index.html', maxAge: '1h' });
    });
  }
  app.setNotFoundHandler((request, reply) => {
    if (!request.url.startsWith('/api/') && request.method === 'GET' && hasWeb) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html', webDist);
    }
    return sendProblem(request, reply, new AppError('route.not_found'));
  });

  return Object.assign(app, { registeredRoutes }) as App;
}
