/**
 * The Markdown is read back the way GitHub reads it: micromark with its GFM
 * extension (CommonMark plus tables, strikethrough and autolinks), with raw
 * HTML passed through as GitHub passes its allowed tags, then parsed as HTML.
 * So a tag that escaped the escaping would show up as an element.
 */
import { micromark } from "micromark";
import { gfm, gfmHtml } from "micromark-extension-gfm";
import { expect } from "vitest";
import type { Change, StructuredDiff } from "../../../src/core/diff/schema.ts";
import { byTag, type Element, findAll, parseHtml, textOf } from "./dom.ts";

export function toHtml(markdown: string): string {
	return micromark(markdown, {
		allowDangerousHtml: true,
		extensions: [gfm()],
		htmlExtensions: [gfmHtml()],
	});
}

/** The rendered paragraphs that hold a change: those that open with a bold ref. */
export function changeParagraphs(markdown: string): Element[] {
	return findAll(parseHtml(toHtml(markdown)), byTag("p")).filter((p) => {
		const first = p.childNodes[0];
		return first !== undefined && "tagName" in first && first.tagName === "strong";
	});
}

/** A change paragraph's redline: everything after the label's line break. */
export function redlinePart(p: Element): Element {
	const br = p.childNodes.findIndex((n) => "tagName" in n && n.tagName === "br");
	return { ...p, childNodes: p.childNodes.slice(br + 1) };
}

/** The texts an insertion or deletion marks on each line, as Markdown can show them: without edge spaces. */
export function markedTexts(c: Change, op: "insert" | "delete"): string[] {
	return c.segments
		.filter((s) => s.op === op)
		.flatMap((s) => s.text.split("\n"))
		.map((t) => t.trim())
		.filter((t) => t !== "");
}

/**
 * Text without its spacing: the spaces at the edges of a deletion are shown
 * unmarked (Markdown cannot mark them), so only words and punctuation are
 * compared exactly.
 */
export const unspaced = (s: string) => s.replace(/\s+/g, "");

/** A paragraph's lines as rendered: micromark writes a newline after each <br />. */
export const renderedLines = (p: Element) => textOf(p).replace(/\n+/g, "\n").trim();

/** Every change's bold and struck runs in the Markdown, read back, are the diff's inserts and deletes. */
export function expectMarkdownReadsBack(diff: StructuredDiff, markdown: string): void {
	const paragraphs = changeParagraphs(markdown);
	expect(paragraphs).toHaveLength(diff.changes.length);
	diff.changes.forEach((c, i) => {
		const p = paragraphs[i];
		if (!p) throw new Error(`no paragraph for change ${i}`);
		const body = redlinePart(p);
		expect(findAll(body, byTag("strong")).map((e) => textOf(e))).toEqual(markedTexts(c, "insert"));
		expect(findAll(body, byTag("del")).map((e) => textOf(e))).toEqual(markedTexts(c, "delete"));
	});
}
