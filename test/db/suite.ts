/**
 * The storage suite, run once per driver (PGlite always, PostgreSQL when
 * DATABASE_URL is set): schema and migrations, import, stored comparisons,
 * lineage, new language, search, and what happens when things go wrong.
 */

import { sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compare } from "../../src/core/diff/index.ts";
import { InvalidInputError, LimitError, NotFoundError, ParseError } from "../../src/core/errors.ts";
import { lineage, newLanguage } from "../../src/core/lineage/index.ts";
import { parseResolution } from "../../src/core/parse/index.ts";
import { ConflictError } from "../../src/db/errors.ts";
import { type ImportSource, importResolution } from "../../src/db/queries/import.ts";
import { readLineage } from "../../src/db/queries/lineage.ts";
import { storedFingerprints } from "../../src/db/queries/resolutions.ts";
import { syncManifest } from "../../src/db/queries/series.ts";
import type { DbHandle } from "../../src/db/types.ts";
import { MemoryCache } from "../../src/services/cache.ts";
import { importCorpus } from "../../src/services/corpus.ts";
import { importMany, importOne } from "../../src/services/import.ts";
import { freshDiff, getDiff, getResolution, search } from "../../src/services/resolutions.ts";
import { decide, decisionsOn } from "../../src/services/review.ts";
import { getLineage, getNewLanguage, getSeries, listSeries } from "../../src/services/series.ts";
import type { TestDatabase } from "../helpers/db.ts";
import { MALI_MEMBERS } from "../helpers/mali-members.ts";
import { corpusDir } from "../helpers/paths.ts";
import {
	SYNTHETIC_SERIES,
	syntheticManifest,
	syntheticSource,
	syntheticTexts,
} from "../helpers/synthetic-series.ts";
import { incrementalLineageSuite } from "./lineage-suite.ts";

async function count(handle: DbHandle, table: string): Promise<number> {
	const result = await handle.db.execute(sql.raw(`select count(*)::int as n from ${table}`));
	const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as {
		n: number;
	}[];
	return Number(rows[0]?.n ?? -1);
}

async function tableCounts(handle: DbHandle): Promise<Record<string, number>> {
	const out: Record<string, number> = {};
	for (const t of [
		"resolutions",
		"paragraphs",
		"comparisons",
		"alignments",
		"clauses",
		"clause_cells",
	])
		out[t] = await count(handle, t);
	return out;
}

/**
 * Returns once some session of the database at `url` is waiting for a lock
 * another holds, as seen from a connection of its own. Each look is a round
 * trip to the server, so this waits on the server's progress, not on a clock.
 */
async function untilWaitingOnLock(url: string): Promise<void> {
	const observer = postgres(url, { max: 1, onnotice: () => {} });
	try {
		for (let look = 0; look < 10_000; look++) {
			const [row] =
				await observer`select count(*)::int as n from pg_locks where not granted and database = (select oid from pg_database where datname = current_database())`;
			if (Number(row?.n) > 0) return;
		}
		throw new Error("the second import never waited for the first");
	} finally {
		await observer.end();
	}
}

