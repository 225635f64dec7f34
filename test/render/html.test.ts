import { describe, expect, it } from "vitest";
import { anchorId, REDLINE_CSS, renderHtml } from "../../src/render/index.ts";
import { newText, oldText } from "../../src/render/segments.ts";
import {
	attr,
	byClass,
	byTag,
	type Element,
	findAll,
	hasClass,
	parseHtml,
	screenReaderOnly,
	textOf,
} from "./helpers/dom.ts";
import {
	CHANGES,
	change,
	del,
	diffOf,
	eq,
	HOSTILE_TEXT,
	ins,
	op,
	segmentTexts,
	syntheticDiff,
} from "./helpers/fixture.ts";

const diff = syntheticDiff();

function blocks(html: string): Element[] {
	return findAll(parseHtml(html), byClass("rd-para"));
}

function labelOf(block: Element): string {
	const label = findAll(block, byClass("rd-label"))[0];
	return label ? textOf(label) : "";
}

function redlineTextOf(block: Element): Element {
	const p = findAll(block, byClass("rd-text"))[0];
	if (!p) throw new Error(`no text in block ${attr(block, "id")}`);
	return p;
}

describe("renderHtml: escaping", () => {
	const html = renderHtml(diff);
	const tree = parseHtml(html);

	it("renders markup in a paragraph as text, not as elements", () => {
		expect(findAll(tree, byTag("script"))).toEqual([]);
		expect(findAll(tree, byTag("b")).map((b) => textOf(b))).not.toContain("bold");
		expect(findAll(tree, byTag("a"))).toEqual([]);
		const block = blocks(html).find((b) => attr(b, "id") === "PP4");
		expect(block && textOf(redlineTextOf(block), screenReaderOnly)).toBe(HOSTILE_TEXT);
	});

	it("escapes attribute values: refs and symbols cannot open a tag or an attribute", () => {
		const evilRef = `OP1"><script>alert(1)</script><x y='`;
		const evil = diffOf(
			change({
				status: "reworded",
				from: [{ ...op(1), ref: evilRef }],
				to: [{ ...op(1), ref: evilRef }],
				segments: [eq("Urges "), ins("x")],
			}),
		);
		evil.to.symbol = `A/HRC/RES/37/39" onmouseover="alert(1)`;
		const tree = parseHtml(renderHtml(evil));
		expect(findAll(tree, byTag("script"))).toEqual([]);
		expect(findAll(tree, (el) => el.attrs.some((a) => a.name === "onmouseover"))).toEqual([]);
		const [block] = blocks(renderHtml(evil));
		expect(block && attr(block, "id")).toBe(evilRef);
		expect(
			findAll(tree, byClass("rd-redline"))[0]?.attrs.find((a) => a.name === "data-to")?.value,
		).toBe(evil.to.symbol);
	});
});

describe("renderHtml: every status, in words", () => {
	const html = renderHtml(diff);
	const byId = new Map(blocks(html).map((b) => [attr(b, "id"), b]));
	const label = (id: string) => {
		const b = byId.get(id);
		if (!b) throw new Error(`no block ${id}`);
		return labelOf(b);
	};

	it("labels each paragraph with its ref and its status in words", () => {
		expect(label("PP1")).toMatch(/^PP1 .*Unchanged/);
		expect(label("PP4")).toMatch(/New/);
		expect(label("removed-OP3")).toMatch(/^OP3 .*Removed/);
		expect(label("OP1")).toMatch(/Reworded/);
		expect(label("OP3")).toMatch(/merged from OP4 \+ OP5.*Merged/);
		expect(label("OP4")).toMatch(/^OP4 \+ OP5 \(split from OP6\).*Split/);
	});

	it("says in words that a paragraph moved, and where from", () => {
		expect(label("PP3")).toMatch(/\(was PP5\).*Moved/);
		expect(label("OP8")).toMatch(/\(was OP9\).*Moved/);
		expect(label("PP1")).not.toMatch(/Moved/);
	});

	it("calls out lead-phrase shifts, and not when the force is the same", () => {
		expect(label("OP1")).toContain("Lead stronger: Encourages → Urges");
		expect(label("OP6")).toContain("Lead weaker: Demands → Calls upon");
		expect(label("OP8")).toContain("Lead changed: Notes → Decides");
		expect(label("OP7")).not.toMatch(/Lead/);
	});

	it("collapses routine changes in a <details> whose summary is the label", () => {
		const routine = byId.get("PP2");
		expect(routine?.tagName).toBe("details");
		expect(routine && findAll(routine, byTag("summary")).map((s) => textOf(s))).toEqual([
			expect.stringMatching(/Routine update/),
		]);
		const others = blocks(html).filter((b) => attr(b, "id") !== "PP2");
		expect(others.every((b) => b.tagName === "div")).toBe(true);
	});

	it("shows changed footnotes on both sides", () => {
		const block = byId.get("OP2");
		expect(block && labelOf(block)).toContain("Footnotes changed");
		const notes = block ? findAll(block, byClass("rd-notes")).map((n) => textOf(n)) : [];
		expect(notes).toEqual([
			"Footnotes in 34/39: [1] A/HRC/37/78.\nFootnotes in 37/39: [1] A/HRC/40/1.",
		]);
	});

	it("carries the status in data attributes for filters", () => {
		const statuses = blocks(html).map((b) => attr(b, "data-status"));
		expect(statuses).toEqual(CHANGES.map((c) => c.status));
		expect(attr(byId.get("OP8") as Element, "data-moved")).toBe("true");
		expect(attr(byId.get("OP7") as Element, "data-kind")).toBe("operative");
	});
});

