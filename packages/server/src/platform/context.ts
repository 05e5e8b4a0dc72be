import { AsyncLocalStorage } from 'node:async_hooks';
import type { Permission, Role } from '@ieum/domain';

/** Who is acting. Services receive it explicitly; the audit writer and logger also reach it through the store. */
export interface Actor {
  readonly userId: string;
  readonly username: string;
  readonly organizationId: string;
  readonly roles: readonly Role[];
  readonly permissions: ReadonlySet<Permission>;
  readonly sessionId: string;
}

export interface RequestContext {
  readonly requestId: string;
  readonly ip: string | null;
  actor: Actor | null;
}

const store = new AsyncLocalStorage<RequestContext>();

export function runWithContext<T>(context: RequestContext, fn: () => T): T {
  return store.run(context, fn);
}

export function enterContext(context: RequestContext): void {
  store.enterWith(context);
}

export function currentContext(): RequestContext | undefined {
  return store.getStore();
}
