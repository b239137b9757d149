CREATE TABLE "facility_users" (
	"facility_id" integer NOT NULL,
	"user_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "facility_users" ADD CONSTRAINT "facility_users_facility_id_facilities_id_fk" FOREIGN KEY ("facility_id") REFERENCES "public"."facilities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "facility_users_pk" ON "facility_users" USING btree ("facility_id","user_id");--> statement-breakpoint
CREATE INDEX "facility_users_user" ON "facility_users" USING btree ("user_id");