describe("renderHtml: anchors", () => {
	const html = renderHtml(diff);

	it("gives every block an id: the new ref, or removed- and the old ref", () => {
		const ids = blocks(html).map((b) => attr(b, "id"));
		expect(ids).toEqual([
			"PP1",
			"PP2",
			"PP3",
			"PP4",
			"PP5",
			"OP1",
			"OP2",
			"removed-OP3",
			"OP3",
			"OP4",
			"OP6",
			"OP7",
			"OP8",
		]);
		expect(ids).toEqual(CHANGES.map(anchorId));
	});

	it("anchors a split's further paragraphs inside its block, and no id twice", () => {
		const tree = parseHtml(html);
		const all = findAll(tree, (el) => attr(el, "id") !== undefined).map((el) => attr(el, "id"));
		expect(new Set(all).size).toBe(all.length);
		const split = blocks(html).find((b) => attr(b, "id") === "OP4");
		expect(split && findAll(split, (el) => attr(el, "id") === "OP5")).toHaveLength(1);
	});

	it("prefixes ids when asked, for two renderings on one page", () => {
		const ids = blocks(renderHtml(diff, { idPrefix: "sbs-" })).map((b) => attr(b, "id"));
		expect(ids[0]).toBe("sbs-PP1");
	});
});

describe("renderHtml: the redline reads back as the diff", () => {
	const html = renderHtml(diff);

	it("has <ins> and <del> whose texts are the diff's insertions and deletions, in order", () => {
		const found = blocks(html);
		CHANGES.forEach((c, i) => {
			const block = found[i] as Element;
			const text = redlineTextOf(block);
			expect(findAll(text, byTag("ins")).map((e) => textOf(e, screenReaderOnly))).toEqual(
				segmentTexts(c, "insert"),
			);
			expect(findAll(text, byTag("del")).map((e) => textOf(e, screenReaderOnly))).toEqual(
				segmentTexts(c, "delete"),
			);
		});
	});

	it("gives back the old and the new text of every paragraph", () => {
		blocks(html).forEach((block, i) => {
			const c = CHANGES[i];
			if (!c) throw new Error("more blocks than changes");
			const text = redlineTextOf(block);
			const skipIns = (el: Element) => screenReaderOnly(el) || el.tagName === "ins";
			const skipDel = (el: Element) => screenReaderOnly(el) || el.tagName === "del";
			expect(textOf(text, skipIns)).toBe(oldText(c.segments));
			expect(textOf(text, skipDel)).toBe(newText(c.segments));
		});
	});

	it("has as many <ins> and <del> as the diff has insertions and deletions (the key uses neither)", () => {
		const tree = parseHtml(html);
		const count = (op: "insert" | "delete") => CHANGES.flatMap((c) => segmentTexts(c, op)).length;
		expect(findAll(tree, byTag("ins"))).toHaveLength(count("insert"));
		expect(findAll(tree, byTag("del"))).toHaveLength(count("delete"));
	});
});

describe("renderHtml: accessibility", () => {
	it("tells screen readers where each insertion and deletion starts and ends", () => {
		const tree = parseHtml(renderHtml(diff));
		for (const el of findAll(tree, (e) => e.tagName === "ins" || e.tagName === "del")) {
			const words = findAll(el, screenReaderOnly).map((s) => textOf(s));
			const name = el.tagName === "ins" ? "insertion" : "deletion";
			expect(words).toEqual([`[${name} start] `, ` [${name} end]`]);
		}
	});

	it("hides the status symbols from screen readers, since the words say it", () => {
		const tree = parseHtml(renderHtml(diff));
		const symbols = findAll(tree, (el) => attr(el, "aria-hidden") === "true").map((s) =>
			textOf(s).trim(),
		);
		expect(symbols).toContain("↕");
		expect(symbols).toContain("▲");
	});

	it("leaves the hidden words out with inline styles, where Word would print them, unless asked", () => {
		const pasted = parseHtml(renderHtml(diff, { inlineStyles: true }));
		expect(findAll(pasted, screenReaderOnly)).toEqual([]);
		const asked = parseHtml(renderHtml(diff, { inlineStyles: true, announceEdits: true }));
		expect(findAll(asked, screenReaderOnly).length).toBeGreaterThan(0);
	});
});

