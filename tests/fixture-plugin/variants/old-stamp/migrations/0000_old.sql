CREATE SCHEMA "old_stamp";
--> statement-breakpoint
CREATE TABLE "old_stamp"."items" ("id" bigint PRIMARY KEY);
