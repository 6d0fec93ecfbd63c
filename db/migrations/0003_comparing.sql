CREATE TYPE "public"."comparison_aspect" AS ENUM('diagnosis', 'main_plan', 'other_options', 'benefits', 'risks', 'urgency', 'follow_up', 'fit_with_priorities');--> statement-breakpoint
CREATE TYPE "public"."row_mark" AS ENUM('agree', 'differ', 'unsure');--> statement-breakpoint
CREATE TYPE "public"."opinion_kind" AS ENUM('same_specialty', 'subspecialist', 'multidisciplinary', 'telehealth');--> statement-breakpoint
CREATE TYPE "public"."opinion_status" AS ENUM('considering', 'scheduled', 'completed');--> statement-breakpoint
CREATE TYPE "public"."tri_state" AS ENUM('yes', 'no', 'unknown');--> statement-breakpoint
CREATE TABLE "comparison_cells" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"opinion_id" uuid NOT NULL,
	"aspect" "comparison_aspect" NOT NULL,
	"text" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "comparison_rows" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"aspect" "comparison_aspect" NOT NULL,
	"mark" "row_mark",
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "opinion_calls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"opinion_id" uuid NOT NULL,
	"called_at" timestamp with time zone NOT NULL,
	"who" text NOT NULL,
	"reference" text DEFAULT '' NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"author_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "opinions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"label" text NOT NULL,
	"clinician" text DEFAULT '' NOT NULL,
	"specialty" text DEFAULT '' NOT NULL,
	"institution" text DEFAULT '' NOT NULL,
	"kind" "opinion_kind" DEFAULT 'same_specialty' NOT NULL,
	"visit_at" timestamp with time zone,
	"status" "opinion_status" DEFAULT 'considering' NOT NULL,
	"in_network" "tri_state" DEFAULT 'unknown' NOT NULL,
	"referral_needed" "tri_state" DEFAULT 'unknown' NOT NULL,
	"pre_approval_needed" "tri_state" DEFAULT 'unknown' NOT NULL,
	"expected_costs" text DEFAULT '' NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"author_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "comparison_cells" ADD CONSTRAINT "comparison_cells_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comparison_cells" ADD CONSTRAINT "comparison_cells_opinion_id_opinions_id_fk" FOREIGN KEY ("opinion_id") REFERENCES "public"."opinions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comparison_cells" ADD CONSTRAINT "comparison_cells_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comparison_rows" ADD CONSTRAINT "comparison_rows_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comparison_rows" ADD CONSTRAINT "comparison_rows_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinion_calls" ADD CONSTRAINT "opinion_calls_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinion_calls" ADD CONSTRAINT "opinion_calls_opinion_id_opinions_id_fk" FOREIGN KEY ("opinion_id") REFERENCES "public"."opinions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinion_calls" ADD CONSTRAINT "opinion_calls_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinions" ADD CONSTRAINT "opinions_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinions" ADD CONSTRAINT "opinions_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "comparison_cells_opinion_aspect_key" ON "comparison_cells" USING btree ("opinion_id","aspect");--> statement-breakpoint
CREATE INDEX "comparison_cells_case_idx" ON "comparison_cells" USING btree ("case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "comparison_rows_case_aspect_key" ON "comparison_rows" USING btree ("case_id","aspect");--> statement-breakpoint
CREATE INDEX "opinion_calls_case_opinion_idx" ON "opinion_calls" USING btree ("case_id","opinion_id","called_at");--> statement-breakpoint
CREATE INDEX "opinions_case_position_idx" ON "opinions" USING btree ("case_id","position");--> statement-breakpoint
ALTER TABLE "notes" ADD CONSTRAINT "notes_opinion_id_opinions_id_fk" FOREIGN KEY ("opinion_id") REFERENCES "public"."opinions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questions" ADD CONSTRAINT "questions_opinion_id_opinions_id_fk" FOREIGN KEY ("opinion_id") REFERENCES "public"."opinions"("id") ON DELETE set null ON UPDATE no action;