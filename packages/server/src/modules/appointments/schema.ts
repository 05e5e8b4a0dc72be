import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organizations, users } from '../../platform/db/schema';
import { persons } from '../registry/schema';

/**
 * A meeting of a Hana Center worker with a person: counselling, a home visit, accompanying them to an office.
 * Where and what (location, note) may hold an address or a family matter, so both are sealed with the
 * person's key; kind, time and status stay plain for the work lists and dashboards.
 */
export const appointments = pgTable(
  'appointments',
  {
    id: uuid('id').primaryKey(),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id, { onDelete: 'cascade' }),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    assigneeId: uuid('assignee_id')
      .notNull()
      .references(() => users.id),
    startsAt: timestamp('starts_at', { withTimezone: true, mode: 'date' }).notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    kind: text('kind').notNull(),
    status: text('status').notNull().default('scheduled'),
    locationSealed: text('location_sealed'),
    noteSealed: text('note_sealed'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    // A worker's day and a center's calendar by time; one person's appointments.
    index('appointments_assignee_idx').on(t.assigneeId, t.startsAt),
    index('appointments_org_idx').on(t.organizationId, t.startsAt),
    index('appointments_person_idx').on(t.personId, t.startsAt),
  ],
);
