/**
 * The phrase-level new language reads only a member's own rows; its wholly
 * new paragraphs must still be exactly those the series-level view (read from
 * the lineage) lists, and its reworded ones exactly the paragraphs with a new
 * span that are not wholly new, for every real Mali member (read at run time
 * from RESDIFF_REAL_SERIES, skipped visibly without it).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readSpans } from "../../src/db/queries/provenance.ts";
import { findResolutionRow } from "../../src/db/queries/resolutions.ts";
import { syncManifest } from "../../src/db/queries/series.ts";
import { loadManifest } from "../../src/ingest/corpus.ts";
import { getPhraseNewLanguage } from "../../src/services/provenance.ts";
import { getNewLanguage, getSeries } from "../../src/services/series.ts";
import { importRealSeries } from "../browser/seed-real.ts";
import { freshPglite, type TestDatabase } from "../helpers/db.ts";
import { corpusDir, realSeriesDir } from "../helpers/paths.ts";

const dir = realSeriesDir("phrase-level new language against the series-level view");

describe.skipIf(!dir)("phrase-level new language of every real Mali member", () => {
	let test: TestDatabase;
	const ctx = () => ({ db: test.handle.db });

	beforeAll(async () => {
		test = await freshPglite();
		await syncManifest(test.handle.db, await loadManifest(corpusDir));
		await importRealSeries(ctx(), dir ?? "", []);
	});
	afterAll(async () => {
		await test?.dispose();
	});

	it("lists the lineage's new paragraphs as wholly new and the rest with a new span as reworded", async () => {
		const members = (await getSeries(ctx(), "mali-hrc")).members.filter((m) => m.present);
		expect(members.length).toBeGreaterThan(5);
		let reworded = 0;
		for (const { symbol } of members) {
			for (const kind of [undefined, "preambular", "operative"] as const) {
				const phrase = await getPhraseNewLanguage(ctx(), "mali-hrc", symbol, kind);
				const whole = await getNewLanguage(ctx(), "mali-hrc", symbol, kind);
				const refs = (ps: readonly { ref: string }[]) => ps.map((p) => p.ref);
				expect(phrase.member).toEqual(whole.member);
				expect(refs(phrase.preambular)).toEqual(refs(whole.preambular));
				expect(refs(phrase.operative)).toEqual(refs(whole.operative));
				const row = await findResolutionRow(test.handle.db, symbol);
				const wholly = new Set(refs([...whole.preambular, ...whole.operative]));
				const fresh = (await readSpans(test.handle.db, row?.id ?? -1, { onlyFresh: true }))
					.map((s) => s.ref)
					.filter((ref) => !wholly.has(ref));
				const listed = refs([...phrase.reworded.preambular, ...phrase.reworded.operative]);
				const byKind = (ref: string) =>
					kind === undefined || ref.startsWith(kind === "preambular" ? "PP" : "OP");
				expect(new Set(listed)).toEqual(new Set(fresh.filter(byKind)));
				reworded += listed.length;
			}
		}
		// The real series rewords paragraphs from year to year: the comparison above is not vacuous.
		expect(reworded).toBeGreaterThan(0);
	});
});
