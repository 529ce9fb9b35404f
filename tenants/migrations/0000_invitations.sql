CREATE SCHEMA "tenants";
--> statement-breakpoint
CREATE TABLE "tenants"."invitations" (
	"reseller_id" bigint NOT NULL,
	"id" bigserial NOT NULL,
	"clinic_id" bigint NOT NULL,
	"user_id" bigint NOT NULL,
	"email" text NOT NULL,
	"role" text NOT NULL,
	"token_hash" text NOT NULL,
	"invited_by" bigint,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "invitations_reseller_id_id_pk" PRIMARY KEY("reseller_id","id"),
	CONSTRAINT "invitations_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
ALTER TABLE "tenants"."invitations" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "tenants"."invitations" ADD CONSTRAINT "invitations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenants"."invitations" ADD CONSTRAINT "invitations_reseller_id_clinic_id_clinics_reseller_id_id_fk" FOREIGN KEY ("reseller_id","clinic_id") REFERENCES "public"."clinics"("reseller_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "invitations_clinic_idx" ON "tenants"."invitations" USING btree ("reseller_id","clinic_id","created_at");--> statement-breakpoint
CREATE INDEX "invitations_user_idx" ON "tenants"."invitations" USING btree ("user_id");--> statement-breakpoint
CREATE POLICY "invitations_tenant" ON "tenants"."invitations" AS PERMISSIVE FOR ALL TO public USING (app_can_see_clinic(reseller_id, clinic_id)) WITH CHECK (app_can_see_clinic(reseller_id, clinic_id));--> statement-breakpoint
CREATE POLICY "invitations_auth_read" ON "tenants"."invitations" AS PERMISSIVE FOR SELECT TO public USING (app_scope() = 'auth');--> statement-breakpoint
CREATE POLICY "invitations_auth_accept" ON "tenants"."invitations" AS PERMISSIVE FOR UPDATE TO public USING (app_scope() = 'auth') WITH CHECK (app_scope() = 'auth');