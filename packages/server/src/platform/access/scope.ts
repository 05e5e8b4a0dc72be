import type { Role } from '@ieum/domain';
import type { Actor } from '../context';

/**
 * Row scope over persons: which records an actor may see at all. Repositories turn these into SQL (see
 * modules/registry/persons.repository.ts); anything outside answers exactly like a missing record.
 * Default deny: a role not listed here sees no person.
 */
export type PersonScope =
  | { readonly kind: 'center'; readonly organizationId: string }
  | { readonly kind: 'municipality'; readonly organizationId: string }
  | { readonly kind: 'assigned'; readonly userId: string; readonly officerKind: 'employment' | 'safety' };

function scopeOfRole(role: Role, actor: Actor): PersonScope | null {
  switch (role) {
    case 'case_worker':
    case 'center_manager':
      return { kind: 'center', organizationId: actor.organizationId };
    case 'residence_officer':
      return { kind: 'municipality', organizationId: actor.organizationId };
    case 'employment_officer':
      return { kind: 'assigned', userId: actor.userId, officerKind: 'employment' };
    case 'safety_officer':
      return { kind: 'assigned', userId: actor.userId, officerKind: 'safety' };
    // Partners see persons only through consented referrals (not yet built); the others see no person.
    case 'partner':
    case 'foundation_staff':
    case 'plan_manager':
    case 'task_reporter':
    case 'privacy_auditor':
    case 'admin':
    case 'agency_system':
      return null;
    default: {
      const unknown: never = role;
      return unknown;
    }
  }
}

export function personScopes(actor: Actor): PersonScope[] {
  return actor.roles
    .map((role) => scopeOfRole(role, actor))
    .filter((scope): scope is PersonScope => scope !== null);
}
