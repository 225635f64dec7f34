/**
 * A structured diff built by hand, with synthetic texts (invented for these
 * tests, not from any resolution), that holds every status the renderers
 * must show: unchanged, reworded, routine, moved, new, removed, merged,
 * split, lead phrases stronger, weaker and changed, a preambular paragraph
 * turned operative, sub-paragraphs, changed footnotes, and texts full of
 * HTML and Markdown metacharacters. It is validated against the schema.
 */
import { summarize } from "../../../src/core/diff/compare.ts";
import {
	type Change,
	type ParagraphPointer,
	type Segment,
	StructuredDiff,
} from "../../../src/core/diff/schema.ts";

export const pp = (n: number): ParagraphPointer => ({
	ref: `PP${n}`,
	kind: "preambular",
	number: null,
});
export const op = (n: number): ParagraphPointer => ({
	ref: `OP${n}`,
	kind: "operative",
	number: n,
});

const eq = (text: string): Segment => ({ op: "equal", text });
const ins = (text: string): Segment => ({ op: "insert", text });
const del = (text: string): Segment => ({ op: "delete", text });

/** A synthetic paragraph that tries every way to break out of HTML and Markdown. */
export const HOSTILE_TEXT =
	"Noting (synthetic) <script>alert(1)</script> & \"double\" 'single' *stars* _under_ [link](javascript:alert(1)) ~tilde~ `code` # hash | pipe $x$ @mention <b>bold</b> &amp; \\ backslash,";

function change(
	partial: Partial<Change> & Pick<Change, "status" | "from" | "to" | "segments">,
): Change {
	const lone = partial.from.length === 0 || partial.to.length === 0;
	return {
		moved: false,
		similarity: 1,
		lead: null,
		routine: false,
		confidence: lone ? null : "high",
		candidates: [],
		decidedBy: "engine",
		...partial,
	};
}

const same = (from: string, to = from) => ({ from, to, shift: "same" as const });

export const CHANGES: readonly Change[] = [
	change({
		status: "unchanged",
		from: [pp(1)],
		to: [pp(1)],
		lead: same("Guided by"),
		segments: [eq("Guided by the synthetic principles of this test fixture,")],
	}),
	change({
		status: "reworded",
		from: [pp(2)],
		to: [pp(2)],
		similarity: 0.8,
		lead: same("Recalling"),
		routine: true,
		segments: [
			eq("Recalling its synthetic resolution "),
			del("34/39 of 24 March 2017"),
			ins("37/39 of 23 March 2018"),
			eq(","),
		],
	}),
	change({
		status: "unchanged",
		moved: true,
		from: [pp(5)],
		to: [pp(3)],
		lead: same("Reaffirming"),
		segments: [eq("Reaffirming a synthetic commitment that moved up,")],
	}),
	change({ status: "new", from: [], to: [pp(4)], similarity: 0, segments: [ins(HOSTILE_TEXT)] }),
	change({
		status: "reworded",
		from: [pp(3)],
		to: [pp(5)],
		similarity: 0.7,
		lead: same("Recalling"),
		segments: [
			eq("Recalling the synthetic situation in Mali"),
			del(","),
			ins(";"),
			eq(" "),
			del("<b>old</b> *x*"),
			ins("[new](y) & _z_"),
			eq(" and others,"),
		],
	}),
	change({
		status: "reworded",
		from: [op(1)],
		to: [op(1)],
		similarity: 0.9,
		lead: { from: "Encourages", to: "Urges", shift: "stronger" },
		segments: [
			del("Encourages"),
			ins("Urges"),
			eq(" all parties to cooperate"),
			ins(" fully"),
			eq(","),
		],
	}),
	change({
		status: "reworded",
		from: [op(2)],
		to: [op(2)],
		similarity: 0.85,
		lead: same("Requests"),
		segments: [
			eq("Requests the synthetic secretariat:\n(a) To report"),
			ins(" in writing"),
			eq(";\n(b) To assist"),
			del("."),
			ins(";\n(c) To follow up."),
		],
		footnotes: {
			from: [{ mark: "1", text: "A/HRC/37/78." }],
			to: [{ mark: "1", text: "A/HRC/40/1." }],
		},
	}),
	change({
		status: "removed",
		from: [op(3)],
		to: [],
		similarity: 0,
		segments: [del("Calls upon all synthetic parties to cooperate fully;")],
	}),
	change({
		status: "merged",
		from: [op(4), op(5)],
		to: [op(3)],
		similarity: 0.75,
		lead: same("Decides"),
		segments: [eq("Decides to act"), del(";\nAlso decides"), ins(" and"), eq(" to report.")],
	}),
	change({
		status: "split",
		from: [op(6)],
		to: [op(4), op(5)],
		similarity: 0.75,
		lead: same("Calls upon"),
		segments: [
			eq("Calls upon the synthetic parties to engage"),
			del(" and"),
			ins(";\nRequests them"),
			eq(" to report back."),
		],
	}),
	change({
		status: "reworded",
		from: [op(7)],
		to: [op(6)],
		similarity: 0.6,
		lead: { from: "Demands", to: "Calls upon", shift: "weaker" },
		segments: [
			del("Demands that"),
			ins("Calls upon"),
			eq(" all synthetic parties "),
			ins("to "),
			eq("comply."),
		],
	}),
	change({
		status: "reworded",
		from: [pp(6)],
		to: [op(7)],
		similarity: 0.9,
		lead: same("Welcoming", "Welcomes"),
		segments: [del("Welcoming"), ins("Welcomes"), eq(" the synthetic report"), del(","), ins(";")],
	}),
	change({
		status: "reworded",
		moved: true,
		from: [op(9)],
		to: [op(8)],
		similarity: 0.5,
		lead: { from: "Notes", to: "Decides", shift: "changed" },
		segments: [del("Notes"), ins("Decides to adopt"), eq(" the synthetic plan.")],
	}),
];

/** The whole synthetic diff, checked against the schema so it is one `compare` could return. */
export function syntheticDiff(): StructuredDiff {
	return StructuredDiff.parse({
		from: { symbol: "A/HRC/RES/34/39", title: "Synthetic fixture, earlier", date: "2017-03-24" },
		to: { symbol: "A/HRC/RES/37/39", title: "Synthetic fixture, later", date: "2018-03-23" },
		summary: summarize(CHANGES),
		changes: CHANGES,
	});
}

/** A diff of one change, for focused tests. */
export function diffOf(...changes: Change[]): StructuredDiff {
	return StructuredDiff.parse({
		from: { symbol: "A/HRC/RES/34/39", title: null, date: null },
		to: { symbol: "A/HRC/RES/37/39", title: null, date: null },
		summary: summarize(changes),
		changes,
	});
}

export { change, del, eq, ins, summarize };

/** The texts of a change's insert (or delete) segments, in order. */
export function segmentTexts(c: Change, op: "insert" | "delete"): string[] {
	return c.segments.filter((s) => s.op === op).map((s) => s.text);
}
