/**
 * The renderers over the real series (../shared/real-series, read at run
 * time, never copied here): each member against the next, the Word file's
 * "accept all" must give the newer text with its numbering and "reject all"
 * the older wording of every paragraph (in the newer order: a move is noted
 * in a comment, not tracked as a move), and the Markdown's marks must read
 * back as the diff's.
 */
import { describe, expect, it } from "vitest";
import { compare } from "../../src/core/diff/index.ts";
import { paragraphText, type Resolution } from "../../src/core/model.ts";
import { renderDocx, renderHtml, renderMarkdown } from "../../src/render/index.ts";
import { oldText } from "../../src/render/segments.ts";
import { realSeriesDir } from "../helpers/paths.ts";
import { loadRealSeries } from "../helpers/real-series.ts";
import { bodyParagraphs, readDocx, resolvedParagraphs } from "./helpers/docx.ts";
import { byTag, findAll, parseHtml } from "./helpers/dom.ts";
import { expectMarkdownReadsBack } from "./helpers/markdown.ts";

const dir = realSeriesDir("renderers over the real series");
const series = dir ? loadRealSeries(dir) : [];
const pairs = series.slice(1).map((next, i) => [series[i] as Resolution, next] as const);

/** A resolution's lines as the Word redline prints them, with or without the operative numbers. */
function printedLines(res: Resolution, numbered: boolean): string[] {
	return res.paragraphs.flatMap((p) => {
		const [first = "", ...subs] = paragraphText(p).split("\n");
		return [numbered && p.number !== null ? `${p.number}.\t${first}` : first, ...subs];
	});
}

describe.skipIf(!dir)("renderers over the real series", () => {
	// Without the series, one visible skipped test rather than an empty file.
	if (pairs.length === 0) it.skip("renders each member against the next", () => {});

	it.each(pairs.map(([a, b]) => [a.number, b.number, a, b] as const))(
		"%s to %s: Word accepts to the newer text and rejects to the older wording",
		async (_a, _b, older, newer) => {
			const diff = compare(older, newer);
			const docx = await readDocx(
				await renderDocx(diff, { date: newer.adoption.date ?? "2000-01-01" }),
			);
			const all = bodyParagraphs(docx.document);
			const text = all.slice(all.findIndex((p) => p.style === "Heading2") + 1);
			expect(resolvedParagraphs(text, "accept")).toEqual(printedLines(newer, true));
			const rejected = resolvedParagraphs(text, "reject").map((t) => t.replace(/^\d+\.\t/, ""));
			const olderWording = diff.changes.flatMap((c) =>
				c.from.length > 0 ? oldText(c.segments).split("\n") : [],
			);
			expect(rejected).toEqual(olderWording);
			expect([...rejected].sort()).toEqual(printedLines(older, false).sort());
		},
	);

	it.each(pairs.map(([a, b]) => [a.number, b.number, a, b] as const))(
		"%s to %s: the Markdown and HTML redlines read back as the diff",
		(_a, _b, older, newer) => {
			const diff = compare(older, newer);
			expectMarkdownReadsBack(diff, renderMarkdown(diff));
			const html = parseHtml(renderHtml(diff));
			const count = (op: "insert" | "delete") =>
				diff.changes.flatMap((c) => c.segments.filter((s) => s.op === op)).length;
			expect(findAll(html, byTag("ins"))).toHaveLength(count("insert"));
			expect(findAll(html, byTag("del"))).toHaveLength(count("delete"));
		},
	);
});
