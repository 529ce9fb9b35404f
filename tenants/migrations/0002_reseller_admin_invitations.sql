ALTER TABLE "tenants"."invitations" ALTER COLUMN "clinic_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "tenants"."invitations" ALTER COLUMN "role" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "tenants"."invitations" ADD CONSTRAINT "invitations_base_has_role" CHECK (("tenants"."invitations"."clinic_id" is null) = ("tenants"."invitations"."role" is null));