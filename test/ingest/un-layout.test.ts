/**
 * Reading documents laid out as the UN's own resolutions are. No official
 * PDF or DOCX is in this repository, so these files are synthetic: 37/39's
 * text rendered here with the official layout's features, each file saying
 * on its first page (and in its metadata) that it is a synthetic rendering
 * for resdiff tests, not an official document.
 *
 * What each imitates of the official layout:
 *
 * | feature                       | PDF (test/helpers/render-pdf.ts, layout "un") | DOCX (test/helpers/render-docx.ts, layout "un") |
 * |-------------------------------|-----------------------------------------------|-------------------------------------------------|
 * | header symbol                 | "United Nations" beside the symbol on page 1; the symbol alone atop every later page | masthead table with the symbol; the symbol in the running header part |
 * | masthead lines                | "General Assembly", "Distr.: General", date, "Original: English", organ, session, "Agenda item 10", "Resolution adopted by ..." | the same, in the table and in paragraphs after it |
 * | GE. job number and barcode    | "GE.18-00000(E)", "*1800000*" and "Please recycle" at page 1's foot; "2 GE.18-00000" / "GE.18-00000 3" after | first-page footer with the three; the job number and a page field in the other footers |
 * | two-line title block          | "37/39." hanging before a bold title that wraps onto a second line | "37/39.", a tab and the title, in bold |
 * | footnote area                 | superscript marks; notes under a rule at the foot of the page their mark is on | notes in the footnotes part, referenced where the mark stands |
 * | italic leads                  | the lead phrase set in Times-Italic | the lead phrase in its own italic run (w:i) |
 *
 * What only a real official file could show, and these cannot: embedded
 * subset fonts with their own encodings and ToUnicode maps (ligatures,
 * non-breaking and soft hyphens, odd spaces in the extracted text); justified
 * lines whose word spacing the typesetter varies, and words split across
 * positioned pieces of text; the barcode and recycling mark as drawn images or
 * glyphs of a symbol font rather than text; the UN emblem; the UN Word
 * template's own styles (HChG, H1G, SingleTxtG), numbering definitions,
 * bookmarks, fields and section breaks, and whatever Word leaves in a file
 * (revision marks, hidden text); footnotes continued across pages; the exact
 * place of the masthead's frames. Those are read the first time a real file
 * is imported; the third-party series in ../shared/real-series (text copied
 * from the real PDFs) covers some of the damage they cause.
 */

import JSZip from "jszip";
import { getDocument, OPS } from "pdfjs-dist/legacy/build/pdf.mjs";
import { describe, expect, it } from "vitest";
import { parseResolution } from "../../src/core/parse/index.ts";
import { readDocx } from "../../src/ingest/docx/index.ts";
import { pdfToText, readPdf } from "../../src/ingest/pdf/index.ts";
import { shippedText } from "../helpers/paths.ts";
import { renderDocx } from "../helpers/render-docx.ts";
import { renderPdf } from "../helpers/render-pdf.ts";
import { paragraphsOf } from "./same-paragraphs.ts";

const shipped = parseResolution(shippedText());
const NOTICE = "Synthetic rendering for resdiff tests, not an official document";

/** The font names pdf.js resolves for the text pieces of page 1, by the text drawn. */
async function fontsOfFirstPage(bytes: Uint8Array): Promise<Map<string, string>> {
	const pdf = await getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
	try {
		const page = await pdf.getPage(1);
		const list = await page.getOperatorList();
		const names = new Set<string>();
		list.fnArray.forEach((fn, i) => {
			if (fn === OPS.setFont) names.add(String(list.argsArray[i]?.[0]));
		});
		const byLoaded = new Map(
			[...names].map((n) => [n, String((page.commonObjs.get(n) as { name?: string }).name)]),
		);
		const content = await page.getTextContent();
		const out = new Map<string, string>();
		for (const item of content.items)
			if ("str" in item) out.set(item.str, byLoaded.get(item.fontName) ?? "?");
		return out;
	} finally {
		await pdf.destroy();
	}
}

