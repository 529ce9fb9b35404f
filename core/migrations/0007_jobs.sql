CREATE TABLE "job_schedules" (
	"owner" text NOT NULL,
	"kind" text NOT NULL,
	"next_run_at" timestamp with time zone NOT NULL,
	CONSTRAINT "job_schedules_owner_kind_pk" PRIMARY KEY("owner","kind")
);
--> statement-breakpoint
ALTER TABLE "job_schedules" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "jobs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"owner" text NOT NULL,
	"kind" text NOT NULL,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"reseller_id" bigint,
	"clinic_id" bigint,
	"user_id" bigint,
	"state" text NOT NULL,
	"percent" integer DEFAULT 0 NOT NULL,
	"message" text,
	"error" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"max_attempts" integer NOT NULL,
	"timeout_ms" integer NOT NULL,
	"backoff_ms" integer NOT NULL,
	"cancel_requested" boolean DEFAULT false NOT NULL,
	"run_after" timestamp with time zone NOT NULL,
	"lease_token" uuid,
	"lease_until" timestamp with time zone,
	"heartbeat_at" timestamp with time zone,
	"worker" text,
	"created_at" timestamp with time zone NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	CONSTRAINT "jobs_percent_range" CHECK ("jobs"."percent" between 0 and 100)
);
--> statement-breakpoint
ALTER TABLE "jobs" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE INDEX "jobs_claim_idx" ON "jobs" USING btree ("state","run_after");--> statement-breakpoint
CREATE INDEX "jobs_owner_kind_idx" ON "jobs" USING btree ("owner","kind","created_at");--> statement-breakpoint
CREATE INDEX "jobs_finished_idx" ON "jobs" USING btree ("finished_at");--> statement-breakpoint
CREATE POLICY "job_schedules_platform" ON "job_schedules" AS PERMISSIVE FOR ALL TO public USING (app_scope() in ('platform')) WITH CHECK (app_scope() in ('platform'));--> statement-breakpoint
CREATE POLICY "jobs_platform" ON "jobs" AS PERMISSIVE FOR ALL TO public USING (app_scope() in ('platform')) WITH CHECK (app_scope() in ('platform'));--> statement-breakpoint
CREATE POLICY "jobs_tenant_read" ON "jobs" AS PERMISSIVE FOR SELECT TO public USING (reseller_id is not null and (case when clinic_id is null then app_can_see_reseller(reseller_id) else app_can_see_clinic(reseller_id, clinic_id) end));--> statement-breakpoint
-- Row-level security applies to the tables' owner too.
ALTER TABLE "jobs" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "job_schedules" FORCE ROW LEVEL SECURITY;
