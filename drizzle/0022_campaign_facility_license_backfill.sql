-- Custom SQL migration file, put your code below! ---- A facility registered from an approved application takes that application's licence number,
-- which it now holds (facilities_license). The unique index on live applications this replaces
-- allowed one approved application per number, so no two facilities receive the same one.
UPDATE "facilities" AS f SET "license_number" = a."license_number"
FROM "campaign_applications" AS a
WHERE a."id" = f."application_id" AND a."license_number" IS NOT NULL AND f."license_number" IS NULL;
