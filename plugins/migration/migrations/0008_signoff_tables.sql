CREATE TABLE "migration"."mirror_reviews" (
	"reseller_id" bigint NOT NULL,
	"id" bigserial NOT NULL,
	"clinic_id" bigint NOT NULL,
	"request_id" bigint NOT NULL,
	"version_id" bigint NOT NULL,
	"entity" text NOT NULL,
	"source_line" integer NOT NULL,
	"verdict" text NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"by_user_id" bigint,
	"by_name" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "mirror_reviews_reseller_id_id_pk" PRIMARY KEY("reseller_id","id"),
	CONSTRAINT "mirror_reviews_sample_unique" UNIQUE("reseller_id","version_id","entity","source_line")
);
--> statement-breakpoint
CREATE TABLE "migration"."packages" (
	"reseller_id" bigint NOT NULL,
	"id" bigserial NOT NULL,
	"clinic_id" bigint NOT NULL,
	"request_id" bigint NOT NULL,
	"version_id" bigint NOT NULL,
	"version_number" integer NOT NULL,
	"state" text DEFAULT 'gerando' NOT NULL,
	"job_id" text,
	"files" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"error" text,
	"by_user_id" bigint,
	"by_name" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"ready_at" timestamp with time zone,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "packages_reseller_id_id_pk" PRIMARY KEY("reseller_id","id")
);
--> statement-breakpoint
ALTER TABLE "migration"."packages" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "migration"."requests" ADD COLUMN "go_live" jsonb;--> statement-breakpoint
ALTER TABLE "migration"."requests" ADD COLUMN "approved_version_id" bigint;--> statement-breakpoint
ALTER TABLE "migration"."requests" ADD COLUMN "approved_by_name" text;--> statement-breakpoint
ALTER TABLE "migration"."requests" ADD COLUMN "approved_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "migration"."mirror_reviews" ADD CONSTRAINT "mirror_reviews_version_fk" FOREIGN KEY ("reseller_id","clinic_id","request_id","version_id") REFERENCES "migration"."versions"("reseller_id","clinic_id","request_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "migration"."packages" ADD CONSTRAINT "packages_reseller_id_request_id_requests_reseller_id_id_fk" FOREIGN KEY ("reseller_id","request_id") REFERENCES "migration"."requests"("reseller_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "packages_request_idx" ON "migration"."packages" USING btree ("reseller_id","request_id","created_at");--> statement-breakpoint
CREATE POLICY "packages_read" ON "migration"."packages" AS PERMISSIVE FOR SELECT TO public USING (app_can_see_clinic(reseller_id, clinic_id) OR (app_scope() = 'user' AND app_user_kind() = 'migration_team'));--> statement-breakpoint
CREATE POLICY "packages_insert" ON "migration"."packages" AS PERMISSIVE FOR INSERT TO public WITH CHECK ((app_can_see_clinic(reseller_id, clinic_id) AND app_user_kind() IS DISTINCT FROM 'support_agent') OR (app_scope() = 'user' AND app_user_kind() = 'migration_team'));--> statement-breakpoint
CREATE POLICY "packages_update" ON "migration"."packages" AS PERMISSIVE FOR UPDATE TO public USING ((app_can_see_clinic(reseller_id, clinic_id) AND app_user_kind() IS DISTINCT FROM 'support_agent') OR (app_scope() = 'user' AND app_user_kind() = 'migration_team')) WITH CHECK ((app_can_see_clinic(reseller_id, clinic_id) AND app_user_kind() IS DISTINCT FROM 'support_agent') OR (app_scope() = 'user' AND app_user_kind() = 'migration_team'));--> statement-breakpoint
CREATE POLICY "packages_platform_delete" ON "migration"."packages" AS PERMISSIVE FOR DELETE TO public USING (app_scope() = 'platform');