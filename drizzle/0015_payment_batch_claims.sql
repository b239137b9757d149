CREATE TABLE "payment_batch_claims" (
	"claim_id" bigint PRIMARY KEY NOT NULL,
	"batch_id" integer NOT NULL,
	"facility_id" integer NOT NULL,
	"amount" integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX "payment_batch_claims_batch" ON "payment_batch_claims" USING btree ("batch_id","facility_id");--> statement-breakpoint
-- Batches closed before this migration keep their claims.
INSERT INTO "payment_batch_claims" ("claim_id", "batch_id", "facility_id", "amount")
SELECT "id", "payment_batch_id", "facility_id", "discount" FROM "claims" WHERE "payment_batch_id" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "claims" DROP COLUMN "payment_batch_id";
