CREATE TYPE "public"."notification_channel" AS ENUM('now', 'digest', 'off');--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "notify_assigned" "notification_channel" DEFAULT 'now' NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "notify_due" "notification_channel" DEFAULT 'now' NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "notify_visit" "notification_channel" DEFAULT 'now' NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "notify_new" "notification_channel" DEFAULT 'off' NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "digest_hour" integer;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "time_zone" text;