/**
 * A member annotated with its sources, in Markdown, HTML and Word, read back.
 * The document below is synthetic, written for these tests (symbol 99/5, not a
 * UN document), with markup and Markdown characters in its text.
 */
import { describe, expect, it } from "vitest";
import {
	renderSourcesDocx,
	renderSourcesHtml,
	renderSourcesMarkdown,
	type SourcesDocument,
	sourcesDownloadName,
} from "../../src/render/index.ts";
import { bodyParagraphs, elements, readDocx, runText } from "./helpers/docx.ts";
import { byClass, byTag, findAll, parseHtml, textOf } from "./helpers/dom.ts";

const doc: SourcesDocument = {
	member: { symbol: "A/HRC/RES/99/5", title: "Synthetic test member 5", date: "2035-03-20" },
	paragraphs: [
		{
			paragraph: { ref: "PP1" },
			spans: [{ text: "Recalling its synthetic resolution 99/4,", status: "kept" }],
			note: { text: "from 99/4 PP1" },
		},
		{
			paragraph: { ref: "OP1" },
			spans: [
				{ text: "Welcomes the synthetic ferry timetable, and ", status: "kept" },
				{ text: "deplores the <closure> of *seventeen* rural clinics;", status: "new" },
			],
			note: {
				text: "from 99/4 OP2, amended; new: “deplores the <closure> of *seventeen* rural clinics”",
			},
		},
		{
			paragraph: { ref: "OP2" },
			spans: [
				{
					text: "Requests a synthetic census of mountain herders:\n(a) In every district;",
					status: "new",
				},
			],
			note: { text: "new" },
		},
	],
};

describe("a member annotated with its sources", () => {
	it("names its downloads after the member", () => {
		expect(sourcesDownloadName(doc, "docx")).toBe("resdiff-99-5-sources.docx");
	});

	it("writes Markdown with new wording in bold and each annotation in brackets", () => {
		const md = renderSourcesMarkdown(doc);
		expect(md.split("\n")[0]).toBe("# 99/5, annotated with its sources");
		expect(md).toContain("**PP1** Recalling its synthetic resolution 99/4,\n\n*[from 99/4 PP1]*");
		expect(md).toContain(
			"Welcomes the synthetic ferry timetable, and **deplores the \\<closure\\> of \\*seventeen\\* rural clinics;**",
		);
		expect(md).toContain(
			"**OP2** **Requests a synthetic census of mountain herders: (a) In every district;**\n\n*[new]*",
		);
	});

	it("writes HTML whose marks hold exactly the new wording, escaped", () => {
		const html = renderSourcesHtml(doc);
		const root = parseHtml(html);
		const marks = findAll(root, byTag("mark")).map((m) => textOf(m).replace(/\n/g, ""));
		expect(marks).toEqual([
			"deplores the <closure> of *seventeen* rural clinics;",
			"Requests a synthetic census of mountain herders:(a) In every district;",
		]);
		expect(html).not.toContain("<closure>");
		expect(findAll(root, byClass("sources-note")).map((n) => textOf(n))).toEqual(
			doc.paragraphs.map((p) => `[${p.note.text}]`),
		);
		expect(findAll(root, byTag("h1")).map((h) => textOf(h))).toEqual([
			"99/5, annotated with its sources",
		]);
	});

	it("writes a Word document with new wording highlighted and each annotation after its paragraph", async () => {
		const parts = await readDocx(await renderSourcesDocx(doc));
		const texts = bodyParagraphs(parts.document).map((p) => runText(p.el));
		expect(texts[0]).toBe("99/5, annotated with its sources");
		expect(texts.slice(2)).toEqual([
			"PP1\tRecalling its synthetic resolution 99/4,",
			"[from 99/4 PP1]",
			"OP1\tWelcomes the synthetic ferry timetable, and deplores the <closure> of *seventeen* rural clinics;",
			"[from 99/4 OP2, amended; new: “deplores the <closure> of *seventeen* rural clinics”]",
			"OP2\tRequests a synthetic census of mountain herders:(a) In every district;",
			"[new]",
		]);
		const highlighted = elements(parts.document, "w:r")
			.filter((r) => elements(r, "w:highlight").length > 0)
			.map((r) => runText(r));
		expect(highlighted).toEqual([
			"deplores the <closure> of *seventeen* rural clinics;",
			"Requests a synthetic census of mountain herders:",
			"(a) In every district;",
		]);
	});
});
