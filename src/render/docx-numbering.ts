/**
 * Operative paragraph numbers for the Word redline. The structured diff holds
 * paragraph texts without their printed numbers, so the Word renderer writes
 * them back: the new text's number for every operative paragraph of the new
 * text. Renumbering is not a change, so a paragraph that kept being operative
 * shows its new number as plain text; a number appears as an insertion only
 * where a paragraph became operative (new, or preambular before), and as a
 * deletion only where one stopped being operative (removed, or preambular
 * now). Accepting all changes thus gives the new text with its numbering.
 *
 * A merged or split change spans several paragraphs, one line each (with
 * sub-paragraphs on lines of their own). Each paragraph's line is the one
 * that starts a line on its side and is not a sub-paragraph; when those lines
 * do not match the change's refs one for one, only the first line is numbered.
 */
import type { Change, ParagraphPointer, Segment } from "../core/diff/schema.ts";
import type { RedlineLine } from "./segments.ts";

/** A sub-paragraph's label as printed at a line's start: "(a)", "(iv)". */
const SUBPARAGRAPH_LABEL = /^\s*\([a-z0-9]{1,6}\)/i;

function lineText(line: RedlineLine, skip: Segment["op"]): string {
	return line.runs
		.filter((r) => r.op !== skip)
		.map((r) => r.text)
		.join("");
}

/**
 * Which lines begin a paragraph of one side: a line exists on the new side
 * unless the break before it was deleted, on the old side unless it was inserted.
 */
function paragraphStarts(lines: readonly RedlineLine[], side: "old" | "new"): number[] {
	const other = side === "new" ? "delete" : "insert";
	const starts: number[] = [];
	lines.forEach((line, i) => {
		const startsLine = i === 0 || lines[i - 1]?.end !== other;
		const text = lineText(line, other);
		if (startsLine && text.trim() !== "" && !SUBPARAGRAPH_LABEL.test(text)) starts.push(i);
	});
	return starts;
}

/** The printed number of each paragraph of one side, by the line it starts on. */
function numbersByLine(
	lines: readonly RedlineLine[],
	pointers: readonly ParagraphPointer[],
	side: "old" | "new",
): Map<number, number> {
	const byLine = new Map<number, number>();
	const starts = paragraphStarts(lines, side);
	const lineOf = (k: number) =>
		starts.length === pointers.length ? starts[k] : k === 0 ? (starts[0] ?? 0) : undefined;
	pointers.forEach((p, k) => {
		const line = lineOf(k);
		if (line !== undefined && p.kind === "operative" && p.number !== null)
			byLine.set(line, p.number);
	});
	return byLine;
}

/**
 * The number to print before each line, as a redline segment (`equal` for a
 * kept number, `insert` or `delete` where operative-ness changed), or null.
 *
 * @example
 * lineNumbers({ ...change, from: [OP4], to: [OP5] }, lines) // [{ op: "equal", text: "5." }]
 */
export function lineNumbers(change: Change, lines: readonly RedlineLine[]): (Segment | null)[] {
	const newNumbers = numbersByLine(lines, change.to, "new");
	const oldNumbers = numbersByLine(lines, change.from, "old");
	return lines.map((_, i) => {
		const next = newNumbers.get(i);
		const old = oldNumbers.get(i);
		if (next !== undefined) return { op: old !== undefined ? "equal" : "insert", text: `${next}.` };
		if (old !== undefined) return { op: "delete", text: `${old}.` };
		return null;
	});
}
