-- Row-level security applies to the tables' owner too.
ALTER TABLE "reseller_plugins" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "plugin_job_runs" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- Turning a plugin on or off for a reseller is a platform decision: a reseller admin may save its
-- plugin settings (RLS allows its own rows) but never change `enabled`.
CREATE OR REPLACE FUNCTION reseller_plugins_guard_enabled() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF app_scope() <> 'platform' AND (
    (TG_OP = 'INSERT' AND NOT NEW.enabled) OR (TG_OP = 'UPDATE' AND NEW.enabled IS DISTINCT FROM OLD.enabled)
  ) THEN
    RAISE EXCEPTION 'only the platform may enable or disable a plugin' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER reseller_plugins_enabled_guard BEFORE INSERT OR UPDATE ON "reseller_plugins"
  FOR EACH ROW EXECUTE FUNCTION reseller_plugins_guard_enabled();
