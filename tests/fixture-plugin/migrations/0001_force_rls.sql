-- Row-level security applies to the tables' owner too.
ALTER TABLE "fixture_plugin"."notes" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "fixture_plugin"."event_log" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "fixture_plugin"."job_ticks" FORCE ROW LEVEL SECURITY;
