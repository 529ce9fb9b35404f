-- A singular turns plugins on and off for its own clinics (SPEC §7): besides the platform, the
-- reseller scope may change `enabled` — row-level security already limits it to its own rows.
CREATE OR REPLACE FUNCTION reseller_plugins_guard_enabled() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF app_scope() NOT IN ('platform', 'reseller') AND (
    (TG_OP = 'INSERT' AND NOT NEW.enabled) OR (TG_OP = 'UPDATE' AND NEW.enabled IS DISTINCT FROM OLD.enabled)
  ) THEN
    RAISE EXCEPTION 'only the platform or the singular may enable or disable a plugin' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END
$$;
