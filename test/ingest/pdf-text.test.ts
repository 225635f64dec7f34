/**
 * The reader for text copied from a PDF. On the seven real members (read at
 * run time from RESDIFF_REAL_SERIES, never copied here): the counts in that
 * folder's README, no footers, closing lines or stuck footnote numbers left
 * in any body, footnotes separated; and the same once the texts are
 * hard-wrapped and hyphenated. On small synthetic texts: each repair alone.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Resolution } from "../../src/core/model.ts";
import { readPdfText, repairPdfText } from "../../src/ingest/pdf-text.ts";
import { hardWrap } from "../helpers/hard-wrap.ts";
import { realSeriesDir } from "../helpers/paths.ts";
import { loadRealMembers } from "../helpers/real-series.ts";
import { paragraphsOf } from "./same-paragraphs.ts";

const dir = realSeriesDir("PDF-text reader on the real series");

/** The README's table: file -> [preambular, operative]. */
function readmeCounts(folder: string): Map<string, [number, number]> {
	const counts = new Map<string, [number, number]>();
	const readme = readFileSync(join(folder, "README.md"), "utf8");
	for (const m of readme.matchAll(
		/^\|\s*(A-HRC-RES-[\d-]+\.json)\s*\|[^|]*\|\s*(\d+)\s*\|\s*(\d+)\s*\|/gm,
	)) {
		counts.set(m[1] ?? "", [Number(m[2]), Number(m[3])]);
	}
	return counts;
}

/** Damage that must not survive into a body: footers, closing lines, stuck marks. */
function expectClean(res: Resolution, file: string): void {
	for (const p of res.paragraphs) {
		const where = `${file} ${p.ref}`;
		const text = [p.body, ...p.subparagraphs.map((s) => s.text)].join(" ");
		expect(text, where).not.toMatch(/GE\.\d{2}-\d{5}/);
		expect(text, where).not.toMatch(
			/\[Adopted|\b\d+(?:st|nd|rd|th) meeting\b|\bsession \d{1,2} \w+ \d{4}/,
		);
		expect(text, where).not.toMatch(/\p{Ll}{2}[,.;:)]?\d{1,2}(?=\s|$)/u);
		expect(text, where).not.toMatch(/The resolutions and decisions adopted by/);
	}
}

describe.skipIf(!dir)("PDF-text reader on the seven real members", () => {
	// The body is collected even when skipped: read the folder only when it is there.
	const counts = dir ? readmeCounts(dir) : new Map<string, [number, number]>();
	const members = dir ? loadRealMembers(dir) : [];

	it("reads the README's table of seven members", () => {
		expect(counts.size).toBe(7);
		expect(members.map((m) => m.file).sort()).toEqual([...counts.keys()].sort());
	});

	for (const member of members) {
		describe(member.file, () => {
			const res = readPdfText(member.text, { symbol: member.symbol });

			it("has the README's preambular and operative counts", () => {
				const pp = res.paragraphs.filter((p) => p.kind === "preambular").length;
				expect([pp, res.paragraphs.length - pp]).toEqual(counts.get(member.file));
			});

			it("leaves no footer, closing line or stuck footnote number in a body", () => {
				expectClean(res, member.file);
				expect(res.adoption.note).toMatch(/^Adopted/);
				expect(res.adoption.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
			});

			it("separates the footnotes the text marks", () => {
				const marked = member.entries.filter(([, t]) =>
					/\p{Ll}{2}[,.;:)]?\d{1,2}(?=\s|$)/u.test(t),
				);
				const noted = res.paragraphs.filter((p) => p.footnotes.length > 0).map((p) => p.ref);
				expect(noted).toEqual(marked.map(([label]) => label));
			});

			it.each([
				[60, 1],
				[90, 2],
				[110, 3],
			])(
				"reads the same once hard-wrapped at %i columns and hyphenated (seed %i)",
				(width, seed) => {
					const wrapped = hardWrap(member.text, { width, hyphenate: 0.7, seed });
					expect(wrapped.split("\n").length).toBeGreaterThan(member.entries.length * 2);
					const read = readPdfText(wrapped, { symbol: member.symbol });
					expect(paragraphsOf(read)).toEqual(paragraphsOf(res));
					expect(read.adoption).toEqual(res.adoption);
					expect(read.notes).toEqual(res.notes);
				},
			);
		});
	}
});

/** Lines of a synthetic text, for the small cases below. */
const lines = (...l: string[]) => `${l.join("\n")}\n`;

