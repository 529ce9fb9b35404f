-- Row-level security applies to the tables' owner too.
ALTER TABLE "migration"."request_files" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "migration"."mapping_templates" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- The vocabulary of a file's status, format and reading, enforced by the database too.
ALTER TABLE "migration"."request_files" ADD CONSTRAINT "request_files_status_check" CHECK (status IN ('enviado', 'verificado', 'confirmado', 'substituido'));
--> statement-breakpoint
ALTER TABLE "migration"."request_files" ADD CONSTRAINT "request_files_format_check" CHECK (format IN ('csv', 'xlsx', 'mdb'));
--> statement-breakpoint
ALTER TABLE "migration"."request_files" ADD CONSTRAINT "request_files_encoding_check" CHECK (encoding IS NULL OR encoding IN ('utf-8', 'windows-1252'));
--> statement-breakpoint
ALTER TABLE "migration"."request_files" ADD CONSTRAINT "request_files_entity_check" CHECK (entity IN ('convenios', 'procedimentos', 'pacientes', 'agendamentos', 'prontuarios', 'documentos_gerados', 'modelos_documentos', 'modelos_prescricao', 'imagens_documentos'));
--> statement-breakpoint
ALTER TABLE "migration"."mapping_templates" ADD CONSTRAINT "mapping_templates_entity_check" CHECK (entity IN ('convenios', 'procedimentos', 'pacientes', 'agendamentos', 'prontuarios', 'documentos_gerados', 'modelos_documentos', 'modelos_prescricao', 'imagens_documentos'));
--> statement-breakpoint
-- A correction belongs to the same request as the file it corrects.
CREATE OR REPLACE FUNCTION migration.request_files_correction_same_request() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.corrects_file_id IS NOT NULL AND NOT EXISTS (
    SELECT 1 FROM migration.request_files f
    WHERE f.reseller_id = NEW.reseller_id AND f.id = NEW.corrects_file_id AND f.request_id = NEW.request_id AND f.entity = NEW.entity
  ) THEN
    RAISE EXCEPTION 'migration.request_files: a correction must correct a file of the same request and entity' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER request_files_correction_same_request BEFORE INSERT OR UPDATE OF corrects_file_id ON "migration"."request_files"
  FOR EACH ROW EXECUTE FUNCTION migration.request_files_correction_same_request();
