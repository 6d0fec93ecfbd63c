ALTER TABLE "auth_sessions" ADD COLUMN "place" text;--> statement-breakpoint
ALTER TABLE "auth_sessions" ADD COLUMN "rotated_from" uuid;--> statement-breakpoint
CREATE INDEX "auth_sessions_rotated_from_idx" ON "auth_sessions" USING btree ("rotated_from");