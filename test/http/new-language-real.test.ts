/**
 * The phrase-level new language of 37/39 through the API, with the real
 * members before it stored (read at run time from RESDIFF_REAL_SERIES,
 * skipped visibly without it).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/app.ts";
import { syncManifest } from "../../src/db/queries/series.ts";
import { loadManifest } from "../../src/ingest/corpus.ts";
import { importRealSeries } from "../browser/seed-real.ts";
import { freshPglite, type TestDatabase } from "../helpers/db.ts";
import { corpusDir, realSeriesDir } from "../helpers/paths.ts";

const dir = realSeriesDir("phrase-level new language of 37/39 over the API");

interface Spanned {
	ref: string;
	spans: { text: string; status: string; source: { symbol: string; ref: string } | null }[];
}

describe.skipIf(!dir)("37/39's new language with 34/39 stored", () => {
	let test: TestDatabase;
	const call = (path: string) =>
		buildApp({ services: () => ({ db: test.handle.db }) }).request(path);

	beforeAll(async () => {
		test = await freshPglite();
		await syncManifest(test.handle.db, await loadManifest(corpusDir));
		await importRealSeries({ db: test.handle.db }, dir ?? "", []);
	});
	afterAll(async () => {
		await test?.dispose();
	});

	it("lists OP1 and OP8 as reworded, with their new spans and the sources of the rest", async () => {
		const body = (await (await call("/api/series/mali-hrc/new-language?member=37-39")).json()) as {
			operative: Spanned[];
			reworded: { operative: Spanned[] };
		};
		const reworded = new Map(body.reworded.operative.map((p) => [p.ref, p]));
		const fresh = (ref: string) =>
			reworded
				.get(ref)
				?.spans.filter((s) => s.status === "new")
				.map((s) => s.text)
				.join(" | ");
		expect(fresh("OP1")).toMatch(/fatal attacks committed in 2018 against itinerant traders/);
		expect(fresh("OP8")).toMatch(/found an individual guilty/);
		expect(reworded.get("OP1")?.spans[0]?.source).toEqual({
			symbol: "A/HRC/RES/34/39",
			ref: "OP1",
		});
		// Wholly new paragraphs are not repeated among the reworded ones.
		for (const p of body.operative) expect(reworded.has(p.ref)).toBe(false);
	});

	it("annotates 37/39 as a delegate would: amended with what is new, or copied", async () => {
		const body = (await (await call("/api/resolutions/37-39/sources")).json()) as {
			paragraphs: { paragraph: { ref: string }; note: { text: string } }[];
		};
		const notes = new Map(body.paragraphs.map((p) => [p.paragraph.ref, p.note.text]));
		expect(notes.get("OP1")).toMatch(
			/^from 34\/39 OP1.*, amended; new: .*“fatal attacks committed in 2018 against itinerant traders”/,
		);
		expect(notes.get("PP2")).toBe("from 34/39 PP2");
	});
});
