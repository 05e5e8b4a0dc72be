import { sql } from 'drizzle-orm';
import {
  date,
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
import { organizations, sessions, users } from '../../platform/db/schema';

/**
 * The person registry. Identity fields are sealed with the person's data key (platform/crypto/vault.ts) and
 * never stored in plaintext; lookups go through keyed hashes: `rrn_index` for the registration number and
 * `person_search_tokens` for names (syllable and initial-consonant grams), phone's last four digits and
 * birth date. What stays in plaintext is what statistics need and does not identify alone: sex, birth year,
 * province of origin, dates of arrival and protection.
 */
export const persons = pgTable(
  'persons',
  {
    id: uuid('id').primaryKey(),
    /** The pseudonymous ID shown everywhere instead of the name. */
    code: text('code').notNull(),
    hanaCenterId: uuid('hana_center_id')
      .notNull()
      .references(() => organizations.id),
    municipalityId: uuid('municipality_id').references(() => organizations.id),
    status: text('status').notNull().default('active'),
    sex: text('sex'),
    birthYear: integer('birth_year'),
    nameSealed: text('name_sealed').notNull(),
    otherNamesSealed: text('other_names_sealed'),
    rrnSealed: text('rrn_sealed'),
    rrnIndex: text('rrn_index'),
    birthDateSealed: text('birth_date_sealed'),
    phoneSealed: text('phone_sealed'),
    addressSealed: text('address_sealed'),
    originProvince: text('origin_province'),
    arrivalDate: date('arrival_date', { mode: 'string' }),
    hanawonClass: text('hanawon_class'),
    hanawonCompletionDate: date('hanawon_completion_date', { mode: 'string' }),
    protectionDecisionDate: date('protection_decision_date', { mode: 'string' }),
    residenceStartDate: date('residence_start_date', { mode: 'string' }),
    residenceRegion: text('residence_region'),
    mergedIntoId: uuid('merged_into_id'),
    mergedAt: timestamp('merged_at', { withTimezone: true, mode: 'date' }),
    createdBy: uuid('created_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('persons_code_key').on(t.code),
    // One live record per registration number; merged and erased records keep theirs out of the way.
    uniqueIndex('persons_rrn_index_key')
      .on(t.rrnIndex)
      .where(sql`${t.rrnIndex} is not null and ${t.mergedIntoId} is null and ${t.status} <> 'erased'`),
    index('persons_center_idx').on(t.hanaCenterId, t.code),
    index('persons_municipality_idx').on(t.municipalityId),
  ],
);

/** Keyed hashes (HMAC, truncated to 128 bits) of a person's searchable values. */
export const personSearchTokens = pgTable(
  'person_search_tokens',
  {
    token: text('token').notNull(),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.token, t.personId] }),
    index('person_search_tokens_person_idx').on(t.personId),
  ],
);

/** Identities a session has unmasked, each with its reason; they end with the session. */
export const sessionUnmasks = pgTable(
  'session_unmasks',
  {
    sessionId: text('session_id')
      .notNull()
      .references(() => sessions.tokenHash, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id, { onDelete: 'cascade' }),
    reason: text('reason').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.personId] })],
);

/** The three protection officers of a person: residence (local government), employment, personal safety. */
export const personOfficers = pgTable(
  'person_officers',
  {
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    since: date('since', { mode: 'string' }).notNull(),
    until: date('until', { mode: 'string' }),
  },
  (t) => [
    primaryKey({ columns: [t.personId, t.kind, t.since] }),
    index('person_officers_user_idx').on(t.userId),
  ],
);

/**
 * An uploaded cohort between preview and commit. The parsed rows are sealed under the batch's own key,
 * which is destroyed when the batch is committed or cancelled: the file does not linger.
 */
export const importBatches = pgTable(
  'import_batches',
  {
    id: uuid('id').primaryKey(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    hanaCenterId: uuid('hana_center_id')
      .notNull()
      .references(() => organizations.id),
    status: text('status').notNull(),
    rowsSealed: text('rows_sealed'),
    total: integer('total').notNull(),
    valid: integer('valid').notNull(),
    imported: integer('imported').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [index('import_batches_creator_idx').on(t.createdBy, t.createdAt)],
);

/**
 * A duplicate record folded into the surviving one, with what moved (row ids by kind, not personal) and
 * the survivor's values before the merge filled its gaps (sealed with the survivor's key, since they may be
 * identity fields), so that an undo can put both records back exactly.
 */
export const personMerges = pgTable(
  'person_merges',
  {
    id: uuid('id').primaryKey(),
    survivorId: uuid('survivor_id')
      .notNull()
      .references(() => persons.id),
    mergedId: uuid('merged_id')
      .notNull()
      .references(() => persons.id),
    mergedBy: uuid('merged_by')
      .notNull()
      .references(() => users.id),
    mergedAt: timestamp('merged_at', { withTimezone: true, mode: 'date' }).notNull(),
    reasonSealed: text('reason_sealed').notNull(),
    moved: jsonb('moved').$type<Record<string, string[]>>().notNull(),
    filledFields: jsonb('filled_fields').$type<string[]>().notNull(),
    /** The survivor's columns before the merge and the search tokens it gained, as sealed JSON. */
    survivorBeforeSealed: text('survivor_before_sealed').notNull(),
    /** The survivor's version right after the merge: an undo is refused once it has moved on. */
    survivorVersion: integer('survivor_version').notNull(),
    undoneAt: timestamp('undone_at', { withTimezone: true, mode: 'date' }),
    undoneBy: uuid('undone_by').references(() => users.id),
    undoReasonSealed: text('undo_reason_sealed'),
  },
  (t) => [
    index('person_merges_survivor_idx').on(t.survivorId, t.mergedAt),
    index('person_merges_merged_idx').on(t.mergedId),
  ],
);
