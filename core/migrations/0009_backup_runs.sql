CREATE TABLE "backup_runs" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"trigger" text NOT NULL,
	"status" text NOT NULL,
	"requested_by" bigint,
	"created_at" timestamp with time zone NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"progress" integer DEFAULT 0 NOT NULL,
	"step" text,
	"file" text,
	"size_bytes" bigint,
	"sha256" text,
	"duration_ms" integer,
	"encrypted" boolean,
	"verified" boolean,
	"verification" jsonb,
	"error" text,
	"pruned_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "backup_runs" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE INDEX "backup_runs_created_idx" ON "backup_runs" USING btree ("created_at");--> statement-breakpoint
CREATE POLICY "backup_runs_platform" ON "backup_runs" AS PERMISSIVE FOR ALL TO public USING (app_scope() in ('platform')) WITH CHECK (app_scope() in ('platform'));--> statement-breakpoint
-- Row-level security applies to the table's owner too.
ALTER TABLE "backup_runs" FORCE ROW LEVEL SECURITY;
