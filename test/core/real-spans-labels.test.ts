/**
 * The labels of new wording in real paragraphs (test/fixtures/real-spans) are
 * well formed, and the benchmark finds every labelled word again in the text
 * resdiff reads; were it to lose words, its precision and recall would be
 * measured on the wrong words.
 */
import { describe, expect, it } from "vitest";
import { missingNotice, realFolder } from "../helpers/real-pairs.ts";
import {
	labelledMembers,
	locateWords,
	memberAndEarlier,
	paragraphTexts,
} from "../helpers/real-spans.ts";

const members = labelledMembers();

describe("labels of new wording", () => {
	it("cover two series, with paragraphs that have new wording and paragraphs that have none", () => {
		expect(new Set(members.map((m) => m.series))).toEqual(new Set(["mali", "somalia"]));
		const paragraphs = members.flatMap((m) => m.paragraphs);
		expect(paragraphs.filter((p) => p.new.length > 0).length).toBeGreaterThanOrEqual(10);
		expect(paragraphs.filter((p) => p.new.length === 0).length).toBeGreaterThanOrEqual(10);
	});

	it("give ordered ranges that never overlap, each paragraph once, with the reader's reason", () => {
		for (const m of members) {
			expect(new Set(m.paragraphs.map((p) => p.ref)).size).toBe(m.paragraphs.length);
			for (const p of m.paragraphs) {
				expect(p.reason.length).toBeGreaterThan(5);
				const ranges = [...p.new, ...p.unsure].sort((a, b) => a[0] - b[0]);
				ranges.forEach(([a, b], i) => {
					expect(a).toBeLessThan(b);
					if (i > 0)
						expect(a).toBeGreaterThanOrEqual((ranges[i - 1] as readonly number[])[1] as number);
				});
			}
		}
	});

	for (const m of members) {
		const available = realFolder(m.series) !== null;
		if (!available) console.warn(`\n${missingNotice(m.series)} (${m.file})\n`);
		it.skipIf(!available)(
			`${m.member}: every labelled word is found in the text resdiff reads`,
			() => {
				const texts = memberAndEarlier(m);
				if (!texts) throw new Error("unreachable: the folder was checked");
				expect(texts.earlier.length).toBeGreaterThan(0);
				const read = paragraphTexts(texts.member);
				for (const p of m.paragraphs) {
					const raw = (texts.raw.get(p.ref) ?? "").trim().split(/\s+/);
					for (const [, b] of [...p.new, ...p.unsure]) expect(b).toBeLessThanOrEqual(raw.length);
					const places = locateWords(raw, read.get(p.ref) ?? "");
					// Only an operative number and a page footer may be missing from what the reader keeps.
					const lost = raw.filter((_, i) => places[i] === null);
					expect(
						lost.every((w) => /^\d+\.?$|^GE\.\d/.test(w)),
						`${p.ref} lost ${lost.join(" ")}`,
					).toBe(true);
					for (const [a, b] of p.new) {
						for (let i = a; i < b; i++) expect(places[i], `${p.ref} word ${i}`).not.toBeNull();
					}
				}
			},
		);
	}
});