export function databaseSuite(label: string, open: () => Promise<TestDatabase>): void {
	incrementalLineageSuite(label, open);
	describe(`storage on ${label}`, () => {
		let test: TestDatabase;
		let handle: DbHandle;
		const ctx = () => ({ db: handle.db });

		beforeAll(async () => {
			test = await open();
			handle = test.handle;
			await syncManifest(handle.db, syntheticManifest);
		});
		afterAll(async () => {
			await test?.dispose();
		});

		it("has the schema, with pg_trgm enabled", async () => {
			const ext = await handle.db.execute(
				sql`select extname from pg_extension where extname = 'pg_trgm'`,
			);
			const rows = Array.isArray(ext) ? ext : (ext as { rows: unknown[] }).rows;
			expect(rows).toHaveLength(1);
			expect(await tableCounts(handle)).toEqual({
				resolutions: 0,
				paragraphs: 0,
				comparisons: 0,
				alignments: 0,
				clauses: 0,
				clause_cells: 0,
			});
		});

		it("imports the corpus folder, and a second import changes nothing", async () => {
			const first = await importCorpus(ctx(), corpusDir);
			expect(first.map((r) => (r.ok ? r.outcome.status : r.error))).toEqual(["imported"]);
			const stored = await getResolution(ctx(), "37-39");
			expect(stored.resolution.paragraphs).toHaveLength(53);
			expect(stored.seriesId).toBe("mali-hrc");
			expect(stored.source.address).toBe(
				"https://documents.un.org/api/symbol/access?s=A/HRC/RES/37/39&l=en&t=docx",
			);
			const before = await tableCounts(handle);
			expect(await importCorpus(ctx(), corpusDir)).toEqual([]);
			expect(await tableCounts(handle)).toEqual(before);
			const series = await getSeries(ctx(), "mali-hrc");
			expect(series.members.map((m) => [m.number, m.present])).toEqual(
				MALI_MEMBERS.map((n) => [n, n === "37/39"]),
			);
			expect((await listSeries(ctx())).map((s) => s.id)).toEqual(["mali-hrc", SYNTHETIC_SERIES]);
		});

		it("stores what the parser read, so a stored resolution equals a parsed one", async () => {
			const source = syntheticSource(1);
			await importOne(ctx(), source);
			expect((await getResolution(ctx(), "99/1")).resolution).toEqual(source.resolution);
		});

		it("fingerprints what is stored, so a comparison made anew reads a member again only when it changed", async () => {
			const symbol = "A/HRC/RES/99/1";
			const first = await storedFingerprints(handle.db, [symbol, "A/HRC/RES/1/1"]);
			expect([...first.keys()]).toEqual([symbol]);
			expect(await storedFingerprints(handle.db, [symbol])).toEqual(first);
			const memory = new MemoryCache();
			const fresh = () => freshDiff({ db: handle.db, memory }, "37-39", "99-1", { kind: "diff" });
			await fresh();
			const kept = memory.fingerprinted.get(symbol)?.member;
			expect(kept?.resolution.paragraphs.length).toBeGreaterThan(0);
			await fresh();
			expect(memory.fingerprinted.get(symbol)?.member).toBe(kept);
			// Edited behind the service's back: another fingerprint, and the member read again.
			const edit = (lead: string) =>
				handle.db.execute(
					sql`update paragraphs set lead = ${lead} where ref = 'OP1' and resolution_id = (select id from resolutions where symbol = ${symbol})`,
				);
			const lead = kept?.resolution.paragraphs.find((p) => p.ref === "OP1")?.lead ?? "";
			await edit("Calls upon");
			expect(await storedFingerprints(handle.db, [symbol])).not.toEqual(first);
			const { result } = await fresh();
			const reread = memory.fingerprinted.get(symbol)?.member;
			expect(reread).not.toBe(kept);
			expect(reread?.resolution.paragraphs.find((p) => p.ref === "OP1")?.lead).toBe("Calls upon");
			expect(result.kind === "diff" && result.diff.to.symbol).toBe(symbol);
			await edit(lead);
		});

		it("refuses a changed text for a stored symbol unless asked to replace it", async () => {
			const changed: ImportSource = {
				resolution: { ...syntheticSource(1).resolution, title: "Synthetic test member 1, revised" },
				source: { name: "revised.txt", sha256: "f".repeat(64) },
			};
			await expect(importOne(ctx(), changed)).rejects.toThrow(ConflictError);
			await expect(importOne(ctx(), changed)).rejects.toThrow(
				/already stored from synthetic-99-1\.txt .* --replace/,
			);
			expect((await importOne(ctx(), changed, { replace: true })).status).toBe("replaced");
			expect((await getResolution(ctx(), "99/1")).resolution.title).toBe(
				"Synthetic test member 1, revised",
			);
			expect((await importOne(ctx(), syntheticSource(1), { replace: true })).status).toBe(
				"replaced",
			);
		});

		it("compares each member with its neighbours on import, and again when one is inserted between them", async () => {
			await importOne(ctx(), syntheticSource(3));
			const direct = await getDiff(ctx(), "99/1", "99/3");
			expect(direct.stored).toBe(true);
			expect(direct.diff).toEqual(
				compare(syntheticSource(1).resolution, syntheticSource(3).resolution),
			);
			// 99/2 goes between them: 99/1 -> 99/2 and 99/2 -> 99/3 become the consecutive pairs.
			await importOne(ctx(), syntheticSource(2));
			const lin = await getLineage(ctx(), SYNTHETIC_SERIES);
			expect(lin.members.map((m) => m.symbol)).toEqual([
				"A/HRC/RES/99/1",
				"A/HRC/RES/99/2",
				"A/HRC/RES/99/3",
			]);
			expect(lin.pairs.map((p) => `${p.from.symbol} -> ${p.to.symbol}`)).toEqual([
				"A/HRC/RES/99/1 -> A/HRC/RES/99/2",
				"A/HRC/RES/99/2 -> A/HRC/RES/99/3",
			]);
			const series = [1, 2, 3].map((k) => syntheticSource(k).resolution);
			expect(lin).toEqual(lineage(series));
			for (const [a, b] of [
				["99/1", "99/2"],
				["99/2", "99/3"],
			] as const) {
				const stored = await getDiff(ctx(), a, b);
				expect(stored.stored).toBe(true);
			}
		});

		it("computes any other pair on request and keeps it", async () => {
			const [a, b] = [syntheticSource(3).resolution, syntheticSource(1).resolution];
			const first = await getDiff(ctx(), "A/HRC/RES/99/3", "99-1");
			expect(first.stored).toBe(false);
			expect(first.diff).toEqual(compare(a, b));
			const again = await getDiff(ctx(), "99/3", "99/1");
			expect(again).toEqual({ ...first, stored: true });
		});

		it("answers new language with a query that agrees with the engine", async () => {
			const series = [1, 2, 3].map((k) => syntheticSource(k).resolution);
			for (const k of [0, 1, 2]) {
				const stored = await getNewLanguage(ctx(), SYNTHETIC_SERIES, `99/${k + 1}`);
				expect(stored).toEqual(newLanguage(series, k));
			}
			const only = await getNewLanguage(ctx(), SYNTHETIC_SERIES, "99/3", "operative");
			expect(only.operative.map((p) => p.ref)).toEqual(["OP33"]);
			expect(only.preambular).toEqual([]);
		});

		it("finds where a phrase appears, with the member where its language first appeared", async () => {
			const hits = await search(ctx(), "regular consultations with women’s organizations");
			expect(hits.map((h) => [h.symbol, h.paragraph.ref, h.exact, h.firstAppeared])).toEqual([
				["A/HRC/RES/99/3", "OP4", true, "A/HRC/RES/99/2"],
				["A/HRC/RES/99/2", "OP4", true, "A/HRC/RES/99/2"],
			]);
			const near = await search(ctx(), "regular consultation with women organisations");
			expect(near.length).toBeGreaterThan(0);
			expect(near[0]).toMatchObject({ exact: false, paragraph: { ref: "OP4" } });
			expect(near[0]?.score).toBeGreaterThanOrEqual(0.6);
		});

		it("keeps SQL metacharacters and long strings inert", async () => {
			const before = await tableCounts(handle);
			for (const phrase of [
				"'; drop table paragraphs; --",
				"%",
				"_%_",
				"\\",
				"' or '1'='1",
				"$1",
				"\u0000x",
			]) {
				const hits = await search(ctx(), phrase);
				// An exact hit holds the phrase literally; a near one is only trigram-close.
				for (const h of hits) {
					if (h.exact) expect(h.paragraph.body.toLowerCase()).toContain(phrase.toLowerCase());
					else expect(h.score).toBeGreaterThanOrEqual(0.6);
				}
			}
			// As LIKE wildcards these would match every paragraph; as text they match none.
			expect(await search(ctx(), "%%%")).toEqual([]);
			expect(await search(ctx(), "___")).toEqual([]);
			await expect(search(ctx(), "   ")).rejects.toThrow(InvalidInputError);
			await expect(search(ctx(), "a".repeat(501))).rejects.toThrow(LimitError);
			await expect(getResolution(ctx(), "'; drop table resolutions; --")).rejects.toThrow(
				NotFoundError,
			);
			await expect(getResolution(ctx(), "x".repeat(10_000))).rejects.toThrow(NotFoundError);
			await expect(getLineage(ctx(), "mali'--")).rejects.toThrow(
				/unknown series "mali'--"; known: mali-hrc, synthetic-test/,
			);
			expect(await tableCounts(handle)).toEqual(before);
		});

		it("says clearly when a symbol is not stored, listing those that are", async () => {
			const e = await getResolution(ctx(), "12/34").catch((x: unknown) => x);
			expect(e).toBeInstanceOf(NotFoundError);
			expect((e as NotFoundError).known).toContain("A/HRC/RES/37/39");
			expect((e as Error).message).toMatch(/^no stored resolution A\/HRC\/RES\/12\/34; stored: /);
		});

		it("leaves no trace of an import that fails half-way", async () => {
			const before = await tableCounts(handle);
			const source = {
				...syntheticSource(1),
				source: { name: "failing.txt", sha256: "0".repeat(64) },
			};
			const renamed = { ...source, resolution: { ...source.resolution, symbol: "A/HRC/RES/99/9" } };
			await expect(
				importResolution(handle.db, renamed, {
					seriesId: SYNTHETIC_SERIES,
					afterParagraphs: async (tx) => {
						// The paragraphs are written at this point...
						const n = await tx.execute(sql`select count(*)::int as n from paragraphs`);
						const rows = (Array.isArray(n) ? n : (n as { rows: unknown[] }).rows) as {
							n: number;
						}[];
						expect(Number(rows[0]?.n)).toBe((before.paragraphs ?? 0) + 53);
						throw new Error("injected failure");
					},
				}),
			).rejects.toThrow("injected failure");
			expect(await tableCounts(handle)).toEqual(before);
			await expect(getResolution(ctx(), "99/9")).rejects.toThrow(NotFoundError);
		});

		it("reports a file that fails to parse by name and line, and imports the others", async () => {
			const sources: Record<string, ImportSource | Error> = {
				"broken.txt": new ParseError(
					"no-operative",
					"no operative paragraphs found",
					3,
					"broken.txt",
				),
				"good.txt": {
					...syntheticSource(1),
					resolution: { ...syntheticSource(1).resolution, symbol: "A/HRC/RES/99/8" },
				},
			};
			const reports = await importMany(ctx(), Object.keys(sources), async (name) => {
				const s = sources[name];
				if (s instanceof Error) throw s;
				if (!s) throw new Error("no such source");
				return s;
			});
			expect(
				reports.map((r) => (r.ok ? `${r.name}: ${r.outcome.status}` : `${r.name}: ${r.error}`)),
			).toEqual(["broken.txt: broken.txt:3: no operative paragraphs found", "good.txt: imported"]);
		});

		it("keeps one copy when the same file is imported twice at once", async () => {
			const source: ImportSource = {
				resolution: { ...syntheticSource(2).resolution, symbol: "A/HRC/RES/99/7" },
				source: { name: "twice.txt", sha256: "7".repeat(64) },
			};
			let outcomes: { status: string }[];
			if (test.url === null) {
				// PGlite has one connection: the two imports can only take turns.
				outcomes = await Promise.all([importOne(ctx(), source), importOne(ctx(), source)]);
			} else {
				// PostgreSQL: the second import starts while the first holds its transaction open
				// with the paragraphs written, and must wait for it rather than write a second copy.
				let entered = () => {};
				const inside = new Promise<void>((r) => {
					entered = r;
				});
				let release = () => {};
				const gate = new Promise<void>((r) => {
					release = r;
				});
				const first = importOne(ctx(), source, {
					afterParagraphs: async () => {
						entered();
						await gate;
					},
				});
				await inside;
				const second = importOne(ctx(), source);
				await untilWaitingOnLock(test.url);
				release();
				outcomes = await Promise.all([first, second]);
			}
			expect(outcomes.map((o) => o.status).sort()).toEqual(["imported", "unchanged"]);
			expect(await count(handle, "resolutions where symbol = 'A/HRC/RES/99/7'")).toBe(1);
			expect(
				await count(
					handle,
					"paragraphs p join resolutions r on r.id = p.resolution_id where r.symbol = 'A/HRC/RES/99/7'",
				),
			).toBe(53);
		});

		it("keeps a reviewer's decision while both texts stay, and drops and reports it when one changes", async () => {
			const made = await decide(ctx(), "99/2", "99/3", {
				action: "unpair",
				from: ["OP1"],
				to: ["OP1"],
				note: "test",
			});
			expect(made.decision).toMatchObject({
				action: "unpair",
				old: ["OP1"],
				new: ["OP1"],
				holds: true,
			});
			const outcome = (d: Awaited<ReturnType<typeof getDiff>>, side: "from" | "to") =>
				d.diff.changes.find(
					(c) => c[side].length === 1 && c[side][0]?.ref === "OP1" && c.decidedBy === "reviewer",
				);
			const unpaired = await getDiff(ctx(), "99/2", "99/3");
			expect(unpaired.stored).toBe(true);
			expect(outcome(unpaired, "from")?.status).toBe("removed");
			expect(outcome(unpaired, "to")?.status).toBe("new");
			// Lineage follows: 99/3's OP1 starts a clause of its own.
			const lin = await getLineage(ctx(), SYNTHETIC_SERIES);
			const clause = lin.clauses.find((c) => c.cells[2]?.ref === "OP1");
			expect(clause?.cells[1]).toBeNull();

			// The same text imported again changes nothing, and the decision holds.
			expect((await importOne(ctx(), syntheticSource(3))).status).toBe("unchanged");
			expect((await decisionsOn(ctx(), "99/2", "99/3")).map((d) => d.holds)).toEqual([true]);

			// A changed text drops it, and the import says so.
			const revised: ImportSource = {
				resolution: { ...syntheticSource(3).resolution, title: "Synthetic test member 3, revised" },
				source: { name: "revised-3.txt", sha256: "e".repeat(64) },
			};
			const replaced = await importOne(ctx(), revised, { replace: true });
			expect(replaced.droppedDecisions).toEqual([
				{
					from: "A/HRC/RES/99/2",
					to: "A/HRC/RES/99/3",
					action: "unpair",
					old: ["OP1"],
					new: ["OP1"],
				},
			]);
			expect(await decisionsOn(ctx(), "99/2", "99/3")).toEqual([]);
			const engine = await getDiff(ctx(), "99/2", "99/3");
			expect(engine.diff.changes.every((c) => c.decidedBy === "engine")).toBe(true);
			await importOne(ctx(), syntheticSource(3), { replace: true });
		});

		it("rebuilds lineage as a query-ready table when members change", async () => {
			/** A clause as one line: its cells ("-" where no paragraph carries it), then since when. */
			const rows = async () => {
				const stored = await readLineage(handle.db, SYNTHETIC_SERIES);
				expect(await count(handle, "clauses where series_id = 'synthetic-test'")).toBe(
					stored.clauses.length,
				);
				return stored.clauses.map((c) => {
					const cells = c.cells.map((x) =>
						x === null
							? "-"
							: `${x.ref}:${x.status}${x.shift && x.shift !== "same" ? `/${x.shift}` : ""}${x.routine ? "/routine" : ""}`,
					);
					return `${cells.join(" ")} since ${c.since}`;
				});
			};
			// 99/2 was inserted between 99/1 and 99/3 above. What the synthetic members were made
			// with (test/helpers/synthetic-series.ts): 99/2 drops PP20, strengthens OP7, names the
			// next session in OP27 and OP28 and adds OP4; 99/3 bumps the session again and adds OP33.
			const unchanged = "OP1:new OP1:unchanged OP1:unchanged since A/HRC/RES/99/1";
			const afterInsert = await rows();
			expect(afterInsert).toHaveLength(55);
			expect(afterInsert).toEqual(
				expect.arrayContaining([
					unchanged,
					"PP20:new - - since A/HRC/RES/99/1",
					"- OP4:new OP4:unchanged since A/HRC/RES/99/2",
					"OP7:new OP8:reworded/stronger OP8:unchanged since A/HRC/RES/99/1",
					"OP27:new OP28:reworded/routine OP28:reworded/routine since A/HRC/RES/99/1",
					"OP28:new OP29:reworded/routine OP29:reworded/routine since A/HRC/RES/99/1",
					"- - OP33:new since A/HRC/RES/99/3",
				]),
			);

			// 99/2 replaced by a text that calls upon the authorities rather than urging them.
			const text = syntheticTexts[1] ?? "";
			const calls = text.replace(
				"\tUrges the Malian authorities",
				"\tCalls upon the Malian authorities",
			);
			expect(calls).not.toBe(text);
			const replaced = await importOne(
				ctx(),
				{
					resolution: parseResolution(calls),
					source: { name: "synthetic-99-2-revised.txt", sha256: "c".repeat(64) },
				},
				{ replace: true },
			);
			expect(replaced.status).toBe("replaced");
			const afterReplace = await rows();
			expect(afterReplace).toHaveLength(55);
			expect(afterReplace).toContain(
				"OP7:new OP8:reworded/stronger OP8:reworded/weaker since A/HRC/RES/99/1",
			);
			expect(afterReplace).not.toContain(
				"OP7:new OP8:reworded/stronger OP8:unchanged since A/HRC/RES/99/1",
			);
			expect(afterReplace).toContain(unchanged);
			await importOne(ctx(), syntheticSource(2), { replace: true });
			expect(await rows()).toEqual(afterInsert);
		});
	});
}
