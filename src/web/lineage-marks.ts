/**
 * How a lineage cell is marked: what became of a clause in one member, as a
 * state with a word, a symbol and a colour class. The words and symbols are
 * the renderers' (STATUS_LABELS and friends), so the lineage picture, the
 * redlines and the downloads speak one vocabulary. Colour is never the only
 * mark: every cell prints its symbol, and says its state in words to
 * screen readers.
 */
import type { LineageCell } from "../core/lineage/index.ts";
import {
	LEAD_SHIFT_LABELS,
	MOVED_LABEL,
	ROUTINE_LABEL,
	STATUS_LABELS,
	type StatusLabel,
} from "../render/index.ts";

export type CellState =
	| "new"
	| "reworded"
	| "routine"
	| "unchanged"
	| "merged"
	| "split"
	| "removed"
	| "absent";

export const CELL_STATES: Readonly<Record<CellState, StatusLabel & { readonly means: string }>> = {
	new: { ...STATUS_LABELS.new, means: "language not in the member before" },
	reworded: { ...STATUS_LABELS.reworded, means: "the wording changed" },
	routine: {
		word: "Routine update",
		symbol: ROUTINE_LABEL.symbol,
		means: "only session numbers, years, dates or document symbols changed",
	},
	unchanged: { ...STATUS_LABELS.unchanged, means: "the same words (renumbering aside)" },
	merged: { ...STATUS_LABELS.merged, means: "joined with another paragraph" },
	split: { ...STATUS_LABELS.split, means: "divided into several paragraphs" },
	removed: { ...STATUS_LABELS.removed, means: "dropped from this member" },
	absent: { word: "Absent", symbol: "·", means: "not in this member" },
};

/** The order the legend lists the states in: the ones a reader looks for first. */
export const LEGEND_ORDER: readonly CellState[] = [
	"new",
	"reworded",
	"routine",
	"unchanged",
	"merged",
	"split",
	"removed",
	"absent",
];

export interface CellMark {
	readonly state: CellState;
	readonly moved: boolean;
	readonly shift: "stronger" | "weaker" | "changed" | null;
	/** What the cell prints: the state's symbol, then moved and lead-shift symbols. */
	readonly symbols: string;
	/** The same in words: "Reworded, moved, lead stronger". */
	readonly words: string;
}

/**
 * The mark of one cell, given the cell before it in the row (a clause that
 * was present there and is gone here was removed here; gone in both, it is
 * absent).
 */
export function cellMark(cell: LineageCell | null, before: LineageCell | null): CellMark {
	const state: CellState = cell
		? cell.status === "reworded" && cell.routine
			? "routine"
			: cell.status === "removed"
				? "removed"
				: cell.status
		: before
			? "removed"
			: "absent";
	const moved = cell?.moved ?? false;
	const shift = cell?.shift && cell.shift !== "same" ? cell.shift : null;
	const symbols = [
		CELL_STATES[state].symbol,
		moved ? MOVED_LABEL.symbol : "",
		shift ? LEAD_SHIFT_LABELS[shift].symbol : "",
	].join("");
	const words = [
		CELL_STATES[state].word,
		moved ? MOVED_LABEL.word.toLowerCase() : "",
		shift ? LEAD_SHIFT_LABELS[shift].word.toLowerCase() : "",
	]
		.filter((w) => w !== "")
		.join(", ");
	return { state, moved, shift, symbols, words };
}
