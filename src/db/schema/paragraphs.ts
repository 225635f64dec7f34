/** Paragraphs of a resolution in document order, with the text search reads. */
import { sql } from "drizzle-orm";
import {
	check,
	index,
	integer,
	jsonb,
	pgTable,
	serial,
	text,
	uniqueIndex,
} from "drizzle-orm/pg-core";
import type { Footnote, SubParagraph } from "../../core/model.ts";
import { resolutions } from "./resolutions.ts";

export const paragraphs = pgTable(
	"paragraphs",
	{
		id: serial("id").primaryKey(),
		resolutionId: integer("resolution_id")
			.notNull()
			.references(() => resolutions.id, { onDelete: "cascade" }),
		ref: text("ref").notNull(),
		kind: text("kind", { enum: ["preambular", "operative"] }).notNull(),
		number: integer("number"),
		label: text("label"),
		/** 0-based place in the document, preambular and operative together. */
		position: integer("position").notNull(),
		lead: text("lead").notNull(),
		lemma: text("lemma").notNull(),
		body: text("body").notNull(),
		subparagraphs: jsonb("subparagraphs").$type<SubParagraph[]>().notNull(),
		footnotes: jsonb("footnotes").$type<Footnote[]>().notNull(),
		/** Lower-cased whole text with plain quotes and spaces, for phrase search. */
		normalised: text("normalised").notNull(),
	},
	(t) => [
		uniqueIndex("paragraphs_ref").on(t.resolutionId, t.ref),
		uniqueIndex("paragraphs_position").on(t.resolutionId, t.position),
		index("paragraphs_normalised_trgm").using("gin", t.normalised.op("gin_trgm_ops")),
		check("paragraphs_kind", sql`${t.kind} in ('preambular', 'operative')`),
		check("paragraphs_number", sql`(${t.kind} = 'operative') or ${t.number} is null`),
	],
);
