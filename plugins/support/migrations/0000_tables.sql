CREATE SCHEMA "support";
--> statement-breakpoint
CREATE TABLE "support"."attachments" (
	"reseller_id" bigint NOT NULL,
	"id" bigserial NOT NULL,
	"clinic_id" bigint NOT NULL,
	"ticket_id" bigint NOT NULL,
	"message_id" bigint NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea",
	"created_at" timestamp with time zone NOT NULL,
	"purged_at" timestamp with time zone,
	CONSTRAINT "attachments_reseller_id_id_pk" PRIMARY KEY("reseller_id","id")
);
--> statement-breakpoint
ALTER TABLE "support"."attachments" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "support"."cards" (
	"reseller_id" bigint NOT NULL,
	"id" bigserial NOT NULL,
	"clinic_id" bigint NOT NULL,
	"ticket_id" bigint NOT NULL,
	"column" text DEFAULT 'novo' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"moved_at" timestamp with time zone NOT NULL,
	"moved_by_name" text,
	CONSTRAINT "cards_reseller_id_id_pk" PRIMARY KEY("reseller_id","id")
);
--> statement-breakpoint
ALTER TABLE "support"."cards" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "support"."messages" (
	"reseller_id" bigint NOT NULL,
	"id" bigserial NOT NULL,
	"ticket_id" bigint NOT NULL,
	"clinic_id" bigint NOT NULL,
	"author_user_id" bigint,
	"author_name" text NOT NULL,
	"author_role" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "messages_reseller_id_id_pk" PRIMARY KEY("reseller_id","id")
);
--> statement-breakpoint
ALTER TABLE "support"."messages" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "support"."plugin_state" (
	"key" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "support"."plugin_state" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "support"."ticket_events" (
	"reseller_id" bigint NOT NULL,
	"id" bigserial NOT NULL,
	"ticket_id" bigint NOT NULL,
	"clinic_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_user_id" bigint,
	"actor_name" text,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "ticket_events_reseller_id_id_pk" PRIMARY KEY("reseller_id","id")
);
--> statement-breakpoint
ALTER TABLE "support"."ticket_events" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "support"."tickets" (
	"reseller_id" bigint NOT NULL,
	"id" bigserial NOT NULL,
	"clinic_id" bigint NOT NULL,
	"clinic_name" text NOT NULL,
	"reseller_name" text NOT NULL,
	"opened_by_user_id" bigint,
	"opened_by_name" text NOT NULL,
	"category" text NOT NULL,
	"module" text NOT NULL,
	"subject" text NOT NULL,
	"priority" text,
	"status" text DEFAULT 'aberto' NOT NULL,
	"queue" text NOT NULL,
	"previous_ticket_id" bigint,
	"opened_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"first_response_at" timestamp with time zone,
	"resolved_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	CONSTRAINT "tickets_reseller_id_id_pk" PRIMARY KEY("reseller_id","id")
);
--> statement-breakpoint
ALTER TABLE "support"."tickets" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "support"."attachments" ADD CONSTRAINT "attachments_reseller_id_message_id_messages_reseller_id_id_fk" FOREIGN KEY ("reseller_id","message_id") REFERENCES "support"."messages"("reseller_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support"."attachments" ADD CONSTRAINT "attachments_reseller_id_ticket_id_tickets_reseller_id_id_fk" FOREIGN KEY ("reseller_id","ticket_id") REFERENCES "support"."tickets"("reseller_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support"."cards" ADD CONSTRAINT "cards_reseller_id_ticket_id_tickets_reseller_id_id_fk" FOREIGN KEY ("reseller_id","ticket_id") REFERENCES "support"."tickets"("reseller_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support"."messages" ADD CONSTRAINT "messages_reseller_id_ticket_id_tickets_reseller_id_id_fk" FOREIGN KEY ("reseller_id","ticket_id") REFERENCES "support"."tickets"("reseller_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support"."ticket_events" ADD CONSTRAINT "ticket_events_reseller_id_ticket_id_tickets_reseller_id_id_fk" FOREIGN KEY ("reseller_id","ticket_id") REFERENCES "support"."tickets"("reseller_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support"."tickets" ADD CONSTRAINT "tickets_reseller_id_clinic_id_clinics_reseller_id_id_fk" FOREIGN KEY ("reseller_id","clinic_id") REFERENCES "public"."clinics"("reseller_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support"."tickets" ADD CONSTRAINT "tickets_reseller_id_previous_ticket_id_tickets_reseller_id_id_fk" FOREIGN KEY ("reseller_id","previous_ticket_id") REFERENCES "support"."tickets"("reseller_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "attachments_ticket_idx" ON "support"."attachments" USING btree ("reseller_id","ticket_id");--> statement-breakpoint
CREATE INDEX "attachments_clinic_idx" ON "support"."attachments" USING btree ("reseller_id","clinic_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "cards_ticket_unique" ON "support"."cards" USING btree ("reseller_id","ticket_id");--> statement-breakpoint
CREATE INDEX "cards_column_idx" ON "support"."cards" USING btree ("reseller_id","column");--> statement-breakpoint
CREATE INDEX "messages_ticket_idx" ON "support"."messages" USING btree ("reseller_id","ticket_id","id");--> statement-breakpoint
CREATE INDEX "ticket_events_ticket_idx" ON "support"."ticket_events" USING btree ("reseller_id","ticket_id","at");--> statement-breakpoint
CREATE INDEX "tickets_clinic_idx" ON "support"."tickets" USING btree ("reseller_id","clinic_id","opened_at");--> statement-breakpoint
CREATE INDEX "tickets_queue_idx" ON "support"."tickets" USING btree ("queue","status","opened_at");--> statement-breakpoint
CREATE INDEX "tickets_reseller_opened_idx" ON "support"."tickets" USING btree ("reseller_id","opened_at");--> statement-breakpoint
CREATE POLICY "attachments_tenant_read" ON "support"."attachments" AS PERMISSIVE FOR SELECT TO public USING (app_can_see_clinic(reseller_id, clinic_id));--> statement-breakpoint
CREATE POLICY "attachments_tenant_insert" ON "support"."attachments" AS PERMISSIVE FOR INSERT TO public WITH CHECK (app_can_see_clinic(reseller_id, clinic_id));--> statement-breakpoint
CREATE POLICY "attachments_tenant_update" ON "support"."attachments" AS PERMISSIVE FOR UPDATE TO public USING (app_can_see_clinic(reseller_id, clinic_id)) WITH CHECK (app_can_see_clinic(reseller_id, clinic_id));--> statement-breakpoint
CREATE POLICY "attachments_platform_delete" ON "support"."attachments" AS PERMISSIVE FOR DELETE TO public USING (app_scope() = 'platform');--> statement-breakpoint
CREATE POLICY "attachments_support_read" ON "support"."attachments" AS PERMISSIVE FOR SELECT TO public USING (app_scope() = 'support' AND EXISTS (SELECT 1 FROM support.tickets t WHERE t.reseller_id = attachments.reseller_id AND t.id = attachments.ticket_id AND t.queue = 'vendor'));--> statement-breakpoint
CREATE POLICY "attachments_support_insert" ON "support"."attachments" AS PERMISSIVE FOR INSERT TO public WITH CHECK (app_scope() = 'support' AND EXISTS (SELECT 1 FROM support.tickets t WHERE t.reseller_id = attachments.reseller_id AND t.id = attachments.ticket_id AND t.queue = 'vendor'));--> statement-breakpoint
CREATE POLICY "cards_tenant_read" ON "support"."cards" AS PERMISSIVE FOR SELECT TO public USING (app_can_see_clinic(reseller_id, clinic_id));--> statement-breakpoint
CREATE POLICY "cards_tenant_insert" ON "support"."cards" AS PERMISSIVE FOR INSERT TO public WITH CHECK (app_can_see_clinic(reseller_id, clinic_id));--> statement-breakpoint
CREATE POLICY "cards_tenant_update" ON "support"."cards" AS PERMISSIVE FOR UPDATE TO public USING (app_can_see_clinic(reseller_id, clinic_id)) WITH CHECK (app_can_see_clinic(reseller_id, clinic_id));--> statement-breakpoint
CREATE POLICY "cards_platform_delete" ON "support"."cards" AS PERMISSIVE FOR DELETE TO public USING (app_scope() = 'platform');--> statement-breakpoint
CREATE POLICY "messages_tenant_read" ON "support"."messages" AS PERMISSIVE FOR SELECT TO public USING (app_can_see_clinic(reseller_id, clinic_id));--> statement-breakpoint
CREATE POLICY "messages_tenant_insert" ON "support"."messages" AS PERMISSIVE FOR INSERT TO public WITH CHECK (app_can_see_clinic(reseller_id, clinic_id));--> statement-breakpoint
CREATE POLICY "messages_tenant_update" ON "support"."messages" AS PERMISSIVE FOR UPDATE TO public USING (app_can_see_clinic(reseller_id, clinic_id)) WITH CHECK (app_can_see_clinic(reseller_id, clinic_id));--> statement-breakpoint
CREATE POLICY "messages_platform_delete" ON "support"."messages" AS PERMISSIVE FOR DELETE TO public USING (app_scope() = 'platform');--> statement-breakpoint
CREATE POLICY "messages_support_read" ON "support"."messages" AS PERMISSIVE FOR SELECT TO public USING (app_scope() = 'support' AND EXISTS (SELECT 1 FROM support.tickets t WHERE t.reseller_id = messages.reseller_id AND t.id = messages.ticket_id AND t.queue = 'vendor'));--> statement-breakpoint
CREATE POLICY "messages_support_insert" ON "support"."messages" AS PERMISSIVE FOR INSERT TO public WITH CHECK (app_scope() = 'support' AND EXISTS (SELECT 1 FROM support.tickets t WHERE t.reseller_id = messages.reseller_id AND t.id = messages.ticket_id AND t.queue = 'vendor'));--> statement-breakpoint
CREATE POLICY "plugin_state_platform" ON "support"."plugin_state" AS PERMISSIVE FOR ALL TO public USING (app_scope() = 'platform') WITH CHECK (app_scope() = 'platform');--> statement-breakpoint
CREATE POLICY "ticket_events_tenant_read" ON "support"."ticket_events" AS PERMISSIVE FOR SELECT TO public USING (app_can_see_clinic(reseller_id, clinic_id));--> statement-breakpoint
CREATE POLICY "ticket_events_tenant_insert" ON "support"."ticket_events" AS PERMISSIVE FOR INSERT TO public WITH CHECK (app_can_see_clinic(reseller_id, clinic_id));--> statement-breakpoint
CREATE POLICY "ticket_events_tenant_update" ON "support"."ticket_events" AS PERMISSIVE FOR UPDATE TO public USING (app_can_see_clinic(reseller_id, clinic_id)) WITH CHECK (app_can_see_clinic(reseller_id, clinic_id));--> statement-breakpoint
CREATE POLICY "ticket_events_platform_delete" ON "support"."ticket_events" AS PERMISSIVE FOR DELETE TO public USING (app_scope() = 'platform');--> statement-breakpoint
CREATE POLICY "ticket_events_support_read" ON "support"."ticket_events" AS PERMISSIVE FOR SELECT TO public USING (app_scope() = 'support' AND EXISTS (SELECT 1 FROM support.tickets t WHERE t.reseller_id = ticket_events.reseller_id AND t.id = ticket_events.ticket_id AND t.queue = 'vendor'));--> statement-breakpoint
CREATE POLICY "ticket_events_support_insert" ON "support"."ticket_events" AS PERMISSIVE FOR INSERT TO public WITH CHECK (app_scope() = 'support' AND EXISTS (SELECT 1 FROM support.tickets t WHERE t.reseller_id = ticket_events.reseller_id AND t.id = ticket_events.ticket_id AND t.queue = 'vendor'));--> statement-breakpoint
CREATE POLICY "tickets_tenant_read" ON "support"."tickets" AS PERMISSIVE FOR SELECT TO public USING (app_can_see_clinic(reseller_id, clinic_id));--> statement-breakpoint
CREATE POLICY "tickets_tenant_insert" ON "support"."tickets" AS PERMISSIVE FOR INSERT TO public WITH CHECK (app_can_see_clinic(reseller_id, clinic_id));--> statement-breakpoint
CREATE POLICY "tickets_tenant_update" ON "support"."tickets" AS PERMISSIVE FOR UPDATE TO public USING (app_can_see_clinic(reseller_id, clinic_id)) WITH CHECK (app_can_see_clinic(reseller_id, clinic_id));--> statement-breakpoint
CREATE POLICY "tickets_platform_delete" ON "support"."tickets" AS PERMISSIVE FOR DELETE TO public USING (app_scope() = 'platform');--> statement-breakpoint
CREATE POLICY "tickets_support_read" ON "support"."tickets" AS PERMISSIVE FOR SELECT TO public USING (app_scope() = 'support' AND queue = 'vendor');--> statement-breakpoint
CREATE POLICY "tickets_support_update" ON "support"."tickets" AS PERMISSIVE FOR UPDATE TO public USING (app_scope() = 'support' AND queue = 'vendor') WITH CHECK (app_scope() = 'support' AND queue = 'vendor');