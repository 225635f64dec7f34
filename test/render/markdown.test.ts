import { describe, expect, it } from "vitest";
import { renderMarkdown } from "../../src/render/index.ts";
import { escapeMarkdown, HAIR_SPACE } from "../../src/render/markdown-inline.ts";
import { newText } from "../../src/render/segments.ts";
import { byTag, type Element, findAll, parseHtml, textOf } from "./helpers/dom.ts";
import {
	CHANGES,
	change,
	del,
	diffOf,
	eq,
	HOSTILE_TEXT,
	ins,
	op,
	syntheticDiff,
} from "./helpers/fixture.ts";
import {
	changeParagraphs,
	markedTexts,
	redlinePart,
	renderedLines,
	toHtml,
	unspaced,
} from "./helpers/markdown.ts";

const diff = syntheticDiff();

describe("renderMarkdown: escaping", () => {
	const md = renderMarkdown(diff);
	const html = toHtml(md);
	const tree = parseHtml(html);

	it("renders HTML, links, code, headings and emphasis in a paragraph literally", () => {
		expect(findAll(tree, byTag("script"))).toEqual([]);
		expect(findAll(tree, byTag("a"))).toEqual([]);
		expect(findAll(tree, byTag("code"))).toEqual([]);
		expect(findAll(tree, byTag("em"))).toEqual([]);
		expect(findAll(tree, byTag("b"))).toEqual([]);
		expect(findAll(tree, (el) => /^h[1-6]$/.test(el.tagName))).toHaveLength(1);
		const hostile = changeParagraphs(md).find((p) => textOf(p).startsWith("PP4"));
		const [strong] = hostile ? findAll(redlinePart(hostile), byTag("strong")) : [];
		expect(strong && textOf(strong)).toBe(HOSTILE_TEXT);
	});

	it("escapes what would open a block at a line's start", () => {
		expect(escapeMarkdown("- not a list", true)).toBe("\\- not a list");
		expect(escapeMarkdown("12. not a list", true)).toBe("12\\. not a list");
		expect(escapeMarkdown("12. mid-line", false)).toBe("12. mid-line");
		const lines = diffOf(
			change({
				status: "unchanged",
				from: [op(1)],
				to: [op(1)],
				segments: [eq("Decides:\n- one\n+ two\n1. three\n===")],
			}),
		);
		const tree = parseHtml(toHtml(renderMarkdown(lines)));
		expect(findAll(tree, (el) => ["ul", "ol", "li", "h1"].includes(el.tagName))).toEqual([]);
		const [p] = changeParagraphs(renderMarkdown(lines));
		expect(p && renderedLines(redlinePart(p))).toBe("Decides:\n- one\n+ two\n1. three\n===");
	});
});

describe("renderMarkdown: the redline reads back as the diff", () => {
	const md = renderMarkdown(diff);
	const paragraphs = changeParagraphs(md);

	it("renders one paragraph per change", () => {
		expect(paragraphs).toHaveLength(CHANGES.length);
	});

	it("marks insertions bold and deletions struck through, their texts as in the diff", () => {
		CHANGES.forEach((c, i) => {
			const body = redlinePart(paragraphs[i] as Element);
			expect(findAll(body, byTag("strong")).map((e) => textOf(e))).toEqual(
				markedTexts(c, "insert"),
			);
			expect(findAll(body, byTag("del")).map((e) => textOf(e))).toEqual(markedTexts(c, "delete"));
		});
	});

	it("gives back the new text's words and punctuation when the deletions are dropped", () => {
		CHANGES.forEach((c, i) => {
			const body = redlinePart(paragraphs[i] as Element);
			const read = textOf(body, (el) => el.tagName === "del");
			expect(unspaced(read)).toBe(unspaced(newText(c.segments)));
		});
	});

	it("keeps marks on punctuation stuck to a word (Mali, → Mali;)", () => {
		const glued = diffOf(
			change({
				status: "reworded",
				from: [op(1)],
				to: [op(1)],
				segments: [eq("in Mali"), del(","), ins(";"), eq("and")],
			}),
		);
		const markdown = renderMarkdown(glued);
		const [p] = changeParagraphs(markdown);
		const body = p ? redlinePart(p) : null;
		expect(body && findAll(body, byTag("del")).map((e) => textOf(e))).toEqual([","]);
		expect(body && findAll(body, byTag("strong")).map((e) => textOf(e))).toEqual([";"]);
		expect(markdown).toContain(`in Mali${HAIR_SPACE}~~,~~**;**${HAIR_SPACE}and`);
	});

	it("keeps spaces at the edges of a change outside its mark, so the mark holds", () => {
		const spaced = diffOf(
			change({
				status: "reworded",
				from: [op(1)],
				to: [op(1)],
				segments: [eq("Urges"), ins(" all "), eq("States")],
			}),
		);
		expect(renderMarkdown(spaced)).toContain("Urges **all** States");
	});
});

