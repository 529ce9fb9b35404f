-- Row-level security applies to the tables' owner too.
ALTER TABLE "migration"."requests" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "migration"."events" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "migration"."messages" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "migration"."backups" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "migration"."legacy_systems" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- The vocabulary of the lifecycle and of seed 000, enforced by the database too.
ALTER TABLE "migration"."requests" ADD CONSTRAINT "requests_state_check" CHECK (state IN ('solicitada', 'extracao_agendada', 'backup_recebido', 'analise_viabilidade', 'versao_validacao', 'ajustes', 'aprovada', 'versao_final_agendada', 'versao_final_executada', 'encerrada', 'cancelada'));
--> statement-breakpoint
ALTER TABLE "migration"."requests" ADD CONSTRAINT "requests_due_side_check" CHECK (due_side IS NULL OR due_side IN ('equipe', 'clinica'));
--> statement-breakpoint
ALTER TABLE "migration"."requests" ADD CONSTRAINT "requests_extraction_mode_check" CHECK (extraction_mode IN ('clinica', 'suporte_legado', 'tecnico_singular'));
--> statement-breakpoint
-- A closed request keeps no backup password: the cipher must be gone once it is encerrada or cancelada.
ALTER TABLE "migration"."requests" ADD CONSTRAINT "requests_closed_no_password" CHECK (state NOT IN ('encerrada', 'cancelada') OR password_cipher IS NULL);
--> statement-breakpoint
ALTER TABLE "migration"."messages" ADD CONSTRAINT "messages_author_side_check" CHECK (author_side IN ('clinica', 'singular', 'equipe'));
--> statement-breakpoint
ALTER TABLE "migration"."backups" ADD CONSTRAINT "backups_kind_check" CHECK (kind IN ('arquivo', 'link'));
--> statement-breakpoint
-- A closed request is final: its state cannot change any more.
CREATE OR REPLACE FUNCTION migration.requests_final_is_final() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.state IN ('encerrada', 'cancelada') AND NEW.state IS DISTINCT FROM OLD.state THEN
    RAISE EXCEPTION 'migration.requests: a closed request cannot be reopened (#%)', OLD.id USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER requests_final_is_final BEFORE UPDATE ON "migration"."requests"
  FOR EACH ROW EXECUTE FUNCTION migration.requests_final_is_final();
--> statement-breakpoint
-- The active members of the migration team, to notify of a new request. The clinic side cannot read
-- those users under its own row-level security, so this runs as the migrations' owner and returns ids only.
CREATE OR REPLACE FUNCTION migration.team_user_ids() RETURNS SETOF bigint
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
    SELECT u.id FROM public.users u WHERE u.kind = 'migration_team' AND u.status = 'active'
  $$;
