/** One imported resolution, with where its text came from. */
import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, serial, text, timestamp } from "drizzle-orm/pg-core";
import type { Adoption, Footnote, Warning } from "../../core/model.ts";
import { series } from "./series.ts";

export const resolutions = pgTable(
	"resolutions",
	{
		id: serial("id").primaryKey(),
		/** Null for a resolution that belongs to no series in the manifest. */
		seriesId: text("series_id").references(() => series.id, { onDelete: "set null" }),
		symbol: text("symbol").notNull().unique(),
		number: text("number"),
		title: text("title"),
		session: integer("session"),
		organ: text("organ"),
		/** ISO date; members of a series are ordered by it. */
		adopted: text("adopted"),
		vote: jsonb("vote").$type<Adoption["vote"]>(),
		meeting: text("meeting"),
		adoptionNote: text("adoption_note"),
		notes: jsonb("notes").$type<Footnote[]>().notNull().default(sql`'[]'::jsonb`),
		warnings: jsonb("warnings").$type<Warning[]>().notNull().default(sql`'[]'::jsonb`),
		sourceName: text("source_name").notNull(),
		sourceAddress: text("source_address"),
		sha256: text("sha256").notNull(),
		importedAt: timestamp("imported_at", { withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [index("resolutions_series_order").on(t.seriesId, t.adopted, t.symbol)],
);
