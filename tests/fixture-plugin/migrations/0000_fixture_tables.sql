CREATE SCHEMA "fixture_plugin";
--> statement-breakpoint
CREATE TABLE "fixture_plugin"."event_log" (
	"reseller_id" bigint NOT NULL,
	"id" bigserial NOT NULL,
	"event" text NOT NULL,
	"clinic_id" bigint,
	"received_at" timestamp with time zone NOT NULL,
	CONSTRAINT "event_log_reseller_id_id_pk" PRIMARY KEY("reseller_id","id")
);
--> statement-breakpoint
ALTER TABLE "fixture_plugin"."event_log" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "fixture_plugin"."job_ticks" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"slot" timestamp with time zone NOT NULL,
	"notes" bigint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "fixture_plugin"."job_ticks" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "fixture_plugin"."notes" (
	"reseller_id" bigint NOT NULL,
	"id" bigserial NOT NULL,
	"clinic_id" bigint NOT NULL,
	"body" text NOT NULL,
	"created_by" bigint,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "notes_reseller_id_id_pk" PRIMARY KEY("reseller_id","id")
);
--> statement-breakpoint
ALTER TABLE "fixture_plugin"."notes" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "fixture_plugin"."notes" ADD CONSTRAINT "notes_reseller_id_clinic_id_clinics_reseller_id_id_fk" FOREIGN KEY ("reseller_id","clinic_id") REFERENCES "public"."clinics"("reseller_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "notes_clinic_idx" ON "fixture_plugin"."notes" USING btree ("reseller_id","clinic_id");--> statement-breakpoint
CREATE POLICY "event_log_reseller" ON "fixture_plugin"."event_log" AS PERMISSIVE FOR ALL TO public USING (app_can_see_reseller(reseller_id)) WITH CHECK (app_can_see_reseller(reseller_id));--> statement-breakpoint
CREATE POLICY "job_ticks_platform" ON "fixture_plugin"."job_ticks" AS PERMISSIVE FOR ALL TO public USING (app_scope() = 'platform') WITH CHECK (app_scope() = 'platform');--> statement-breakpoint
CREATE POLICY "notes_tenant" ON "fixture_plugin"."notes" AS PERMISSIVE FOR ALL TO public USING (app_can_see_clinic(reseller_id, clinic_id)) WITH CHECK (app_can_see_clinic(reseller_id, clinic_id));