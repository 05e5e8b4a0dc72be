import { z } from 'zod';
import { AuditAction } from './audit';
import { Region } from './regions';
import { OrganizationType, Role } from './roles';

export const Id = z.uuid();
export const Locale = z.enum(['ko', 'en']);
export type Locale = z.infer<typeof Locale>;

/** RFC 9457 problem details, the body of every error the API returns. */
export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  code: z.string(),
  detail: z.string().optional(),
  instance: z.string().optional(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type Problem = z.infer<typeof Problem>;

export const Username = z
  .string()
  .trim()
  .min(3)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9._-]*$/, 'username.pattern');

/** At least 12 characters: long passphrases over composition rules (NIST SP 800-63B). */
export const NewPassword = z.string().min(12, 'password.too_short').max(256);

export const LoginRequest = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
  totp: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

export const OrganizationSummary = z.object({
  id: Id,
  name: z.string(),
  nameEn: z.string().nullable(),
  type: OrganizationType,
  region: Region.nullable(),
});

export const Me = z.object({
  id: Id,
  username: z.string(),
  displayName: z.string(),
  locale: Locale,
  roles: z.array(Role),
  permissions: z.array(z.string()),
  organization: OrganizationSummary,
  totpEnabled: z.boolean(),
  /** True when policy requires two-factor for this user and it is not yet enrolled. */
  totpEnrollmentRequired: z.boolean(),
  sessionIdleTimeoutSeconds: z.number().int(),
});
export type Me = z.infer<typeof Me>;

export const LoginResponse = z.object({ csrfToken: z.string(), me: Me });
export type LoginResponse = z.infer<typeof LoginResponse>;
export const SessionResponse = LoginResponse;

export const PasswordChange = z.object({
  currentPassword: z.string().min(1).max(256),
  newPassword: NewPassword,
});
export const LocaleChange = z.object({ locale: Locale });
export const TotpSetupResponse = z.object({ secret: z.string(), otpauthUri: z.string() });
export const TotpCode = z.object({ code: z.string().regex(/^\d{6}$/) });
export const TotpDisable = z.object({ password: z.string().min(1).max(256) });

export const Page = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const Organization = OrganizationSummary.extend({
  active: z.boolean(),
  userCount: z.number().int(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type Organization = z.infer<typeof Organization>;

export const OrganizationInput = z.object({
  name: z.string().trim().min(2).max(100),
  nameEn: z.string().trim().max(150).nullable().optional(),
  type: OrganizationType,
  region: Region.nullable(),
});
export const OrganizationUpdate = OrganizationInput.partial().extend({
  active: z.boolean().optional(),
  /** Optimistic concurrency: the version the editor saw. */
  version: z.number().int(),
});
export const OrganizationQuery = Page.extend({
  q: z.string().trim().max(100).optional(),
  type: OrganizationType.optional(),
  region: Region.optional(),
});
export const OrganizationList = z.object({ items: z.array(Organization), total: z.number().int() });

export const User = z.object({
  id: Id,
  username: z.string(),
  displayName: z.string(),
  organization: OrganizationSummary,
  roles: z.array(Role),
  active: z.boolean(),
  totpEnabled: z.boolean(),
  lockedUntil: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type User = z.infer<typeof User>;

export const UserInput = z.object({
  username: Username,
  displayName: z.string().trim().min(1).max(100),
  organizationId: Id,
  roles: z.array(Role).min(1),
  password: NewPassword,
});
export const UserUpdate = z.object({
  displayName: z.string().trim().min(1).max(100).optional(),
  organizationId: Id.optional(),
  roles: z.array(Role).min(1).optional(),
  active: z.boolean().optional(),
  version: z.number().int(),
});
export const PasswordReset = z.object({ password: NewPassword });
export const UserQuery = Page.extend({
  q: z.string().trim().max(100).optional(),
  organizationId: Id.optional(),
  role: Role.optional(),
});
export const UserList = z.object({ items: z.array(User), total: z.number().int() });

export const AuditEntry = z.object({
  id: Id,
  seq: z.number().int(),
  occurredAt: z.string(),
  actorId: Id.nullable(),
  actorUsername: z.string().nullable(),
  organizationId: Id.nullable(),
  ip: z.string().nullable(),
  requestId: z.string().nullable(),
  action: AuditAction,
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  subjectId: z.string().nullable(),
  reason: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()).nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditQuery = Page.extend({
  actor: z.string().trim().max(64).optional(),
  subjectId: z.string().trim().max(64).optional(),
  action: AuditAction.optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});
export const AuditList = z.object({ items: z.array(AuditEntry), total: z.number().int() });

export const AuditReviewInput = z.object({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
  findings: z.string().trim().min(1).max(4000),
});
export const AuditReview = z.object({
  id: Id,
  month: z.string(),
  reviewerId: Id,
  reviewerUsername: z.string(),
  findings: z.string(),
  entriesReviewed: z.number().int(),
  chainVerified: z.boolean(),
  signedAt: z.string(),
});
export const AuditReviewList = z.object({ items: z.array(AuditReview) });
export const AuditVerification = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  firstBrokenSeq: z.number().int().nullable(),
  reason: z.string().nullable(),
});
