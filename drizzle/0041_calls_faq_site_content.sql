DROP INDEX "call_faq_program";--> statement-breakpoint
ALTER TABLE "call_faq" ADD COLUMN "site_content_id" integer;--> statement-breakpoint
CREATE UNIQUE INDEX "call_faq_site_content" ON "call_faq" USING btree ("site_content_id");--> statement-breakpoint
CREATE INDEX "call_faq_program" ON "call_faq" USING btree ("program_id","category");--> statement-breakpoint
-- Each FAQ entry becomes a site content of kind faq, approved in the site's flow: its state so far
-- is one version (proposed → pending, published → approved at its decision, rejected → rejected
-- with the City's comment as the reason).
INSERT INTO "site_contents" ("program_id", "kind", "key", "created_at")
SELECT "program_id", 'faq', 'faq-c' || "id", "created_at" FROM "call_faq" ORDER BY "id";--> statement-breakpoint
UPDATE "call_faq" f SET "site_content_id" = s."id" FROM "site_contents" s WHERE s."program_id" = f."program_id" AND s."key" = 'faq-c' || f."id";--> statement-breakpoint
INSERT INTO "site_content_versions" ("content_id", "program_id", "number", "status", "title_ja", "title_en", "body_ja", "body_en", "publish_at", "note", "created_at", "submitted_at", "decided_at")
SELECT "site_content_id", "program_id", 1,
       CASE "status" WHEN 'published' THEN 'approved' WHEN 'rejected' THEN 'rejected' ELSE 'pending' END,
       left("question", 200), left("question_en", 200), "answer", "answer_en",
       CASE WHEN "status" = 'published' THEN coalesce("decided_at", "updated_at") END,
       CASE WHEN "status" = 'rejected' THEN coalesce(nullif("comment", ''), '差し戻し') ELSE "comment" END,
       "created_at", "created_at", "decided_at"
FROM "call_faq" ORDER BY "id";
