/**
 * Clauses: chains of aligned paragraphs through a series (lineage), with the
 * member where each clause's language first appeared, and one cell per member
 * that carries it.
 */
import { sql } from "drizzle-orm";
import {
	boolean,
	check,
	index,
	integer,
	pgTable,
	primaryKey,
	serial,
	text,
} from "drizzle-orm/pg-core";
import { paragraphs } from "./paragraphs.ts";
import { resolutions } from "./resolutions.ts";
import { series } from "./series.ts";

export const clauses = pgTable(
	"clauses",
	{
		id: serial("id").primaryKey(),
		seriesId: text("series_id")
			.notNull()
			.references(() => series.id, { onDelete: "cascade" }),
		/** Row order in the lineage. */
		position: integer("position").notNull(),
		firstResolutionId: integer("first_resolution_id")
			.notNull()
			.references(() => resolutions.id, { onDelete: "cascade" }),
	},
	(t) => [index("clauses_series").on(t.seriesId, t.position)],
);

export const clauseCells = pgTable(
	"clause_cells",
	{
		clauseId: integer("clause_id")
			.notNull()
			.references(() => clauses.id, { onDelete: "cascade" }),
		resolutionId: integer("resolution_id")
			.notNull()
			.references(() => resolutions.id, { onDelete: "cascade" }),
		paragraphId: integer("paragraph_id")
			.notNull()
			.references(() => paragraphs.id, { onDelete: "cascade" }),
		status: text("status", {
			enum: ["unchanged", "reworded", "new", "removed", "merged", "split"],
		}).notNull(),
		moved: boolean("moved").notNull(),
		shift: text("shift", { enum: ["same", "stronger", "weaker", "changed"] }),
		routine: boolean("routine").notNull(),
		/**
		 * False where the paragraph was merged into another clause's: the
		 * clause ends here without a removal, so it cannot come back later.
		 */
		carries: boolean("carries").notNull().default(true),
	},
	(t) => [
		primaryKey({ columns: [t.clauseId, t.resolutionId] }),
		index("clause_cells_paragraph").on(t.paragraphId),
		index("clause_cells_resolution").on(t.resolutionId, t.status),
		check(
			"clause_cells_status",
			sql`${t.status} in ('unchanged', 'reworded', 'new', 'removed', 'merged', 'split')`,
		),
	],
);

/**
 * The reading order of a series' clauses as it stood after each member: what
 * extending the lineage from a member needs besides the cells. A member
 * without a row here, and every member after it, has its lineage recomputed.
 */
export const lineageOrders = pgTable(
	"lineage_orders",
	{
		resolutionId: integer("resolution_id")
			.primaryKey()
			.references(() => resolutions.id, { onDelete: "cascade" }),
		seriesId: text("series_id")
			.notNull()
			.references(() => series.id, { onDelete: "cascade" }),
		/** Clause ids in reading order. */
		clauseIds: integer("clause_ids").array().notNull(),
	},
	(t) => [index("lineage_orders_series").on(t.seriesId)],
);
