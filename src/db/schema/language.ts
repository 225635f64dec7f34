/**
 * Phrase-level provenance: every shingle of every stored paragraph (the
 * index that answers "where was this wording used before", within a series
 * and across all stored resolutions), and each paragraph's computed spans.
 */
import { bigint, boolean, index, integer, jsonb, pgTable, text } from "drizzle-orm/pg-core";
import type { PhraseSpan } from "../../core/novelty/index.ts";
import { paragraphs } from "./paragraphs.ts";
import { resolutions } from "./resolutions.ts";

export const shingles = pgTable(
	"shingles",
	{
		/** shingleHash of a run of content words (52 bits, exact as a JavaScript number). */
		hash: bigint("hash", { mode: "number" }).notNull(),
		resolutionId: integer("resolution_id")
			.notNull()
			.references(() => resolutions.id, { onDelete: "cascade" }),
		// No paragraph key: paragraphs only go with their resolution, and one cascade through an indexed column is cheap.
		ref: text("ref").notNull(),
		/** The resolution's series and adoption date, copied here so each lookup is one index probe. */
		seriesId: text("series_id"),
		adopted: text("adopted"),
	},
	(t) => [
		// Earliest sighting anywhere: one probe per hash, ordered by date.
		index("shingles_hash").on(t.hash, t.adopted, t.resolutionId),
		// Earliest sighting in a series.
		index("shingles_series_hash").on(t.seriesId, t.hash, t.adopted, t.resolutionId),
		// Sightings in one member (the member before).
		index("shingles_resolution_hash").on(t.resolutionId, t.hash),
	],
);

export const paragraphSpans = pgTable(
	"paragraph_spans",
	{
		paragraphId: integer("paragraph_id")
			.primaryKey()
			.references(() => paragraphs.id, { onDelete: "cascade" }),
		resolutionId: integer("resolution_id")
			.notNull()
			.references(() => resolutions.id, { onDelete: "cascade" }),
		spans: jsonb("spans").$type<PhraseSpan[]>().notNull(),
		/** Whether any span is new: the new-language view reads these. */
		fresh: boolean("fresh").notNull(),
	},
	(t) => [index("paragraph_spans_resolution").on(t.resolutionId, t.fresh)],
);
