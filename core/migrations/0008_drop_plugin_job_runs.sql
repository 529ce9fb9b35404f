DROP POLICY "plugin_job_runs_platform" ON "plugin_job_runs" CASCADE;--> statement-breakpoint
DROP TABLE "plugin_job_runs" CASCADE;