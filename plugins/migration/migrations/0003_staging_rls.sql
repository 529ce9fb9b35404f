-- Validation versions and the homologation staging (issue 15). Row-level security on, and forced so the
-- tables' owner obeys it too.
ALTER TABLE "migration"."versions" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "migration"."staged_rows" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "migration"."staged_rows" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "migration"."version_rejects" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "migration"."version_rejects" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "migration"."versions" ADD CONSTRAINT "versions_state_check" CHECK (state IN ('carregando', 'aberta', 'falhou', 'expirada'));
--> statement-breakpoint
ALTER TABLE "migration"."versions" ADD CONSTRAINT "versions_number_check" CHECK (number >= 1);
--> statement-breakpoint
ALTER TABLE "migration"."versions" ADD CONSTRAINT "versions_expiry_check" CHECK (expires_at > created_at);
--> statement-breakpoint
ALTER TABLE "migration"."staged_rows" ADD CONSTRAINT "staged_rows_entity_check" CHECK (entity IN ('convenios', 'procedimentos', 'pacientes', 'agendamentos', 'prontuarios', 'documentos_gerados', 'modelos_documentos', 'modelos_prescricao', 'imagens_documentos'));
--> statement-breakpoint
ALTER TABLE "migration"."staged_rows" ADD CONSTRAINT "staged_rows_line_check" CHECK (source_line >= 1);
--> statement-breakpoint
ALTER TABLE "migration"."version_rejects" ADD CONSTRAINT "version_rejects_entity_check" CHECK (entity IN ('convenios', 'procedimentos', 'pacientes', 'agendamentos', 'prontuarios', 'documentos_gerados', 'modelos_documentos', 'modelos_prescricao', 'imagens_documentos'));
--> statement-breakpoint
-- Staged rows of every entity, keyed by singular, base and version:
-- * read: the base's scope (its users, its singular's admins, the platform, support inside the base through
--   a grant) or the vendor's migration team — and only while the row's version, of the same base and
--   request, is readable and not expired;
-- * the electronic health record (prontuários, documentos gerados, imagens e documentos) is a second wall
--   under the screens' `ehr` data class: never to support agents, singular admins or platform admins;
--   the base's users, the migration team (the data processor) and the plugin's jobs (no user) read it;
-- * insert: only into a version being loaded (state 'carregando'), never by a support agent;
-- * no update (the homologation copy is never changed); delete by the platform scope (expiry, retention).
-- `(select …)` makes the scope functions one InitPlan per statement, not a call per row (bulk loads).
CREATE POLICY "staged_rows_read" ON "migration"."staged_rows" AS PERMISSIVE FOR SELECT TO public USING (
  (app_can_see_clinic(reseller_id, clinic_id) OR ((select app_scope()) = 'user' AND (select app_user_kind()) = 'migration_team'))
  AND (entity NOT IN ('prontuarios', 'documentos_gerados', 'imagens_documentos')
       OR (select app_user_kind()) IS NULL OR (select app_user_kind()) IN ('clinic_user', 'migration_team'))
  AND EXISTS (SELECT 1 FROM "migration"."versions" v
               WHERE v.reseller_id = staged_rows.reseller_id AND v.id = staged_rows.version_id
                 AND v.clinic_id = staged_rows.clinic_id AND v.request_id = staged_rows.request_id AND v.state <> 'expirada')
);
--> statement-breakpoint
CREATE POLICY "staged_rows_load" ON "migration"."staged_rows" AS PERMISSIVE FOR INSERT TO public WITH CHECK (
  ((app_can_see_clinic(reseller_id, clinic_id) AND (select app_user_kind()) IS DISTINCT FROM 'support_agent')
    OR ((select app_scope()) = 'user' AND (select app_user_kind()) = 'migration_team'))
  AND EXISTS (SELECT 1 FROM "migration"."versions" v
               WHERE v.reseller_id = staged_rows.reseller_id AND v.id = staged_rows.version_id
                 AND v.clinic_id = staged_rows.clinic_id AND v.request_id = staged_rows.request_id AND v.state = 'carregando')
);
--> statement-breakpoint
CREATE POLICY "staged_rows_platform_delete" ON "migration"."staged_rows" AS PERMISSIVE FOR DELETE TO public USING ((select app_scope()) = 'platform');
--> statement-breakpoint
CREATE POLICY "version_rejects_read" ON "migration"."version_rejects" AS PERMISSIVE FOR SELECT TO public USING (
  (app_can_see_clinic(reseller_id, clinic_id) OR ((select app_scope()) = 'user' AND (select app_user_kind()) = 'migration_team'))
  AND (entity NOT IN ('prontuarios', 'documentos_gerados', 'imagens_documentos')
       OR (select app_user_kind()) IS NULL OR (select app_user_kind()) IN ('clinic_user', 'migration_team'))
  AND EXISTS (SELECT 1 FROM "migration"."versions" v
               WHERE v.reseller_id = version_rejects.reseller_id AND v.id = version_rejects.version_id
                 AND v.clinic_id = version_rejects.clinic_id AND v.request_id = version_rejects.request_id AND v.state <> 'expirada')
);
--> statement-breakpoint
CREATE POLICY "version_rejects_load" ON "migration"."version_rejects" AS PERMISSIVE FOR INSERT TO public WITH CHECK (
  ((app_can_see_clinic(reseller_id, clinic_id) AND (select app_user_kind()) IS DISTINCT FROM 'support_agent')
    OR ((select app_scope()) = 'user' AND (select app_user_kind()) = 'migration_team'))
  AND EXISTS (SELECT 1 FROM "migration"."versions" v
               WHERE v.reseller_id = version_rejects.reseller_id AND v.id = version_rejects.version_id
                 AND v.clinic_id = version_rejects.clinic_id AND v.request_id = version_rejects.request_id AND v.state = 'carregando')
);
--> statement-breakpoint
CREATE POLICY "version_rejects_platform_delete" ON "migration"."version_rejects" AS PERMISSIVE FOR DELETE TO public USING ((select app_scope()) = 'platform');
