CREATE TABLE "protection_alert_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"alert_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"kind" text NOT NULL,
	"actor_id" uuid,
	"detail" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "protection_alerts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"level" text NOT NULL,
	"score" integer NOT NULL,
	"rules_version" text NOT NULL,
	"reasons" jsonb NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"assignee_id" uuid,
	"opened_at" timestamp with time zone NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"first_contact_at" timestamp with time zone,
	"escalated_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"closed_by" uuid,
	"outcome" text,
	"follow_up_on" date,
	"closing_note_sealed" text,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "protection_contacts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"alert_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"contacted_at" timestamp with time zone NOT NULL,
	"method" text NOT NULL,
	"reached" boolean NOT NULL,
	"findings_sealed" text,
	"needs" text[] DEFAULT '{}'::text[] NOT NULL,
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "protection_profiles" (
	"person_id" uuid PRIMARY KEY NOT NULL,
	"categories" text[] DEFAULT '{}'::text[] NOT NULL,
	"children_in_household" integer DEFAULT 0 NOT NULL,
	"benefits" text[] DEFAULT '{}'::text[] NOT NULL,
	"insured_regular_worker" boolean DEFAULT false NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "protection_services" (
	"id" uuid PRIMARY KEY NOT NULL,
	"alert_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"provider" text NOT NULL,
	"provider_name" text,
	"outcome" text NOT NULL,
	"amount" integer,
	"provided_on" date NOT NULL,
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "protection_signals" (
	"id" uuid PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"type" text NOT NULL,
	"observed_on" date NOT NULL,
	"value" double precision,
	"via" text NOT NULL,
	"source_organization_id" uuid,
	"reference" text,
	"note_sealed" text,
	"recorded_by" uuid,
	"import_id" uuid,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "risk_scores" (
	"person_id" uuid PRIMARY KEY NOT NULL,
	"score" integer NOT NULL,
	"level" text,
	"rules_version" text NOT NULL,
	"as_of" date NOT NULL,
	"reasons" jsonb NOT NULL,
	"computed_at" timestamp with time zone NOT NULL,
	"run_id" uuid
);
--> statement-breakpoint
CREATE TABLE "screening_runs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"trigger" text NOT NULL,
	"rules_version" text NOT NULL,
	"as_of" date NOT NULL,
	"started_by" uuid,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"persons" integer DEFAULT 0 NOT NULL,
	"scored" integer DEFAULT 0 NOT NULL,
	"alerts_opened" integer DEFAULT 0 NOT NULL,
	"alerts_raised" integer DEFAULT 0 NOT NULL,
	"duration_ms" integer,
	"error" text
);
--> statement-breakpoint
CREATE TABLE "signal_imports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"created_by" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"status" text NOT NULL,
	"rows_sealed" text,
	"total" integer NOT NULL,
	"valid" integer NOT NULL,
	"imported" integer DEFAULT 0 NOT NULL,
	"duplicates" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "survey_checks" (
	"id" uuid PRIMARY KEY NOT NULL,
	"round_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"assignee_id" uuid,
	"finding" text,
	"checked_on" date,
	"method" text,
	"note_sealed" text,
	"checked_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_rounds" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"criteria" jsonb NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "api_keys" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"key_hash" text NOT NULL,
	"label" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "protection_alert_events" ADD CONSTRAINT "protection_alert_events_alert_id_protection_alerts_id_fk" FOREIGN KEY ("alert_id") REFERENCES "public"."protection_alerts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "protection_alert_events" ADD CONSTRAINT "protection_alert_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "protection_alerts" ADD CONSTRAINT "protection_alerts_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "protection_alerts" ADD CONSTRAINT "protection_alerts_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "protection_alerts" ADD CONSTRAINT "protection_alerts_assignee_id_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "protection_alerts" ADD CONSTRAINT "protection_alerts_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "protection_contacts" ADD CONSTRAINT "protection_contacts_alert_id_protection_alerts_id_fk" FOREIGN KEY ("alert_id") REFERENCES "public"."protection_alerts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "protection_contacts" ADD CONSTRAINT "protection_contacts_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "protection_contacts" ADD CONSTRAINT "protection_contacts_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "protection_profiles" ADD CONSTRAINT "protection_profiles_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "protection_profiles" ADD CONSTRAINT "protection_profiles_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "protection_services" ADD CONSTRAINT "protection_services_alert_id_protection_alerts_id_fk" FOREIGN KEY ("alert_id") REFERENCES "public"."protection_alerts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "protection_services" ADD CONSTRAINT "protection_services_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "protection_services" ADD CONSTRAINT "protection_services_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "protection_signals" ADD CONSTRAINT "protection_signals_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "protection_signals" ADD CONSTRAINT "protection_signals_source_organization_id_organizations_id_fk" FOREIGN KEY ("source_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "protection_signals" ADD CONSTRAINT "protection_signals_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_scores" ADD CONSTRAINT "risk_scores_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screening_runs" ADD CONSTRAINT "screening_runs_started_by_users_id_fk" FOREIGN KEY ("started_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signal_imports" ADD CONSTRAINT "signal_imports_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signal_imports" ADD CONSTRAINT "signal_imports_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_checks" ADD CONSTRAINT "survey_checks_round_id_survey_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."survey_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_checks" ADD CONSTRAINT "survey_checks_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_checks" ADD CONSTRAINT "survey_checks_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_checks" ADD CONSTRAINT "survey_checks_assignee_id_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_checks" ADD CONSTRAINT "survey_checks_checked_by_users_id_fk" FOREIGN KEY ("checked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_rounds" ADD CONSTRAINT "survey_rounds_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "protection_alert_events_alert_idx" ON "protection_alert_events" USING btree ("alert_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "protection_alerts_open_person_key" ON "protection_alerts" USING btree ("person_id") WHERE "protection_alerts"."status" <> 'closed';--> statement-breakpoint
CREATE INDEX "protection_alerts_queue_idx" ON "protection_alerts" USING btree ("organization_id","status","due_at");--> statement-breakpoint
CREATE INDEX "protection_alerts_assignee_idx" ON "protection_alerts" USING btree ("assignee_id","status");--> statement-breakpoint
CREATE INDEX "protection_alerts_person_idx" ON "protection_alerts" USING btree ("person_id","opened_at");--> statement-breakpoint
CREATE INDEX "protection_contacts_alert_idx" ON "protection_contacts" USING btree ("alert_id","contacted_at");--> statement-breakpoint
CREATE INDEX "protection_contacts_person_idx" ON "protection_contacts" USING btree ("person_id","contacted_at");--> statement-breakpoint
CREATE INDEX "protection_services_alert_idx" ON "protection_services" USING btree ("alert_id");--> statement-breakpoint
CREATE INDEX "protection_signals_person_idx" ON "protection_signals" USING btree ("person_id","observed_on");--> statement-breakpoint
CREATE INDEX "protection_signals_observed_idx" ON "protection_signals" USING btree ("observed_on");--> statement-breakpoint
CREATE UNIQUE INDEX "protection_signals_reference_key" ON "protection_signals" USING btree ("source_organization_id","reference") WHERE "protection_signals"."reference" is not null;--> statement-breakpoint
CREATE INDEX "risk_scores_level_idx" ON "risk_scores" USING btree ("level","score");--> statement-breakpoint
CREATE INDEX "screening_runs_started_idx" ON "screening_runs" USING btree ("started_at");--> statement-breakpoint
CREATE INDEX "signal_imports_creator_idx" ON "signal_imports" USING btree ("created_by","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_checks_round_person_key" ON "survey_checks" USING btree ("round_id","person_id");--> statement-breakpoint
CREATE INDEX "survey_checks_org_idx" ON "survey_checks" USING btree ("round_id","organization_id","finding");--> statement-breakpoint
CREATE INDEX "survey_checks_person_idx" ON "survey_checks" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "api_keys_hash_key" ON "api_keys" USING btree ("key_hash");--> statement-breakpoint
CREATE INDEX "api_keys_user_idx" ON "api_keys" USING btree ("user_id");