import { randomUUID } from 'node:crypto';

/** A concrete URL for a route pattern: each path parameter becomes a random UUID, a trailing wildcard a file name. */
export function concreteUrl(pattern: string): string {
  return pattern.replace(/:[A-Za-z]+/g, () => randomUUID()).replace(/\*$/, 'index.html');
}

/** The methods whose requests carry a body; the walks send `{}` so that only access decides the answer. */
export function takesBody(method: string): boolean {
  return method === 'POST' || method === 'PATCH' || method === 'PUT';
}