describe("renderMarkdown: labels and summary", () => {
	const md = renderMarkdown(diff);
	const labels = changeParagraphs(md).map((p) => textOf(p).split("\n")[0] ?? "");

	it("labels every status in words, moves, lead shifts and routine updates", () => {
		expect(labels[0]).toBe("PP1 · = Unchanged");
		expect(labels[1]).toBe("PP2 · ≈ Reworded · ↻ Routine update");
		expect(labels[2]).toBe("PP3 (was PP5) · = Unchanged · ↕ Moved");
		expect(labels[3]).toBe("PP4 · + New");
		expect(labels[5]).toBe("OP1 · ≈ Reworded · ▲ Lead stronger: Encourages → Urges");
		expect(labels[6]).toBe("OP2 · ≈ Reworded · † Footnotes changed");
		// A removed paragraph names the text it was in: the OP3 below it is the new text's.
		expect(labels[7]).toBe("34/39 OP3 · − Removed");
		expect(labels[8]).toBe("OP3 (merged from OP4 + OP5) · ∪ Merged");
		expect(labels[9]).toBe("OP4 + OP5 (split from OP6) · ÷ Split");
		expect(labels[10]).toBe("OP6 (was OP7) · ≈ Reworded · ▼ Lead weaker: Demands → Calls upon");
		expect(labels[11]).toBe("OP7 (was PP6) · ≈ Reworded");
		expect(labels[12]).toBe(
			"OP8 (was OP9) · ≈ Reworded · ↕ Moved · ◆ Lead changed: Notes → Decides",
		);
	});

	it("gives changed footnotes, both sides, in a paragraph after the change", () => {
		const tree = parseHtml(toHtml(md));
		const notes = findAll(tree, byTag("p"))
			.map((p) => renderedLines(p))
			.filter((t) => t.startsWith("Footnotes in"));
		expect(notes).toEqual([
			"Footnotes in 34/39: [1] A/HRC/37/78.\nFootnotes in 37/39: [1] A/HRC/40/1.",
		]);
	});

	it("opens with a title, the two versions and a table of counts", () => {
		const tree = parseHtml(toHtml(md));
		expect(findAll(tree, byTag("h2")).map((h) => textOf(h))).toEqual([
			"Changes from A/HRC/RES/34/39 to A/HRC/RES/37/39",
		]);
		expect(md).toContain(
			"From A/HRC/RES/34/39 (adopted 24 March 2017) to A/HRC/RES/37/39 (adopted 23 March 2018).",
		);
		const rows = findAll(tree, byTag("tr")).map((tr) =>
			findAll(tr, byTag("td")).map((td) => textOf(td)),
		);
		expect(rows).toContainEqual(["+ New", "1"]);
		expect(rows).toContainEqual(["≈ Reworded", "7"]);
		expect(rows).toContainEqual(["↕ Moved", "2"]);
		expect(rows).toContainEqual(["◆ Lead changed", "1"]);
	});

	it("leaves out unchanged and routine paragraphs when asked, and the title at level 0", () => {
		const short = renderMarkdown(diff, { omitUnchanged: true, omitRoutine: true, headingLevel: 0 });
		const shortLabels = changeParagraphs(short).map((p) => textOf(p).split("\n")[0]);
		expect(shortLabels).not.toContain("PP1 · = Unchanged");
		expect(shortLabels.some((l) => l?.startsWith("PP2"))).toBe(false);
		expect(shortLabels).toContain("PP3 (was PP5) · = Unchanged · ↕ Moved");
		expect(short.startsWith("#")).toBe(false);
	});
});
