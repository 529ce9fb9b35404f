CREATE TABLE "fixture_plugin"."staged_rows" (
	"reseller_id" bigint NOT NULL,
	"id" bigserial NOT NULL,
	"clinic_id" bigint NOT NULL,
	"label" text,
	"amount" numeric(14, 2),
	"ratio" double precision,
	"active" boolean,
	"due_on" date,
	"happened_at" timestamp with time zone,
	"doc" jsonb,
	"raw" "bytea",
	CONSTRAINT "staged_rows_reseller_id_id_pk" PRIMARY KEY("reseller_id","id")
);
--> statement-breakpoint
ALTER TABLE "fixture_plugin"."staged_rows" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "staged_rows_tenant" ON "fixture_plugin"."staged_rows" AS PERMISSIVE FOR ALL TO public USING (app_can_see_clinic(reseller_id, clinic_id)) WITH CHECK (app_can_see_clinic(reseller_id, clinic_id));--> statement-breakpoint
ALTER TABLE "fixture_plugin"."staged_rows" FORCE ROW LEVEL SECURITY;
