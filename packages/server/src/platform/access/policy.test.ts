import { PERMISSIONS, type Permission, permissionsOf, type Role, type RouteAccess } from '@ieum/domain';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../context';
import { AppError } from '../errors';
import { assertPermission, decideRouteAccess, hasPermission } from './policy';

function actor(roles: Role[], totpEnrollmentRequired = false): Actor & { totpEnrollmentRequired: boolean } {
  return {
    userId: '0196f1a8-0000-7000-8000-000000000001',
    username: 'someone',
    organizationId: '0196f1a8-0000-7000-8000-000000000002',
    roles,
    permissions: new Set<Permission>(permissionsOf(roles)),
    sessionId: 'session',
    totpEnrollmentRequired,
  };
}

const needs = (permission: Permission): RouteAccess => ({ kind: 'permission', permission });

/** The decision reduced to what the hook acts on: allowed, or the error code and whether it is audited. */
function outcome(access: RouteAccess | undefined, who: ReturnType<typeof actor> | null) {
  const decision = decideRouteAccess(access, who);
  return decision.allowed ? 'allowed' : { code: decision.error.code, audit: decision.audit };
}

describe('decideRouteAccess', () => {
  it('denies a route without a declaration as not found (default deny), for anyone', () => {
    expect(outcome(undefined, null)).toEqual({ code: 'route.not_found', audit: false });
    expect(outcome(undefined, actor(['admin']))).toEqual({ code: 'route.not_found', audit: false });
  });

  it('allows a public route to anyone', () => {
    expect(outcome({ kind: 'public' }, null)).toBe('allowed');
    expect(outcome({ kind: 'public' }, actor(['partner'], true))).toBe('allowed');
  });

  it('allows an authenticated route to any signed-in user, even one who must still enrol TOTP', () => {
    expect(outcome({ kind: 'authenticated' }, null)).toEqual({ code: 'auth.unauthenticated', audit: false });
    expect(outcome({ kind: 'authenticated' }, actor(['partner']))).toBe('allowed');
    expect(outcome({ kind: 'authenticated' }, actor(['case_worker'], true))).toBe('allowed');
  });

  it('asks an anonymous caller of a permission route to sign in, without auditing', () => {
    expect(outcome(needs('users.read'), null)).toEqual({ code: 'auth.unauthenticated', audit: false });
  });

  it('allows a permission route exactly to the roles granted that permission, and audits every refusal', () => {
    const roles: Role[] = [
      'case_worker',
      'center_manager',
      'residence_officer',
      'employment_officer',
      'safety_officer',
      'partner',
      'foundation_staff',
      'plan_manager',
      'task_reporter',
      'privacy_auditor',
      'admin',
    ];
    for (const role of roles) {
      for (const permission of PERMISSIONS) {
        const granted = permissionsOf([role]).includes(permission);
        expect(outcome(needs(permission), actor([role])), `${role} → ${permission}`).toEqual(
          granted ? 'allowed' : { code: 'access.denied', audit: true },
        );
      }
    }
  });

  it('grants the union of permissions of several roles', () => {
    const auditorAndManager = actor(['privacy_auditor', 'center_manager']);
    expect(outcome(needs('audit.read'), auditorAndManager)).toBe('allowed');
    expect(outcome(needs('users.manage'), auditorAndManager)).toEqual({ code: 'access.denied', audit: true });
  });

  it('sends a user who must enrol TOTP to enrolment before any permission route, granted or not', () => {
    const pending = actor(['privacy_auditor', 'center_manager'], true);
    expect(outcome(needs('audit.read'), pending)).toEqual({
      code: 'auth.totp_enrollment_required',
      audit: false,
    });
    expect(outcome(needs('users.manage'), pending)).toEqual({
      code: 'auth.totp_enrollment_required',
      audit: false,
    });
  });

  it('denies an access kind it does not know', () => {
    const unknown = { kind: 'everyone' } as unknown as RouteAccess;
    expect(outcome(unknown, actor(['admin']))).toEqual({ code: 'access.denied', audit: true });
  });
});

describe('hasPermission and assertPermission', () => {
  it('answer from the actor’s permissions, and assertPermission throws access.denied', () => {
    const admin = actor(['admin']);
    expect(hasPermission(admin, 'users.manage')).toBe(true);
    expect(hasPermission(admin, 'audit.read')).toBe(false);
    expect(() => assertPermission(admin, 'users.manage')).not.toThrow();
    let thrown: unknown;
    try {
      assertPermission(admin, 'audit.read');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AppError);
    expect((thrown as AppError).code).toBe('access.denied');
    expect((thrown as AppError).status).toBe(403);
  });
});
