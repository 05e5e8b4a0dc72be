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

/**
 * Dated tasks for an office and role: statutory ones generated from a person's protection dates (and kept in
 * step when those dates change), and manual ones. Statutory tasks carry no free text: their meaning is their
 * kind and period, so nothing personal sits here in plaintext.
 */
export const tasks = pgTable(
  'tasks',
  {
    id: uuid('id').primaryKey(),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id, { onDelete: 'cascade' }),
    source: text('source').notNull(),
    /** The statutory item's stable key (e.g. `half_year_report:2021-H1`); null for manual tasks. */
    statutoryKey: text('statutory_key'),
    kind: text('kind').notNull(),
    period: jsonb('period').$type<{ start: string | null; end: string | null }>(),
    organizationId: uuid('organization_id').references(() => organizations.id),
    role: text('role'),
    assigneeId: uuid('assignee_id').references(() => users.id),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    remindOn: date('remind_on', { mode: 'string' }).notNull(),
    status: text('status').notNull().default('open'),
    completedAt: timestamp('completed_at', { withTimezone: true, mode: 'date' }),
    completedBy: uuid('completed_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('tasks_statutory_key')
      .on(t.personId, t.statutoryKey)
      .where(sql`${t.statutoryKey} is not null`),
    // The work lists: an office's open tasks by reminder date, and one person's timeline.
    index('tasks_office_idx').on(t.organizationId, t.status, t.remindOn),
    index('tasks_person_idx').on(t.personId, t.dueOn),
  ],
);
