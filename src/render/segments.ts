/**
 * Reading a change's redline segments the way renderers need them: the old
 * and new texts, and the redline cut into lines. A change's text holds one
 * line per paragraph and sub-paragraph (merged and split changes span several
 * paragraphs), so a newline inside an inserted or deleted run is itself an
 * insertion or deletion: two lines joined or one line broken.
 */
import type { Segment } from "../core/diff/schema.ts";

export type SegmentOp = Segment["op"];

/** The old text: equal and deleted runs. */
export function oldText(segments: readonly Segment[]): string {
	return segments
		.filter((s) => s.op !== "insert")
		.map((s) => s.text)
		.join("");
}

/** The new text: equal and inserted runs. */
export function newText(segments: readonly Segment[]): string {
	return segments
		.filter((s) => s.op !== "delete")
		.map((s) => s.text)
		.join("");
}

export interface RedlineLine {
	/** The runs on this line, none of them holding a newline and none empty. */
	readonly runs: readonly Segment[];
	/**
	 * How the line ends: the op of the run whose newline closes it (`delete`:
	 * the new text joins this line to the next), or null for the last line.
	 */
	readonly end: SegmentOp | null;
}

/**
 * The redline cut at its newlines.
 *
 * @example
 * redlineLines([{ op: "equal", text: "Urges" }, { op: "insert", text: "\n(a) all" }])
 * // [{ runs: [equal "Urges"], end: "insert" }, { runs: [insert "(a) all"], end: null }]
 */
export function redlineLines(segments: readonly Segment[]): RedlineLine[] {
	const lines: RedlineLine[] = [];
	let runs: Segment[] = [];
	for (const s of segments) {
		const parts = s.text.split("\n");
		parts.forEach((text, i) => {
			if (i > 0) {
				lines.push({ runs, end: s.op });
				runs = [];
			}
			if (text !== "") runs.push({ op: s.op, text });
		});
	}
	lines.push({ runs, end: null });
	return lines;
}

/** Whether a line exists in the new text: it is its first line, or the line before it ends in a kept break. */
export function startsNewLine(lines: readonly RedlineLine[], index: number): boolean {
	if (index === 0) return true;
	const end = lines[index - 1]?.end;
	return end === "equal" || end === "insert";
}
