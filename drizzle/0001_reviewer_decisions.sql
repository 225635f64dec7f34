CREATE TABLE "decisions" (
	"id" serial PRIMARY KEY NOT NULL,
	"from_symbol" text NOT NULL,
	"to_symbol" text NOT NULL,
	"action" text NOT NULL,
	"from_refs" text[] NOT NULL,
	"to_refs" text[] NOT NULL,
	"from_sha256" text NOT NULL,
	"to_sha256" text NOT NULL,
	"note" text,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "decisions_action" CHECK ("decisions"."action" in ('pair', 'unpair')),
	CONSTRAINT "decisions_refs" CHECK (cardinality("decisions"."from_refs") >= 1 and cardinality("decisions"."to_refs") >= 1 and (cardinality("decisions"."from_refs") = 1 or cardinality("decisions"."to_refs") = 1))
);
--> statement-breakpoint
ALTER TABLE "alignments" ADD COLUMN "confidence" text;--> statement-breakpoint
ALTER TABLE "alignments" ADD COLUMN "candidates" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "alignments" ADD COLUMN "decided_by" text DEFAULT 'engine' NOT NULL;--> statement-breakpoint
CREATE INDEX "decisions_pair" ON "decisions" USING btree ("from_symbol","to_symbol");