describe("a synthetic PDF laid out as a UN resolution", () => {
	it("carries the official layout's features", async () => {
		const bytes = await renderPdf(shipped, { layout: "un" });
		const text = await pdfToText(bytes, "synthetic-un-layout.pdf");
		const lines = text.split("\n").map((l) => l.trim());
		expect(lines[0]).toBe("United Nations A/HRC/RES/37/39");
		expect(lines).toEqual(
			expect.arrayContaining([
				"General Assembly Distr.: General",
				"Original: English",
				"Agenda item 10",
				NOTICE,
				"Resolution adopted by the Human Rights Council on 23 March 2018",
				"GE.18-00000(E)",
				"*1800000*",
				"1 S/2017/1105.",
			]),
		);
		// The title block: number and title on one line, the rest of the title on the next.
		const title = lines.findIndex((l) => l.startsWith("37/39. Technical assistance"));
		expect(lines[title]).not.toMatch(/human rights$/);
		expect(lines[title + 1]).toMatch(/human rights$/);
		// The running header on every page after the first.
		const pages = text.split("\f").length;
		expect(lines.filter((l) => l === "A/HRC/RES/37/39")).toHaveLength(pages - 1);
		const fonts = await fontsOfFirstPage(bytes);
		const fontOf = (start: string) =>
			[...fonts].find(([str]) => str.trim().startsWith(start))?.[1] ?? `no text "${start}"`;
		expect(fontOf("Guided")).toBe("Times-Italic");
		expect(fontOf("the purposes")).toBe("Times-Roman");
		expect(fontOf("37/39.")).toBe("Times-Bold");
	});

	it.each([
		["as drawn", {}],
		["hyphenated, without paragraph spacing", { hyphenate: 1, paragraphSpacing: 0, seed: 7 }],
	])("reads as the official text, %s", async (_label, options) => {
		const bytes = await renderPdf(shipped, { layout: "un", ...options });
		const read = await readPdf(bytes, "synthetic-un-layout.pdf");
		expect(paragraphsOf(read)).toEqual(paragraphsOf(shipped));
		expect(read).toMatchObject({
			symbol: "A/HRC/RES/37/39",
			number: "37/39",
			title: shipped.title,
			adoption: shipped.adoption,
			warnings: [],
		});
	});
});

describe("a synthetic DOCX laid out as a UN resolution", () => {
	it("carries the official layout's features", async () => {
		const zip = await JSZip.loadAsync(await renderDocx(shipped, { layout: "un" }));
		const part = async (name: string) => (await zip.file(name)?.async("string")) ?? "";
		const parts = Object.keys(zip.files);
		const document = await part("word/document.xml");
		expect(document).toMatch(
			/<w:tbl>[\s\S]*United Nations[\s\S]*A\/HRC\/RES\/37\/39[\s\S]*<\/w:tbl>/,
		);
		expect(document).toContain("Distr.: General");
		expect(document).toMatch(/<w:b\/>[\s\S]{0,200}37\/39\./);
		// Lead phrases in runs of their own, in italics.
		expect(document).toMatch(/<w:i\/>(?:(?!<\/w:r>)[\s\S])*>Guided by<\/w:t>/);
		expect(document).toMatch(/<w:i\/>(?:(?!<\/w:r>)[\s\S])*>Strongly condemns<\/w:t>/);
		const headers = await Promise.all(
			parts.filter((p) => /word\/header\d+\.xml/.test(p)).map(part),
		);
		const footers = await Promise.all(
			parts.filter((p) => /word\/footer\d+\.xml/.test(p)).map(part),
		);
		expect(headers.join()).toContain("A/HRC/RES/37/39");
		expect(headers.join()).toContain(NOTICE);
		expect(footers.join()).toContain("GE.18-00000(E)");
		expect(footers.join()).toContain("*1800000*");
		expect(await part("word/footnotes.xml")).toContain("S/2017/1105.");
	});

	it("reads as the official text, leaving header, footer and masthead out", async () => {
		const read = await readDocx(
			await renderDocx(shipped, { layout: "un" }),
			"synthetic-un-layout.docx",
		);
		expect(paragraphsOf(read)).toEqual(paragraphsOf(shipped));
		expect(read).toMatchObject({
			symbol: "A/HRC/RES/37/39",
			number: "37/39",
			title: shipped.title,
			adoption: shipped.adoption,
			warnings: [],
		});
	});
});
