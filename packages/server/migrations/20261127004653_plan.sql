CREATE TABLE "master_plans" (
	"id" uuid PRIMARY KEY NOT NULL,
	"title_ko" text NOT NULL,
	"title_en" text NOT NULL,
	"start_year" integer NOT NULL,
	"end_year" integer NOT NULL,
	"categories" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_categories" (
	"id" uuid PRIMARY KEY NOT NULL,
	"plan_id" uuid NOT NULL,
	"code" integer NOT NULL,
	"name_ko" text NOT NULL,
	"name_en" text NOT NULL,
	"goal" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_comments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"plan_id" uuid NOT NULL,
	"task_key" uuid,
	"task_code" text,
	"body" text NOT NULL,
	"author_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"as_council_member" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolution" text,
	"resolution_reason" text,
	"resolved_by" uuid,
	"resolved_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_consultations" (
	"plan_id" uuid PRIMARY KEY NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"organization_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"council_member_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"message" text DEFAULT '' NOT NULL,
	"sent_at" timestamp with time zone,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_kpi_values" (
	"report_id" uuid NOT NULL,
	"kpi_key" uuid NOT NULL,
	"year" integer NOT NULL,
	"quarter" integer NOT NULL,
	"value" double precision NOT NULL,
	CONSTRAINT "plan_kpi_values_kpi_key_year_quarter_pk" PRIMARY KEY("kpi_key","year","quarter")
);
--> statement-breakpoint
CREATE TABLE "plan_kpis" (
	"id" uuid PRIMARY KEY NOT NULL,
	"task_id" uuid NOT NULL,
	"key" uuid NOT NULL,
	"position" integer NOT NULL,
	"name_ko" text NOT NULL,
	"name_en" text,
	"unit" text NOT NULL,
	"unit_label_ko" text,
	"baseline" double precision NOT NULL,
	"target" double precision NOT NULL,
	"direction" text NOT NULL,
	"source_kind" text NOT NULL,
	"metric_key" text,
	"milestones" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_no_comments" (
	"plan_id" uuid NOT NULL,
	"invitee_kind" text NOT NULL,
	"invitee_id" uuid NOT NULL,
	"declared_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plan_no_comments_plan_id_invitee_kind_invitee_id_pk" PRIMARY KEY("plan_id","invitee_kind","invitee_id")
);
--> statement-breakpoint
CREATE TABLE "plan_progress_reports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"plan_id" uuid NOT NULL,
	"task_key" uuid NOT NULL,
	"year" integer NOT NULL,
	"quarter" integer NOT NULL,
	"status" text NOT NULL,
	"percent_complete" integer NOT NULL,
	"narrative" text NOT NULL,
	"evidence" jsonb NOT NULL,
	"organization_id" uuid NOT NULL,
	"filed_by" uuid NOT NULL,
	"filed_at" timestamp with time zone NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_tasks" (
	"id" uuid PRIMARY KEY NOT NULL,
	"plan_id" uuid NOT NULL,
	"key" uuid NOT NULL,
	"code" text NOT NULL,
	"category_code" integer NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"lead_organization_id" uuid NOT NULL,
	"cooperating_organization_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"milestones" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plans" (
	"id" uuid PRIMARY KEY NOT NULL,
	"master_plan_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"title_ko" text NOT NULL,
	"title_en" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"previous_revision_id" uuid,
	"superseded_by_id" uuid,
	"revision_reason" text DEFAULT '' NOT NULL,
	"finalized_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "master_plans" ADD CONSTRAINT "master_plans_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_categories" ADD CONSTRAINT "plan_categories_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_comments" ADD CONSTRAINT "plan_comments_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_comments" ADD CONSTRAINT "plan_comments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_comments" ADD CONSTRAINT "plan_comments_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_comments" ADD CONSTRAINT "plan_comments_resolved_by_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_consultations" ADD CONSTRAINT "plan_consultations_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_consultations" ADD CONSTRAINT "plan_consultations_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_kpi_values" ADD CONSTRAINT "plan_kpi_values_report_id_plan_progress_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."plan_progress_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_kpis" ADD CONSTRAINT "plan_kpis_task_id_plan_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."plan_tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_no_comments" ADD CONSTRAINT "plan_no_comments_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_no_comments" ADD CONSTRAINT "plan_no_comments_declared_by_users_id_fk" FOREIGN KEY ("declared_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_progress_reports" ADD CONSTRAINT "plan_progress_reports_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_progress_reports" ADD CONSTRAINT "plan_progress_reports_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_progress_reports" ADD CONSTRAINT "plan_progress_reports_filed_by_users_id_fk" FOREIGN KEY ("filed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_progress_reports" ADD CONSTRAINT "plan_progress_reports_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_tasks" ADD CONSTRAINT "plan_tasks_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_tasks" ADD CONSTRAINT "plan_tasks_lead_organization_id_organizations_id_fk" FOREIGN KEY ("lead_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_master_plan_id_master_plans_id_fk" FOREIGN KEY ("master_plan_id") REFERENCES "public"."master_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "plan_categories_plan_code_key" ON "plan_categories" USING btree ("plan_id","code");--> statement-breakpoint
CREATE INDEX "plan_comments_plan_idx" ON "plan_comments" USING btree ("plan_id","created_at");--> statement-breakpoint
CREATE INDEX "plan_kpi_values_report_idx" ON "plan_kpi_values" USING btree ("report_id");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_kpis_task_key_key" ON "plan_kpis" USING btree ("task_id","key");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_progress_reports_task_quarter_key" ON "plan_progress_reports" USING btree ("task_key","year","quarter");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_tasks_plan_key_key" ON "plan_tasks" USING btree ("plan_id","key");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_tasks_plan_code_key" ON "plan_tasks" USING btree ("plan_id","code");--> statement-breakpoint
CREATE INDEX "plan_tasks_lead_idx" ON "plan_tasks" USING btree ("lead_organization_id");--> statement-breakpoint
CREATE UNIQUE INDEX "plans_year_revision_key" ON "plans" USING btree ("master_plan_id","year","revision");--> statement-breakpoint
CREATE INDEX "plans_year_idx" ON "plans" USING btree ("year","revision");