describe("renderHtml: styles", () => {
	it("puts the look in style attributes with inlineStyles, and only classes otherwise", () => {
		const pasted = parseHtml(renderHtml(diff, { inlineStyles: true }));
		const [insEl] = findAll(pasted, byTag("ins"));
		const [delEl] = findAll(pasted, byTag("del"));
		expect(insEl && attr(insEl, "style")).toMatch(/text-decoration: underline/);
		expect(delEl && attr(delEl, "style")).toMatch(/text-decoration: line-through/);
		const styled = findAll(pasted, (el) => hasClass(el, "rd-para") || hasClass(el, "rd-badge"));
		expect(styled.every((el) => (attr(el, "style") ?? "").length > 0)).toBe(true);
		const plain = parseHtml(renderHtml(diff));
		expect(findAll(plain, (el) => attr(el, "style") !== undefined)).toEqual([]);
	});

	it("expands routine changes by default with inline styles, since Word cannot open a <details>", () => {
		const pasted = parseHtml(renderHtml(diff, { inlineStyles: true }));
		expect(findAll(pasted, byTag("details"))).toEqual([]);
	});

	it("ships one stylesheet with every class the fragment uses and a print part", () => {
		const used = new Set(
			findAll(parseHtml(renderHtml(diff, { layout: "side-by-side" })), () => true).flatMap((el) =>
				(attr(el, "class") ?? "").split(/\s+/).filter(Boolean),
			),
		);
		const styledOnly = [...used].filter((c) => REDLINE_CSS.includes(`.${c} `));
		for (const cls of ["rd-ins", "rd-del", "rd-para", "rd-badge", "rd-sr", "rd-sbs"])
			expect(styledOnly).toContain(cls);
		expect(REDLINE_CSS).toMatch(/@media print \{/);
	});
});

describe("renderHtml: options", () => {
	it("leaves out unchanged paragraphs that did not move", () => {
		const ids = blocks(renderHtml(diff, { omitUnchanged: true })).map((b) => attr(b, "id"));
		expect(ids).not.toContain("PP1");
		expect(ids).toContain("PP3");
		expect(ids).toHaveLength(CHANGES.length - 1);
	});

	it("expands or leaves out routine changes", () => {
		const expanded = blocks(renderHtml(diff, { routine: "expanded" })).find(
			(b) => attr(b, "id") === "PP2",
		);
		expect(expanded?.tagName).toBe("div");
		const omitted = blocks(renderHtml(diff, { routine: "omitted" })).map((b) => attr(b, "id"));
		expect(omitted).not.toContain("PP2");
	});

	it("side by side: the old text with its deletions, the new with its insertions", () => {
		const html = renderHtml(diff, { layout: "side-by-side" });
		blocks(html).forEach((block, i) => {
			const c = CHANGES[i];
			if (!c) throw new Error("more blocks than changes");
			const [old] = findAll(block, byClass("rd-old"));
			const [next] = findAll(block, byClass("rd-new"));
			const read = (side: Element | undefined) => {
				const text = side && findAll(side, byClass("rd-text"))[0];
				return text ? textOf(text, screenReaderOnly) : null;
			};
			expect(read(old)).toBe(c.from.length > 0 ? oldText(c.segments) : null);
			expect(read(next)).toBe(c.to.length > 0 ? newText(c.segments) : null);
			if (c.status === "new") expect(old && textOf(old)).toContain("Not in 34/39");
			if (c.status === "removed") expect(next && textOf(next)).toContain("Not in 37/39");
			expect(old && findAll(old, byTag("ins"))).toEqual([]);
			expect(next && findAll(next, byTag("del"))).toEqual([]);
		});
	});

	it("leaves out the summary when asked, and shows its counts otherwise", () => {
		expect(findAll(parseHtml(renderHtml(diff, { summary: false })), byClass("rd-summary"))).toEqual(
			[],
		);
		const counts = findAll(parseHtml(renderHtml(diff)), byClass("rd-count")).map((li) =>
			textOf(li).trim(),
		);
		expect(counts).toContain("+ New: 1");
		expect(counts).toContain("↕ Moved: 2");
		expect(counts).toContain("▲ Lead stronger: 1");
	});

	it("renders sub-paragraph lines as line breaks, inside an insertion too", () => {
		const one = diffOf(
			change({
				status: "reworded",
				from: [op(2)],
				to: [op(2)],
				segments: [eq("Requests:"), ins("\n(a) more")],
			}),
		);
		const [block] = blocks(renderHtml(one));
		const [insEl] = block ? findAll(block, byTag("ins")) : [];
		expect(insEl && findAll(insEl, byTag("br"))).toHaveLength(1);
		expect(block && textOf(redlineTextOf(block), screenReaderOnly)).toBe("Requests:\n(a) more");
		// A lone deletion reads as one too.
		const gone = diffOf(
			change({ status: "removed", from: [op(2)], to: [], segments: [del("Requests:\n(a) all")] }),
		);
		expect(findAll(parseHtml(renderHtml(gone)), byTag("br"))).toHaveLength(1);
	});
});
