/** A series: the yearly resolutions on one subject, as the manifest lists them. */
import { boolean, jsonb, pgTable, text } from "drizzle-orm/pg-core";
import type { ManifestMember } from "../../core/manifest.ts";

export const series = pgTable("series", {
	id: text("id").primaryKey(),
	title: text("title").notNull(),
	organ: text("organ").notNull(),
	/** Every member the manifest lists, present or not, in order. */
	members: jsonb("members").$type<ManifestMember[]>().notNull(),
	/** Set when a member changed since the clauses were last rebuilt. */
	lineageStale: boolean("lineage_stale").notNull().default(false),
});
