/**
 * A reviewer's decision on a stored member pair: these paragraphs are one
 * (`pair`), or are not (`unpair`). Kept by symbol and checked against both
 * texts' hashes, so that it survives re-importing the same texts and is
 * dropped, and reported, when either text changes.
 */
import { sql } from "drizzle-orm";
import { check, index, pgTable, serial, text, timestamp } from "drizzle-orm/pg-core";

export const decisions = pgTable(
	"decisions",
	{
		id: serial("id").primaryKey(),
		fromSymbol: text("from_symbol").notNull(),
		toSymbol: text("to_symbol").notNull(),
		action: text("action", { enum: ["pair", "unpair"] }).notNull(),
		fromRefs: text("from_refs").array().notNull(),
		toRefs: text("to_refs").array().notNull(),
		/** sha256 of each text when the decision was made. */
		fromSha256: text("from_sha256").notNull(),
		toSha256: text("to_sha256").notNull(),
		note: text("note"),
		decidedAt: timestamp("decided_at", { withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [
		index("decisions_pair").on(t.fromSymbol, t.toSymbol),
		check("decisions_action", sql`${t.action} in ('pair', 'unpair')`),
		check(
			"decisions_refs",
			sql`cardinality(${t.fromRefs}) >= 1 and cardinality(${t.toRefs}) >= 1 and (cardinality(${t.fromRefs}) = 1 or cardinality(${t.toRefs}) = 1)`,
		),
	],
);
