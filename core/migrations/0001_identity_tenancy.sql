CREATE TABLE "login_throttle" (
	"key" text PRIMARY KEY NOT NULL,
	"failures" integer NOT NULL,
	"window_started_at" timestamp with time zone NOT NULL,
	"locked_until" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "login_throttle" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" bigint NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"ip" text,
	"user_agent" text,
	"active_reseller_id" bigint,
	"active_clinic_id" bigint,
	"flash" text
);
--> statement-breakpoint
ALTER TABLE "sessions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "users" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"email" "citext" NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"reseller_id" bigint,
	"password_hash" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_email_unique" UNIQUE("email")
);
--> statement-breakpoint
ALTER TABLE "users" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "clinics" (
	"reseller_id" bigint NOT NULL,
	"id" bigint NOT NULL,
	"name" text NOT NULL,
	"cnpj" text,
	"city" text,
	"uf" text,
	"status" text DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "clinics_reseller_id_id_pk" PRIMARY KEY("reseller_id","id"),
	CONSTRAINT "clinics_base_id_unique" UNIQUE("id")
);
--> statement-breakpoint
ALTER TABLE "clinics" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "memberships" (
	"reseller_id" bigint NOT NULL,
	"clinic_id" bigint NOT NULL,
	"user_id" bigint NOT NULL,
	"role" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "memberships_reseller_id_clinic_id_user_id_pk" PRIMARY KEY("reseller_id","clinic_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "memberships" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "resellers" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "resellers_code_unique" UNIQUE("code")
);
--> statement-breakpoint
ALTER TABLE "resellers" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_user_id" bigint,
	"actor_email" text,
	"acting_for" text,
	"reseller_id" bigint,
	"clinic_id" bigint,
	"action" text NOT NULL,
	"target" text,
	"outcome" text NOT NULL,
	"ip" text,
	"request_id" text,
	"details" jsonb,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "audit_log" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "mail_outbox" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"to_address" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "mail_outbox" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"user_id" bigint NOT NULL,
	"reseller_id" bigint,
	"clinic_id" bigint,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text,
	"link" text,
	"created_at" timestamp with time zone NOT NULL,
	"read_at" timestamp with time zone,
	"emailed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "notifications" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_reseller_id_resellers_id_fk" FOREIGN KEY ("reseller_id") REFERENCES "public"."resellers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clinics" ADD CONSTRAINT "clinics_reseller_id_resellers_id_fk" FOREIGN KEY ("reseller_id") REFERENCES "public"."resellers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_reseller_id_clinic_id_clinics_reseller_id_id_fk" FOREIGN KEY ("reseller_id","clinic_id") REFERENCES "public"."clinics"("reseller_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "users_reseller_idx" ON "users" USING btree ("reseller_id");--> statement-breakpoint
CREATE INDEX "clinics_name_trgm_idx" ON "clinics" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "clinics_reseller_name_idx" ON "clinics" USING btree ("reseller_id","name");--> statement-breakpoint
CREATE INDEX "memberships_user_idx" ON "memberships" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "resellers_name_idx" ON "resellers" USING btree ("name");--> statement-breakpoint
CREATE INDEX "audit_reseller_at_idx" ON "audit_log" USING btree ("reseller_id","at");--> statement-breakpoint
CREATE INDEX "audit_clinic_at_idx" ON "audit_log" USING btree ("clinic_id","at");--> statement-breakpoint
CREATE INDEX "audit_actor_at_idx" ON "audit_log" USING btree ("actor_user_id","at");--> statement-breakpoint
CREATE INDEX "audit_at_idx" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE POLICY "login_throttle_auth" ON "login_throttle" AS PERMISSIVE FOR ALL TO public USING (app_scope() in ('auth')) WITH CHECK (app_scope() in ('auth'));--> statement-breakpoint
CREATE POLICY "sessions_access" ON "sessions" AS PERMISSIVE FOR ALL TO public USING (app_scope() in ('auth', 'platform') or user_id = app_user_id()) WITH CHECK (app_scope() in ('auth', 'platform') or user_id = app_user_id());--> statement-breakpoint
CREATE POLICY "users_read" ON "users" AS PERMISSIVE FOR SELECT TO public USING (app_scope() in ('platform', 'auth') or id = app_user_id() or (app_scope() = 'reseller' and reseller_id = app_reseller_id()) or exists (select 1 from memberships m where m.user_id = users.id));--> statement-breakpoint
CREATE POLICY "users_insert" ON "users" AS PERMISSIVE FOR INSERT TO public WITH CHECK (app_scope() <> 'none');--> statement-breakpoint
CREATE POLICY "users_update" ON "users" AS PERMISSIVE FOR UPDATE TO public USING (app_scope() in ('platform', 'auth') or id = app_user_id() or (app_scope() = 'reseller' and reseller_id = app_reseller_id()) or exists (select 1 from memberships m where m.user_id = users.id)) WITH CHECK (app_scope() <> 'none');--> statement-breakpoint
CREATE POLICY "clinics_read" ON "clinics" AS PERMISSIVE FOR SELECT TO public USING (app_can_see_clinic(reseller_id, id) or exists (select 1 from memberships m where m.user_id = app_user_id() and m.reseller_id = clinics.reseller_id and m.clinic_id = clinics.id));--> statement-breakpoint
CREATE POLICY "clinics_insert" ON "clinics" AS PERMISSIVE FOR INSERT TO public WITH CHECK (app_can_see_clinic(reseller_id, id));--> statement-breakpoint
CREATE POLICY "clinics_update" ON "clinics" AS PERMISSIVE FOR UPDATE TO public USING (app_can_see_clinic(reseller_id, id)) WITH CHECK (app_can_see_clinic(reseller_id, id));--> statement-breakpoint
CREATE POLICY "memberships_read" ON "memberships" AS PERMISSIVE FOR SELECT TO public USING (app_can_see_clinic(reseller_id, clinic_id) or user_id = app_user_id());--> statement-breakpoint
CREATE POLICY "memberships_write" ON "memberships" AS PERMISSIVE FOR ALL TO public USING (app_can_see_clinic(reseller_id, clinic_id)) WITH CHECK (app_can_see_clinic(reseller_id, clinic_id));--> statement-breakpoint
CREATE POLICY "resellers_read" ON "resellers" AS PERMISSIVE FOR SELECT TO public USING (app_can_see_reseller(id) or exists (select 1 from memberships m where m.user_id = app_user_id() and m.reseller_id = resellers.id));--> statement-breakpoint
CREATE POLICY "resellers_write" ON "resellers" AS PERMISSIVE FOR INSERT TO public WITH CHECK (app_scope() in ('platform'));--> statement-breakpoint
CREATE POLICY "resellers_update" ON "resellers" AS PERMISSIVE FOR UPDATE TO public USING (app_scope() in ('platform')) WITH CHECK (app_scope() in ('platform'));--> statement-breakpoint
CREATE POLICY "audit_read" ON "audit_log" AS PERMISSIVE FOR SELECT TO public USING (app_scope() = 'platform' or (app_scope() = 'reseller' and reseller_id = app_reseller_id()) or (app_scope() = 'clinic' and reseller_id = app_reseller_id() and clinic_id = app_clinic_id()));--> statement-breakpoint
CREATE POLICY "audit_insert" ON "audit_log" AS PERMISSIVE FOR INSERT TO public WITH CHECK (true);--> statement-breakpoint
CREATE POLICY "mail_outbox_read" ON "mail_outbox" AS PERMISSIVE FOR SELECT TO public USING (app_scope() in ('platform'));--> statement-breakpoint
CREATE POLICY "mail_outbox_insert" ON "mail_outbox" AS PERMISSIVE FOR INSERT TO public WITH CHECK (app_scope() <> 'none');--> statement-breakpoint
CREATE POLICY "notifications_own_read" ON "notifications" AS PERMISSIVE FOR SELECT TO public USING (app_scope() = 'platform' or user_id = app_user_id());--> statement-breakpoint
CREATE POLICY "notifications_own_update" ON "notifications" AS PERMISSIVE FOR UPDATE TO public USING (app_scope() = 'platform' or user_id = app_user_id()) WITH CHECK (app_scope() = 'platform' or user_id = app_user_id());--> statement-breakpoint
CREATE POLICY "notifications_insert" ON "notifications" AS PERMISSIVE FOR INSERT TO public WITH CHECK (app_scope() <> 'none');