-- Row-level security also applies to the tables' owner: nothing reads content rows without a scope.
ALTER TABLE "content"."tracks" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "content"."track_versions" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "content"."publications" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "content"."publication_targets" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "content"."platform_versions" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "content"."platform_publications" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "content"."progress" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "content"."booking_requests" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "content"."booking_requests" ADD CONSTRAINT "booking_requests_status_check"
  CHECK ("status" IN ('novo', 'agendado', 'concluido', 'cancelado'));
--> statement-breakpoint
ALTER TABLE "content"."booking_requests" ADD CONSTRAINT "booking_requests_slots_check"
  CHECK (jsonb_typeof("preferred_slots") = 'array' AND jsonb_array_length("preferred_slots") BETWEEN 2 AND 3);
--> statement-breakpoint
ALTER TABLE "content"."booking_requests" ADD CONSTRAINT "booking_requests_note_check"
  CHECK ("note" IS NULL OR char_length("note") <= 1000);
--> statement-breakpoint
ALTER TABLE "content"."track_versions" ADD CONSTRAINT "track_versions_number_check" CHECK ("number" >= 1);
--> statement-breakpoint
ALTER TABLE "content"."platform_versions" ADD CONSTRAINT "platform_versions_number_check" CHECK ("number" >= 1);
--> statement-breakpoint
-- A publication for chosen bases lists them in publication_targets; one for all bases lists none.
ALTER TABLE "content"."publications" ADD CONSTRAINT "publications_base_count_check" CHECK ("base_count" >= 0);
