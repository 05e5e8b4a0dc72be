import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organizations, users } from '../../platform/db/schema';
import { persons } from '../registry/schema';

/**
 * A person's consent to share data: one recipient (an organization, or every organization of a kind) × the
 * data categories × one purpose × a period, until withdrawn. Nothing here is free text or identifying on
 * its own; the recorded terms are what every referral is checked against, at sending and at each read.
 */
export const consents = pgTable(
  'consents',
  {
    id: uuid('id').primaryKey(),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id, { onDelete: 'cascade' }),
    recipientOrganizationId: uuid('recipient_organization_id').references(() => organizations.id),
    recipientType: text('recipient_type'),
    categories: text('categories').array().notNull(),
    purpose: text('purpose').notNull(),
    givenOn: date('given_on', { mode: 'string' }).notNull(),
    expiresOn: date('expires_on', { mode: 'string' }).notNull(),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    withdrawnOn: date('withdrawn_on', { mode: 'string' }),
    withdrawnBy: uuid('withdrawn_by').references(() => users.id),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true, mode: 'date' }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    index('consents_person_idx').on(t.personId, t.givenOn),
    check(
      'consents_one_recipient',
      sql`(${t.recipientOrganizationId} is null) <> (${t.recipientType} is null)`,
    ),
    check('consents_period', sql`${t.expiresOn} >= ${t.givenOn}`),
    check('consents_categories_not_empty', sql`cardinality(${t.categories}) > 0`),
  ],
);

/**
 * A referral from a Hana Center to a partner organization. The message is sealed with the person's key;
 * `consent_id` is the consent that covered it when sent (a renewed consent may cover it later).
 */
export const referrals = pgTable(
  'referrals',
  {
    id: uuid('id').primaryKey(),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id, { onDelete: 'cascade' }),
    senderOrganizationId: uuid('sender_organization_id')
      .notNull()
      .references(() => organizations.id),
    senderUserId: uuid('sender_user_id')
      .notNull()
      .references(() => users.id),
    recipientOrganizationId: uuid('recipient_organization_id')
      .notNull()
      .references(() => organizations.id),
    purpose: text('purpose').notNull(),
    categories: text('categories').array().notNull(),
    consentId: uuid('consent_id').references(() => consents.id),
    messageSealed: text('message_sealed').notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    status: text('status').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    // The two boxes: a recipient's (and a center's) referrals by status, overdue ones found by due date.
    index('referrals_recipient_idx').on(t.recipientOrganizationId, t.status, t.dueOn),
    index('referrals_sender_idx').on(t.senderOrganizationId, t.status, t.dueOn),
    index('referrals_sender_user_idx').on(t.senderUserId, t.status),
    index('referrals_person_idx').on(t.personId),
  ],
);

/** Each step of a referral, by whom and from which organization; a reason or note is sealed with the person's key. */
export const referralEvents = pgTable(
  'referral_events',
  {
    id: uuid('id').primaryKey(),
    referralId: uuid('referral_id')
      .notNull()
      .references(() => referrals.id, { onDelete: 'cascade' }),
    status: text('status').notNull(),
    byUserId: uuid('by_user_id')
      .notNull()
      .references(() => users.id),
    byOrganizationId: uuid('by_organization_id')
      .notNull()
      .references(() => organizations.id),
    noteSealed: text('note_sealed'),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('referral_events_referral_idx').on(t.referralId, t.at)],
);
