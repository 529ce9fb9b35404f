-- Tenant context for row-level security. Every request transaction sets these with
-- set_config(name, value, true) (transaction-local), so nothing leaks to the next user of a pooled
-- connection, and a transaction that sets nothing sees no tenant rows at all.
CREATE EXTENSION IF NOT EXISTS citext;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_setting(setting_name text) RETURNS text
  LANGUAGE sql STABLE AS $$ SELECT nullif(current_setting(setting_name, true), '') $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_scope() RETURNS text
  LANGUAGE sql STABLE AS $$ SELECT coalesce(app_setting('app.scope'), 'none') $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_user_id() RETURNS bigint
  LANGUAGE sql STABLE AS $$ SELECT app_setting('app.user_id')::bigint $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_reseller_id() RETURNS bigint
  LANGUAGE sql STABLE AS $$ SELECT app_setting('app.reseller_id')::bigint $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_clinic_id() RETURNS bigint
  LANGUAGE sql STABLE AS $$ SELECT app_setting('app.clinic_id')::bigint $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_can_see_reseller(r bigint) RETURNS boolean
  LANGUAGE sql STABLE AS $$
    SELECT app_scope() = 'platform'
        OR (app_scope() IN ('reseller', 'clinic') AND r = app_reseller_id())
  $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_can_see_clinic(r bigint, c bigint) RETURNS boolean
  LANGUAGE sql STABLE AS $$
    SELECT app_scope() = 'platform'
        OR (app_scope() = 'reseller' AND r = app_reseller_id())
        OR (app_scope() = 'clinic' AND r = app_reseller_id() AND c = app_clinic_id())
  $$;
