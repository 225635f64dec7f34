/**
 * Phrase-level novelty over the real Mali series (read at run time from
 * RESDIFF_REAL_SERIES, skipped visibly without it). The expectations come
 * from reading 34/39 and 37/39 side by side.
 */
import { describe, expect, it } from "vitest";
import { paragraphText, type Resolution } from "../../src/core/model.ts";
import {
	earlierLanguage,
	type MemberText,
	type PhraseSpan,
	paragraphSpans,
} from "../../src/core/novelty/index.ts";
import { realSeriesDir } from "../helpers/paths.ts";
import { loadRealSeries } from "../helpers/real-series.ts";

const dir = realSeriesDir("phrase-level novelty over the real series");

function asMember(r: Resolution): MemberText {
	return {
		symbol: r.number ?? r.symbol ?? "?",
		date: r.adoption.date,
		paragraphs: r.paragraphs.map((p) => ({ ref: p.ref, text: paragraphText(p) })),
	};
}

describe.skipIf(!dir)("novelty in the real Mali series", () => {
	const members = dir ? loadRealSeries(dir).map(asMember) : [];
	const at = members.findIndex((m) => m.symbol === "37/39");
	const index = earlierLanguage(members.slice(0, at));
	const spansOf = (ref: string): PhraseSpan[] => {
		const p = members[at]?.paragraphs.find((q) => q.ref === ref);
		if (!p) throw new Error(`37/39 has no ${ref}`);
		return paragraphSpans(p.text, index);
	};
	const fresh = (spans: PhraseSpan[]) => spans.filter((s) => s.status === "new").map((s) => s.text);

	it("finds the 2018 fatal attacks on itinerant traders new in 37/39 OP1, the rest kept from 34/39", () => {
		const spans = spansOf("OP1");
		expect(
			fresh(spans).some((t) => /fatal attacks committed in 2018 against itinerant traders/.test(t)),
		).toBe(true);
		// The condemnation itself is 34/39 OP1's wording, first used before 34/39.
		expect(spans[0]).toMatchObject({ status: "kept", source: { symbol: "34/39", ref: "OP1" } });
		expect(spans[0]?.first?.symbol).not.toBe("37/39");
		expect(fresh(spans).join(" ")).not.toMatch(
			/Strongly condemns|perpetrated in Mali since the beginning/,
		);
	});

	it("finds the Court's 2016 finding of guilt new in 37/39 OP8, the investigation kept", () => {
		const spans = spansOf("OP8");
		expect(fresh(spans).some((t) => /found an individual guilty/.test(t))).toBe(true);
		const kept = spans
			.filter((s) => s.status === "kept")
			.map((s) => s.text)
			.join("");
		expect(kept).toMatch(/investigation by the Prosecutor of the International Criminal Court/);
	});

	it("gives no new span to a paragraph 37/39 copied whole from 34/39", () => {
		const before = new Map(
			members[at - 1]?.paragraphs.map((p) => [p.text.replace(/^\d+\.\s*/, ""), p.ref]),
		);
		const copies = (members[at]?.paragraphs ?? []).filter((p) =>
			before.has(p.text.replace(/^\d+\.\s*/, "")),
		);
		expect(copies.length).toBeGreaterThan(5);
		for (const p of copies) {
			const spans = paragraphSpans(p.text, index);
			expect(fresh(spans), p.ref).toEqual([]);
			expect(
				spans.every((s) => s.source?.symbol === "34/39"),
				p.ref,
			).toBe(true);
		}
	});

	it("joins every paragraph of every member back to its text exactly", () => {
		let paragraphs = 0;
		members.forEach((m, k) => {
			const earlier = earlierLanguage(members.slice(0, k));
			for (const p of m.paragraphs) {
				const spans = paragraphSpans(p.text, earlier);
				expect(spans.map((s) => s.text).join(""), `${m.symbol} ${p.ref}`).toBe(p.text);
				if (k === 0) expect(spans.every((s) => s.status === "new")).toBe(true);
				paragraphs++;
			}
		});
		expect(paragraphs).toBeGreaterThan(200);
	});
});
