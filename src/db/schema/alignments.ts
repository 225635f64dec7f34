/** One outcome of a stored comparison: what became of a paragraph (or of several, merged or split). */
import { sql } from "drizzle-orm";
import {
	boolean,
	check,
	doublePrecision,
	index,
	integer,
	jsonb,
	pgTable,
	serial,
	text,
	uniqueIndex,
} from "drizzle-orm/pg-core";
import type { Candidate, FootnoteChange, Segment } from "../../core/diff/schema.ts";
import { comparisons } from "./comparisons.ts";
import { paragraphs } from "./paragraphs.ts";

export const alignments = pgTable(
	"alignments",
	{
		id: serial("id").primaryKey(),
		comparisonId: integer("comparison_id")
			.notNull()
			.references(() => comparisons.id, { onDelete: "cascade" }),
		/** Place in the diff: the new text's order, removed paragraphs where they stood. */
		position: integer("position").notNull(),
		status: text("status", {
			enum: ["unchanged", "reworded", "new", "removed", "merged", "split"],
		}).notNull(),
		moved: boolean("moved").notNull(),
		/** First paragraph on each side (null for new or removed); the rest of a merge or split are in the id lists. */
		fromParagraphId: integer("from_paragraph_id").references(() => paragraphs.id, {
			onDelete: "cascade",
		}),
		toParagraphId: integer("to_paragraph_id").references(() => paragraphs.id, {
			onDelete: "cascade",
		}),
		fromParagraphIds: integer("from_paragraph_ids").array().notNull().default(sql`'{}'`),
		toParagraphIds: integer("to_paragraph_ids").array().notNull().default(sql`'{}'`),
		similarity: doublePrecision("similarity").notNull(),
		leadFrom: text("lead_from"),
		leadTo: text("lead_to"),
		leadShift: text("lead_shift", { enum: ["same", "stronger", "weaker", "changed"] }),
		routine: boolean("routine").notNull(),
		segments: jsonb("segments").$type<Segment[]>().notNull(),
		footnotes: jsonb("footnotes").$type<FootnoteChange>(),
		/** How sure the pairing is; null for new and removed. */
		confidence: text("confidence", { enum: ["high", "medium", "low"] }),
		/** For new and removed: the paragraphs on the other side it might be. */
		candidates: jsonb("candidates").$type<Candidate[]>().notNull().default(sql`'[]'::jsonb`),
		decidedBy: text("decided_by", { enum: ["engine", "reviewer"] })
			.notNull()
			.default("engine"),
	},
	(t) => [
		uniqueIndex("alignments_position").on(t.comparisonId, t.position),
		index("alignments_from_paragraph").on(t.fromParagraphId),
		index("alignments_to_paragraph").on(t.toParagraphId),
		check(
			"alignments_status",
			sql`${t.status} in ('unchanged', 'reworded', 'new', 'removed', 'merged', 'split')`,
		),
		check("alignments_similarity", sql`${t.similarity} between 0 and 1`),
	],
);
