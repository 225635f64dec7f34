/**
 * bench:db — a synthetic series (1,000 members by default, made by evolving
 * 37/39 year after year with the benchmark generator; every member says it is
 * synthetic) imported one member at a time into PGlite and into PostgreSQL
 * (DATABASE_URL, a fresh database that is dropped afterwards), as a user adds
 * each year's text. For each driver it prints:
 *
 * - import time per member, including its comparison with the member before
 *   and the lineage update that follows (p50, p99, mean), and the lineage
 *   update's share of it;
 * - the cost of updating the lineage for one appended member against a full
 *   rebuild of the whole series' lineage, measured in the same run, with
 *   their ratio (and the cost of recomputing from a member in the middle);
 * - p50/p99 latency of the queries in QUERIES.
 *
 * To measure another query, add one line to QUERIES below:
 *   query("provenance of a paragraph", (b) => getProvenance(b.ctx, b.pick(b.symbols), "OP1"));
 *
 * BENCH_MEMBERS, BENCH_QUERIES and BENCH_REBUILDS change the sizes.
 */
import { createHash } from "node:crypto";
import { mkdtemp } from "node:fs/promises";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import type { ManifestSeries } from "../src/core/manifest.ts";
import type { Resolution } from "../src/core/model.ts";
import { type ImportSource, importResolution } from "../src/db/queries/import.ts";
import { invalidateLineageFrom, rebuildLineage, updateLineage } from "../src/db/queries/lineage.ts";
import { findResolutionRow } from "../src/db/queries/resolutions.ts";
import { syncManifest } from "../src/db/queries/series.ts";
import type { DbHandle } from "../src/db/types.ts";
import { MemoryCache } from "../src/services/cache.ts";
import type { ServiceContext } from "../src/services/context.ts";
import { importMany } from "../src/services/import.ts";
import { getPhraseNewLanguage, getProvenance } from "../src/services/provenance.ts";
import { search } from "../src/services/resolutions.ts";
import { getLineage, getNewLanguage } from "../src/services/series.ts";
import { freshPglite, freshPostgres, type TestDatabase } from "../test/helpers/db.ts";
import { syntheticSeries } from "./generator/index.ts";
import { baseResolution } from "./lib/base.ts";
import { createRng, type Rng } from "./lib/prng.ts";
import { formatTable, ms, ratio } from "./lib/table.ts";
import { median } from "./lib/timing.ts";

const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 1000);
const QUERIES_PER_CASE = Number(process.env.BENCH_QUERIES ?? 200);
const REBUILDS = Number(process.env.BENCH_REBUILDS ?? 3);
/**
 * How many of the last members are imported one at a time and timed (all by
 * default); the others go in one batch first, which is quicker on a busy machine.
 */
const TIMED = Number(process.env.BENCH_TIMED ?? MEMBERS);
/** Which drivers to run: "pglite", "postgres" or both (the default). */
const DRIVERS = (process.env.BENCH_DRIVERS ?? "pglite,postgres").split(",");
const SERIES = "synthetic-bench";

/** What a query case may use: the stored series, and a seeded pick. */
export interface BenchStore {
	readonly ctx: ServiceContext;
	readonly seriesId: string;
	/** Symbols of the stored members, oldest first. */
	readonly symbols: readonly string[];
	/** Phrases of five words taken from the members' paragraphs. */
	readonly phrases: readonly string[];
	/** The stored members as read, oldest first. */
	readonly resolutions: readonly Resolution[];
	/** Clauses in the series' lineage. */
	readonly clauses: number;
	readonly rng: Rng;
	/** One of the items, chosen by the seeded generator. */
	pick<T>(items: readonly T[]): T;
}

interface QueryCase {
	readonly name: string;
	readonly run: (b: BenchStore) => Promise<unknown>;
}

const QUERIES: QueryCase[] = [];

/** Adds a query to measure (p50 and p99 over BENCH_QUERIES calls, after 20 untimed ones). */
export function query(name: string, run: (b: BenchStore) => Promise<unknown>): void {
	QUERIES.push({ name, run });
}

query("lineage (10-member window, a page)", (b) => {
	const k = b.rng.int(0, b.symbols.length - 10);
	return getLineage(b.ctx, b.seriesId, { from: b.symbols[k], to: b.symbols[k + 9] }, {});
});
query("lineage (whole series, a page of 200)", (b) =>
	getLineage(b.ctx, b.seriesId, {}, { number: 1 + b.rng.int(0, Math.ceil(b.clauses / 200) - 1) }),
);
query("new language of a member", (b) => getNewLanguage(b.ctx, b.seriesId, b.pick(b.symbols)));
query("search a phrase", (b) => search(b.ctx, b.pick(b.phrases)));
query("provenance of a paragraph", (b) => {
	const member = b.pick(b.resolutions);
	return getProvenance(b.ctx, member.symbol ?? "", b.pick(member.paragraphs).ref);
});
query("phrase-level new language of a member", (b) =>
	getPhraseNewLanguage(b.ctx, b.seriesId, b.pick(b.symbols)),
);

