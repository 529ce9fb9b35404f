CREATE SCHEMA "broken_plugin";
--> statement-breakpoint
CREATE TABLE "broken_plugin"."things" ("id" bigint PRIMARY KEY);
--> statement-breakpoint
INSERT INTO "broken_plugin"."things" ("id") VALUES (1);
