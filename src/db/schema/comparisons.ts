/**
 * A stored comparison of two resolutions: always for consecutive members of a
 * series, and as a cache for any other pair someone asked for.
 */
import {
	boolean,
	integer,
	jsonb,
	pgTable,
	serial,
	text,
	timestamp,
	uniqueIndex,
} from "drizzle-orm/pg-core";
import type { DiffSummary } from "../../core/diff/schema.ts";
import { resolutions } from "./resolutions.ts";

export const comparisons = pgTable(
	"comparisons",
	{
		id: serial("id").primaryKey(),
		fromId: integer("from_id")
			.notNull()
			.references(() => resolutions.id, { onDelete: "cascade" }),
		toId: integer("to_id")
			.notNull()
			.references(() => resolutions.id, { onDelete: "cascade" }),
		/** Whether the two are neighbours in their series (these feed lineage). */
		consecutive: boolean("consecutive").notNull(),
		/** The comparison engine's version; rows from another version are recomputed. */
		engine: text("engine").notNull(),
		summary: jsonb("summary").$type<DiffSummary>().notNull(),
		computedAt: timestamp("computed_at", { withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [uniqueIndex("comparisons_pair").on(t.fromId, t.toId)],
);