function percentile(xs: readonly number[], p: number): number {
	const sorted = [...xs].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);

const load = () =>
	loadavg()
		.map((x) => x.toFixed(2))
		.join(" ");

console.log(
	`bench:db — a synthetic series of ${MEMBERS} members evolved from 37/39 (not official texts); load average ${load()}`,
);
let t0 = performance.now();
// One member more than the series: the last is appended at the end, for the incremental update.
const years = [...syntheticSeries(baseResolution(), MEMBERS + 1, 20180323)];
const sources: ImportSource[] = years.map((y) => {
	const symbol = y.resolution.symbol ?? `SYNTHETIC/${y.year}`;
	const sha256 = createHash("sha256").update(y.text).digest("hex");
	return {
		resolution: y.resolution,
		source: { name: `${symbol.replaceAll("/", "-")}.txt`, sha256 },
	};
});
const paragraphCount = years
	.slice(0, MEMBERS)
	.reduce((n, y) => n + y.resolution.paragraphs.length, 0);
console.log(
	`generated ${years.length} members, ${paragraphCount} paragraphs in the first ${MEMBERS}, in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
);

const series: ManifestSeries = {
	id: SERIES,
	title: `Synthetic benchmark series of ${MEMBERS} members (not official texts)`,
	organ: "Human Rights Council",
	members: years.map((y) => ({
		symbol: y.resolution.symbol ?? "",
		number: y.resolution.symbol ?? "",
		title: y.resolution.title,
		session: y.resolution.session ?? 0,
		adopted: y.resolution.adoption.date,
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
	/** Per member: the whole import (comparison and lineage), and the lineage update alone, in ms. */
	readonly perMember: readonly number[];
	readonly lineagePerMember: readonly number[];
	readonly appendMs: readonly number[];
	readonly middleMs: readonly number[];
	readonly rebuildMs: readonly number[];
	readonly clauses: number;
	readonly latency: Record<string, { p50: number; p99: number }>;
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
	const start = performance.now();
	await fn();
	return performance.now() - start;
}

async function run(driver: string, open: () => Promise<TestDatabase>): Promise<Row> {
	const test = await open();
	const handle: DbHandle = test.handle;
	const ctx = { db: handle.db, memory: new MemoryCache() };
	try {
		await syncManifest(handle.db, { series: [series] });
		t0 = performance.now();
		const perMember: number[] = [];
		const lineagePerMember: number[] = [];
		// The first members in one batch (one lineage build at the end), unless all are timed.
		const bulk = Math.max(0, MEMBERS - TIMED);
		if (bulk > 0) {
			await importMany(
				ctx,
				sources.slice(0, bulk).map((_, k) => String(k)),
				async (k) => sources[Number(k)] as ImportSource,
				{
					onProgress: (done, total) => {
						if (done % 200 === 0 || done === total)
							process.stdout.write(
								`  ${driver}: ${done}/${total} imported in a batch after ${((performance.now() - t0) / 1000).toFixed(1)} s\n`,
							);
					},
				},
			);
		}
		// Then each member as a user adds a year: stored, compared with the one before, lineage extended.
		for (const [k, source] of sources.slice(0, MEMBERS).entries()) {
			if (k < bulk) continue;
			const start = performance.now();
			await importResolution(handle.db, source);
			const lineageStart = performance.now();
			await updateLineage(handle.db, SERIES);
			const end = performance.now();
			perMember.push(end - start);
			lineagePerMember.push(end - lineageStart);
			if ((k + 1) % 100 === 0 || k + 1 === MEMBERS)
				process.stdout.write(
					`  ${driver}: ${k + 1}/${MEMBERS} imported after ${((end - t0) / 1000).toFixed(1)} s\n`,
				);
		}
		const importSeconds = (performance.now() - t0) / 1000;

		// Incremental against full, in the same run: the appended member's update, then the same
		// update again (its order forgotten) for more samples; a member in the middle; full rebuilds.
		const appendMs: number[] = [];
		const last = sources[MEMBERS] as ImportSource;
		await importResolution(handle.db, last);
		appendMs.push(await timed(() => updateLineage(handle.db, SERIES)));
		const lastRow = await findResolutionRow(handle.db, last.resolution.symbol ?? "");
		const middleRow = await findResolutionRow(
			handle.db,
			sources[Math.floor(MEMBERS / 2)]?.resolution.symbol ?? "",
		);
		for (let i = 0; i < 9 && lastRow; i++) {
			await invalidateLineageFrom(handle.db, SERIES, lastRow.id);
			appendMs.push(await timed(() => updateLineage(handle.db, SERIES)));
		}
		const middleMs: number[] = [];
		for (let i = 0; i < REBUILDS && middleRow; i++) {
			await invalidateLineageFrom(handle.db, SERIES, middleRow.id);
			middleMs.push(await timed(() => updateLineage(handle.db, SERIES)));
		}
		const rebuildMs: number[] = [];
		for (let i = 0; i < REBUILDS; i++)
			rebuildMs.push(await timed(() => rebuildLineage(handle.db, SERIES)));
		const clauses = (await getLineage(ctx, SERIES, {}, { size: 1 })).page?.clauses ?? 0;

		const rng = createRng(7);
		const store: BenchStore = {
			ctx,
			seriesId: SERIES,
			symbols: sources.map((s) => s.resolution.symbol ?? ""),
			resolutions: sources.map((s) => s.resolution),
			phrases: years.flatMap((y) =>
				y.resolution.paragraphs.slice(0, 3).map((p) => p.body.split(" ").slice(2, 7).join(" ")),
			),
			clauses,
			rng,
			pick: (items) => items[rng.int(0, items.length - 1)] as (typeof items)[number],
		};
		const latency: Row["latency"] = {};
		for (const q of QUERIES) {
			for (let i = 0; i < 20; i++) await q.run(store);
			const times: number[] = [];
			for (let i = 0; i < QUERIES_PER_CASE; i++) times.push(await timed(() => q.run(store)));
			latency[q.name] = { p50: percentile(times, 50), p99: percentile(times, 99) };
		}
		return {
			driver,
			importSeconds,
			perMember,
			lineagePerMember,
			appendMs,
			middleMs,
			rebuildMs,
			clauses,
			latency,
		};
	} finally {
		await test.dispose();
	}
}

const rows: Row[] = [];
if (DRIVERS.includes("pglite"))
	rows.push(
		await run("PGlite", async () =>
			freshPglite(join(await mkdtemp(join(tmpdir(), "resdiff-bench-db-")), "data")),
		),
	);
const serverUrl = process.env.DATABASE_URL;
if (serverUrl && DRIVERS.includes("postgres"))
	rows.push(await run("PostgreSQL", () => freshPostgres(serverUrl)));
else if (!serverUrl)
	console.log(
		"notice: DATABASE_URL is not set; PostgreSQL skipped (set it to a server where a database may be created)",
	);

console.log(
	`\nImporting members one at a time (${Math.min(TIMED, MEMBERS)} of ${MEMBERS}, the last ones; each: stored, compared with the member before, lineage updated)\n${formatTable(
		[
			"driver",
			"all imports s",
			"per member p50",
			"p99",
			"mean",
			"lineage p50",
			"lineage p99",
			"clauses",
		],
		rows.map((r) => [
			r.driver,
			r.importSeconds.toFixed(1),
			ms(percentile(r.perMember, 50)),
			ms(percentile(r.perMember, 99)),
			ms(mean(r.perMember)),
			ms(percentile(r.lineagePerMember, 50)),
			ms(percentile(r.lineagePerMember, 99)),
			r.clauses,
		]),
	)}\n`,
);
console.log(
	`Lineage after member ${MEMBERS + 1} is appended: incremental update against a full rebuild (medians)\n${formatTable(
		["driver", "append one", "from the middle", "full rebuild", "append / full"],
		rows.map((r) => [
			r.driver,
			ms(median(r.appendMs)),
			ms(median(r.middleMs)),
			ms(median(r.rebuildMs)),
			ratio(median(r.appendMs) / median(r.rebuildMs)),
		]),
	)}\n`,
);
const names = QUERIES.map((q) => q.name);
console.log(
	formatTable(
		["query", ...rows.flatMap((r) => [`${r.driver} p50`, `${r.driver} p99`])],
		names.map((n) => [
			n,
			...rows.flatMap((r) => [
				ms(r.latency[n]?.p50 ?? Number.NaN),
				ms(r.latency[n]?.p99 ?? Number.NaN),
			]),
		]),
	),
);
const pg = rows.find((r) => r.driver === "PostgreSQL");
if (pg) {
	const worst = Math.max(...Object.values(pg.latency).map((l) => l.p99));
	console.log(
		`\ntargets on PostgreSQL: an incremental import of one member under 2 s including lineage (p99 ${ms(percentile(pg.perMember, 99))}); each query p99 under 50 ms (worst ${ms(worst)})`,
	);
}
console.log(`load average at the end ${load()}`);
