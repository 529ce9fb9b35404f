CREATE TABLE "plugin_job_runs" (
	"plugin_id" text NOT NULL,
	"job" text NOT NULL,
	"last_started_at" timestamp with time zone NOT NULL,
	"last_finished_at" timestamp with time zone,
	"last_status" text NOT NULL,
	"last_error" text,
	"runs" bigint DEFAULT 1 NOT NULL,
	CONSTRAINT "plugin_job_runs_plugin_id_job_pk" PRIMARY KEY("plugin_id","job")
);
--> statement-breakpoint
ALTER TABLE "plugin_job_runs" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "reseller_plugins" (
	"reseller_id" bigint NOT NULL,
	"plugin_id" text NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"settings" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" bigint,
	CONSTRAINT "reseller_plugins_reseller_id_plugin_id_pk" PRIMARY KEY("reseller_id","plugin_id")
);
--> statement-breakpoint
ALTER TABLE "reseller_plugins" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "reseller_plugins" ADD CONSTRAINT "reseller_plugins_reseller_id_resellers_id_fk" FOREIGN KEY ("reseller_id") REFERENCES "public"."resellers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE POLICY "plugin_job_runs_platform" ON "plugin_job_runs" AS PERMISSIVE FOR ALL TO public USING (app_scope() in ('platform')) WITH CHECK (app_scope() in ('platform'));--> statement-breakpoint
CREATE POLICY "reseller_plugins_read" ON "reseller_plugins" AS PERMISSIVE FOR SELECT TO public USING (app_can_see_reseller(reseller_id));--> statement-breakpoint
CREATE POLICY "reseller_plugins_insert" ON "reseller_plugins" AS PERMISSIVE FOR INSERT TO public WITH CHECK (app_scope() = 'platform' or (app_scope() = 'reseller' and reseller_id = app_reseller_id()));--> statement-breakpoint
CREATE POLICY "reseller_plugins_update" ON "reseller_plugins" AS PERMISSIVE FOR UPDATE TO public USING (app_scope() = 'platform' or (app_scope() = 'reseller' and reseller_id = app_reseller_id())) WITH CHECK (app_scope() = 'platform' or (app_scope() = 'reseller' and reseller_id = app_reseller_id()));