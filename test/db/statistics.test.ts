/**
 * Imports keep the planner's statistics of the tables they grow, whether or
 * not autovacuum runs (it is off on the test machines' PostgreSQL, and PGlite
 * has none).
 */
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { refreshStatistics } from "../../src/db/queries/statistics.ts";
import type { Db } from "../../src/db/types.ts";
import { MemoryCache } from "../../src/services/cache.ts";
import { importOne } from "../../src/services/import.ts";
import { freshPglite, freshPostgres, type TestDatabase } from "../helpers/db.ts";
import { syntheticSource } from "../helpers/synthetic-series.ts";

async function analyzedRows(db: Db, table: string): Promise<number | null> {
	const result = (await db.execute(
		sql`select reltuples::int as n from pg_class where relname = ${table}`,
	)) as unknown as { n: number }[] | { rows: { n: number }[] };
	const [row] = Array.isArray(result) ? result : result.rows;
	// -1: never analyzed (nor vacuumed).
	return row && row.n >= 0 ? row.n : null;
}

const serverUrl = process.env.DATABASE_URL;
const drivers: [string, () => Promise<TestDatabase>][] = [["PGlite", () => freshPglite()]];
if (serverUrl) drivers.push(["PostgreSQL", () => freshPostgres(serverUrl)]);

describe.each(drivers)("the planner's statistics on %s", (_name, open) => {
	it("are taken after an import grows the tables, and left alone when little changed", async () => {
		const test = await open();
		try {
			const db = test.handle.db;
			const ctx = { db, memory: new MemoryCache() };
			await importOne(ctx, syntheticSource(1), { seriesId: null });
			const shingles = await analyzedRows(db, "shingles");
			expect(shingles).toBeGreaterThan(100);
			expect(await analyzedRows(db, "paragraphs")).toBeGreaterThan(10);
			// Nothing changed since: nothing to analyze.
			expect(await refreshStatistics(db)).toEqual([]);
		} finally {
			await test.dispose();
		}
	}, 60_000);
});
