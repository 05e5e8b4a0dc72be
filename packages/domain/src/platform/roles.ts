import { z } from 'zod';

/** The roles of DESIGN.md. A user holds one or more of them within one organization. */
export const ROLES = [
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
  'agency_system',
] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

/** Roles whose holders see personal data of defectors; `IEUM_REQUIRE_2FA` makes TOTP mandatory for them. */
export const ROLES_SEEING_PERSONAL_DATA: ReadonlySet<Role> = new Set<Role>([
  'case_worker',
  'center_manager',
  'residence_officer',
  'employment_officer',
  'safety_officer',
  'partner',
  'foundation_staff',
]);

export const ORGANIZATION_TYPES = [
  'ministry',
  'hana_center',
  'local_government',
  'employment_center',
  'police',
  'foundation',
  'school',
  'legal_aid',
  'partner_ngo',
  'employer',
  'public_agency',
] as const;
export const OrganizationType = z.enum(ORGANIZATION_TYPES);
export type OrganizationType = z.infer<typeof OrganizationType>;

/** Which roles make sense at which kind of organization; the admin screens and the API both enforce it. */
export const ROLES_BY_ORGANIZATION_TYPE: Record<OrganizationType, readonly Role[]> = {
  ministry: ['plan_manager', 'task_reporter', 'privacy_auditor', 'admin'],
  hana_center: ['case_worker', 'center_manager', 'privacy_auditor', 'task_reporter'],
  local_government: ['residence_officer', 'task_reporter', 'privacy_auditor'],
  employment_center: ['employment_officer', 'task_reporter'],
  police: ['safety_officer', 'task_reporter'],
  foundation: ['foundation_staff', 'case_worker', 'task_reporter', 'privacy_auditor'],
  school: ['partner', 'task_reporter'],
  legal_aid: ['partner', 'task_reporter'],
  partner_ngo: ['partner'],
  employer: ['partner'],
  // Agencies whose systems send risk signals (utilities, health insurance, the welfare information service):
  // an account of theirs submits signals through the API with a key and sees nothing.
  public_agency: ['agency_system'],
};

export function roleFitsOrganization(role: Role, type: OrganizationType): boolean {
  return ROLES_BY_ORGANIZATION_TYPE[type].includes(role);
}
