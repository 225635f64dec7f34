CREATE TABLE "alignments" (
	"id" serial PRIMARY KEY NOT NULL,
	"comparison_id" integer NOT NULL,
	"position" integer NOT NULL,
	"status" text NOT NULL,
	"moved" boolean NOT NULL,
	"from_paragraph_id" integer,
	"to_paragraph_id" integer,
	"from_paragraph_ids" integer[] DEFAULT '{}' NOT NULL,
	"to_paragraph_ids" integer[] DEFAULT '{}' NOT NULL,
	"similarity" double precision NOT NULL,
	"lead_from" text,
	"lead_to" text,
	"lead_shift" text,
	"routine" boolean NOT NULL,
	"segments" jsonb NOT NULL,
	"footnotes" jsonb,
	CONSTRAINT "alignments_status" CHECK ("alignments"."status" in ('unchanged', 'reworded', 'new', 'removed', 'merged', 'split')),
	CONSTRAINT "alignments_similarity" CHECK ("alignments"."similarity" between 0 and 1)
);
--> statement-breakpoint
CREATE TABLE "clause_cells" (
	"clause_id" integer NOT NULL,
	"resolution_id" integer NOT NULL,
	"paragraph_id" integer NOT NULL,
	"status" text NOT NULL,
	"moved" boolean NOT NULL,
	"shift" text,
	"routine" boolean NOT NULL,
	CONSTRAINT "clause_cells_clause_id_resolution_id_pk" PRIMARY KEY("clause_id","resolution_id"),
	CONSTRAINT "clause_cells_status" CHECK ("clause_cells"."status" in ('unchanged', 'reworded', 'new', 'removed', 'merged', 'split'))
);
--> statement-breakpoint
CREATE TABLE "clauses" (
	"id" serial PRIMARY KEY NOT NULL,
	"series_id" text NOT NULL,
	"position" integer NOT NULL,
	"first_resolution_id" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "comparisons" (
	"id" serial PRIMARY KEY NOT NULL,
	"from_id" integer NOT NULL,
	"to_id" integer NOT NULL,
	"consecutive" boolean NOT NULL,
	"engine" text NOT NULL,
	"summary" jsonb NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "paragraphs" (
	"id" serial PRIMARY KEY NOT NULL,
	"resolution_id" integer NOT NULL,
	"ref" text NOT NULL,
	"kind" text NOT NULL,
	"number" integer,
	"label" text,
	"position" integer NOT NULL,
	"lead" text NOT NULL,
	"lemma" text NOT NULL,
	"body" text NOT NULL,
	"subparagraphs" jsonb NOT NULL,
	"footnotes" jsonb NOT NULL,
	"normalised" text NOT NULL,
	CONSTRAINT "paragraphs_kind" CHECK ("paragraphs"."kind" in ('preambular', 'operative')),
	CONSTRAINT "paragraphs_number" CHECK (("paragraphs"."kind" = 'operative') or "paragraphs"."number" is null)
);
--> statement-breakpoint
CREATE TABLE "resolutions" (
	"id" serial PRIMARY KEY NOT NULL,
	"series_id" text,
	"symbol" text NOT NULL,
	"number" text,
	"title" text,
	"session" integer,
	"organ" text,
	"adopted" text,
	"vote" jsonb,
	"meeting" text,
	"adoption_note" text,
	"notes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"warnings" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"source_name" text NOT NULL,
	"source_address" text,
	"sha256" text NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "resolutions_symbol_unique" UNIQUE("symbol")
);
--> statement-breakpoint
CREATE TABLE "series" (
	"id" text PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"organ" text NOT NULL,
	"members" jsonb NOT NULL,
	"lineage_stale" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
ALTER TABLE "alignments" ADD CONSTRAINT "alignments_comparison_id_comparisons_id_fk" FOREIGN KEY ("comparison_id") REFERENCES "public"."comparisons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alignments" ADD CONSTRAINT "alignments_from_paragraph_id_paragraphs_id_fk" FOREIGN KEY ("from_paragraph_id") REFERENCES "public"."paragraphs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alignments" ADD CONSTRAINT "alignments_to_paragraph_id_paragraphs_id_fk" FOREIGN KEY ("to_paragraph_id") REFERENCES "public"."paragraphs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clause_cells" ADD CONSTRAINT "clause_cells_clause_id_clauses_id_fk" FOREIGN KEY ("clause_id") REFERENCES "public"."clauses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clause_cells" ADD CONSTRAINT "clause_cells_resolution_id_resolutions_id_fk" FOREIGN KEY ("resolution_id") REFERENCES "public"."resolutions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clause_cells" ADD CONSTRAINT "clause_cells_paragraph_id_paragraphs_id_fk" FOREIGN KEY ("paragraph_id") REFERENCES "public"."paragraphs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clauses" ADD CONSTRAINT "clauses_series_id_series_id_fk" FOREIGN KEY ("series_id") REFERENCES "public"."series"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clauses" ADD CONSTRAINT "clauses_first_resolution_id_resolutions_id_fk" FOREIGN KEY ("first_resolution_id") REFERENCES "public"."resolutions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comparisons" ADD CONSTRAINT "comparisons_from_id_resolutions_id_fk" FOREIGN KEY ("from_id") REFERENCES "public"."resolutions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comparisons" ADD CONSTRAINT "comparisons_to_id_resolutions_id_fk" FOREIGN KEY ("to_id") REFERENCES "public"."resolutions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paragraphs" ADD CONSTRAINT "paragraphs_resolution_id_resolutions_id_fk" FOREIGN KEY ("resolution_id") REFERENCES "public"."resolutions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resolutions" ADD CONSTRAINT "resolutions_series_id_series_id_fk" FOREIGN KEY ("series_id") REFERENCES "public"."series"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "alignments_position" ON "alignments" USING btree ("comparison_id","position");--> statement-breakpoint
CREATE INDEX "alignments_from_paragraph" ON "alignments" USING btree ("from_paragraph_id");--> statement-breakpoint
CREATE INDEX "alignments_to_paragraph" ON "alignments" USING btree ("to_paragraph_id");--> statement-breakpoint
CREATE INDEX "clause_cells_paragraph" ON "clause_cells" USING btree ("paragraph_id");--> statement-breakpoint
CREATE INDEX "clause_cells_resolution" ON "clause_cells" USING btree ("resolution_id","status");--> statement-breakpoint
CREATE INDEX "clauses_series" ON "clauses" USING btree ("series_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "comparisons_pair" ON "comparisons" USING btree ("from_id","to_id");--> statement-breakpoint
CREATE UNIQUE INDEX "paragraphs_ref" ON "paragraphs" USING btree ("resolution_id","ref");--> statement-breakpoint
CREATE UNIQUE INDEX "paragraphs_position" ON "paragraphs" USING btree ("resolution_id","position");--> statement-breakpoint
CREATE INDEX "paragraphs_normalised_trgm" ON "paragraphs" USING gin ("normalised" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "resolutions_series_order" ON "resolutions" USING btree ("series_id","adopted","symbol");