/**
 * The word-level redline as a reader sees it: a space that only moved to the
 * other side of an insertion is not shown as deleted (a struck-through space
 * reads as a dash: "protect-, respect and fulfil"), and the redline still
 * gives back both texts exactly.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { redline } from "../../src/core/diff/redline.ts";
import type { Segment } from "../../src/core/diff/schema.ts";

const join = (segments: readonly Segment[], skip: Segment["op"]) =>
	segments
		.filter((s) => s.op !== skip)
		.map((s) => s.text)
		.join("");

/** Deleted runs that are only spaces, beside an insertion: what a reader sees as a stray dash. */
function strayDashes(segments: readonly Segment[]): Segment[] {
	return segments.filter(
		(s, i) =>
			s.op === "delete" &&
			s.text.trim() === "" &&
			(segments[i - 1]?.op === "insert" || segments[i + 1]?.op === "insert"),
	);
}

describe("redline", () => {
	it("inserts a clause after a word without striking the space it was followed by", () => {
		const before = "to continue its efforts to protect human rights and to promote reconciliation";
		const after =
			"to continue its efforts to protect, respect and fulfil human rights and to promote reconciliation";
		const segments = redline(before, after);
		expect(segments).toEqual([
			{ op: "equal", text: "to continue its efforts to protect" },
			{ op: "insert", text: ", respect and fulfil" },
			{ op: "equal", text: " human rights and to promote reconciliation" },
		]);
	});

	it("inserts a clause before a word without striking the space before it", () => {
		const segments = redline(
			"calls upon the parties",
			"calls upon all armed groups and the parties",
		);
		expect(strayDashes(segments)).toEqual([]);
		expect(join(segments, "delete")).toBe("calls upon all armed groups and the parties");
		expect(segments.some((s) => s.op === "delete")).toBe(false);
	});

	it("still strikes a space that was really deleted", () => {
		const segments = redline("the follow up report", "the follow-up report");
		expect(join(segments, "insert")).toBe("the follow up report");
		expect(join(segments, "delete")).toBe("the follow-up report");
	});

	it("strikes no space for any clause inserted after any word", () => {
		const words = fc.array(fc.constantFrom("rights", "human", "protect", "the", "Mali"), {
			minLength: 2,
			maxLength: 10,
		});
		const clause = fc.array(fc.constantFrom("respect", "fulfil", "and", "promote"), {
			minLength: 1,
			maxLength: 4,
		});
		fc.assert(
			fc.property(words, clause, fc.nat(), (ws, cs, at) => {
				const k = 1 + (at % (ws.length - 1));
				const before = ws.join(" ");
				const after = `${ws.slice(0, k).join(" ")}, ${cs.join(" ")} ${ws.slice(k).join(" ")}`;
				const segments = redline(before, after);
				expect(join(segments, "delete")).toBe(after);
				expect(strayDashes(segments)).toEqual([]);
			}),
			{ numRuns: 300 },
		);
	});

	it("gives back both texts, with no struck space beside an insertion, for any rewording", () => {
		const word = fc.constantFrom(
			"rights",
			"human",
			"protect",
			"respect",
			"fulfil",
			"and",
			",",
			";",
		);
		const text = fc.array(word, { minLength: 1, maxLength: 14 }).map((w) => w.join(" "));
		fc.assert(
			fc.property(text, text, (before, after) => {
				const segments = redline(before, after);
				expect(join(segments, "insert")).toBe(before);
				expect(join(segments, "delete")).toBe(after);
				expect(strayDashes(segments)).toEqual([]);
			}),
			{ numRuns: 300 },
		);
	});
});
