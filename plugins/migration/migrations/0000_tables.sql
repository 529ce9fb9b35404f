CREATE SCHEMA "migration";
--> statement-breakpoint
CREATE TABLE "migration"."backups" (
	"reseller_id" bigint NOT NULL,
	"id" bigserial NOT NULL,
	"request_id" bigint NOT NULL,
	"clinic_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"url" text,
	"link_deadline" text,
	"file_name" text,
	"file_ref" text,
	"size_bytes" bigint,
	"sha256" text,
	"tables" jsonb,
	"dump_format" text,
	"by_user_id" bigint,
	"by_name" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "backups_reseller_id_id_pk" PRIMARY KEY("reseller_id","id")
);
--> statement-breakpoint
ALTER TABLE "migration"."backups" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "migration"."events" (
	"reseller_id" bigint NOT NULL,
	"id" bigserial NOT NULL,
	"request_id" bigint NOT NULL,
	"clinic_id" bigint NOT NULL,
	"action" text NOT NULL,
	"from_state" text,
	"to_state" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"by_user_id" bigint,
	"by_name" text NOT NULL,
	"note" text,
	"due_at" timestamp with time zone,
	"due_side" text,
	CONSTRAINT "events_reseller_id_id_pk" PRIMARY KEY("reseller_id","id")
);
--> statement-breakpoint
ALTER TABLE "migration"."events" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "migration"."legacy_systems" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "legacy_systems_name_unique" UNIQUE("name")
);
--> statement-breakpoint
ALTER TABLE "migration"."legacy_systems" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "migration"."messages" (
	"reseller_id" bigint NOT NULL,
	"id" bigserial NOT NULL,
	"request_id" bigint NOT NULL,
	"clinic_id" bigint NOT NULL,
	"author_user_id" bigint,
	"author_name" text NOT NULL,
	"author_side" text NOT NULL,
	"body" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "messages_reseller_id_id_pk" PRIMARY KEY("reseller_id","id")
);
--> statement-breakpoint
ALTER TABLE "migration"."messages" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "migration"."requests" (
	"reseller_id" bigint NOT NULL,
	"id" bigserial NOT NULL,
	"clinic_id" bigint NOT NULL,
	"clinic_name" text NOT NULL,
	"reseller_name" text NOT NULL,
	"opened_by_user_id" bigint,
	"opened_by_name" text NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"state" text DEFAULT 'solicitada' NOT NULL,
	"state_since" timestamp with time zone NOT NULL,
	"validation_round" integer DEFAULT 0 NOT NULL,
	"due_at" timestamp with time zone,
	"due_side" text,
	"legacy_system_id" integer,
	"legacy_system_name" text NOT NULL,
	"legacy_version" text NOT NULL,
	"availability" jsonb NOT NULL,
	"clinic_contact" jsonb NOT NULL,
	"analyst_contact" jsonb NOT NULL,
	"extraction_mode" text NOT NULL,
	"formats" jsonb NOT NULL,
	"other_format" text,
	"entities" jsonb NOT NULL,
	"extraction_at" timestamp with time zone,
	"slot_request" jsonb,
	"backup_received_at" timestamp with time zone,
	"feedback" jsonb,
	"final_at" timestamp with time zone,
	"final_executed_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"cancel_reason" text,
	"all_tables_sent" boolean,
	"needs_password" boolean,
	"password_cipher" text,
	"password_hint" text,
	"link_has_deadline" boolean,
	"link_deadline" text,
	"checklist_by_name" text,
	"checklist_at" timestamp with time zone,
	"plan" jsonb,
	"test_plan" jsonb,
	CONSTRAINT "requests_reseller_id_id_pk" PRIMARY KEY("reseller_id","id")
);
--> statement-breakpoint
ALTER TABLE "migration"."requests" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "migration"."backups" ADD CONSTRAINT "backups_reseller_id_request_id_requests_reseller_id_id_fk" FOREIGN KEY ("reseller_id","request_id") REFERENCES "migration"."requests"("reseller_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "migration"."events" ADD CONSTRAINT "events_reseller_id_request_id_requests_reseller_id_id_fk" FOREIGN KEY ("reseller_id","request_id") REFERENCES "migration"."requests"("reseller_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "migration"."messages" ADD CONSTRAINT "messages_reseller_id_request_id_requests_reseller_id_id_fk" FOREIGN KEY ("reseller_id","request_id") REFERENCES "migration"."requests"("reseller_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "migration"."requests" ADD CONSTRAINT "requests_legacy_system_id_legacy_systems_id_fk" FOREIGN KEY ("legacy_system_id") REFERENCES "migration"."legacy_systems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "migration"."requests" ADD CONSTRAINT "requests_reseller_id_clinic_id_clinics_reseller_id_id_fk" FOREIGN KEY ("reseller_id","clinic_id") REFERENCES "public"."clinics"("reseller_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "backups_request_idx" ON "migration"."backups" USING btree ("reseller_id","request_id");--> statement-breakpoint
CREATE INDEX "events_request_idx" ON "migration"."events" USING btree ("reseller_id","request_id","at");--> statement-breakpoint
CREATE INDEX "messages_request_idx" ON "migration"."messages" USING btree ("reseller_id","request_id","at");--> statement-breakpoint
CREATE INDEX "requests_clinic_idx" ON "migration"."requests" USING btree ("reseller_id","clinic_id","opened_at");--> statement-breakpoint
CREATE INDEX "requests_due_idx" ON "migration"."requests" USING btree ("due_at");--> statement-breakpoint
CREATE POLICY "backups_read" ON "migration"."backups" AS PERMISSIVE FOR SELECT TO public USING (app_can_see_clinic(reseller_id, clinic_id) OR (app_scope() = 'user' AND app_user_kind() = 'migration_team'));--> statement-breakpoint
CREATE POLICY "backups_insert" ON "migration"."backups" AS PERMISSIVE FOR INSERT TO public WITH CHECK ((app_can_see_clinic(reseller_id, clinic_id) AND app_user_kind() IS DISTINCT FROM 'support_agent') OR (app_scope() = 'user' AND app_user_kind() = 'migration_team'));--> statement-breakpoint
CREATE POLICY "backups_update" ON "migration"."backups" AS PERMISSIVE FOR UPDATE TO public USING ((app_can_see_clinic(reseller_id, clinic_id) AND app_user_kind() IS DISTINCT FROM 'support_agent') OR (app_scope() = 'user' AND app_user_kind() = 'migration_team')) WITH CHECK ((app_can_see_clinic(reseller_id, clinic_id) AND app_user_kind() IS DISTINCT FROM 'support_agent') OR (app_scope() = 'user' AND app_user_kind() = 'migration_team'));--> statement-breakpoint
CREATE POLICY "backups_platform_delete" ON "migration"."backups" AS PERMISSIVE FOR DELETE TO public USING (app_scope() = 'platform');--> statement-breakpoint
CREATE POLICY "events_read" ON "migration"."events" AS PERMISSIVE FOR SELECT TO public USING (app_can_see_clinic(reseller_id, clinic_id) OR (app_scope() = 'user' AND app_user_kind() = 'migration_team'));--> statement-breakpoint
CREATE POLICY "events_insert" ON "migration"."events" AS PERMISSIVE FOR INSERT TO public WITH CHECK ((app_can_see_clinic(reseller_id, clinic_id) AND app_user_kind() IS DISTINCT FROM 'support_agent') OR (app_scope() = 'user' AND app_user_kind() = 'migration_team'));--> statement-breakpoint
CREATE POLICY "events_update" ON "migration"."events" AS PERMISSIVE FOR UPDATE TO public USING ((app_can_see_clinic(reseller_id, clinic_id) AND app_user_kind() IS DISTINCT FROM 'support_agent') OR (app_scope() = 'user' AND app_user_kind() = 'migration_team')) WITH CHECK ((app_can_see_clinic(reseller_id, clinic_id) AND app_user_kind() IS DISTINCT FROM 'support_agent') OR (app_scope() = 'user' AND app_user_kind() = 'migration_team'));--> statement-breakpoint
CREATE POLICY "events_platform_delete" ON "migration"."events" AS PERMISSIVE FOR DELETE TO public USING (app_scope() = 'platform');--> statement-breakpoint
CREATE POLICY "legacy_systems_read" ON "migration"."legacy_systems" AS PERMISSIVE FOR SELECT TO public USING (app_scope() <> 'none');--> statement-breakpoint
CREATE POLICY "legacy_systems_team_insert" ON "migration"."legacy_systems" AS PERMISSIVE FOR INSERT TO public WITH CHECK ((app_scope() = 'user' AND app_user_kind() = 'migration_team') OR app_scope() = 'platform');--> statement-breakpoint
CREATE POLICY "legacy_systems_team_update" ON "migration"."legacy_systems" AS PERMISSIVE FOR UPDATE TO public USING ((app_scope() = 'user' AND app_user_kind() = 'migration_team')) WITH CHECK ((app_scope() = 'user' AND app_user_kind() = 'migration_team'));--> statement-breakpoint
CREATE POLICY "messages_read" ON "migration"."messages" AS PERMISSIVE FOR SELECT TO public USING (app_can_see_clinic(reseller_id, clinic_id) OR (app_scope() = 'user' AND app_user_kind() = 'migration_team'));--> statement-breakpoint
CREATE POLICY "messages_insert" ON "migration"."messages" AS PERMISSIVE FOR INSERT TO public WITH CHECK ((app_can_see_clinic(reseller_id, clinic_id) AND app_user_kind() IS DISTINCT FROM 'support_agent') OR (app_scope() = 'user' AND app_user_kind() = 'migration_team'));--> statement-breakpoint
CREATE POLICY "messages_update" ON "migration"."messages" AS PERMISSIVE FOR UPDATE TO public USING ((app_can_see_clinic(reseller_id, clinic_id) AND app_user_kind() IS DISTINCT FROM 'support_agent') OR (app_scope() = 'user' AND app_user_kind() = 'migration_team')) WITH CHECK ((app_can_see_clinic(reseller_id, clinic_id) AND app_user_kind() IS DISTINCT FROM 'support_agent') OR (app_scope() = 'user' AND app_user_kind() = 'migration_team'));--> statement-breakpoint
CREATE POLICY "messages_platform_delete" ON "migration"."messages" AS PERMISSIVE FOR DELETE TO public USING (app_scope() = 'platform');--> statement-breakpoint
CREATE POLICY "requests_read" ON "migration"."requests" AS PERMISSIVE FOR SELECT TO public USING (app_can_see_clinic(reseller_id, clinic_id) OR (app_scope() = 'user' AND app_user_kind() = 'migration_team'));--> statement-breakpoint
CREATE POLICY "requests_insert" ON "migration"."requests" AS PERMISSIVE FOR INSERT TO public WITH CHECK ((app_can_see_clinic(reseller_id, clinic_id) AND app_user_kind() IS DISTINCT FROM 'support_agent') OR (app_scope() = 'user' AND app_user_kind() = 'migration_team'));--> statement-breakpoint
CREATE POLICY "requests_update" ON "migration"."requests" AS PERMISSIVE FOR UPDATE TO public USING ((app_can_see_clinic(reseller_id, clinic_id) AND app_user_kind() IS DISTINCT FROM 'support_agent') OR (app_scope() = 'user' AND app_user_kind() = 'migration_team')) WITH CHECK ((app_can_see_clinic(reseller_id, clinic_id) AND app_user_kind() IS DISTINCT FROM 'support_agent') OR (app_scope() = 'user' AND app_user_kind() = 'migration_team'));--> statement-breakpoint
CREATE POLICY "requests_platform_delete" ON "migration"."requests" AS PERMISSIVE FOR DELETE TO public USING (app_scope() = 'platform');