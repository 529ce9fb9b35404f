-- Row-level security also applies to the tables' owner: nothing reads tenant rows without a scope.
ALTER TABLE "users" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "sessions" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "login_throttle" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "resellers" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "clinics" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "memberships" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "audit_log" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "notifications" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "mail_outbox" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- The head of the audit hash chain: one row, locked by every append, so appends are serialised and
-- each row's prev_hash is the hash of the row appended just before it. Not a tenant table; the app
-- role has no privilege on it (only audit_append, a SECURITY DEFINER function, touches it).
CREATE TABLE "audit_chain_head" (
  "singleton" boolean PRIMARY KEY DEFAULT true CHECK ("singleton"),
  "last_id" bigint,
  "last_hash" text NOT NULL
);
--> statement-breakpoint
INSERT INTO "audit_chain_head" ("singleton", "last_id", "last_hash") VALUES (true, NULL, repeat('0', 64));
--> statement-breakpoint
CREATE OR REPLACE FUNCTION audit_row_hash(
  p_prev text, p_id bigint, p_at timestamptz, p_actor_user_id bigint, p_actor_email text, p_acting_for text,
  p_reseller_id bigint, p_clinic_id bigint, p_action text, p_target text, p_outcome text, p_ip text,
  p_request_id text, p_details jsonb
) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT encode(sha256(convert_to(jsonb_build_array(
    p_prev, p_id, (extract(epoch FROM p_at) * 1000000)::bigint, p_actor_user_id, p_actor_email, p_acting_for,
    p_reseller_id, p_clinic_id, p_action, p_target, p_outcome, p_ip, p_request_id, p_details
  )::text, 'UTF8')), 'hex')
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION audit_append(
  p_at timestamptz, p_actor_user_id bigint, p_actor_email text, p_acting_for text, p_reseller_id bigint,
  p_clinic_id bigint, p_action text, p_target text, p_outcome text, p_ip text, p_request_id text, p_details jsonb
) RETURNS bigint LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  v_prev text;
  v_id bigint;
  v_hash text;
BEGIN
  SELECT last_hash INTO v_prev FROM audit_chain_head WHERE singleton FOR UPDATE;
  v_id := nextval(pg_get_serial_sequence('public.audit_log', 'id'));
  v_hash := audit_row_hash(v_prev, v_id, p_at, p_actor_user_id, p_actor_email, p_acting_for, p_reseller_id,
    p_clinic_id, p_action, p_target, p_outcome, p_ip, p_request_id, p_details);
  INSERT INTO audit_log (id, at, actor_user_id, actor_email, acting_for, reseller_id, clinic_id, action, target,
    outcome, ip, request_id, details, prev_hash, hash)
  VALUES (v_id, p_at, p_actor_user_id, p_actor_email, p_acting_for, p_reseller_id, p_clinic_id, p_action, p_target,
    p_outcome, p_ip, p_request_id, p_details, v_prev, v_hash);
  UPDATE audit_chain_head SET last_id = v_id, last_hash = v_hash WHERE singleton;
  RETURN v_id;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
--> statement-breakpoint
CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
