/**
 * The word-level redline of one paragraph. Built on `diffArrays` from the
 * `diff` package over words, spaces and punctuation, then made readable:
 * short equal islands between changes are absorbed, so a rewritten clause
 * reads as one deletion and one insertion, not confetti.
 */
import { diffArrays } from "diff";
import type { Segment } from "./schema.ts";
import { isWordToken, redlineTokens } from "./tokens.ts";

/** An equal run between two changes with at most this many words is folded into them. */
export const ISLAND_WORDS = 2;

/** Beyond this many edits a paragraph is shown as wholly replaced: the word diff would be noise. */
export const MAX_REDLINE_EDITS = 5_000;

/** Time allowed to one paragraph's word diff before it is shown as wholly replaced. */
export const REDLINE_TIMEOUT_MS = 500;

/**
 * Redline from `before` to `after`. Joining the `equal` and `insert` texts
 * gives `after` exactly; joining `equal` and `delete` gives `before`.
 *
 * @example
 * `deadline` (a Date.now() value) bounds the time spent: after it, changed
 * paragraphs are shown as wholly replaced rather than diffed word by word.
 *
 * @example
 * redline("Encourages the Government", "Urges the Government")
 * // [{ op: "delete", text: "Encourages" }, { op: "insert", text: "Urges" }, { op: "equal", text: " the Government" }]
 */
export function redline(
	before: string,
	after: string,
	deadline = Number.POSITIVE_INFINITY,
): Segment[] {
	if (before === after) return before === "" ? [] : [{ op: "equal", text: before }];
	if (before === "") return [{ op: "insert", text: after }];
	if (after === "") return [{ op: "delete", text: before }];
	// Past the caller's deadline, or with too little time left, the paragraph is shown as replaced.
	const left = Math.min(REDLINE_TIMEOUT_MS, deadline - Date.now());
	const parts =
		left > 0
			? diffArrays(redlineTokens(before), redlineTokens(after), {
					maxEditLength: MAX_REDLINE_EDITS,
					timeout: left,
				})
			: undefined;
	if (!parts) {
		return [
			{ op: "delete", text: before },
			{ op: "insert", text: after },
		];
	}
	const raw: Segment[] = parts.map((p) => ({
		op: p.added ? "insert" : p.removed ? "delete" : "equal",
		text: p.value.join(""),
	}));
	return tidyEdges(coalesce(absorbIslands(raw)));
}

/**
 * A deletion and an insertion that both end (or begin) with the same space
 * give that space back to the equal text beside them, so the changed words
 * read as words, not as words plus a space. A deletion that was only that
 * space disappears: a struck-through space shows as a dash ("protect-, respect").
 */
function tidyEdges(segments: Segment[]): Segment[] {
	const out = segments.map((s) => ({ ...s }));
	for (let i = 0; i + 1 < out.length; i++) {
		const del = out[i];
		const ins = out[i + 1];
		if (del?.op !== "delete" || ins?.op !== "insert") continue;
		const tail = /\s+$/.exec(del.text)?.[0] ?? "";
		const next = out[i + 2];
		if (tail && ins.text.endsWith(tail) && tail.length < ins.text.length && next?.op === "equal") {
			del.text = del.text.slice(0, -tail.length);
			ins.text = ins.text.slice(0, -tail.length);
			next.text = tail + next.text;
		}
		const head = /^\s+/.exec(del.text)?.[0] ?? "";
		const before = out[i - 1];
		if (
			head &&
			ins.text.startsWith(head) &&
			head.length < ins.text.length &&
			before?.op === "equal"
		) {
			del.text = del.text.slice(head.length);
			ins.text = ins.text.slice(head.length);
			before.text += head;
		}
	}
	return out.filter((s) => s.text !== "");
}

/** Folds short equal runs that sit between two changes into those changes. */
function absorbIslands(segments: readonly Segment[]): Segment[] {
	const out: Segment[] = [];
	for (let i = 0; i < segments.length; i++) {
		const s = segments[i];
		if (!s) continue;
		const between = i > 0 && i < segments.length - 1 && s.op === "equal";
		if (between && wordCount(s.text) <= ISLAND_WORDS) {
			out.push({ op: "delete", text: s.text }, { op: "insert", text: s.text });
		} else {
			out.push(s);
		}
	}
	return out;
}

function wordCount(text: string): number {
	return redlineTokens(text).filter(isWordToken).length;
}

/** Within each run of changes, all deleted text first, then all inserted text. */
function coalesce(segments: readonly Segment[]): Segment[] {
	const out: Segment[] = [];
	let deleted = "";
	let inserted = "";
	const flush = () => {
		if (deleted) out.push({ op: "delete", text: deleted });
		if (inserted) out.push({ op: "insert", text: inserted });
		deleted = "";
		inserted = "";
	};
	for (const s of segments) {
		if (s.op === "delete") deleted += s.text;
		else if (s.op === "insert") inserted += s.text;
		else {
			flush();
			const last = out.at(-1);
			if (last?.op === "equal") last.text += s.text;
			else if (s.text) out.push({ ...s });
		}
	}
	flush();
	return out;
}
