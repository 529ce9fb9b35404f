CREATE TABLE "broken_plugin"."more_things" ("id" bigint PRIMARY KEY);
--> statement-breakpoint
ALTER TABLE "broken_plugin"."more_things" ADD CONSTRAINT "fk_nowhere" FOREIGN KEY ("id") REFERENCES "broken_plugin"."does_not_exist"("id");
