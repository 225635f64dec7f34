/**
 * Phrase provenance in storage, run once per driver: spans computed at
 * import agree with the pure core, importing out of order recomputes the
 * later members, and wording borrowed from another series names it. Reads
 * the real series at run time (skipped visibly without them).
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { paragraphText } from "../../src/core/model.ts";
import { earlierLanguage, paragraphSpans } from "../../src/core/novelty/index.ts";
import { importResolution } from "../../src/db/queries/import.ts";
import { readSpans, type StoredSpans } from "../../src/db/queries/provenance.ts";
import { findResolutionRow } from "../../src/db/queries/resolutions.ts";
import { syncManifest } from "../../src/db/queries/series.ts";
import type { Db } from "../../src/db/types.ts";
import { loadManifest } from "../../src/ingest/corpus.ts";
import {
	BORROWED_FROM,
	BORROWED_REF,
	BORROWING_SYMBOL,
	borrowingSource,
	realSource,
} from "../helpers/borrowing-member.ts";
import type { TestDatabase } from "../helpers/db.ts";
import { corpusDir } from "../helpers/paths.ts";
import { loadRealMembers, loadRealSeries } from "../helpers/real-series.ts";

const maliDir = process.env.RESDIFF_REAL_SERIES ?? "";
const somaliaDir = process.env.RESDIFF_REAL_SERIES_SOMALIA ?? "";
const available =
	existsSync(join(maliDir, "A-HRC-RES-37-39.json")) &&
	existsSync(join(somaliaDir, "A-HRC-RES-36-27.json"));

async function spansOf(db: Db, symbol: string): Promise<StoredSpans[]> {
	const row = await findResolutionRow(db, symbol);
	if (!row) throw new Error(`${symbol} is not stored`);
	return readSpans(db, row.id);
}

export function provenanceSuite(label: string, open: () => Promise<TestDatabase>): void {
	if (!available)
		console.warn(
			`\n[notice] phrase provenance on ${label}: skipped, set RESDIFF_REAL_SERIES and RESDIFF_REAL_SERIES_SOMALIA\n`,
		);
	describe.skipIf(!available)(`phrase provenance on ${label}`, () => {
		let test: TestDatabase;
		let db: Db;
		const mali = available ? loadRealMembers(maliDir) : [];
		const somalia = available ? loadRealMembers(somaliaDir) : [];
		const importMali = async (symbols: readonly string[]) => {
			for (const s of symbols) {
				const m = mali.find((x) => x.symbol === s);
				if (!m) throw new Error(`no real member ${s}`);
				await importResolution(db, realSource(m), { seriesId: "mali-hrc" });
			}
		};

		beforeAll(async () => {
			test = await open();
			db = test.handle.db;
			await syncManifest(db, await loadManifest(corpusDir));
		});
		afterAll(async () => {
			await test?.dispose();
		});

		it("stores at import the spans the pure core gives, out of order too", async () => {
			// 37/39 first, then the members before it: each later import recomputes what it changes in 37/39.
			const symbols = mali.map((m) => m.symbol);
			await importMali(["A/HRC/RES/37/39", ...symbols.filter((s) => s !== "A/HRC/RES/37/39")]);
			const series = loadRealSeries(maliDir).map((r) => ({
				symbol: r.symbol ?? "?",
				date: r.adoption.date,
				paragraphs: r.paragraphs.map((p) => ({ ref: p.ref, text: paragraphText(p) })),
			}));
			const at = series.findIndex((m) => m.symbol === "A/HRC/RES/37/39");
			const index = earlierLanguage(series.slice(0, at));
			const stored = await spansOf(db, "A/HRC/RES/37/39");
			expect(stored.map((s) => s.ref)).toEqual(series[at]?.paragraphs.map((p) => p.ref));
			for (const p of series[at]?.paragraphs ?? []) {
				const mine = stored.find((s) => s.ref === p.ref);
				const core = paragraphSpans(p.text, index);
				expect(
					mine?.spans.map((s) => [s.text, s.status, s.source]),
					p.ref,
				).toEqual(core.map((s) => [s.text, s.status, s.source]));
				expect(
					mine?.spans.map((s) => s.first?.symbol ?? null),
					p.ref,
				).toEqual(core.map((s) => s.first?.symbol ?? null));
			}
			const op1 = stored.find((s) => s.ref === "OP1");
			expect(op1?.fresh).toBe(true);
			expect(
				op1?.spans.find((s) => s.status === "new" && s.text.includes("itinerant traders")),
			).toBeDefined();
			expect(op1?.spans[0]?.source).toEqual({ symbol: "A/HRC/RES/34/39", ref: "OP1" });
		});

		it("names the Somalia resolution as first for wording a synthetic Mali member borrowed from it", async () => {
			const first = somalia.find((m) => m.symbol === BORROWED_FROM);
			if (!first) throw new Error("36/27 missing");
			await importResolution(db, realSource(first), { seriesId: null });
			const { source, borrowed } = borrowingSource(maliDir, somaliaDir);
			expect(source.resolution.title).toMatch(/^Synthetic test member/);
			await importResolution(db, source, { seriesId: "mali-hrc" });
			const stored = await spansOf(db, BORROWING_SYMBOL);
			const paragraph = stored.find((s) =>
				s.spans
					.map((x) => x.text)
					.join("")
					.includes(borrowed.slice(0, 60)),
			);
			const span = paragraph?.spans.find((s) => s.status === "new");
			expect(span?.first).toEqual({ symbol: BORROWED_FROM, ref: BORROWED_REF });
			// Its Mali wording still names the Mali members.
			const op1 = stored.find((s) => s.ref === "OP1");
			expect(op1?.spans[0]?.source).toEqual({ symbol: "A/HRC/RES/37/39", ref: "OP1" });
		});

		it("recomputes a member whose wording a resolution imported after it first used, and again when that text is replaced", async () => {
			await db.execute(
				sql`delete from resolutions where symbol in (${BORROWED_FROM}, ${BORROWING_SYMBOL})`,
			);
			const { source, borrowed } = borrowingSource(maliDir, somaliaDir);
			const borrowedSpan = async () => {
				const stored = await spansOf(db, BORROWING_SYMBOL);
				const p = stored.find((s) =>
					s.spans
						.map((x) => x.text)
						.join("")
						.includes(borrowed.slice(0, 60)),
				);
				return p?.spans.find((s) => s.status === "new");
			};
			await importResolution(db, source, { seriesId: "mali-hrc" });
			expect((await borrowedSpan())?.first).toBeNull();
			const first = somalia.find((m) => m.symbol === BORROWED_FROM);
			if (!first) throw new Error("36/27 missing");
			await importResolution(db, realSource(first), { seriesId: null });
			expect((await borrowedSpan())?.first).toEqual({ symbol: BORROWED_FROM, ref: BORROWED_REF });

			// 36/27 replaced by a text that shares no wording with any Mali member (a synthetic one-paragraph
			// stand-in, never shown as the resolution): the later member no longer names it, though
			// nothing in the new text would lead the import to that member.
			const original = realSource(first);
			const kept = original.resolution.paragraphs[0];
			if (!kept) throw new Error("36/27 has no paragraphs");
			const without = {
				resolution: {
					...original.resolution,
					paragraphs: [
						{
							...kept,
							lead: "Notes",
							lemma: "note",
							body: "synthetic stand-in wording about orchards, lighthouses and tidal almanacs",
							subparagraphs: [],
							footnotes: [],
						},
					],
				},
				source: { name: "synthetic stand-in for 36/27", sha256: "0".repeat(64) },
			};
			await importResolution(db, without, { seriesId: null, replace: true });
			expect((await borrowedSpan())?.first).toBeNull();
		});
	});
}
