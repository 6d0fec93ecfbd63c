CREATE TABLE "calendar_feeds" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "opinions" ADD COLUMN "visit_time_zone" text;--> statement-breakpoint
ALTER TABLE "opinions" ADD COLUMN "visit_place" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "opinions" ADD COLUMN "visit_link" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "opinions" ADD COLUMN "coming_along" uuid[] DEFAULT '{}'::uuid[] NOT NULL;--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_feeds_token_hash_key" ON "calendar_feeds" USING btree ("token_hash");