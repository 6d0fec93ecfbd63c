CREATE TABLE "section_visits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"user_id" uuid,
	"section" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"first_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_at" timestamp with time zone DEFAULT now() NOT NULL,
	"visits" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "section_visits" ADD CONSTRAINT "section_visits_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "section_visits" ADD CONSTRAINT "section_visits_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "section_visits_window_idx" ON "section_visits" USING btree ("case_id","user_id","section","window_start");--> statement-breakpoint
CREATE INDEX "section_visits_case_first_idx" ON "section_visits" USING btree ("case_id","first_at");