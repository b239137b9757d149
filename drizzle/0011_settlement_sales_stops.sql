CREATE TABLE "facility_sales_stops" (
	"facility_id" integer PRIMARY KEY NOT NULL,
	"program_id" integer NOT NULL,
	"stopped_on" date NOT NULL,
	"stopped_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "facility_sales_stops" ADD CONSTRAINT "facility_sales_stops_facility_id_facilities_id_fk" FOREIGN KEY ("facility_id") REFERENCES "public"."facilities"("id") ON DELETE cascade ON UPDATE no action;