import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/**
 * The platform's tables. Module tables live beside their modules and are re-exported from `tables.ts`.
 * Times are `timestamptz` (UTC); ids are random UUIDs made by the application (v7, time-ordered).
 */
const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
};

export const organizations = pgTable(
  'organizations',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    nameEn: text('name_en'),
    type: text('type').notNull(),
    region: text('region'),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('organizations_name_key').on(t.name),
    index('organizations_type_idx').on(t.type, t.region),
  ],
);

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    roles: text('roles').array().notNull(),
    passwordHash: text('password_hash').notNull(),
    locale: text('locale').notNull().default('ko'),
    active: boolean('active').notNull().default(true),
    /** TOTP secret, encrypted with the user's data key (see platform/crypto). Null until enrolment starts. */
    totpSecret: text('totp_secret'),
    totpEnabled: boolean('totp_enabled').notNull().default(false),
    /** The last accepted TOTP time step, so a code cannot be replayed. */
    totpLastStep: bigint('totp_last_step', { mode: 'number' }),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true, mode: 'date' }),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true, mode: 'date' })
      .notNull()
      .defaultNow(),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('users_username_key').on(t.username),
    index('users_organization_idx').on(t.organizationId),
    check('users_roles_not_empty', sql`cardinality(${t.roles}) > 0`),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 of the cookie token: a stolen database copy does not yield usable sessions. */
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
    ip: text('ip'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** Failed sign-in counters, one row per account name and one per client IP. */
export const loginThrottle = pgTable('login_throttle', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull(),
  windowStartedAt: timestamp('window_started_at', { withTimezone: true, mode: 'date' }).notNull(),
  lockedUntil: timestamp('locked_until', { withTimezone: true, mode: 'date' }),
});

/**
 * The access ledger. Append-only (a trigger refuses UPDATE, DELETE and TRUNCATE) and hash-chained:
 * `hash` = SHA-256 over the previous hash and this row's canonical content.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey(),
    id: uuid('id').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'date' }).notNull(),
    actorId: uuid('actor_id'),
    actorUsername: text('actor_username'),
    organizationId: uuid('organization_id'),
    ip: text('ip'),
    requestId: text('request_id'),
    action: text('action').notNull(),
    entityType: text('entity_type'),
    entityId: text('entity_id'),
    /** The data subject: the person whose data this entry concerns. */
    subjectId: text('subject_id'),
    reason: text('reason'),
    detail: jsonb('detail').$type<Record<string, unknown>>(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    uniqueIndex('audit_log_id_key').on(t.id),
    index('audit_log_occurred_idx').on(t.occurredAt),
    index('audit_log_actor_idx').on(t.actorUsername, t.occurredAt),
    index('audit_log_subject_idx').on(t.subjectId, t.occurredAt),
    index('audit_log_action_idx').on(t.action, t.occurredAt),
  ],
);

export const auditReviews = pgTable('audit_reviews', {
  id: uuid('id').primaryKey(),
  month: text('month').notNull().unique(),
  reviewerId: uuid('reviewer_id')
    .notNull()
    .references(() => users.id),
  findings: text('findings').notNull(),
  entriesReviewed: integer('entries_reviewed').notNull(),
  chainVerified: boolean('chain_verified').notNull(),
  signedAt: timestamp('signed_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

/**
 * Data keys: one per data subject (a person, a user), wrapped by the master key. Destroying the wrapped key
 * (crypto-shredding) makes every field encrypted under it unreadable.
 */
export const dataKeys = pgTable(
  'data_keys',
  {
    subjectType: text('subject_type').notNull(),
    subjectId: uuid('subject_id').notNull(),
    wrappedKey: text('wrapped_key'),
    masterKeyId: text('master_key_id'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    destroyedAt: timestamp('destroyed_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    primaryKey({ columns: [t.subjectType, t.subjectId] }),
    index('data_keys_master_idx').on(t.masterKeyId),
  ],
);

/** Platform-wide secrets (the blind-index key), wrapped by the master key like data keys. */
export const platformSecrets = pgTable('platform_secrets', {
  name: text('name').primaryKey(),
  wrappedKey: text('wrapped_key').notNull(),
  masterKeyId: text('master_key_id').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

/**
 * API keys of agency systems (accounts with the `agency_system` role): `Authorization: Bearer <key>`.
 * Only the SHA-256 of the key is kept; it is shown once when issued.
 */
export const apiKeys = pgTable(
  'api_keys',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    keyHash: text('key_hash').notNull(),
    label: text('label').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true, mode: 'date' }),
    revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [uniqueIndex('api_keys_hash_key').on(t.keyHash), index('api_keys_user_idx').on(t.userId)],
);
