CREATE TABLE "case_transfers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"from_center_id" uuid NOT NULL,
	"to_center_id" uuid NOT NULL,
	"status" text NOT NULL,
	"reason_sealed" text NOT NULL,
	"decision_reason_sealed" text,
	"requested_by" uuid NOT NULL,
	"decided_by" uuid,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone,
	"new_case_id" uuid
);
--> statement-breakpoint
ALTER TABLE "case_transfers" ADD CONSTRAINT "case_transfers_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_transfers" ADD CONSTRAINT "case_transfers_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_transfers" ADD CONSTRAINT "case_transfers_from_center_id_organizations_id_fk" FOREIGN KEY ("from_center_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_transfers" ADD CONSTRAINT "case_transfers_to_center_id_organizations_id_fk" FOREIGN KEY ("to_center_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_transfers" ADD CONSTRAINT "case_transfers_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_transfers" ADD CONSTRAINT "case_transfers_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_transfers_to_idx" ON "case_transfers" USING btree ("to_center_id","status");--> statement-breakpoint
CREATE INDEX "case_transfers_from_idx" ON "case_transfers" USING btree ("from_center_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "case_transfers_one_pending" ON "case_transfers" USING btree ("case_id") WHERE "case_transfers"."status" = 'requested';