-- Mirror test reviews and final packages (issue 15, items 4 and 5): row-level security forced so the
-- tables' owner obeys it too.
ALTER TABLE "migration"."packages" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "migration"."mirror_reviews" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "migration"."mirror_reviews" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "migration"."mirror_reviews" ADD CONSTRAINT "mirror_reviews_verdict_check" CHECK (verdict IN ('confere', 'diverge'));
--> statement-breakpoint
ALTER TABLE "migration"."mirror_reviews" ADD CONSTRAINT "mirror_reviews_entity_check" CHECK (entity IN ('convenios', 'procedimentos', 'pacientes', 'agendamentos', 'prontuarios', 'documentos_gerados', 'modelos_documentos', 'modelos_prescricao', 'imagens_documentos'));
--> statement-breakpoint
ALTER TABLE "migration"."packages" ADD CONSTRAINT "packages_state_check" CHECK (state IN ('gerando', 'pronto', 'falhou', 'apagado'));
--> statement-breakpoint
-- Reviews are keyed by singular, base and version like the staged rows they judge:
-- * read: the base's scope or the migration team; reviews of EHR samples (prontuários, documentos gerados,
--   imagens e documentos) never to support agents, singular admins or platform admins;
-- * written by the base's own users (the clinic reviews; the route narrows EHR samples to clinical roles
--   and the rest to the gestor); never by support, admins or the team;
-- * deleted only by the platform scope (retention).
CREATE POLICY "mirror_reviews_read" ON "migration"."mirror_reviews" AS PERMISSIVE FOR SELECT TO public USING (
  (app_can_see_clinic(reseller_id, clinic_id) OR ((select app_scope()) = 'user' AND (select app_user_kind()) = 'migration_team'))
  AND (entity NOT IN ('prontuarios', 'documentos_gerados', 'imagens_documentos')
       OR (select app_user_kind()) IS NULL OR (select app_user_kind()) IN ('clinic_user', 'migration_team'))
);
--> statement-breakpoint
CREATE POLICY "mirror_reviews_insert" ON "migration"."mirror_reviews" AS PERMISSIVE FOR INSERT TO public
  WITH CHECK (app_can_see_clinic(reseller_id, clinic_id) AND (select app_user_kind()) = 'clinic_user');
--> statement-breakpoint
CREATE POLICY "mirror_reviews_update" ON "migration"."mirror_reviews" AS PERMISSIVE FOR UPDATE TO public
  USING (app_can_see_clinic(reseller_id, clinic_id) AND (select app_user_kind()) = 'clinic_user')
  WITH CHECK (app_can_see_clinic(reseller_id, clinic_id) AND (select app_user_kind()) = 'clinic_user');
--> statement-breakpoint
CREATE POLICY "mirror_reviews_platform_delete" ON "migration"."mirror_reviews" AS PERMISSIVE FOR DELETE TO public USING ((select app_scope()) = 'platform');
