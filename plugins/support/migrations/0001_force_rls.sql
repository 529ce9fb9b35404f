-- Row-level security applies to the tables' owner too.
ALTER TABLE "support"."tickets" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "support"."ticket_events" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "support"."messages" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "support"."attachments" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "support"."cards" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "support"."plugin_state" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- The vocabulary of seed 001, enforced by the database too.
ALTER TABLE "support"."tickets" ADD CONSTRAINT "tickets_category_check" CHECK (category IN ('duvida', 'erro', 'melhoria', 'tiss'));
--> statement-breakpoint
ALTER TABLE "support"."tickets" ADD CONSTRAINT "tickets_module_check" CHECK (module IN ('agenda', 'prontuario', 'faturamento', 'financeiro', 'cadastros', 'migracao', 'outro'));
--> statement-breakpoint
ALTER TABLE "support"."tickets" ADD CONSTRAINT "tickets_status_check" CHECK (status IN ('aberto', 'em_atendimento', 'aguardando_cliente', 'resolvido', 'fechado'));
--> statement-breakpoint
ALTER TABLE "support"."tickets" ADD CONSTRAINT "tickets_priority_check" CHECK (priority IS NULL OR priority IN ('alta', 'media', 'baixa'));
--> statement-breakpoint
ALTER TABLE "support"."tickets" ADD CONSTRAINT "tickets_queue_check" CHECK (queue IN ('vendor', 'reseller'));
--> statement-breakpoint
ALTER TABLE "support"."messages" ADD CONSTRAINT "messages_author_role_check" CHECK (author_role IN ('clinic', 'agent', 'team'));
--> statement-breakpoint
ALTER TABLE "support"."cards" ADD CONSTRAINT "cards_column_check" CHECK ("column" IN ('novo', 'em_analise', 'encaminhado', 'resolvido', 'recusado'));
--> statement-breakpoint
ALTER TABLE "support"."attachments" ADD CONSTRAINT "attachments_type_check" CHECK (content_type IN ('image/png', 'image/jpeg', 'application/pdf'));
--> statement-breakpoint
ALTER TABLE "support"."attachments" ADD CONSTRAINT "attachments_size_check" CHECK (size_bytes > 0 AND size_bytes <= 5242880);
--> statement-breakpoint
-- A closed ticket is never reopened: once 'fechado', the status cannot change.
CREATE OR REPLACE FUNCTION support.tickets_closed_is_final() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'fechado' AND NEW.status IS DISTINCT FROM OLD.status THEN
    RAISE EXCEPTION 'support.tickets: a closed ticket cannot be reopened (#%)', OLD.id USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER tickets_closed_is_final BEFORE UPDATE ON "support"."tickets"
  FOR EACH ROW EXECUTE FUNCTION support.tickets_closed_is_final();
