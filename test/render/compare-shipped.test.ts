/**
 * The renderers on what `compare` really returns: the shipped 37/39 against
 * a copy edited here by string edits. The edited copy is synthetic (it is no
 * resolution; its symbol 40/99 and its title say so): a lead verb
 * strengthened, a session ordinal bumped, an operative paragraph removed, a
 * new one full of HTML and Markdown metacharacters, two paragraphs merged, one
 * split, and a preambular paragraph moved.
 */
import { describe, expect, it } from "vitest";
import { compare } from "../../src/core/diff/index.ts";
import { StructuredDiff } from "../../src/core/diff/schema.ts";
import { paragraphText } from "../../src/core/model.ts";
import { parseResolution } from "../../src/core/parse/index.ts";
import { anchorId, renderDocx, renderHtml, renderMarkdown } from "../../src/render/index.ts";
import { shippedText } from "../helpers/paths.ts";
import { bodyParagraphs, readDocx, resolvedParagraphs, trackedRuns } from "./helpers/docx.ts";
import {
	attr,
	byClass,
	byTag,
	findAll,
	parseHtml,
	screenReaderOnly,
	textOf,
} from "./helpers/dom.ts";
import { expectMarkdownReadsBack } from "./helpers/markdown.ts";

const INSERTED =
	"Synthetic test paragraph: Requests <script>alert(1)</script> & \"quotes\" 'single' _under_ [link](x) `code` # not a heading;";

/** The shipped text with the edits above, operative paragraphs renumbered as a drafter would. */
function syntheticEdit(text: string): string {
	let lines = text.split("\n");
	const op = (n: number) => {
		const i = lines.findIndex((l) => l.startsWith(`\t${n}.\t`));
		if (i < 0) throw new Error(`no OP${n} in the shipped text`);
		return i;
	};
	const edit = (i: number, from: string | RegExp, to: string) => {
		const line = lines[i] ?? "";
		const next = line.replace(from, to);
		if (next === line) throw new Error(`edit did not apply: ${String(from)}`);
		lines[i] = next;
	};
	edit(op(7), "Encourages the Malian", "Urges the Malian");
	edit(op(27), "fortieth session", "forty-third session");
	edit(op(21), " and welcomes the arrangements", ";\n\t21.\tWelcomes the arrangements");
	// OP29 and OP30 become one paragraph.
	edit(op(29), /;\s*$/, `, and ${(lines[op(30)] ?? "").replace(/^\t30\.\tRequests/, "requests")}`);
	lines.splice(op(30), 1);
	lines.splice(op(25), 1);
	lines.splice(op(12) + 1, 0, `\t12.\t${INSERTED}`);
	// PP2 goes three places down.
	const pp2 = lines.findIndex((l) => l.includes("Reaffirming the Universal Declaration"));
	const [moved] = lines.splice(pp2, 1);
	lines.splice(pp2 + 3, 0, moved ?? "");
	lines = lines.join("\n").split("\n");
	let n = 0;
	lines = lines.map((l) => (/^\t\d+\.\t/.test(l) ? l.replace(/^\t\d+\./, `\t${++n}.`) : l));
	edit(0, "37/39.\tTechnical", "40/99.\tSynthetic edit of 37/39: Technical");
	return lines.join("\n");
}

const oldRes = parseResolution(shippedText());
const newRes = parseResolution(syntheticEdit(shippedText()));
const diff = compare(oldRes, newRes);

describe("rendering compare(shipped 37/39, a synthetic edit of it)", () => {
	it("is a diff with the edits in it", () => {
		expect(StructuredDiff.parse(diff)).toEqual(diff);
		expect(newRes.title).toMatch(/^Synthetic edit/);
		// Each edit of syntheticEdit, by the refs it gives: OP1-12 keep their numbers, the insertion
		// is OP13, old OP13-20 become OP14-21, OP21's halves OP22 and OP23, old OP22-24 become
		// OP24-26, OP25 goes, OP26-28 become OP27-29, OP29 and OP30 merge into OP30; PP2 goes
		// three places down, to PP5, and the three after it move up without moving.
		const row = (c: (typeof diff.changes)[number]) =>
			`${c.status}${c.moved ? " moved" : ""}${c.routine ? " routine" : ""}${c.lead && c.lead.shift !== "same" ? ` lead ${c.lead.shift}` : ""} ${c.from.map((p) => p.ref).join("+")}>${c.to.map((p) => p.ref).join("+")}`;
		expect(diff.changes.filter((c) => c.status !== "unchanged" || c.moved).map(row)).toEqual([
			"unchanged moved PP2>PP5",
			"reworded lead stronger OP7>OP7",
			"new >OP13",
			"split OP21>OP22+OP23",
			"removed OP25>",
			"reworded routine OP27>OP28",
			"merged OP29+OP30>OP30",
		]);
		expect(diff.summary).toMatchObject({
			unchanged: 47,
			reworded: 2,
			routine: 1,
			new: 1,
			removed: 1,
			merged: 1,
			split: 1,
			moved: 1,
			leadShifts: { stronger: 1, weaker: 0, changed: 0 },
		});
	});

	it("HTML: a block per change, anchored at every paragraph of the new text, redline as in the diff", () => {
		const tree = parseHtml(renderHtml(diff));
		const blocks = findAll(tree, byClass("rd-para"));
		expect(blocks.map((b) => attr(b, "id"))).toEqual(diff.changes.map(anchorId));
		const ids = new Set(
			findAll(tree, (el) => attr(el, "id") !== undefined).map((el) => attr(el, "id")),
		);
		for (const p of newRes.paragraphs) expect(ids, p.ref).toContain(p.ref);
		expect(findAll(tree, byTag("script"))).toEqual([]);
		diff.changes.forEach((c, i) => {
			const block = blocks[i];
			if (!block) throw new Error(`no block for change ${i}`);
			const texts = (tag: string) =>
				findAll(block, byTag(tag)).map((e) => textOf(e, screenReaderOnly));
			expect(texts("ins")).toEqual(c.segments.filter((s) => s.op === "insert").map((s) => s.text));
			expect(texts("del")).toEqual(c.segments.filter((s) => s.op === "delete").map((s) => s.text));
		});
	});

	it("Markdown: insertions and deletions read back, the inserted markup inert", () => {
		const md = renderMarkdown(diff);
		expectMarkdownReadsBack(diff, md);
		expect(md).toContain("\\<script\\>alert(1)\\</script\\>");
	});

	it("Word: accepting all changes gives the new text, numbered as it is", async () => {
		const docx = await readDocx(await renderDocx(diff, { date: "2018-03-23" }));
		const paragraphs = bodyParagraphs(docx.document);
		const text = paragraphs.slice(paragraphs.findIndex((p) => p.style === "Heading2") + 1);
		const accepted = resolvedParagraphs(text, "accept");
		const expected = newRes.paragraphs.flatMap((p) => {
			const [first, ...subs] = paragraphText(p).split("\n");
			return [p.number === null ? first : `${p.number}.\t${first}`, ...subs];
		});
		expect(accepted).toEqual(expected);
		const inserted = trackedRuns(docx.document, "w:ins").filter((r) => !r.isNumber);
		expect(inserted.map((r) => r.text)).toEqual(
			diff.changes.flatMap((c) =>
				c.segments
					.filter((s) => s.op === "insert")
					.flatMap((s) => s.text.split("\n").filter((t) => t !== "")),
			),
		);
	});
});
