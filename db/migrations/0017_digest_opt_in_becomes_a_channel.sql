-- Whoever had opted in to the digest keeps it: the news of their cases goes to the digest.
UPDATE "users" SET "notify_new" = 'digest' WHERE "digest_opt_in";--> statement-breakpoint
ALTER TABLE "users" DROP COLUMN "digest_opt_in";
