import type { Permission, RouteAccess } from '@ieum/domain';
import type { Actor } from '../context';
import { AppError } from '../errors';

/**
 * The access policy: one function, default deny. A route's declared `RouteAccess` is checked against the
 * actor; anything not explicitly allowed is refused. Row scope (own caseload, center, municipality,
 * consented referral) is asked of `scopeFor` by repositories as modules land.
 */
export type AccessDecision =
  | { readonly allowed: true }
  | { readonly allowed: false; readonly error: AppError; readonly audit: boolean };

export function decideRouteAccess(
  access: RouteAccess | undefined,
  actor: (Actor & { readonly totpEnrollmentRequired: boolean }) | null,
): AccessDecision {
  if (!access) return { allowed: false, error: new AppError('route.not_found'), audit: false };
  switch (access.kind) {
    case 'public':
      return { allowed: true };
    case 'authenticated':
      return actor
        ? { allowed: true }
        : { allowed: false, error: new AppError('auth.unauthenticated'), audit: false };
    case 'permission':
      if (!actor) return { allowed: false, error: new AppError('auth.unauthenticated'), audit: false };
      if (actor.totpEnrollmentRequired) {
        return { allowed: false, error: new AppError('auth.totp_enrollment_required'), audit: false };
      }
      return hasPermission(actor, access.permission)
        ? { allowed: true }
        : { allowed: false, error: new AppError('access.denied'), audit: true };
    default: {
      const unknown: never = access;
      return { allowed: false, error: new AppError('access.denied', { cause: unknown }), audit: true };
    }
  }
}

export function hasPermission(actor: Actor, permission: Permission): boolean {
  return actor.permissions.has(permission);
}

/** For services: throws the refusal unless the actor holds the permission. */
export function assertPermission(actor: Actor, permission: Permission): void {
  if (!hasPermission(actor, permission)) throw new AppError('access.denied');
}
