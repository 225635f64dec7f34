/**
 * bench:db — a synthetic series (1,000 members by default, made by evolving
 * 37/39 year after year with the benchmark generator; every member says it is
 * synthetic) imported into PGlite and into PostgreSQL (DATABASE_URL, a fresh
 * database that is dropped afterwards). Prints import time and paragraphs per
 * second, then p50/p99 latency of the lineage (a 10-member window), new
 * language and search queries.
 *
 * BENCH_MEMBERS and BENCH_QUERIES change the sizes.
 */
import { createHash } from "node:crypto";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ManifestSeries } from "../src/core/manifest.ts";
import type { ImportSource } from "../src/db/queries/import.ts";
import type { DbHandle } from "../src/db/types.ts";
import { MemoryCache } from "../src/services/cache.ts";
import { importMany } from "../src/services/import.ts";
import { search } from "../src/services/resolutions.ts";
import { getLineage, getNewLanguage } from "../src/services/series.ts";
import { freshPglite, freshPostgres, type TestDatabase } from "../test/helpers/db.ts";
import { syntheticSeries } from "./generator/index.ts";
import { baseResolution } from "./lib/base.ts";
import { createRng } from "./lib/prng.ts";
import { provenanceQueries } from "./lib/provenance-queries.ts";
import { formatTable } from "./lib/table.ts";

const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 1000);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 200);
const SERIES = "synthetic-bench";

function percentile(xs: readonly number[], p: number): number {
	const sorted = [...xs].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

console.log(
	`bench:db — a synthetic series of ${MEMBERS} members evolved from 37/39 (not official texts)`,
);
let t0 = performance.now();
const years = [...syntheticSeries(baseResolution(), MEMBERS, 20180323)];
const sources = new Map<string, ImportSource>(
	years.map((y) => {
		const symbol = y.resolution.symbol ?? `SYNTHETIC/${y.year}`;
		const sha256 = createHash("sha256").update(y.text).digest("hex");
		return [
			symbol,
			{ resolution: y.resolution, source: { name: `${symbol.replaceAll("/", "-")}.txt`, sha256 } },
		];
	}),
);
const paragraphCount = years.reduce((n, y) => n + y.resolution.paragraphs.length, 0);
console.log(
	`generated ${years.length} members, ${paragraphCount} paragraphs, in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
);

const series: ManifestSeries = {
	id: SERIES,
	title: `Synthetic benchmark series of ${MEMBERS} members (not official texts)`,
	organ: "Human Rights Council",
	members: years.map((y) => ({
		symbol: y.resolution.symbol ?? "",
		number: y.resolution.symbol ?? "",
		title: y.resolution.title ?? "",
		session: y.resolution.session ?? 0,
		adopted: y.resolution.adoption.date ?? "",
		vote: "without a vote",
		address: `https://example.invalid/synthetic/${y.year}`,
		file: null,
		sha256: null,
		omittedFromLaterPreambles: false,
	})),
};

interface Row {
	readonly driver: string;
	readonly importSeconds: number;
	readonly perSecond: number;
	readonly failed: number;
	readonly latency: Record<string, { p50: number; p99: number }>;
}

async function run(driver: string, open: () => Promise<TestDatabase>): Promise<Row> {
	const test = await open();
	const handle: DbHandle = test.handle;
	const ctx = { db: handle.db, memory: new MemoryCache() };
	try {
		t0 = performance.now();
		let last = 0;
		const reports = await importMany(
			ctx,
			[...sources.keys()],
			async (s) => sources.get(s) as ImportSource,
			{
				manifest: { series: [series] },
				onProgress: (done, total) => {
					if (done - last >= 100 || done === total) {
						last = done;
						process.stdout.write(
							`  ${driver}: ${done}/${total} imported after ${((performance.now() - t0) / 1000).toFixed(1)} s\n`,
						);
					}
				},
			},
		);
		const importSeconds = (performance.now() - t0) / 1000;
		const failed = reports.filter((r) => !r.ok).length;

		const rng = createRng(7);
		const symbols = years.map((y) => y.resolution.symbol ?? "");
		const phrases = years.flatMap((y) =>
			y.resolution.paragraphs.slice(0, 3).map((p) => p.body.split(" ").slice(2, 7).join(" ")),
		);
		const queries: Record<string, () => Promise<unknown>> = {
			"lineage (10-member window)": () => {
				const k = rng.int(0, symbols.length - 10);
				return getLineage(ctx, SERIES, { from: symbols[k], to: symbols[k + 9] });
			},
			"new language of a member": () =>
				getNewLanguage(ctx, SERIES, symbols[rng.int(0, symbols.length - 1)] ?? ""),
			"search a phrase": () =>
				search(ctx, phrases[rng.int(0, phrases.length - 1)] ?? "human rights"),
			...provenanceQueries(
				ctx,
				SERIES,
				years.map((y) => y.resolution),
				rng,
			),
		};
		const latency: Row["latency"] = {};
		for (const [name, query] of Object.entries(queries)) {
			for (let i = 0; i < 20; i++) await query();
			const times: number[] = [];
			for (let i = 0; i < QUERIES; i++) {
				const start = performance.now();
				await query();
				times.push(performance.now() - start);
			}
			latency[name] = { p50: percentile(times, 50), p99: percentile(times, 99) };
		}
		return { driver, importSeconds, perSecond: paragraphCount / importSeconds, failed, latency };
	} finally {
		await test.dispose();
	}
}

const rows: Row[] = [];
rows.push(
	await run("PGlite", async () =>
		freshPglite(join(await mkdtemp(join(tmpdir(), "resdiff-bench-db-")), "data")),
	),
);
const serverUrl = process.env.DATABASE_URL;
if (serverUrl) rows.push(await run("PostgreSQL", () => freshPostgres(serverUrl)));
else
	console.log(
		"notice: DATABASE_URL is not set; PostgreSQL skipped (set it to a server where a database may be created)",
	);

console.log(
	`\n${formatTable(
		["driver", "import s", "paragraphs/s", "failed"],
		rows.map((r) => [r.driver, r.importSeconds.toFixed(1), r.perSecond.toFixed(0), r.failed]),
	)}\n`,
);
const names = Object.keys(rows[0]?.latency ?? {});
console.log(
	formatTable(
		["query", ...rows.flatMap((r) => [`${r.driver} p50 ms`, `${r.driver} p99 ms`])],
		names.map((n) => [
			n,
			...rows.flatMap((r) => [
				r.latency[n]?.p50.toFixed(2) ?? "",
				r.latency[n]?.p99.toFixed(2) ?? "",
			]),
		]),
	),
);
const pg = rows.find((r) => r.driver === "PostgreSQL");
if (pg) {
	const worst = Math.max(...Object.values(pg.latency).map((l) => l.p99));
	console.log(
		`\ntargets on PostgreSQL: import under 60 s (got ${pg.importSeconds.toFixed(1)} s); each query p99 under 50 ms (worst ${worst.toFixed(2)} ms)`,
	);
}
