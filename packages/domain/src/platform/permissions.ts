import type { Role } from './roles';

/**
 * Every permission a route can require. A route declares exactly one access rule (see `RouteAccess`);
 * the server refuses to register a route without one.
 */
export const PERMISSIONS = [
  'organizations.read',
  'organizations.manage',
  'users.read',
  'users.manage',
  'audit.read',
  'audit.review',
  'persons.read',
  'persons.create',
  'persons.update',
  'persons.unmask',
  'persons.merge',
  'tasks.read',
  'tasks.update',
  'cases.read',
  'cases.write',
  'cases.assign',
  'consents.read',
  'consents.manage',
  'referrals.read',
  'referrals.send',
  'referrals.receive',
  'protection.read',
  'protection.act',
  'protection.assign',
  'protection.screen',
  'protection.import',
  'protection.reports',
  'signals.submit',
  'surveys.read',
  'surveys.manage',
  'surveys.assign',
  'surveys.check',
  'jobs.read',
  'jobs.write',
  'jobs.employers',
  'jobs.reports',
  'incentives.pay',
  'plans.read',
  'plans.manage',
  'plans.comment',
  'plans.report',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** The grant table: role → permissions. Anything absent is denied. */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  case_worker: [
    'persons.read',
    'persons.create',
    'persons.update',
    'persons.unmask',
    'tasks.read',
    'tasks.update',
    'cases.read',
    'cases.write',
    'consents.read',
    'consents.manage',
    'referrals.read',
    'referrals.send',
    'protection.read',
    'protection.act',
    'surveys.read',
    'surveys.check',
    'jobs.read',
    'jobs.write',
  ],
  center_manager: [
    'persons.read',
    'persons.create',
    'persons.update',
    'persons.unmask',
    'persons.merge',
    'tasks.read',
    'tasks.update',
    'cases.read',
    'cases.write',
    'cases.assign',
    'consents.read',
    'consents.manage',
    'referrals.read',
    'referrals.send',
    'protection.read',
    'protection.act',
    'surveys.read',
    'surveys.check',
    'protection.assign',
    'protection.screen',
    'protection.import',
    'protection.reports',
    'surveys.assign',
    'jobs.read',
    'jobs.write',
    'jobs.employers',
    'jobs.reports',
    'incentives.pay',
  ],
  residence_officer: [
    'persons.read',
    'persons.unmask',
    'tasks.read',
    'tasks.update',
    'referrals.read',
    'referrals.receive',
    'protection.read',
    'protection.act',
    'surveys.read',
    'surveys.check',
    'protection.import',
  ],
  employment_officer: [
    'persons.read',
    'persons.unmask',
    'tasks.read',
    'tasks.update',
    'referrals.read',
    'referrals.receive',
    'jobs.read',
    'jobs.write',
    'jobs.employers',
    'jobs.reports',
    'incentives.pay',
  ],
  safety_officer: [
    'persons.read',
    'persons.unmask',
    'tasks.read',
    'tasks.update',
    'protection.read',
    'protection.act',
    'surveys.read',
    'surveys.check',
  ],
  partner: ['referrals.read', 'referrals.receive'],
  // The Korea Hana Foundation runs employment programmes nationally: aggregates, never a person.
  foundation_staff: ['jobs.reports'],
  // National statistics and the survey rounds, as aggregates: no person is visible to a plan manager.
  plan_manager: [
    'organizations.read',
    'protection.reports',
    'surveys.read',
    'surveys.manage',
    'jobs.reports',
    'plans.read',
    'plans.manage',
    'plans.comment',
  ],
  // A department's or local government's officer: reads the plan, reports on the tasks their organization
  // leads (the plan rules check the lead), and comments while their organization is consulted.
  task_reporter: ['plans.read', 'plans.report', 'plans.comment'],
  privacy_auditor: ['audit.read', 'audit.review', 'users.read', 'organizations.read'],
  admin: ['organizations.read', 'organizations.manage', 'users.read', 'users.manage'],
  agency_system: ['signals.submit'],
};

export function permissionsOf(roles: readonly Role[]): Permission[] {
  const granted = new Set<Permission>();
  for (const role of roles) for (const p of ROLE_PERMISSIONS[role]) granted.add(p);
  return [...granted].sort();
}

/** How a route is reached: without login (only health, login and the API docs), by any signed-in user, or by permission. */
export type RouteAccess =
  | { readonly kind: 'public' }
  | { readonly kind: 'authenticated' }
  | { readonly kind: 'permission'; readonly permission: Permission };
