ALTER TABLE "call_faq" DROP COLUMN "status";--> statement-breakpoint
ALTER TABLE "call_faq" DROP COLUMN "comment";--> statement-breakpoint
ALTER TABLE "call_faq" DROP COLUMN "decided_at";