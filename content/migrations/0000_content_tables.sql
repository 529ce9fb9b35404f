CREATE SCHEMA "content";
--> statement-breakpoint
CREATE TABLE "content"."booking_requests" (
	"reseller_id" bigint NOT NULL,
	"id" bigserial NOT NULL,
	"clinic_id" bigint NOT NULL,
	"user_id" bigint NOT NULL,
	"preferred_slots" jsonb NOT NULL,
	"note" text,
	"status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by_name" text,
	CONSTRAINT "booking_requests_reseller_id_id_pk" PRIMARY KEY("reseller_id","id")
);
--> statement-breakpoint
ALTER TABLE "content"."booking_requests" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "content"."platform_publications" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"version" integer NOT NULL,
	"notified_users" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by_user_id" bigint,
	"created_by_name" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "content"."platform_publications" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "content"."platform_versions" (
	"number" integer NOT NULL,
	"source_text" text NOT NULL,
	"file_name" text NOT NULL,
	"track" jsonb NOT NULL,
	"preview_text" text,
	"notices" jsonb NOT NULL,
	"restored_from" integer,
	"created_at" timestamp with time zone NOT NULL,
	"created_by_user_id" bigint,
	"created_by_name" text NOT NULL,
	CONSTRAINT "platform_versions_number_pk" PRIMARY KEY("number")
);
--> statement-breakpoint
ALTER TABLE "content"."platform_versions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "content"."progress" (
	"reseller_id" bigint NOT NULL,
	"clinic_id" bigint NOT NULL,
	"user_id" bigint NOT NULL,
	"track_id" bigint NOT NULL,
	"achievement_key" text NOT NULL,
	"task_key" text NOT NULL,
	"done" boolean NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "progress_reseller_id_clinic_id_user_id_track_id_achievement_key_task_key_pk" PRIMARY KEY("reseller_id","clinic_id","user_id","track_id","achievement_key","task_key")
);
--> statement-breakpoint
ALTER TABLE "content"."progress" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "content"."publication_targets" (
	"reseller_id" bigint NOT NULL,
	"publication_id" bigint NOT NULL,
	"clinic_id" bigint NOT NULL,
	CONSTRAINT "publication_targets_reseller_id_publication_id_clinic_id_pk" PRIMARY KEY("reseller_id","publication_id","clinic_id")
);
--> statement-breakpoint
ALTER TABLE "content"."publication_targets" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "content"."publications" (
	"reseller_id" bigint NOT NULL,
	"id" bigserial NOT NULL,
	"track_id" bigint NOT NULL,
	"version" integer,
	"all_bases" boolean NOT NULL,
	"base_count" integer NOT NULL,
	"notified_users" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by_user_id" bigint,
	"created_by_name" text NOT NULL,
	CONSTRAINT "publications_reseller_id_id_pk" PRIMARY KEY("reseller_id","id")
);
--> statement-breakpoint
ALTER TABLE "content"."publications" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "content"."track_versions" (
	"reseller_id" bigint NOT NULL,
	"track_id" bigint NOT NULL,
	"number" integer NOT NULL,
	"source_text" text NOT NULL,
	"file_name" text NOT NULL,
	"track" jsonb NOT NULL,
	"preview_text" text,
	"notices" jsonb NOT NULL,
	"restored_from" integer,
	"created_at" timestamp with time zone NOT NULL,
	"created_by_user_id" bigint,
	"created_by_name" text NOT NULL,
	CONSTRAINT "track_versions_reseller_id_track_id_number_pk" PRIMARY KEY("reseller_id","track_id","number")
);
--> statement-breakpoint
ALTER TABLE "content"."track_versions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "content"."tracks" (
	"reseller_id" bigint NOT NULL,
	"id" bigserial NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by_user_id" bigint,
	CONSTRAINT "tracks_reseller_id_id_pk" PRIMARY KEY("reseller_id","id")
);
--> statement-breakpoint
ALTER TABLE "content"."tracks" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "content"."booking_requests" ADD CONSTRAINT "booking_requests_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content"."booking_requests" ADD CONSTRAINT "booking_requests_reseller_id_clinic_id_clinics_reseller_id_id_fk" FOREIGN KEY ("reseller_id","clinic_id") REFERENCES "public"."clinics"("reseller_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content"."platform_publications" ADD CONSTRAINT "platform_publications_version_platform_versions_number_fk" FOREIGN KEY ("version") REFERENCES "content"."platform_versions"("number") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content"."platform_publications" ADD CONSTRAINT "platform_publications_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content"."platform_versions" ADD CONSTRAINT "platform_versions_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content"."progress" ADD CONSTRAINT "progress_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content"."progress" ADD CONSTRAINT "progress_reseller_id_clinic_id_clinics_reseller_id_id_fk" FOREIGN KEY ("reseller_id","clinic_id") REFERENCES "public"."clinics"("reseller_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content"."publication_targets" ADD CONSTRAINT "publication_targets_reseller_id_publication_id_publications_reseller_id_id_fk" FOREIGN KEY ("reseller_id","publication_id") REFERENCES "content"."publications"("reseller_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content"."publication_targets" ADD CONSTRAINT "publication_targets_reseller_id_clinic_id_clinics_reseller_id_id_fk" FOREIGN KEY ("reseller_id","clinic_id") REFERENCES "public"."clinics"("reseller_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content"."publications" ADD CONSTRAINT "publications_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content"."publications" ADD CONSTRAINT "publications_reseller_id_track_id_tracks_reseller_id_id_fk" FOREIGN KEY ("reseller_id","track_id") REFERENCES "content"."tracks"("reseller_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content"."publications" ADD CONSTRAINT "publications_reseller_id_track_id_version_track_versions_reseller_id_track_id_number_fk" FOREIGN KEY ("reseller_id","track_id","version") REFERENCES "content"."track_versions"("reseller_id","track_id","number") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content"."track_versions" ADD CONSTRAINT "track_versions_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content"."track_versions" ADD CONSTRAINT "track_versions_reseller_id_track_id_tracks_reseller_id_id_fk" FOREIGN KEY ("reseller_id","track_id") REFERENCES "content"."tracks"("reseller_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content"."tracks" ADD CONSTRAINT "tracks_reseller_id_resellers_id_fk" FOREIGN KEY ("reseller_id") REFERENCES "public"."resellers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content"."tracks" ADD CONSTRAINT "tracks_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "booking_requests_status_idx" ON "content"."booking_requests" USING btree ("reseller_id","status","created_at");--> statement-breakpoint
CREATE INDEX "booking_requests_user_idx" ON "content"."booking_requests" USING btree ("user_id","reseller_id","clinic_id");--> statement-breakpoint
CREATE INDEX "progress_track_idx" ON "content"."progress" USING btree ("reseller_id","track_id");--> statement-breakpoint
CREATE INDEX "publication_targets_clinic_idx" ON "content"."publication_targets" USING btree ("reseller_id","clinic_id");--> statement-breakpoint
CREATE INDEX "publications_track_idx" ON "content"."publications" USING btree ("reseller_id","track_id","created_at");--> statement-breakpoint
CREATE POLICY "booking_requests_read" ON "content"."booking_requests" AS PERMISSIVE FOR SELECT TO public USING (app_can_see_clinic(reseller_id, clinic_id) and (app_scope() <> 'clinic' or user_id = app_user_id()));--> statement-breakpoint
CREATE POLICY "booking_requests_insert" ON "content"."booking_requests" AS PERMISSIVE FOR INSERT TO public WITH CHECK ((app_scope() = 'clinic' and app_can_see_clinic(reseller_id, clinic_id) and user_id = app_user_id()) or app_scope() = 'platform');--> statement-breakpoint
CREATE POLICY "booking_requests_update" ON "content"."booking_requests" AS PERMISSIVE FOR UPDATE TO public USING (app_scope() in ('platform', 'reseller') and app_can_see_clinic(reseller_id, clinic_id)) WITH CHECK (app_scope() in ('platform', 'reseller') and app_can_see_clinic(reseller_id, clinic_id));--> statement-breakpoint
CREATE POLICY "platform_publications_read" ON "content"."platform_publications" AS PERMISSIVE FOR SELECT TO public USING (app_scope() <> 'none');--> statement-breakpoint
CREATE POLICY "platform_publications_insert" ON "content"."platform_publications" AS PERMISSIVE FOR INSERT TO public WITH CHECK (app_scope() = 'platform');--> statement-breakpoint
CREATE POLICY "platform_versions_read" ON "content"."platform_versions" AS PERMISSIVE FOR SELECT TO public USING (app_scope() = 'platform' or (app_scope() <> 'none' and exists (select 1 from content.platform_publications pp where pp.version = platform_versions.number)));--> statement-breakpoint
CREATE POLICY "platform_versions_insert" ON "content"."platform_versions" AS PERMISSIVE FOR INSERT TO public WITH CHECK (app_scope() = 'platform');--> statement-breakpoint
CREATE POLICY "progress_read" ON "content"."progress" AS PERMISSIVE FOR SELECT TO public USING (app_can_see_clinic(reseller_id, clinic_id) and (app_scope() <> 'clinic' or user_id = app_user_id()));--> statement-breakpoint
CREATE POLICY "progress_insert" ON "content"."progress" AS PERMISSIVE FOR INSERT TO public WITH CHECK ((app_scope() = 'clinic' and app_can_see_clinic(reseller_id, clinic_id) and user_id = app_user_id()) or app_scope() = 'platform');--> statement-breakpoint
CREATE POLICY "progress_update" ON "content"."progress" AS PERMISSIVE FOR UPDATE TO public USING ((app_scope() = 'clinic' and app_can_see_clinic(reseller_id, clinic_id) and user_id = app_user_id()) or app_scope() = 'platform') WITH CHECK ((app_scope() = 'clinic' and app_can_see_clinic(reseller_id, clinic_id) and user_id = app_user_id()) or app_scope() = 'platform');--> statement-breakpoint
CREATE POLICY "publication_targets_read" ON "content"."publication_targets" AS PERMISSIVE FOR SELECT TO public USING (app_can_see_clinic(reseller_id, clinic_id));--> statement-breakpoint
CREATE POLICY "publication_targets_insert" ON "content"."publication_targets" AS PERMISSIVE FOR INSERT TO public WITH CHECK (app_scope() in ('platform', 'reseller') and app_can_see_reseller(reseller_id));--> statement-breakpoint
CREATE POLICY "publications_read" ON "content"."publications" AS PERMISSIVE FOR SELECT TO public USING (app_can_see_reseller(reseller_id));--> statement-breakpoint
CREATE POLICY "publications_insert" ON "content"."publications" AS PERMISSIVE FOR INSERT TO public WITH CHECK (app_scope() in ('platform', 'reseller') and app_can_see_reseller(reseller_id));--> statement-breakpoint
CREATE POLICY "track_versions_read" ON "content"."track_versions" AS PERMISSIVE FOR SELECT TO public USING ((app_scope() in ('platform', 'reseller') and app_can_see_reseller(reseller_id)) or (app_scope() = 'clinic' and reseller_id = app_reseller_id() and exists (
  select 1 from content.publications p
  where p.reseller_id = track_versions.reseller_id and p.track_id = track_versions.track_id
    and p.version = track_versions.number
    and (p.all_bases or exists (select 1 from content.publication_targets pt
      where pt.reseller_id = p.reseller_id and pt.publication_id = p.id and pt.clinic_id = app_clinic_id())))));--> statement-breakpoint
CREATE POLICY "track_versions_insert" ON "content"."track_versions" AS PERMISSIVE FOR INSERT TO public WITH CHECK (app_scope() in ('platform', 'reseller') and app_can_see_reseller(reseller_id));--> statement-breakpoint
CREATE POLICY "tracks_read" ON "content"."tracks" AS PERMISSIVE FOR SELECT TO public USING (app_can_see_reseller(reseller_id));--> statement-breakpoint
CREATE POLICY "tracks_insert" ON "content"."tracks" AS PERMISSIVE FOR INSERT TO public WITH CHECK (app_scope() in ('platform', 'reseller') and app_can_see_reseller(reseller_id));--> statement-breakpoint
CREATE POLICY "tracks_update" ON "content"."tracks" AS PERMISSIVE FOR UPDATE TO public USING (app_scope() in ('platform', 'reseller') and app_can_see_reseller(reseller_id)) WITH CHECK (app_scope() in ('platform', 'reseller') and app_can_see_reseller(reseller_id));