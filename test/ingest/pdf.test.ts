/**
 * The PDF reader on generated PDFs that carry a real PDF's damage (hard
 * wraps, line-end hyphens, running heads, footers with job numbers, the
 * first page's barcode, superscript marks with notes at the page foot,
 * paragraphs split across pages): 37/39 reads back as the shipped text does,
 * and so does any synthetic resolution. Every PDF here is generated at run
 * time and synthetic.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LimitError } from "../../src/core/errors.ts";
import type { Resolution } from "../../src/core/model.ts";
import { parseResolution } from "../../src/core/parse/index.ts";
import { readDocx } from "../../src/ingest/docx/index.ts";
import { pdfToText, readPdf } from "../../src/ingest/pdf/index.ts";
import { readText } from "../../src/ingest/text.ts";
import { arbitraryResolution } from "../helpers/arbitraries.ts";
import { shippedText } from "../helpers/paths.ts";
import { renderDocx } from "../helpers/render-docx.ts";
import { renderPdf } from "../helpers/render-pdf.ts";
import { paragraphsOf } from "./same-paragraphs.ts";

const shipped = parseResolution(shippedText());

describe("PDF reader: 37/39 rendered to a damaged PDF reads as the official text", () => {
	it("the generated PDF carries the damage the reader must repair", async () => {
		const text = await pdfToText(await renderPdf(shipped, { hyphenate: 1 }), "synthetic.pdf");
		expect(text.split("\f").length).toBeGreaterThanOrEqual(3);
		expect(text).toMatch(/^\d+ GE\.18-00000$/m);
		expect(text).toMatch(/^GE\.18-00000 \d+$/m);
		expect(text).toMatch(/^A\/HRC\/RES\/37\/39$/m);
		expect(text).toMatch(/\p{L}-$/mu);
		expect(text).toMatch(/Mali,\[footnoteRef:1\]/);
		expect(text).toMatch(/^1 S\/2017\/1105\.$/m);
	});

	it.each([
		["paragraph spacing", { hyphenate: 0.5 }],
		["no paragraph spacing", { hyphenate: 0.5, paragraphSpacing: 0 }],
		["a narrow column, every long word hyphenated", { hyphenate: 1, seed: 3, columnWidth: 300 }],
		["a wide column", { hyphenate: 1, seed: 4, columnWidth: 460, paragraphSpacing: 0 }],
	])("with %s", async (_label, options) => {
		const read = await readPdf(await renderPdf(shipped, options), "synthetic-37-39.pdf");
		expect(paragraphsOf(read)).toEqual(paragraphsOf(shipped));
		expect(read).toMatchObject({
			symbol: "A/HRC/RES/37/39",
			number: "37/39",
			title: shipped.title,
			adoption: shipped.adoption,
			notes: [],
			warnings: [],
		});
	});

	it("leaves no page furniture in any paragraph", async () => {
		const read = await readPdf(await renderPdf(shipped, { hyphenate: 1 }), "synthetic.pdf");
		for (const p of read.paragraphs) {
			expect(p.body, p.ref).not.toMatch(
				/GE\.\d{2}-\d{5}|A\/HRC\/RES\/37\/39|Please recycle|\*\d{7}\*/,
			);
		}
	});

	it("gives the same paragraphs from the PDF, the DOCX and the Tika text", async () => {
		const fromPdf = await readPdf(await renderPdf(shipped), "synthetic.pdf");
		const fromDocx = await readDocx(await renderDocx(shipped), "synthetic.docx");
		const fromText = readText(shippedText());
		expect(paragraphsOf(fromPdf)).toEqual(paragraphsOf(fromText));
		expect(paragraphsOf(fromDocx)).toEqual(paragraphsOf(fromText));
	});

	it("reads any synthetic resolution back as it was written", async () => {
		await fc.assert(
			fc.asyncProperty(
				arbitraryResolution,
				fc.integer({ min: 1, max: 1000 }),
				fc.boolean(),
				async (res: Resolution, seed, spacing) => {
					const pdf = await renderPdf(res, {
						hyphenate: 0.8,
						seed,
						paragraphSpacing: spacing ? 6 : 0,
					});
					const read = await readPdf(pdf, "synthetic.pdf");
					expect(paragraphsOf(read)).toEqual(paragraphsOf(res));
					expect(read.adoption).toEqual(res.adoption);
				},
			),
			{ numRuns: 15 },
		);
	});

	it("holds a PDF to its page and time limits", async () => {
		const pdf = await renderPdf(shipped);
		const pages = await pdfToText(pdf, "synthetic.pdf", { pages: 2, timeoutMs: 30_000 }).catch(
			(e: unknown) => e,
		);
		expect(pages).toBeInstanceOf(LimitError);
		expect((pages as Error).message).toMatch(
			/synthetic\.pdf: the PDF has \d+ pages; the limit is 2/,
		);
		const time = await pdfToText(pdf, "synthetic.pdf", { pages: 200, timeoutMs: 1 }).catch(
			(e: unknown) => e,
		);
		expect(time).toMatchObject({ limit: "time" });
	});
});
