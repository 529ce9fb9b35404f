ALTER POLICY "clinics_read" ON "clinics" TO public USING (app_can_see_clinic(reseller_id, id) or app_scope() = 'auth' or exists (select 1 from memberships m where m.user_id = app_user_id() and m.reseller_id = clinics.reseller_id and m.clinic_id = clinics.id));--> statement-breakpoint
ALTER POLICY "memberships_read" ON "memberships" TO public USING (app_can_see_clinic(reseller_id, clinic_id) or app_scope() = 'auth' or user_id = app_user_id());--> statement-breakpoint
ALTER POLICY "resellers_read" ON "resellers" TO public USING (app_can_see_reseller(id) or app_scope() = 'auth' or exists (select 1 from memberships m where m.user_id = app_user_id() and m.reseller_id = resellers.id));--> statement-breakpoint
-- Signed scope entry. The row-level-security settings (app.scope, app.user_id, app.reseller_id,
-- app.clinic_id, app.clock_now) can only be set through app_enter_scope(), which checks a signature
-- made by the application with a key that the request role cannot read. Together with EXECUTE on
-- pg_catalog.set_config being revoked from PUBLIC (done at start by ensureAppRole), an injected SQL
-- string running as the request role cannot widen its own tenant scope.
CREATE SCHEMA IF NOT EXISTS app_private;
--> statement-breakpoint
REVOKE ALL ON SCHEMA app_private FROM PUBLIC;
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS app_private.scope_key (
  id integer PRIMARY KEY CHECK (id = 1),
  key bytea NOT NULL
);
--> statement-breakpoint
INSERT INTO app_private.scope_key (id, key)
  VALUES (1, sha256(convert_to(gen_random_uuid()::text || gen_random_uuid()::text || clock_timestamp()::text, 'UTF8')))
  ON CONFLICT (id) DO NOTHING;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_enter_scope(
  p_scope text, p_user_id text, p_reseller_id text, p_clinic_id text, p_clock_now text, p_expires bigint, p_signature text
) RETURNS boolean
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  k bytea;
  message text;
BEGIN
  SELECT key INTO k FROM app_private.scope_key WHERE id = 1;
  message := concat_ws('|', p_scope, p_user_id, p_reseller_id, p_clinic_id, p_clock_now, p_expires::text);
  IF k IS NULL
     OR p_expires < extract(epoch FROM clock_timestamp())::bigint
     OR encode(sha256(k || sha256(convert_to(message, 'UTF8'))), 'hex') IS DISTINCT FROM p_signature THEN
    RAISE EXCEPTION 'assinatura de escopo inválida' USING ERRCODE = '42501';
  END IF;
  PERFORM set_config('app.scope', p_scope, true),
          set_config('app.user_id', p_user_id, true),
          set_config('app.reseller_id', p_reseller_id, true),
          set_config('app.clinic_id', p_clinic_id, true),
          set_config('app.clock_now', p_clock_now, true);
  RETURN true;
END $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION app_enter_scope(text, text, text, text, text, bigint, text) FROM PUBLIC;
