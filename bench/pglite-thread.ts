/**
 * bench:pglite-thread — what a query pays to cross to PGlite's own thread
 * (`npm start`, src/db/pglite-remote.ts) against PGlite in the same thread
 * (the CLI, tests): the round trip of `select 1` on the client and through
 * drizzle, and of a 200-row read, one query after another, median and p99
 * per query. Both open a fresh folder copied from the empty template.
 *
 * BENCH_QUERIES changes the number of queries per case (2,000 by default).
 */
import { loadavg } from "node:os";
import { sql } from "drizzle-orm";
import { openPglite } from "../src/db/pglite.ts";
import type { StartedPglite } from "../src/db/pglite-client.ts";
import { startPgliteThread } from "../src/db/pglite-remote.ts";
import { startPglite } from "../src/db/pglite-start.ts";
import type { DbHandle } from "../src/db/types.ts";
import { tempDataDir } from "../test/helpers/db.ts";
import { formatTable, ms, ratio } from "./lib/table.ts";
import { median } from "./lib/timing.ts";

const QUERIES = Number(process.env.BENCH_QUERIES ?? 2000);
const WARMUP = 200;

/** drizzle's own options for a raw query: object rows, date and time types left as text. */
const DRIZZLE_OPTIONS = {
	rowMode: "object" as const,
	parsers: Object.fromEntries([1114, 1184, 1186, 1082].map((oid) => [oid, (v: string) => v])),
};

const CASES: Record<string, (handle: DbHandle) => Promise<unknown>> = {
	"select 1 (client.query)": (h) => client(h).query("select 1", [], DRIZZLE_OPTIONS),
	"select 1 (drizzle db.execute)": (h) => h.db.execute(sql`select 1`),
	"200 rows of 3 columns (drizzle)": (h) =>
		h.db.execute(
			sql`select g as n, repeat('x', 40) || g as text, now() as at from generate_series(1, 200) g`,
		),
};

function client(handle: DbHandle): StartedPglite["client"] {
	return (handle.db as unknown as { $client: StartedPglite["client"] }).$client;
}

function p99(xs: readonly number[]): number {
	const s = [...xs].sort((a, b) => a - b);
	return s[Math.min(s.length - 1, Math.floor(s.length * 0.99))] ?? Number.NaN;
}

async function time(handle: DbHandle, run: (h: DbHandle) => Promise<unknown>) {
	for (let i = 0; i < WARMUP; i++) await run(handle);
	const times: number[] = [];
	for (let i = 0; i < QUERIES; i++) {
		const start = performance.now();
		await run(handle);
		times.push(performance.now() - start);
	}
	return { median: median(times), p99: p99(times) };
}

const hereDir = tempDataDir();
const here = await openPglite(hereDir, {}, startPglite(hereDir));
const apartDir = tempDataDir();
const apart = await openPglite(apartDir, {}, startPgliteThread(apartDir));
const rows: (string | number)[][] = [];
try {
	for (const [name, run] of Object.entries(CASES)) {
		const a = await time(here, run);
		const b = await time(apart, run);
		rows.push([
			name,
			ms(a.median),
			ms(b.median),
			ms(b.median - a.median),
			ratio(b.median / a.median),
			ms(a.p99),
			ms(b.p99),
		]);
	}
} finally {
	await here.close();
	await apart.close();
}
const [load = 0] = loadavg();
console.log(
	`PGlite in this thread against PGlite in its own thread: ${QUERIES} queries one after another per case; load average ${load.toFixed(1)}\n`,
);
console.log(
	formatTable(
		["query", "same thread", "own thread", "overhead", "ratio", "p99 same", "p99 own"],
		rows,
	),
);
