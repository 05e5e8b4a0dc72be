import type { SessionActor } from '../auth/sessions';
import { AppError } from '../errors';

/**
 * The signed-in actor of a request whose route requires one. The access hook has already refused anonymous
 * requests; this narrows the type and guards against a route declared `public` by mistake.
 */
export function actorOf(request: { actor: SessionActor | null }): SessionActor {
  if (!request.actor) throw new AppError('auth.unauthenticated');
  return request.actor;
}
