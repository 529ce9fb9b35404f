CREATE TABLE "migration"."mapping_templates" (
	"id" serial PRIMARY KEY NOT NULL,
	"legacy_system_id" integer NOT NULL,
	"entity" text NOT NULL,
	"columns" jsonb NOT NULL,
	"updated_by_name" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "migration"."mapping_templates" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "migration"."request_files" (
	"reseller_id" bigint NOT NULL,
	"id" bigserial NOT NULL,
	"request_id" bigint NOT NULL,
	"clinic_id" bigint NOT NULL,
	"entity" text NOT NULL,
	"file_ref" text NOT NULL,
	"format" text NOT NULL,
	"original_name" text NOT NULL,
	"size_bytes" bigint NOT NULL,
	"sha256" text NOT NULL,
	"encoding" text,
	"delimiter" text,
	"sheet" text,
	"header" jsonb,
	"mapping" jsonb,
	"legacy_system_id" integer,
	"status" text DEFAULT 'enviado' NOT NULL,
	"rows" integer,
	"valid_rows" integer,
	"report" jsonb,
	"history" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"errors_ref" text,
	"job_id" text,
	"corrects_file_id" bigint,
	"uploaded_by_user_id" bigint,
	"uploaded_by_name" text NOT NULL,
	"uploaded_at" timestamp with time zone NOT NULL,
	"confirmed_by_user_id" bigint,
	"confirmed_by_name" text,
	"confirmed_at" timestamp with time zone,
	CONSTRAINT "request_files_reseller_id_id_pk" PRIMARY KEY("reseller_id","id")
);
--> statement-breakpoint
ALTER TABLE "migration"."request_files" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "migration"."mapping_templates" ADD CONSTRAINT "mapping_templates_legacy_system_id_legacy_systems_id_fk" FOREIGN KEY ("legacy_system_id") REFERENCES "migration"."legacy_systems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "migration"."request_files" ADD CONSTRAINT "request_files_legacy_system_id_legacy_systems_id_fk" FOREIGN KEY ("legacy_system_id") REFERENCES "migration"."legacy_systems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "migration"."request_files" ADD CONSTRAINT "request_files_reseller_id_request_id_requests_reseller_id_id_fk" FOREIGN KEY ("reseller_id","request_id") REFERENCES "migration"."requests"("reseller_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "migration"."request_files" ADD CONSTRAINT "request_files_reseller_id_corrects_file_id_request_files_reseller_id_id_fk" FOREIGN KEY ("reseller_id","corrects_file_id") REFERENCES "migration"."request_files"("reseller_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "mapping_templates_system_entity" ON "migration"."mapping_templates" USING btree ("legacy_system_id","entity");--> statement-breakpoint
CREATE INDEX "request_files_request_idx" ON "migration"."request_files" USING btree ("reseller_id","request_id","entity");--> statement-breakpoint
CREATE POLICY "mapping_templates_read" ON "migration"."mapping_templates" AS PERMISSIVE FOR SELECT TO public USING (app_scope() <> 'none');--> statement-breakpoint
CREATE POLICY "mapping_templates_insert" ON "migration"."mapping_templates" AS PERMISSIVE FOR INSERT TO public WITH CHECK (app_scope() <> 'none' AND app_user_kind() IS DISTINCT FROM 'support_agent');--> statement-breakpoint
CREATE POLICY "mapping_templates_update" ON "migration"."mapping_templates" AS PERMISSIVE FOR UPDATE TO public USING (app_scope() <> 'none' AND app_user_kind() IS DISTINCT FROM 'support_agent') WITH CHECK (app_scope() <> 'none' AND app_user_kind() IS DISTINCT FROM 'support_agent');--> statement-breakpoint
CREATE POLICY "request_files_read" ON "migration"."request_files" AS PERMISSIVE FOR SELECT TO public USING (app_can_see_clinic(reseller_id, clinic_id) OR (app_scope() = 'user' AND app_user_kind() = 'migration_team'));--> statement-breakpoint
CREATE POLICY "request_files_insert" ON "migration"."request_files" AS PERMISSIVE FOR INSERT TO public WITH CHECK ((app_can_see_clinic(reseller_id, clinic_id) AND app_user_kind() IS DISTINCT FROM 'support_agent') OR (app_scope() = 'user' AND app_user_kind() = 'migration_team'));--> statement-breakpoint
CREATE POLICY "request_files_update" ON "migration"."request_files" AS PERMISSIVE FOR UPDATE TO public USING ((app_can_see_clinic(reseller_id, clinic_id) AND app_user_kind() IS DISTINCT FROM 'support_agent') OR (app_scope() = 'user' AND app_user_kind() = 'migration_team')) WITH CHECK ((app_can_see_clinic(reseller_id, clinic_id) AND app_user_kind() IS DISTINCT FROM 'support_agent') OR (app_scope() = 'user' AND app_user_kind() = 'migration_team'));--> statement-breakpoint
CREATE POLICY "request_files_platform_delete" ON "migration"."request_files" AS PERMISSIVE FOR DELETE TO public USING (app_scope() = 'platform');