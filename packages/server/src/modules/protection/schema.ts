import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  doublePrecision,
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

const createdAt = timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();

/**
 * What a case worker or residence officer knows of a person's vulnerability (domain/protection/profile.ts).
 * Codes in plaintext: the screening runs over them in SQL and they identify no one alone.
 */
export const protectionProfiles = pgTable('protection_profiles', {
  personId: uuid('person_id')
    .primaryKey()
    .references(() => persons.id, { onDelete: 'cascade' }),
  categories: text('categories').array().notNull().default(sql`'{}'::text[]`),
  childrenInHousehold: integer('children_in_household').notNull().default(0),
  benefits: text('benefits').array().notNull().default(sql`'{}'::text[]`),
  insuredRegularWorker: boolean('insured_regular_worker').notNull().default(false),
  updatedBy: uuid('updated_by').references(() => users.id),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  version: integer('version').notNull().default(1),
});

/**
 * A risk signal about one person from an agency system (`api`), an uploaded file (`import`) or a member of
 * staff (`staff`). Type, day and value are plain for set-based screening; a staff note is sealed.
 * `reference` is the sender's own id of the observation: one per source organization, so a re-sent batch
 * is answered with "duplicate" instead of counting twice.
 */
export const protectionSignals = pgTable(
  'protection_signals',
  {
    id: uuid('id').primaryKey(),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id, { onDelete: 'cascade' }),
    type: text('type').notNull(),
    observedOn: date('observed_on', { mode: 'string' }).notNull(),
    value: doublePrecision('value'),
    via: text('via').notNull(),
    sourceOrganizationId: uuid('source_organization_id').references(() => organizations.id),
    reference: text('reference'),
    noteSealed: text('note_sealed'),
    recordedBy: uuid('recorded_by').references(() => users.id),
    importId: uuid('import_id'),
    receivedAt: timestamp('received_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    index('protection_signals_person_idx').on(t.personId, t.observedOn),
    index('protection_signals_observed_idx').on(t.observedOn),
    uniqueIndex('protection_signals_reference_key')
      .on(t.sourceOrganizationId, t.reference)
      .where(sql`${t.reference} is not null`),
  ],
);

/** The latest score of each person, with its reasons (codes and numbers) and the rules version. */
export const riskScores = pgTable(
  'risk_scores',
  {
    personId: uuid('person_id')
      .primaryKey()
      .references(() => persons.id, { onDelete: 'cascade' }),
    score: integer('score').notNull(),
    level: text('level'),
    rulesVersion: text('rules_version').notNull(),
    asOf: date('as_of', { mode: 'string' }).notNull(),
    reasons: jsonb('reasons').$type<Record<string, unknown>[]>().notNull(),
    computedAt: timestamp('computed_at', { withTimezone: true, mode: 'date' }).notNull(),
    runId: uuid('run_id'),
  },
  (t) => [index('risk_scores_level_idx').on(t.level, t.score)],
);

/** One screening: the nightly one over everybody, one asked for, or the re-scoring of a batch of signals. */
export const screeningRuns = pgTable(
  'screening_runs',
  {
    id: uuid('id').primaryKey(),
    trigger: text('trigger').notNull(),
    rulesVersion: text('rules_version').notNull(),
    asOf: date('as_of', { mode: 'string' }).notNull(),
    startedBy: uuid('started_by').references(() => users.id),
    startedAt: timestamp('started_at', { withTimezone: true, mode: 'date' }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true, mode: 'date' }),
    persons: integer('persons').notNull().default(0),
    scored: integer('scored').notNull().default(0),
    alertsOpened: integer('alerts_opened').notNull().default(0),
    alertsRaised: integer('alerts_raised').notNull().default(0),
    durationMs: integer('duration_ms'),
    error: text('error'),
  },
  (t) => [index('screening_runs_started_idx').on(t.startedAt)],
);

/**
 * A crisis alert: at most one open per person (new signals attach to it and may raise its level). The score
 * that opened or last raised it is kept with its reasons and rules version, so the alert explains itself as
 * it was when it was raised. `organization_id` is the Hana Center whose triage queue holds it.
 */
