import { sql } from 'drizzle-orm';
import {
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { organizations, users } from '../../platform/db/schema';
import { persons } from '../registry/schema';

/** A Hana Center's settlement case with a person. Free text (notes, summaries, goals) is sealed with the person's key. */
export const cases = pgTable(
  'cases',
  {
    id: uuid('id').primaryKey(),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id, { onDelete: 'cascade' }),
    hanaCenterId: uuid('hana_center_id')
      .notNull()
      .references(() => organizations.id),
    status: text('status').notNull(),
    assignedWorkerId: uuid('assigned_worker_id').references(() => users.id),
    openedOn: date('opened_on', { mode: 'string' }).notNull(),
    closedOn: date('closed_on', { mode: 'string' }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    // One open case per person at a center.
    uniqueIndex('cases_one_open_per_person')
      .on(t.personId, t.hanaCenterId)
      .where(sql`${t.status} not in ('closed', 'transferred')`),
    index('cases_center_idx').on(t.hanaCenterId, t.status),
    index('cases_worker_idx').on(t.assignedWorkerId, t.status),
  ],
);

export const caseEvents = pgTable(
  'case_events',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    status: text('status').notNull(),
    byUserId: uuid('by_user_id')
      .notNull()
      .references(() => users.id),
    reasonSealed: text('reason_sealed'),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('case_events_case_idx').on(t.caseId, t.at)],
);

export const caseNotes = pgTable(
  'case_notes',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id),
    sensitivity: text('sensitivity').notNull(),
    bodySealed: text('body_sealed').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('case_notes_case_idx').on(t.caseId, t.createdAt)],
);

export const assessments = pgTable(
  'assessments',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    assessorId: uuid('assessor_id')
      .notNull()
      .references(() => users.id),
    assessedOn: date('assessed_on', { mode: 'string' }).notNull(),
    /** Scores 0-4 per need domain: not identifying alone, kept plain for caseload statistics. */
    scores: jsonb('scores').$type<Record<string, number>>().notNull(),
    summarySealed: text('summary_sealed'),
  },
  (t) => [index('assessments_case_idx').on(t.caseId, t.assessedOn)],
);

export const goals = pgTable(
  'goals',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    domain: text('domain').notNull(),
    goalSealed: text('goal_sealed').notNull(),
    targetOn: date('target_on', { mode: 'string' }).notNull(),
    status: text('status').notNull().default('planned'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('goals_case_idx').on(t.caseId)],
);

/** A request to hand a case to another Hana Center when the person moves; the history stays with both. */
export const caseTransfers = pgTable(
  'case_transfers',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id, { onDelete: 'cascade' }),
    fromCenterId: uuid('from_center_id')
      .notNull()
      .references(() => organizations.id),
    toCenterId: uuid('to_center_id')
      .notNull()
      .references(() => organizations.id),
    status: text('status').notNull(),
    reasonSealed: text('reason_sealed').notNull(),
    decisionReasonSealed: text('decision_reason_sealed'),
    requestedBy: uuid('requested_by')
      .notNull()
      .references(() => users.id),
    decidedBy: uuid('decided_by').references(() => users.id),
    requestedAt: timestamp('requested_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'date' }),
    /** The case opened at the receiving center on acceptance. */
    newCaseId: uuid('new_case_id'),
  },
  (t) => [
    index('case_transfers_to_idx').on(t.toCenterId, t.status),
    index('case_transfers_from_idx').on(t.fromCenterId, t.status),
    uniqueIndex('case_transfers_one_pending').on(t.caseId).where(sql`${t.status} = 'requested'`),
  ],
);
