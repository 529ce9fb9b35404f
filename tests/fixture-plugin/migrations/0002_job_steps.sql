CREATE TABLE "fixture_plugin"."job_steps" (
	"reseller_id" bigint NOT NULL,
	"id" bigserial NOT NULL,
	"job_id" text NOT NULL,
	"attempt" bigint NOT NULL,
	"step" bigint NOT NULL,
	"worker" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "job_steps_reseller_id_id_pk" PRIMARY KEY("reseller_id","id")
);
--> statement-breakpoint
ALTER TABLE "fixture_plugin"."job_steps" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "job_steps_reseller" ON "fixture_plugin"."job_steps" AS PERMISSIVE FOR ALL TO public USING (app_can_see_reseller(reseller_id)) WITH CHECK (app_can_see_reseller(reseller_id));--> statement-breakpoint
ALTER TABLE "fixture_plugin"."job_steps" FORCE ROW LEVEL SECURITY;