export const protectionAlerts = pgTable(
  'protection_alerts',
  {
    id: uuid('id').primaryKey(),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id, { onDelete: 'cascade' }),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    level: text('level').notNull(),
    score: integer('score').notNull(),
    rulesVersion: text('rules_version').notNull(),
    reasons: jsonb('reasons').$type<Record<string, unknown>[]>().notNull(),
    status: text('status').notNull().default('open'),
    assigneeId: uuid('assignee_id').references(() => users.id),
    openedAt: timestamp('opened_at', { withTimezone: true, mode: 'date' }).notNull(),
    dueAt: timestamp('due_at', { withTimezone: true, mode: 'date' }).notNull(),
    firstContactAt: timestamp('first_contact_at', { withTimezone: true, mode: 'date' }),
    escalatedAt: timestamp('escalated_at', { withTimezone: true, mode: 'date' }),
    closedAt: timestamp('closed_at', { withTimezone: true, mode: 'date' }),
    closedBy: uuid('closed_by').references(() => users.id),
    outcome: text('outcome'),
    followUpOn: date('follow_up_on', { mode: 'string' }),
    closingNoteSealed: text('closing_note_sealed'),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('protection_alerts_open_person_key').on(t.personId).where(sql`${t.status} <> 'closed'`),
    index('protection_alerts_queue_idx').on(t.organizationId, t.status, t.dueAt),
    index('protection_alerts_assignee_idx').on(t.assigneeId, t.status),
    index('protection_alerts_person_idx').on(t.personId, t.openedAt),
  ],
);

/** What happened to an alert, in order: opened, signals attached, level raised, assigned, contact, ... */
export const protectionAlertEvents = pgTable(
  'protection_alert_events',
  {
    id: uuid('id').primaryKey(),
    alertId: uuid('alert_id')
      .notNull()
      .references(() => protectionAlerts.id, { onDelete: 'cascade' }),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
    kind: text('kind').notNull(),
    actorId: uuid('actor_id').references(() => users.id),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull(),
  },
  (t) => [index('protection_alert_events_alert_idx').on(t.alertId, t.at)],
);

/** A contact attempt on an alert: by phone, a visit, through the safety officer; findings sealed. */
export const protectionContacts = pgTable(
  'protection_contacts',
  {
    id: uuid('id').primaryKey(),
    alertId: uuid('alert_id')
      .notNull()
      .references(() => protectionAlerts.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id, { onDelete: 'cascade' }),
    contactedAt: timestamp('contacted_at', { withTimezone: true, mode: 'date' }).notNull(),
    method: text('method').notNull(),
    reached: boolean('reached').notNull(),
    findingsSealed: text('findings_sealed'),
    needs: text('needs').array().notNull().default(sql`'{}'::text[]`),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    createdAt,
  },
  (t) => [
    index('protection_contacts_alert_idx').on(t.alertId, t.contactedAt),
    index('protection_contacts_person_idx').on(t.personId, t.contactedAt),
  ],
);

/** A service linked to an alert: emergency welfare, a Foundation fund, a benefit application, private help. */
export const protectionServices = pgTable(
  'protection_services',
  {
    id: uuid('id').primaryKey(),
    alertId: uuid('alert_id')
      .notNull()
      .references(() => protectionAlerts.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    provider: text('provider').notNull(),
    providerName: text('provider_name'),
    outcome: text('outcome').notNull(),
    amount: integer('amount'),
    providedOn: date('provided_on', { mode: 'string' }).notNull(),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    createdAt,
  },
  (t) => [index('protection_services_alert_idx').on(t.alertId)],
);

/** A survey round (like the 2019 rounds): a population chosen by rules, checked by the centers. */
export const surveyRounds = pgTable('survey_rounds', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  startsOn: date('starts_on', { mode: 'string' }).notNull(),
  endsOn: date('ends_on', { mode: 'string' }).notNull(),
  criteria: jsonb('criteria').$type<Record<string, unknown>>().notNull(),
  createdBy: uuid('created_by')
    .notNull()
    .references(() => users.id),
  createdAt,
});

/** One person to check in a round, held by the person's Hana Center; the note is sealed. */
export const surveyChecks = pgTable(
  'survey_checks',
  {
    id: uuid('id').primaryKey(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => surveyRounds.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id, { onDelete: 'cascade' }),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    assigneeId: uuid('assignee_id').references(() => users.id),
    finding: text('finding'),
    checkedOn: date('checked_on', { mode: 'string' }),
    method: text('method'),
    noteSealed: text('note_sealed'),
    checkedBy: uuid('checked_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('survey_checks_round_person_key').on(t.roundId, t.personId),
    index('survey_checks_org_idx').on(t.roundId, t.organizationId, t.finding),
    index('survey_checks_person_idx').on(t.personId),
  ],
);

/**
 * An uploaded signal file between preview and commit. The parsed rows (with registration numbers) are
 * sealed under the batch's own key, destroyed when the batch is committed or cancelled.
 */
export const signalImports = pgTable(
  'signal_imports',
  {
    id: uuid('id').primaryKey(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    status: text('status').notNull(),
    rowsSealed: text('rows_sealed'),
    total: integer('total').notNull(),
    valid: integer('valid').notNull(),
    imported: integer('imported').notNull().default(0),
    duplicates: integer('duplicates').notNull().default(0),
    createdAt,
    finishedAt: timestamp('finished_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [index('signal_imports_creator_idx').on(t.createdBy, t.createdAt)],
);
