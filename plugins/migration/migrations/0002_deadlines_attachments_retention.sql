CREATE TABLE "migration"."attachments" (
	"reseller_id" bigint NOT NULL,
	"id" bigserial NOT NULL,
	"request_id" bigint NOT NULL,
	"clinic_id" bigint NOT NULL,
	"message_id" bigint NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" bigint NOT NULL,
	"sha256" text NOT NULL,
	"file_ref" text,
	"at" timestamp with time zone NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "attachments_reseller_id_id_pk" PRIMARY KEY("reseller_id","id")
);
--> statement-breakpoint
ALTER TABLE "migration"."attachments" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "migration"."requests" ADD COLUMN "overdue_notified_due_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "migration"."requests" ADD COLUMN "retention_notice_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "migration"."requests" ADD COLUMN "retention_done_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "migration"."attachments" ADD CONSTRAINT "attachments_reseller_id_request_id_requests_reseller_id_id_fk" FOREIGN KEY ("reseller_id","request_id") REFERENCES "migration"."requests"("reseller_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "migration"."attachments" ADD CONSTRAINT "attachments_reseller_id_message_id_messages_reseller_id_id_fk" FOREIGN KEY ("reseller_id","message_id") REFERENCES "migration"."messages"("reseller_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "attachments_request_idx" ON "migration"."attachments" USING btree ("reseller_id","request_id");--> statement-breakpoint
CREATE POLICY "attachments_read" ON "migration"."attachments" AS PERMISSIVE FOR SELECT TO public USING (app_can_see_clinic(reseller_id, clinic_id) OR (app_scope() = 'user' AND app_user_kind() = 'migration_team'));--> statement-breakpoint
CREATE POLICY "attachments_insert" ON "migration"."attachments" AS PERMISSIVE FOR INSERT TO public WITH CHECK ((app_can_see_clinic(reseller_id, clinic_id) AND app_user_kind() IS DISTINCT FROM 'support_agent') OR (app_scope() = 'user' AND app_user_kind() = 'migration_team'));--> statement-breakpoint
CREATE POLICY "attachments_update" ON "migration"."attachments" AS PERMISSIVE FOR UPDATE TO public USING ((app_can_see_clinic(reseller_id, clinic_id) AND app_user_kind() IS DISTINCT FROM 'support_agent') OR (app_scope() = 'user' AND app_user_kind() = 'migration_team')) WITH CHECK ((app_can_see_clinic(reseller_id, clinic_id) AND app_user_kind() IS DISTINCT FROM 'support_agent') OR (app_scope() = 'user' AND app_user_kind() = 'migration_team'));--> statement-breakpoint
CREATE POLICY "attachments_platform_delete" ON "migration"."attachments" AS PERMISSIVE FOR DELETE TO public USING (app_scope() = 'platform');