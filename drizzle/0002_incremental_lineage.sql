CREATE TABLE "lineage_orders" (
	"resolution_id" integer PRIMARY KEY NOT NULL,
	"series_id" text NOT NULL,
	"clause_ids" integer[] NOT NULL
);
--> statement-breakpoint
ALTER TABLE "clause_cells" ADD COLUMN "carries" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "lineage_orders" ADD CONSTRAINT "lineage_orders_resolution_id_resolutions_id_fk" FOREIGN KEY ("resolution_id") REFERENCES "public"."resolutions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lineage_orders" ADD CONSTRAINT "lineage_orders_series_id_series_id_fk" FOREIGN KEY ("series_id") REFERENCES "public"."series"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "lineage_orders_series" ON "lineage_orders" USING btree ("series_id");--> statement-breakpoint
-- Clauses built before the reading orders were kept have none: rebuild them once.
UPDATE "series" SET "lineage_stale" = true;