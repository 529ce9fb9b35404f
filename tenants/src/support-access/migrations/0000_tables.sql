CREATE SCHEMA "support_access";
--> statement-breakpoint
CREATE TABLE "support_access"."access_log" (
	"reseller_id" bigint NOT NULL,
	"id" bigserial NOT NULL,
	"clinic_id" bigint NOT NULL,
	"grant_id" bigint,
	"at" timestamp with time zone NOT NULL,
	"agent_user_id" bigint NOT NULL,
	"agent_name" text NOT NULL,
	"agent_email" text NOT NULL,
	"method" text NOT NULL,
	"path" text NOT NULL,
	"screen" text NOT NULL,
	"data_class" text,
	"outcome" text NOT NULL,
	"status" bigint NOT NULL,
	"reason" text,
	CONSTRAINT "access_log_reseller_id_id_pk" PRIMARY KEY("reseller_id","id")
);
--> statement-breakpoint
ALTER TABLE "support_access"."access_log" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "support_access"."access_requests" (
	"reseller_id" bigint NOT NULL,
	"id" bigserial NOT NULL,
	"clinic_id" bigint NOT NULL,
	"agent_user_id" bigint NOT NULL,
	"agent_name" text NOT NULL,
	"agent_email" text NOT NULL,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_by_user_id" bigint,
	"decided_by_name" text,
	"grant_id" bigint,
	CONSTRAINT "access_requests_reseller_id_id_pk" PRIMARY KEY("reseller_id","id")
);
--> statement-breakpoint
ALTER TABLE "support_access"."access_requests" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "support_access"."grant_events" (
	"reseller_id" bigint NOT NULL,
	"id" bigserial NOT NULL,
	"clinic_id" bigint NOT NULL,
	"grant_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"by_user_id" bigint,
	"by_name" text,
	"duration" text,
	"reason" text,
	"ends_at" timestamp with time zone,
	CONSTRAINT "grant_events_reseller_id_id_pk" PRIMARY KEY("reseller_id","id")
);
--> statement-breakpoint
ALTER TABLE "support_access"."grant_events" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "support_access"."grants" (
	"reseller_id" bigint NOT NULL,
	"id" bigserial NOT NULL,
	"clinic_id" bigint NOT NULL,
	"granted_by_user_id" bigint NOT NULL,
	"granted_by_name" text NOT NULL,
	"granted_by_email" text NOT NULL,
	"reason" text,
	"duration" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"end_reason" text,
	"ended_by_user_id" bigint,
	"ended_by_name" text,
	"first_used_at" timestamp with time zone,
	"request_id" bigint,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "grants_reseller_id_id_pk" PRIMARY KEY("reseller_id","id")
);
--> statement-breakpoint
ALTER TABLE "support_access"."grants" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "support_access"."access_log" ADD CONSTRAINT "access_log_clinic_fk" FOREIGN KEY ("reseller_id","clinic_id") REFERENCES "public"."clinics"("reseller_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_access"."access_requests" ADD CONSTRAINT "access_requests_clinic_fk" FOREIGN KEY ("reseller_id","clinic_id") REFERENCES "public"."clinics"("reseller_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_access"."grant_events" ADD CONSTRAINT "grant_events_grant_fk" FOREIGN KEY ("reseller_id","grant_id") REFERENCES "support_access"."grants"("reseller_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_access"."grants" ADD CONSTRAINT "grants_clinic_fk" FOREIGN KEY ("reseller_id","clinic_id") REFERENCES "public"."clinics"("reseller_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "access_log_base_at_idx" ON "support_access"."access_log" USING btree ("reseller_id","clinic_id","at");--> statement-breakpoint
CREATE INDEX "access_log_base_agent_idx" ON "support_access"."access_log" USING btree ("reseller_id","clinic_id","agent_user_id","at");--> statement-breakpoint
CREATE INDEX "access_requests_base_idx" ON "support_access"."access_requests" USING btree ("reseller_id","clinic_id","created_at");--> statement-breakpoint
CREATE INDEX "access_requests_agent_idx" ON "support_access"."access_requests" USING btree ("agent_user_id","created_at");--> statement-breakpoint
CREATE INDEX "grant_events_base_idx" ON "support_access"."grant_events" USING btree ("reseller_id","clinic_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "grants_one_open_per_base" ON "support_access"."grants" USING btree ("reseller_id","clinic_id") WHERE ended_at is null;--> statement-breakpoint
CREATE INDEX "grants_base_idx" ON "support_access"."grants" USING btree ("reseller_id","clinic_id","created_at");