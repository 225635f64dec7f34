CREATE TABLE "paragraph_spans" (
	"paragraph_id" integer PRIMARY KEY NOT NULL,
	"resolution_id" integer NOT NULL,
	"spans" jsonb NOT NULL,
	"fresh" boolean NOT NULL
);
--> statement-breakpoint
CREATE TABLE "shingles" (
	"hash" bigint NOT NULL,
	"resolution_id" integer NOT NULL,
	"ref" text NOT NULL,
	"series_id" text,
	"adopted" text
);
--> statement-breakpoint
ALTER TABLE "paragraph_spans" ADD CONSTRAINT "paragraph_spans_paragraph_id_paragraphs_id_fk" FOREIGN KEY ("paragraph_id") REFERENCES "public"."paragraphs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paragraph_spans" ADD CONSTRAINT "paragraph_spans_resolution_id_resolutions_id_fk" FOREIGN KEY ("resolution_id") REFERENCES "public"."resolutions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shingles" ADD CONSTRAINT "shingles_resolution_id_resolutions_id_fk" FOREIGN KEY ("resolution_id") REFERENCES "public"."resolutions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "paragraph_spans_resolution" ON "paragraph_spans" USING btree ("resolution_id","fresh");--> statement-breakpoint
CREATE INDEX "shingles_hash" ON "shingles" USING btree ("hash","adopted","resolution_id");--> statement-breakpoint
CREATE INDEX "shingles_series_hash" ON "shingles" USING btree ("series_id","hash","adopted","resolution_id");--> statement-breakpoint
CREATE INDEX "shingles_resolution_hash" ON "shingles" USING btree ("resolution_id","hash");