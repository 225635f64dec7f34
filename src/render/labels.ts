/**
 * The words and symbols every rendering uses for a change: status names,
 * where a paragraph came from, lead-phrase shifts, the names of the two
 * versions and the summary counts. One vocabulary, so the HTML, Markdown and
 * Word outputs (and the web pages that call them) say the same thing.
 *
 * Status is never told by colour alone: each has a word, and a symbol for
 * readers who scan.
 */

import { printDate } from "../core/calendar.ts";
import type {
	Change,
	ChangeStatus,
	DiffSide,
	DiffSummary,
	LeadChange,
	ParagraphPointer,
	StructuredDiff,
} from "../core/diff/schema.ts";
import { parseSymbol } from "../core/symbol.ts";

export interface StatusLabel {
	/** Capitalised, as it stands at the start of a label: "Reworded". */
	readonly word: string;
	/** A short mark for scanning; always shown beside the word, never instead of it. */
	readonly symbol: string;
}

export const STATUS_LABELS: Readonly<Record<ChangeStatus, StatusLabel>> = {
	unchanged: { word: "Unchanged", symbol: "=" },
	reworded: { word: "Reworded", symbol: "≈" },
	new: { word: "New", symbol: "+" },
	removed: { word: "Removed", symbol: "−" },
	merged: { word: "Merged", symbol: "∪" },
	split: { word: "Split", symbol: "÷" },
};

export const MOVED_LABEL: StatusLabel = { word: "Moved", symbol: "↕" };
export const ROUTINE_LABEL: StatusLabel = { word: "Routine update", symbol: "↻" };
export const FOOTNOTES_LABEL: StatusLabel = { word: "Footnotes changed", symbol: "†" };

export type ShownShift = Exclude<LeadChange["shift"], "same">;

export const LEAD_SHIFT_LABELS: Readonly<Record<ShownShift, StatusLabel>> = {
	stronger: { word: "Lead stronger", symbol: "▲" },
	weaker: { word: "Lead weaker", symbol: "▼" },
	changed: { word: "Lead changed", symbol: "◆" },
};

/** Refs joined the way a reader writes them: "OP4 + OP5". */
export function refList(pointers: readonly ParagraphPointer[]): string {
	return pointers.map((p) => p.ref).join(" + ");
}

/**
 * The refs a change is known by: the new text's for anything that survives,
 * the old text's for a removed paragraph.
 */
export function shownRefs(change: Change): readonly ParagraphPointer[] {
	return change.to.length > 0 ? change.to : change.from;
}

/**
 * The refs a change is labelled with: "OP4 + OP5"; a removed paragraph's
 * with the name of the text it was in, "34/39 OP12", so that it is not read
 * as the new text's OP12 listed beside it.
 */
export function refLabel(change: Change, oldName: string): string {
	const refs = refList(shownRefs(change));
	return change.to.length === 0 ? `${oldName} ${refs}` : refs;
}

/**
 * Where the paragraph came from, when its label alone does not say:
 * "was OP4" after renumbering or a move, "merged from OP4 + OP5", "split from OP4".
 * Null when the ref did not change, and for new and removed paragraphs.
 */
export function provenance(change: Change): string | null {
	if (change.from.length === 0 || change.to.length === 0) return null;
	if (change.status === "merged") return `merged from ${refList(change.from)}`;
	if (change.status === "split") return `split from ${refList(change.from)}`;
	const was = refList(change.from);
	return was === refList(change.to) ? null : `was ${was}`;
}

/** The lead-phrase shift worth calling out, or null when the force of the lead stayed the same. */
export function leadCallout(
	change: Change,
): { shift: ShownShift; from: string; to: string } | null {
	const lead = change.lead;
	if (!lead || lead.shift === "same") return null;
	return { shift: lead.shift, from: lead.from, to: lead.to };
}

/** "Lead stronger: Encourages → Urges". */
export function leadCalloutText(change: Change): string | null {
	const callout = leadCallout(change);
	if (!callout) return null;
	return `${LEAD_SHIFT_LABELS[callout.shift].word}: ${callout.from} → ${callout.to}`;
}

/**
 * What a reader should know about how sure a change is, said quietly after
 * its label: a pairing a reviewer decided, a pairing the engine is unsure
 * of, and for a new or removed paragraph the paragraphs on the other side it
 * might be ("possibly 34/39 OP25"). Empty for the common, sure case.
 */
