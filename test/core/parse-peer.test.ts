/**
 * A peer's reading of 37/39, segmented independently from the PDF, agrees
 * with ours once the PDF's damage is set aside by the PDF-text reader.
 */
import { describe, expect, it } from "vitest";
import { paragraphText } from "../../src/core/model.ts";
import { parseResolution } from "../../src/core/parse/index.ts";
import { readPdfText } from "../../src/ingest/pdf-text.ts";
import { realSeriesDir, shippedText } from "../helpers/paths.ts";
import { loadRealMembers } from "../helpers/real-series.ts";

const dir = realSeriesDir("peer reading of 37/39");

describe.skipIf(!dir)("the peer's 37/39 agrees with the shipped text", () => {
	const ours = parseResolution(shippedText());
	// Collected even when skipped: read the folder only when it is there.
	const member = dir ? loadRealMembers(dir).find((m) => m.symbol === "A/HRC/RES/37/39") : undefined;
	const theirs = member ? readPdfText(member.text, { symbol: "A/HRC/RES/37/39" }) : ours;

	it("has the same 21 + 32 refs as the peer's labels and as ours", () => {
		expect(theirs.paragraphs.map((p) => p.ref)).toEqual(member?.entries.map(([label]) => label));
		expect(theirs.paragraphs.map((p) => p.ref)).toEqual(ours.paragraphs.map((p) => p.ref));
	});

	it("has equal lead phrases and bodies in every paragraph", () => {
		for (const [i, p] of ours.paragraphs.entries()) {
			const q = theirs.paragraphs[i];
			expect(q && paragraphText(q), p.ref).toBe(paragraphText(p));
		}
	});

	it("separates the damage: footnotes, closing block, footers", () => {
		const notes = theirs.paragraphs.flatMap((p) => p.footnotes.map((f) => [p.ref, f.mark, f.text]));
		expect(notes).toEqual([
			["PP17", "1", "S/2017/1105."],
			["PP19", "2", "A/HRC/37/78."],
		]);
		expect(theirs.adoption).toMatchObject({
			date: "2018-03-23",
			vote: "without a vote",
			meeting: "Fifty-sixth session",
		});
	});
});
