CREATE TABLE "person_officers" (
	"person_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"user_id" uuid NOT NULL,
	"since" date NOT NULL,
	"until" date,
	CONSTRAINT "person_officers_person_id_kind_since_pk" PRIMARY KEY("person_id","kind","since")
);
--> statement-breakpoint
CREATE TABLE "person_search_tokens" (
	"token" text NOT NULL,
	"person_id" uuid NOT NULL,
	CONSTRAINT "person_search_tokens_token_person_id_pk" PRIMARY KEY("token","person_id")
);
--> statement-breakpoint
CREATE TABLE "persons" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"hana_center_id" uuid NOT NULL,
	"municipality_id" uuid,
	"status" text DEFAULT 'active' NOT NULL,
	"sex" text,
	"birth_year" integer,
	"name_sealed" text NOT NULL,
	"other_names_sealed" text,
	"rrn_sealed" text,
	"rrn_index" text,
	"birth_date_sealed" text,
	"phone_sealed" text,
	"address_sealed" text,
	"origin_province" text,
	"arrival_date" date,
	"hanawon_class" text,
	"hanawon_completion_date" date,
	"protection_decision_date" date,
	"residence_start_date" date,
	"residence_region" text,
	"merged_into_id" uuid,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "session_unmasks" (
	"session_id" text NOT NULL,
	"person_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "session_unmasks_session_id_person_id_pk" PRIMARY KEY("session_id","person_id")
);
--> statement-breakpoint
ALTER TABLE "person_officers" ADD CONSTRAINT "person_officers_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_officers" ADD CONSTRAINT "person_officers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_search_tokens" ADD CONSTRAINT "person_search_tokens_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "persons" ADD CONSTRAINT "persons_hana_center_id_organizations_id_fk" FOREIGN KEY ("hana_center_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "persons" ADD CONSTRAINT "persons_municipality_id_organizations_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "persons" ADD CONSTRAINT "persons_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_unmasks" ADD CONSTRAINT "session_unmasks_session_id_sessions_token_hash_fk" FOREIGN KEY ("session_id") REFERENCES "public"."sessions"("token_hash") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_unmasks" ADD CONSTRAINT "session_unmasks_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "person_officers_user_idx" ON "person_officers" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "person_search_tokens_person_idx" ON "person_search_tokens" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "persons_code_key" ON "persons" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "persons_rrn_index_key" ON "persons" USING btree ("rrn_index") WHERE "persons"."rrn_index" is not null and "persons"."merged_into_id" is null and "persons"."status" <> 'erased';--> statement-breakpoint
CREATE INDEX "persons_center_idx" ON "persons" USING btree ("hana_center_id","code");--> statement-breakpoint
CREATE INDEX "persons_municipality_idx" ON "persons" USING btree ("municipality_id");