/** compare(): one small case per behaviour, on synthetic texts. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Change, compare, StructuredDiff } from "../../src/core/diff/index.ts";
import { LimitError } from "../../src/core/errors.ts";
import { paragraphText, type Resolution } from "../../src/core/model.ts";
import { MAX_PARAGRAPHS, parseResolution } from "../../src/core/parse/index.ts";
import { arbitraryResolution } from "../helpers/arbitraries.ts";
import { shippedText } from "../helpers/paths.ts";
import { synthetic } from "../helpers/texts.ts";

const refs = (c: Change) =>
	`${c.from.map((p) => p.ref).join("+") || "-"} > ${c.to.map((p) => p.ref).join("+") || "-"}`;
const outline = (changes: readonly Change[]) =>
	changes.map((c) => `${refs(c)} ${c.status}${c.moved ? " moved" : ""}`);

const PP = [
	"Recalling its resolutions on technical assistance to the country concerned,",
	"Deeply concerned about the deterioration of the security situation in the northern regions,",
];
const OP = [
	"1. Strongly condemns the attacks against civilians and peacekeepers in the northern regions;",
	"2. Calls upon the Government to investigate all allegations of violations and to bring perpetrators to justice;",
	"3. Encourages the authorities to strengthen the national human rights institution in line with the Paris Principles;",
	"4. Requests the Independent Expert to submit a report to the Council at its fortieth session;",
	"5. Decides to remain seized of the matter.",
];
const base = synthetic("90/1", ...PP, ...OP);
const renumber = (ops: string[]) => ops.map((p, i) => p.replace(/^\d+\./, `${i + 1}.`));

describe("compare", () => {
	it("finds nothing but unchanged paragraphs between a text and itself", () => {
		const diff = compare(base, base);
		expect(
			diff.changes.every((c) => c.status === "unchanged" && !c.moved && c.similarity === 1),
		).toBe(true);
		expect(diff.summary).toMatchObject({ unchanged: 7, reworded: 0, new: 0, removed: 0, moved: 0 });
		expect(StructuredDiff.parse(diff)).toEqual(diff);
	});

	it("treats renumbering alone as unchanged, never moved", () => {
		const inserted =
			"1. Welcomes the establishment of a commission of inquiry into the events of the past year;";
		const next = synthetic("90/2", ...PP, ...renumber([inserted, ...OP]));
		expect(outline(compare(base, next).changes)).toEqual([
			"PP1 > PP1 unchanged",
			"PP2 > PP2 unchanged",
			"- > OP1 new",
			"OP1 > OP2 unchanged",
			"OP2 > OP3 unchanged",
			"OP3 > OP4 unchanged",
			"OP4 > OP5 unchanged",
			"OP5 > OP6 unchanged",
		]);
	});

	it("marks only the paragraph whose place in the order changed as moved", () => {
		const [a, b, c, d, e] = OP as [string, string, string, string, string];
		const next = synthetic("90/2", ...PP, ...renumber([a, c, d, b, e]));
		const moved = compare(base, next).changes.filter((x) => x.moved);
		expect(moved.map(refs)).toEqual(["OP2 > OP4"]);
		expect(moved[0]?.status).toBe("unchanged");
	});

	it("places a removed paragraph where it stood, in the new text's order", () => {
		const next = synthetic("90/2", ...PP, ...renumber([OP[0], OP[2], OP[3], OP[4]] as string[]));
		expect(outline(compare(base, next).changes).slice(2, 5)).toEqual([
			"OP1 > OP1 unchanged",
			"OP2 > - removed",
			"OP3 > OP2 unchanged",
		]);
	});

	it("pairs a preambular paragraph that became operative as one change across kinds", () => {
		const promoted =
			"1. Expresses deep concern about the deterioration of the security situation in the northern regions;";
		const next = synthetic("90/2", PP[0] as string, ...renumber([promoted, ...OP]));
		const change = compare(base, next).changes.find((c) => c.from[0]?.ref === "PP2");
		expect(change).toMatchObject({
			status: "reworded",
			from: [{ ref: "PP2", kind: "preambular", number: null }],
			to: [{ ref: "OP1", kind: "operative", number: 1 }],
			lead: { from: "Deeply concerned about", to: "Expresses deep concern about", shift: "same" },
			similarity: 1,
		});
	});

	it("finds a merge: one paragraph whose words cover two of the old text", () => {
		const merged =
			"2. Calls upon the Government to investigate all allegations of violations and to bring perpetrators to justice, and encourages the authorities to strengthen the national human rights institution in line with the Paris Principles;";
		const next = synthetic("90/2", ...PP, ...renumber([OP[0], merged, OP[3], OP[4]] as string[]));
		const change = compare(base, next).changes.find((c) => c.status === "merged");
		expect(change && refs(change)).toBe("OP2+OP3 > OP2");
		expect(compare(base, next).summary).toMatchObject({ merged: 1, removed: 0, new: 0 });
	});

	it("finds a split: one old paragraph whose words cover two new ones", () => {
		const old = synthetic(
			"90/1",
			...PP,
			...renumber([
				OP[0],
				"2. Calls upon the Government to investigate all allegations of violations and to bring perpetrators to justice, and encourages the authorities to strengthen the national human rights institution in line with the Paris Principles;",
				OP[3],
				OP[4],
			] as string[]),
		);
		const change = compare(old, base).changes.find((c) => c.status === "split");
		expect(change && refs(change)).toBe("OP2 > OP2+OP3");
	});

	it.each([
		["Encourages", "Urges", "stronger"],
		["Encourages", "Invites", "weaker"],
		["Encourages", "Decides", "changed"],
		["Encourages", "Also encourages", "same"],
	])("says a lead shift from %s to %s is %s", (from, to, shift) => {
		const next = synthetic("90/2", ...PP, ...OP.map((p) => p.replace(`3. ${from}`, `3. ${to}`)));
		const change = compare(base, next).changes.find((c) => c.to[0]?.ref === "OP3");
		expect(change).toMatchObject({ status: "reworded", lead: { from, to, shift } });
		expect(compare(base, next).summary.leadShifts).toEqual({
			stronger: shift === "stronger" ? 1 : 0,
			weaker: shift === "weaker" ? 1 : 0,
			changed: shift === "changed" ? 1 : 0,
		});
	});

	it("marks a change of session ordinal as routine, and a change of substance not", () => {
		const bumped = synthetic("90/2", ...PP, ...OP.map((p) => p.replace("fortieth", "forty-third")));
		const routine = compare(base, bumped).changes.find((c) => c.to[0]?.ref === "OP4");
		expect(routine).toMatchObject({ status: "reworded", routine: true });
		const changed = synthetic(
			"90/2",
			...PP,
			...OP.map((p) =>
				p.replace("fortieth session", "fortieth session and to the General Assembly"),
			),
		);
		expect(compare(base, changed).changes.find((c) => c.to[0]?.ref === "OP4")?.routine).toBe(false);
	});

	it("reads a rewritten clause as one deletion and one insertion", () => {
		const next = synthetic(
			"90/2",
			...PP,
			...OP.map((p) =>
				p.replace(
					"to investigate all allegations of violations",
					"to establish without delay an independent inquiry into the events",
				),
			),
		);
		const change = compare(base, next).changes.find((c) => c.to[0]?.ref === "OP2");
		expect(change?.segments).toEqual([
			{ op: "equal", text: "Calls upon the Government to " },
			{ op: "delete", text: "investigate all allegations of violations" },
			{ op: "insert", text: "establish without delay an independent inquiry into the events" },
			{ op: "equal", text: " and to bring perpetrators to justice;" },
		]);
	});

	it("does not count a renumbered footnote as a change, and reports a changed note", () => {
		const withNote = (note: string, id: number) =>
			parseResolution(
				`\t90/3.\tSynthetic test resolution\n\tThe Human Rights Council,\n\tTaking note of the report of the Secretary-General,[footnoteRef:${id}]  [${id}: \t\t${note}]\n\t1.\tDecides to remain seized of the matter.\n`,
			);
		expect(
			compare(withNote("S/2017/1105.", 2), withNote("S/2017/1105.", 7)).changes[0]?.status,
		).toBe("unchanged");
		const changed = compare(withNote("S/2017/1105.", 2), withNote("S/2018/273.", 2)).changes[0];
		expect(changed).toMatchObject({
			status: "reworded",
			routine: true,
			footnotes: {
				from: [{ mark: "1", text: "S/2017/1105." }],
				to: [{ mark: "1", text: "S/2018/273." }],
			},
		});
	});

	it("does not let a page footer from a PDF make an unchanged paragraph look rewritten", () => {
		const damaged = synthetic(
			"90/2",
			...PP,
			...OP.map((p) => p.replace("to submit a report", "to submit 4 GE.18-05349 a report")),
		);
		const change = compare(base, damaged).changes.find((c) => c.to[0]?.ref === "OP4");
		expect(change).toMatchObject({ status: "unchanged", similarity: 1 });
	});

	it("stops diffing words after a deadline and shows changed paragraphs as replaced, alignment intact", () => {
		const next = synthetic(
			"90/2",
			...PP,
			...OP.map((p) => p.replace("to investigate all allegations", "to look into all allegations")),
		);
		const late = compare(base, next, { deadline: Date.now() - 1 });
		const change = late.changes.find((c) => c.to[0]?.ref === "OP2");
		expect(change?.status).toBe("reworded");
		expect(change?.segments.map((s) => s.op)).toEqual(["delete", "insert"]);
		expect(outline(late.changes)).toEqual(outline(compare(base, next).changes));
	});

	it("refuses a resolution with more paragraphs than the parser would accept", () => {
		const one = base.paragraphs[0];
		if (!one) throw new Error("no paragraph");
		const huge = {
			...base,
			paragraphs: Array.from({ length: MAX_PARAGRAPHS + 1 }, (_, i) => ({
				...one,
				ref: `PP${i + 1}`,
			})),
		};
		expect(() => compare(base, huge)).toThrow(LimitError);
		expect(() => compare(base, huge)).toThrow(
			`has ${MAX_PARAGRAPHS + 1} paragraphs; the limit is ${MAX_PARAGRAPHS}`,
		);
	});

	it("keeps the shipped text's 53 paragraphs unchanged against itself", () => {
		const res = parseResolution(shippedText());
		const diff = compare(res, res);
		expect(diff.summary.unchanged).toBe(53);
		expect(diff.changes).toHaveLength(53);
	});
});

describe("compare properties", () => {
	const texts = (c: Change, ops: readonly string[]) =>
		c.segments
			.filter((s) => ops.includes(s.op))
			.map((s) => s.text)
			.join("");
	const joined = (res: Resolution, refs: readonly { ref: string }[]) =>
		refs
			.map((r) =>
				paragraphText(
					res.paragraphs.find((p) => p.ref === r.ref) ??
						res.paragraphs[0] ?? { lead: "", body: "", subparagraphs: [] },
				),
			)
			.join("\n");

	it("gives only unchanged paragraphs for a text and itself", () => {
		fc.assert(
			fc.property(arbitraryResolution, (res) => {
				expect(compare(res, res).changes.every((c) => c.status === "unchanged" && !c.moved)).toBe(
					true,
				);
			}),
			{ numRuns: 100 },
		);
	});

	it("reassembles both texts from every change's segments, and accounts for every paragraph once", () => {
		fc.assert(
			fc.property(arbitraryResolution, arbitraryResolution, (a, b) => {
				const diff = compare(a, b);
				for (const c of diff.changes) {
					expect(texts(c, ["equal", "insert"])).toBe(joined(b, c.to));
					expect(texts(c, ["equal", "delete"])).toBe(joined(a, c.from));
				}
				expect(diff.changes.flatMap((c) => c.from.map((p) => p.ref)).sort()).toEqual(
					a.paragraphs.map((p) => p.ref).sort(),
				);
				// Each new paragraph once, entries in the order of their first new paragraph
				// (a split's later part, with one paragraph between, comes after that one).
				expect(diff.changes.flatMap((c) => c.to.map((p) => p.ref)).sort()).toEqual(
					b.paragraphs.map((p) => p.ref).sort(),
				);
				const firsts = diff.changes.flatMap((c) =>
					c.to[0] ? [b.paragraphs.findIndex((p) => p.ref === c.to[0]?.ref)] : [],
				);
				expect(firsts).toEqual([...firsts].sort((x, y) => x - y));
			}),
			{ numRuns: 100 },
		);
	});
});
