-- Row-level security applies to the table's owner too.
ALTER TABLE "migration"."attachments" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- The active gestores of a base (ids only): who acts on the clinic side when a deadline passes, and who
-- is told before the request's files are deleted. Like team_user_ids(), it runs as the migrations' owner.
CREATE OR REPLACE FUNCTION migration.base_gestor_ids(p_reseller bigint, p_clinic bigint) RETURNS SETOF bigint
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
    SELECT u.id FROM public.memberships m JOIN public.users u ON u.id = m.user_id
     WHERE m.reseller_id = p_reseller AND m.clinic_id = p_clinic AND m.role = 'gestor' AND u.status = 'active'
  $$;
