import type { RouteAccess } from '@ieum/domain';
import type { SessionActor } from '../auth/sessions';
import type { Locale } from './validation-messages';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Every route declares how it is reached; the server will not start with a route that does not. */
    access?: RouteAccess;
  }
  interface FastifyRequest {
    actor: SessionActor | null;
    locale: Locale;
  }
}