export function certaintyHints(change: Change, oldName: string, newName: string): string[] {
	const hints: string[] = [];
	if (change.decidedBy === "reviewer") hints.push("decided by a reviewer");
	else if (change.confidence === "low") hints.push("uncertain pairing");
	if (change.candidates.length > 0) {
		const other = change.to.length === 0 ? newName : oldName;
		hints.push(`possibly ${other} ${change.candidates.map((c) => c.ref).join(" or ")}`);
	}
	return hints;
}

/** "2018-03-23" as the UN prints it, "23 March 2018"; anything else as given. */
export const formatDate = printDate;

/**
 * A version's name: a draft's name (with its own symbol, where it kept one:
 * "draft (A/HRC/40/L.5)"), else its symbol, else its title, else the given
 * fallback ("the earlier text").
 */
export function sideName(side: DiffSide, fallback: string): string {
	if (side.name) return side.symbol ? `${side.name} (${side.symbol})` : side.name;
	return side.symbol ?? side.title ?? fallback;
}

/** A version's short number ("37/39") where its symbol has one, else its name; a draft by its name ("draft (99/1)"). */
export function sideShortName(side: DiffSide, fallback: string): string {
	const parsed = side.symbol ? parseSymbol(side.symbol) : null;
	if (side.name) return side.symbol ? `${side.name} (${parsed?.number ?? side.symbol})` : side.name;
	return parsed?.number ?? sideName(side, fallback);
}

export const EARLIER = "the earlier text";
export const LATER = "the later text";

/** "Changes from A/HRC/RES/34/39 to A/HRC/RES/37/39". */
export function comparisonTitle(diff: StructuredDiff): string {
	return `Changes from ${sideName(diff.from, EARLIER)} to ${sideName(diff.to, LATER)}`;
}

/** "A/HRC/RES/37/39 (adopted 23 March 2018)". */
export function sideWithDate(side: DiffSide, fallback: string): string {
	const name = sideName(side, fallback);
	return side.date ? `${name} (adopted ${formatDate(side.date)})` : name;
}

/** "A/HRC/RES/37/39, adopted 23 March 2018: Technical assistance …". */
export function sideDescription(side: DiffSide, fallback: string): string {
	const name = sideName(side, fallback);
	const date = side.date ? `, adopted ${formatDate(side.date)}` : "";
	const title = side.title && side.title !== name ? `: ${side.title}` : "";
	return `${name}${date}${title}`;
}

export interface SummaryItem {
	readonly key: ChangeStatus | "moved" | "routine" | ShownShift;
	readonly label: StatusLabel;
	readonly count: number;
}

/**
 * The summary counts in the order a reader wants them: what is new and gone
 * first, then rewordings (with how many are routine), then the rest.
 */
export function summaryItems(summary: DiffSummary): SummaryItem[] {
	const status = (key: ChangeStatus): SummaryItem => ({
		key,
		label: STATUS_LABELS[key],
		count: summary[key],
	});
	const shift = (key: ShownShift): SummaryItem => ({
		key,
		label: LEAD_SHIFT_LABELS[key],
		count: summary.leadShifts[key],
	});
	return [
		status("new"),
		status("removed"),
		status("reworded"),
		// Routine updates are counted among the reworded; the label says so.
		{
			key: "routine",
			label: { ...ROUTINE_LABEL, word: "Reworded: routine updates only" },
			count: summary.routine,
		},
		status("merged"),
		status("split"),
		{ key: "moved", label: MOVED_LABEL, count: summary.moved },
		status("unchanged"),
		shift("stronger"),
		shift("weaker"),
		shift("changed"),
	];
}

/**
 * The footnotes of both sides, one line each: "Footnotes in 34/39: [1] S/2017/1105."
 * ("none" where a side has none). Null when the footnotes did not change.
 */
export function footnoteLines(
	change: Change,
	oldName: string,
	newName: string,
): [string, string] | null {
	const notes = change.footnotes;
	if (!notes) return null;
	const list = (side: readonly { mark: string; text: string }[]) =>
		side.length === 0 ? "none" : side.map((n) => `[${n.mark}] ${n.text}`).join(" ");
	return [
		`Footnotes in ${oldName}: ${list(notes.from)}`,
		`Footnotes in ${newName}: ${list(notes.to)}`,
	];
}
