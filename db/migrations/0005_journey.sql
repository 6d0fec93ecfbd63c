CREATE TYPE "public"."manual_checklist_item" AS ENUM('ask_to_explain', 'follow_up_original', 'more_questions');--> statement-breakpoint
CREATE TYPE "public"."self_check_situation" AS ENUM('serious_diagnosis', 'major_procedure', 'unclear_diagnosis', 'priorities_conflict', 'rushed_unheard', 'need_more_information');--> statement-breakpoint
CREATE TYPE "public"."timing_caution" AS ENUM('emergency', 'delay_care');--> statement-breakpoint
CREATE TABLE "checklist_ticks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"item" "manual_checklist_item" NOT NULL,
	"ticked_by" uuid,
	"ticked_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "self_checks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"situations" "self_check_situation"[] DEFAULT '{}' NOT NULL,
	"cautions" "timing_caution"[] DEFAULT '{}' NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "checklist_ticks" ADD CONSTRAINT "checklist_ticks_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checklist_ticks" ADD CONSTRAINT "checklist_ticks_ticked_by_users_id_fk" FOREIGN KEY ("ticked_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_checks" ADD CONSTRAINT "self_checks_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_checks" ADD CONSTRAINT "self_checks_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "checklist_ticks_case_item_key" ON "checklist_ticks" USING btree ("case_id","item");--> statement-breakpoint
CREATE UNIQUE INDEX "self_checks_case_key" ON "self_checks" USING btree ("case_id");