describe("PDF-text repairs, one at a time, on synthetic text", () => {
	const head = ["99/9. Synthetic test text", "The Human Rights Council,"];

	it("joins hard-wrapped lines and repairs line-end hyphens by the evidence there is", () => {
		const text = repairPdfText(
			lines(
				...head,
				"Recalling the report of the Secretary-",
				"General on the imple-",
				"mentation of the capacity-",
				"building programme and the hostage-",
				"takings in the north,",
				"1. Decides to remain seized of the matter.",
			),
			{ hardWrapped: true },
		);
		expect(text).toContain(
			"Recalling the report of the Secretary-General on the implementation of the capacity-building programme and the hostage-takings in the north,\n",
		);
	});

	it("lets the document's own spelling decide a hyphen", () => {
		const read = readPdfText(
			lines(
				...head,
				"Stressing the importance of peace-",
				"building, as peace-building requires,",
				"Recalling that peacebuil-",
				"ding matters,",
				"1. Decides to remain seized of the matter.",
			),
			{},
			{ hardWrapped: true },
		);
		expect(read.paragraphs.map((p) => p.body)).toEqual([
			"the importance of peace-building, as peace-building requires,",
			"that peacebuilding matters,",
			"to remain seized of the matter.",
		]);
	});

	it("removes footers, running heads, page numbers and print marks, and joins across the page break", () => {
		const read = readPdfText(
			lines(
				"A/HRC/RES/99/9",
				...head,
				"Recalling its resolution 5/1 and",
				"GE.99-00001(E)",
				"*9900001*",
				"Please recycle",
				"A/HRC/RES/99/9",
				"its resolution 5/2,",
				"1. Decides to act;",
				"2 GE.99-00001",
				"\f2. Decides to remain seized of the matter.",
				"- 3 -",
			),
		);
		expect(read.symbol).toBe("A/HRC/RES/99/9");
		expect(read.paragraphs.map((p) => p.body)).toEqual([
			"its resolution 5/1 and its resolution 5/2,",
			"to act;",
			"to remain seized of the matter.",
		]);
	});

	it("takes notes at a page foot out of a paragraph the page break split", () => {
		const read = readPdfText(
			lines(
				...head,
				"Taking note of the report on the situation in Mali,1 which the",
				"1 A/HRC/99/1, para. 5.",
				"GE.99-00001 2",
				"A/HRC/RES/99/9",
				"Council considered,",
				"1. Decides to remain seized of the matter.",
				"24 March 2099",
			),
		);
		expect(read.paragraphs[0]).toMatchObject({
			lead: "Taking note of",
			body: "the report on the situation in Mali, which the Council considered,",
			footnotes: [{ mark: "1", text: "A/HRC/99/1, para. 5.", at: 36 }],
		});
		expect(read.adoption.date).toBe("2099-03-24");
	});

	it("does not take a closing date that starts with a note's number for the note", () => {
		const read = readPdfText(
			lines(
				...head,
				"Taking note of the report,[footnoteRef:1]",
				"1. Decides to remain seized of the matter.",
				"1 January 2099",
				"[Adopted without a vote.]",
				"1 A/HRC/99/1.",
			),
			{},
			{ hardWrapped: true },
		);
		expect(read.adoption).toMatchObject({ date: "2099-01-01", vote: "without a vote" });
		expect(read.paragraphs[0]?.footnotes).toEqual([
			{ mark: "1", text: "A/HRC/99/1.", at: 11, sourceId: "1" },
		]);
	});

	it("splits the closing block off the last paragraph, with or without the adoption note", () => {
		for (const closing of [
			"12th meeting 24 March 2099 [Adopted without a vote.]",
			"12th meeting 24 March 2099",
		]) {
			const read = readPdfText(
				lines(...head, `1. Decides to remain seized of the matter. ${closing}`),
			);
			expect(read.paragraphs.at(-1)?.body).toBe("to remain seized of the matter.");
			expect(read.adoption).toMatchObject({ meeting: "12th meeting", date: "2099-03-24" });
		}
	});

	it("joins a word a soft hyphen split at a line's end", () => {
		const read = readPdfText(lines(...head, "1. Decides to sup\u00ad", "port the Government;"));
		expect(read.paragraphs[0]?.body).toBe("to support the Government;");
	});

	it("leaves one-paragraph-a-line text as it is", () => {
		const text = lines(
			"Recalling its resolutions on the situation in Mali, Burkina Faso and the Niger,",
			"Welcoming the Government’s efforts,",
			"Mindful of the situation,",
			"Noting the report of the Independent Expert on the situation of human rights in Mali,",
			"1. Decides to remain seized of the matter.",
		);
		expect(repairPdfText(text).trim().split("\n")).toHaveLength(5);
	});
});
