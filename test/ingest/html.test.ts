/**
 * The HTML reader: a web page's blocks as lines, ordered lists numbered,
 * footnotes separated. 37/39 rendered to DOCX and converted to HTML by
 * mammoth (as a user's "save as web page" would) reads as the official text.
 */
import mammoth from "mammoth";
import { describe, expect, it } from "vitest";
import { parseResolution } from "../../src/core/parse/index.ts";
import { htmlToText, readHtml } from "../../src/ingest/html.ts";
import { readDocument } from "../../src/ingest/read.ts";
import { shippedText } from "../helpers/paths.ts";
import { renderDocx } from "../helpers/render-docx.ts";
import { paragraphsOf } from "./same-paragraphs.ts";

const shipped = parseResolution(shippedText());

describe("HTML reader", () => {
	it("reads 37/39 from the HTML mammoth makes of its DOCX", async () => {
		const { value: html } = await mammoth.convertToHtml({
			buffer: Buffer.from(await renderDocx(shipped)),
		});
		expect(html).toContain('<li id="footnote-1">');
		const read = await readHtml(html);
		expect(paragraphsOf(read)).toEqual(paragraphsOf(shipped));
		expect(read.adoption).toEqual(shipped.adoption);
		expect(read.warnings).toEqual([]);
	});

	it("writes blocks as lines and numbers ordered lists, nested ones with letters", async () => {
		const text = await htmlToText(
			`<html><head><title>Synthetic</title><style>p{}</style></head><body><nav>Menu</nav>
			<p>The Human Rights Council,</p><p>Recalling&nbsp;its resolutions,</p>
			<ol start="3"><li>Requests:<ol><li>a report;</li><li>a dialogue;</li></ol></li><li>Decides to remain seized of the matter.</li></ol>
			<script>var x = "<p>not text</p>";</script></body></html>`,
		);
		expect(text.split("\n").filter(Boolean)).toEqual([
			"The Human Rights Council,",
			"Recalling its resolutions,",
			"3. Requests:",
			"(a) a report;",
			"(b) a dialogue;",
			"4. Decides to remain seized of the matter.",
		]);
	});

	it("reads a page that the document service sends for an unknown symbol as no resolution", async () => {
		const page = new TextEncoder().encode(
			"<!DOCTYPE html><html><body><h1>Official Document System</h1><p>No document found.</p></body></html>",
		);
		await expect(readDocument(page, { name: "answer.html" })).rejects.toMatchObject({
			code: "no-paragraphs",
			source: "answer.html",
		});
	});
});
