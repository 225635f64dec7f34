/**
 * The planner's statistics for the tables imports grow. PostgreSQL's
 * autovacuum keeps them current where it runs, but it may be off (it is on
 * the machines this project is tested on) and PGlite has none; without them a
 * table that grew from nothing to millions of rows is planned as if empty,
 * and the lookups of each new member's wording read far more than they need.
 */
import { sql } from "drizzle-orm";
import { rowsOf } from "../rows.ts";
import type { Queryable } from "../types.ts";

/** The tables an import adds rows to, largest first. */
const GROWING = [
	"shingles",
	"paragraphs",
	"paragraph_spans",
	"alignments",
	"comparisons",
	"resolutions",
] as const;

/**
 * Analyzes those of the growing tables never analyzed, or grown by more than
 * a fifth since they last were (by their size on disk against the pages the
 * last analysis counted; the activity counters lag a transaction behind), and
 * returns their names; one cheap read when none did.
 */
export async function refreshStatistics(db: Queryable): Promise<string[]> {
	const result = await db.execute(sql`
		select c.relname as name from pg_class c
		where c.relkind = 'r' and c.relnamespace = 'public'::regnamespace
			and c.relname = any(string_to_array(${GROWING.join(",")}, ','))
			and (c.reltuples < 0
				or pg_relation_size(c.oid) > 1.2 * greatest(c.relpages, 1) * current_setting('block_size')::int)`);
	const stale = rowsOf<{ name: string }>(result).map((r) => r.name);
	const names = GROWING.filter((t) => stale.includes(t));
	if (names.length > 0) await db.execute(sql.raw(`analyze ${names.join(", ")}`));
	return names;
}
