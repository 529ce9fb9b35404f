CREATE TABLE "migration"."staged_rows" (
	"reseller_id" bigint NOT NULL,
	"clinic_id" bigint NOT NULL,
	"request_id" bigint NOT NULL,
	"version_id" bigint NOT NULL,
	"entity" text NOT NULL,
	"source_line" integer NOT NULL,
	"source" jsonb NOT NULL,
	"data" jsonb NOT NULL,
	CONSTRAINT "staged_rows_reseller_id_version_id_entity_source_line_pk" PRIMARY KEY("reseller_id","version_id","entity","source_line")
);
--> statement-breakpoint
CREATE TABLE "migration"."version_rejects" (
	"reseller_id" bigint NOT NULL,
	"id" bigserial NOT NULL,
	"clinic_id" bigint NOT NULL,
	"request_id" bigint NOT NULL,
	"version_id" bigint NOT NULL,
	"entity" text NOT NULL,
	"source_line" integer,
	"reason" text NOT NULL,
	"source" jsonb,
	CONSTRAINT "version_rejects_reseller_id_id_pk" PRIMARY KEY("reseller_id","id")
);
--> statement-breakpoint
CREATE TABLE "migration"."versions" (
	"reseller_id" bigint NOT NULL,
	"id" bigserial NOT NULL,
	"clinic_id" bigint NOT NULL,
	"request_id" bigint NOT NULL,
	"number" integer NOT NULL,
	"state" text DEFAULT 'carregando' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"loaded_at" timestamp with time zone,
	"expired_at" timestamp with time zone,
	"job_id" text,
	"by_user_id" bigint,
	"by_name" text NOT NULL,
	"counts" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"error" text,
	CONSTRAINT "versions_reseller_id_id_pk" PRIMARY KEY("reseller_id","id"),
	CONSTRAINT "versions_request_number_unique" UNIQUE("reseller_id","request_id","number"),
	CONSTRAINT "versions_key_unique" UNIQUE("reseller_id","clinic_id","request_id","id")
);
--> statement-breakpoint
ALTER TABLE "migration"."versions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "migration"."staged_rows" ADD CONSTRAINT "staged_rows_version_fk" FOREIGN KEY ("reseller_id","clinic_id","request_id","version_id") REFERENCES "migration"."versions"("reseller_id","clinic_id","request_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "migration"."version_rejects" ADD CONSTRAINT "version_rejects_version_fk" FOREIGN KEY ("reseller_id","clinic_id","request_id","version_id") REFERENCES "migration"."versions"("reseller_id","clinic_id","request_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "migration"."versions" ADD CONSTRAINT "versions_reseller_id_request_id_requests_reseller_id_id_fk" FOREIGN KEY ("reseller_id","request_id") REFERENCES "migration"."requests"("reseller_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "version_rejects_version_idx" ON "migration"."version_rejects" USING btree ("reseller_id","version_id","entity");--> statement-breakpoint
CREATE INDEX "versions_clinic_idx" ON "migration"."versions" USING btree ("reseller_id","clinic_id","state");--> statement-breakpoint
CREATE INDEX "versions_expires_idx" ON "migration"."versions" USING btree ("expires_at");--> statement-breakpoint
CREATE POLICY "versions_read" ON "migration"."versions" AS PERMISSIVE FOR SELECT TO public USING (app_can_see_clinic(reseller_id, clinic_id) OR (app_scope() = 'user' AND app_user_kind() = 'migration_team'));--> statement-breakpoint
CREATE POLICY "versions_insert" ON "migration"."versions" AS PERMISSIVE FOR INSERT TO public WITH CHECK ((app_can_see_clinic(reseller_id, clinic_id) AND app_user_kind() IS DISTINCT FROM 'support_agent') OR (app_scope() = 'user' AND app_user_kind() = 'migration_team'));--> statement-breakpoint
CREATE POLICY "versions_update" ON "migration"."versions" AS PERMISSIVE FOR UPDATE TO public USING ((app_can_see_clinic(reseller_id, clinic_id) AND app_user_kind() IS DISTINCT FROM 'support_agent') OR (app_scope() = 'user' AND app_user_kind() = 'migration_team')) WITH CHECK ((app_can_see_clinic(reseller_id, clinic_id) AND app_user_kind() IS DISTINCT FROM 'support_agent') OR (app_scope() = 'user' AND app_user_kind() = 'migration_team'));--> statement-breakpoint
CREATE POLICY "versions_platform_delete" ON "migration"."versions" AS PERMISSIVE FOR DELETE TO public USING (app_scope() = 'platform');