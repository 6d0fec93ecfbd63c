CREATE TYPE "public"."decision_path" AS ENUM('continue_first', 'continue_first_adjusted', 'switch_to_second', 'combination', 'further_opinion', 'wait_and_monitor', 'still_deciding');--> statement-breakpoint
CREATE TYPE "public"."reflection_value" AS ENUM('length_of_life', 'quality_of_life', 'function', 'independence', 'avoid_side_effects', 'other');--> statement-breakpoint
CREATE TABLE "decision_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"decision_id" uuid NOT NULL,
	"body" text NOT NULL,
	"author_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"path" "decision_path" NOT NULL,
	"reasons" text DEFAULT '' NOT NULL,
	"next_steps" text DEFAULT '' NOT NULL,
	"decided_on" date NOT NULL,
	"author_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reflections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"values" "reflection_value"[] DEFAULT '{}' NOT NULL,
	"values_other" text DEFAULT '' NOT NULL,
	"risk_comfort" integer,
	"practical" text DEFAULT '' NOT NULL,
	"communication" text DEFAULT '' NOT NULL,
	"communication_opinion_id" uuid,
	"feel_sure" boolean,
	"know_benefits_risks" boolean,
	"clear_on_priorities" boolean,
	"enough_support" boolean,
	"can_say_what" boolean,
	"can_say_why" boolean,
	"can_say_alternatives" boolean,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "decision_comments" ADD CONSTRAINT "decision_comments_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_comments" ADD CONSTRAINT "decision_comments_decision_id_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_comments" ADD CONSTRAINT "decision_comments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reflections" ADD CONSTRAINT "reflections_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reflections" ADD CONSTRAINT "reflections_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reflections" ADD CONSTRAINT "reflections_communication_opinion_id_opinions_id_fk" FOREIGN KEY ("communication_opinion_id") REFERENCES "public"."opinions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "decision_comments_case_decision_idx" ON "decision_comments" USING btree ("case_id","decision_id");--> statement-breakpoint
CREATE INDEX "decisions_case_created_idx" ON "decisions" USING btree ("case_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "reflections_case_user_key" ON "reflections" USING btree ("case_id","user_id");