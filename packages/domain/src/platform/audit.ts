import { z } from 'zod';

/** What an audit entry records. PIPA's access-log items (view, edit, insert, delete, print, download) are all here. */
export const AUDIT_ACTIONS = [
  'login',
  'login_failed',
  'logout',
  'account_locked',
  'password_changed',
  'totp_enabled',
  'totp_disabled',
  'view',
  'create',
  'update',
  'delete',
  'export',
  'print',
  'unmask',
  'permission_denied',
  'review_signed',
  'keys_rotated',
  'person.merge',
  'person.merge_undo',
] as const;
export const AuditAction = z.enum(AUDIT_ACTIONS);
export type AuditAction = z.infer<typeof AuditAction>;
