-- Row-level security of the support-access module (SPEC §5, LGPD). Forced, so the tables' owner obeys
-- it too. A support agent never reads or writes the base's grants, history or access log; outside a
-- base (scope 'support') it sees only the grants that are active right now, and only the clinics and
-- resellers behind them.

-- "Now" for grant checks: the app's clock when the transaction set it (tests move time), else the
-- server's time. Set per transaction with set_config('app.clock_now', …, true).
CREATE OR REPLACE FUNCTION support_access.clock_now() RETURNS timestamptz
  LANGUAGE sql STABLE AS $$ SELECT coalesce(public.app_setting('app.clock_now')::timestamptz, now()) $$;
--> statement-breakpoint
-- True when a support agent is behind the transaction: outside any base, or inside one through a grant.
CREATE OR REPLACE FUNCTION support_access.acting_as_support() RETURNS boolean
  LANGUAGE sql STABLE AS $$
    SELECT public.app_scope() = 'support'
        OR EXISTS (SELECT 1 FROM public.users u WHERE u.id = public.app_user_id() AND u.kind = 'support_agent')
  $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION support_access.grant_is_active(g_ended_at timestamptz, g_starts_at timestamptz, g_ends_at timestamptz)
  RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT g_ended_at IS NULL AND g_starts_at <= support_access.clock_now() AND g_ends_at > support_access.clock_now()
  $$;
--> statement-breakpoint
ALTER TABLE support_access.grants FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE support_access.grant_events FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE support_access.access_log FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE support_access.access_requests FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- The base (its gestor; its reseller admin; the platform), never a support agent.
CREATE POLICY grants_base ON support_access.grants AS PERMISSIVE FOR ALL
  USING (public.app_can_see_clinic(reseller_id, clinic_id) AND NOT support_access.acting_as_support())
  WITH CHECK (public.app_can_see_clinic(reseller_id, clinic_id) AND NOT support_access.acting_as_support());
--> statement-breakpoint
-- Support outside a base: the grants active right now, read only.
CREATE POLICY grants_support_read ON support_access.grants AS PERMISSIVE FOR SELECT
  USING (public.app_scope() = 'support' AND support_access.grant_is_active(ended_at, starts_at, ends_at));
--> statement-breakpoint
CREATE POLICY grant_events_base ON support_access.grant_events AS PERMISSIVE FOR ALL
  USING (public.app_can_see_clinic(reseller_id, clinic_id) AND NOT support_access.acting_as_support())
  WITH CHECK (public.app_can_see_clinic(reseller_id, clinic_id) AND NOT support_access.acting_as_support());
--> statement-breakpoint
CREATE POLICY access_log_base ON support_access.access_log AS PERMISSIVE FOR ALL
  USING (public.app_can_see_clinic(reseller_id, clinic_id) AND NOT support_access.acting_as_support())
  WITH CHECK (public.app_can_see_clinic(reseller_id, clinic_id) AND NOT support_access.acting_as_support());
--> statement-breakpoint
CREATE POLICY access_requests_base ON support_access.access_requests AS PERMISSIVE FOR ALL
  USING (public.app_can_see_clinic(reseller_id, clinic_id) AND NOT support_access.acting_as_support())
  WITH CHECK (public.app_can_see_clinic(reseller_id, clinic_id) AND NOT support_access.acting_as_support());
--> statement-breakpoint
-- A support agent reads and files its own requests (pending, undecided) — nothing else.
CREATE POLICY access_requests_own_read ON support_access.access_requests AS PERMISSIVE FOR SELECT
  USING (public.app_scope() = 'support' AND agent_user_id = public.app_user_id());
--> statement-breakpoint
CREATE POLICY access_requests_own_insert ON support_access.access_requests AS PERMISSIVE FOR INSERT
  WITH CHECK (
    public.app_scope() = 'support' AND agent_user_id = public.app_user_id()
    AND status = 'pending' AND decided_at IS NULL AND grant_id IS NULL
  );
--> statement-breakpoint
-- Core tables: support outside a base sees the clinics (and their resellers) with an active grant.
CREATE POLICY clinics_support_read ON public.clinics AS PERMISSIVE FOR SELECT
  USING (
    public.app_scope() = 'support' AND EXISTS (
      SELECT 1 FROM support_access.grants g
      WHERE g.reseller_id = clinics.reseller_id AND g.clinic_id = clinics.id
        AND support_access.grant_is_active(g.ended_at, g.starts_at, g.ends_at)
    )
  );
--> statement-breakpoint
CREATE POLICY resellers_support_read ON public.resellers AS PERMISSIVE FOR SELECT
  USING (
    public.app_scope() = 'support' AND EXISTS (
      SELECT 1 FROM support_access.grants g
      WHERE g.reseller_id = resellers.id AND support_access.grant_is_active(g.ended_at, g.starts_at, g.ends_at)
    )
  );
--> statement-breakpoint
-- The history and the access log are append-only for everyone (LGPD transparency).
CREATE OR REPLACE FUNCTION support_access.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'support_access.% is append-only (% refused)', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
--> statement-breakpoint
CREATE TRIGGER access_log_append_only BEFORE UPDATE OR DELETE ON support_access.access_log
  FOR EACH ROW EXECUTE FUNCTION support_access.refuse_change();
--> statement-breakpoint
CREATE TRIGGER grant_events_append_only BEFORE UPDATE OR DELETE ON support_access.grant_events
  FOR EACH ROW EXECUTE FUNCTION support_access.refuse_change();
--> statement-breakpoint
CREATE TRIGGER access_log_no_truncate BEFORE TRUNCATE ON support_access.access_log
  FOR EACH STATEMENT EXECUTE FUNCTION support_access.refuse_change();
--> statement-breakpoint
CREATE TRIGGER grant_events_no_truncate BEFORE TRUNCATE ON support_access.grant_events
  FOR EACH STATEMENT EXECUTE FUNCTION support_access.refuse_change();
