/**
 * compare(old, new): the structured diff of two versions of a resolution.
 * Aligns paragraphs, then says for each outcome what became of it: status,
 * whether it moved, how similar, how the lead phrase's force changed, whether
 * the change is routine, and the word-level redline.
 */
import { LimitError } from "../errors.ts";
import { leadShift } from "../lexicon/lexicon.ts";
import { type Paragraph, paragraphText, type Resolution } from "../model.ts";
import { MAX_PARAGRAPHS } from "../parse/index.ts";
import { type Alignment, align, type ForcedPair } from "./align.ts";
import { candidatesFor } from "./candidates.ts";
import { movedPairs } from "./moves.ts";
import type { TermRarity } from "./rarity.ts";
import { redline } from "./redline.ts";
import { isRoutineChange } from "./routine.ts";
import type {
	Change,
	ChangeStatus,
	Confidence,
	DiffSide,
	DiffSummary,
	FootnoteChange,
	PairingDecision,
	ParagraphPointer,
	StructuredDiff,
} from "./schema.ts";
import { cleanForComparison } from "./tokens.ts";
import { toUnits, type Unit } from "./unit.ts";

function pointer(p: Paragraph): ParagraphPointer {
	return { ref: p.ref, kind: p.kind, number: p.number };
}

function side(res: Resolution): DiffSide {
	return { symbol: res.symbol, title: res.title, date: res.adoption.date };
}

/** Footnote texts of the paragraphs, in order; marks are left out because renumbering is not a change. */
function noteTexts(paragraphs: readonly Paragraph[]): string[] {
	return paragraphs.flatMap((p) => p.footnotes.map((f) => cleanForComparison(f.text)));
}

function footnoteChange(
	from: readonly Paragraph[],
	to: readonly Paragraph[],
): FootnoteChange | undefined {
	// A note lost in extraction (an empty text) cannot be compared; say nothing rather than guess.
	if ([...from, ...to].some((p) => p.footnotes.some((f) => f.text.trim() === ""))) return undefined;
	const a = noteTexts(from);
	const b = noteTexts(to);
	if (a.length === b.length && a.every((t, i) => t === b[i])) return undefined;
	const brief = (ps: readonly Paragraph[]) =>
		ps.flatMap((p) => p.footnotes.map((f) => ({ mark: f.mark, text: f.text })));
	return { from: brief(from), to: brief(to) };
}

/** The text a redline runs over: the paragraphs' texts, one a line. */
function joined(paragraphs: readonly Paragraph[]): string {
	return paragraphs.map(paragraphText).join("\n");
}

function describe(
	a: Alignment,
	oldUnits: readonly Unit[],
	newUnits: readonly Unit[],
	moved: boolean,
	deadline: number,
	candidates: Change["candidates"],
): Change {
	const from = a.old.map((i) => oldUnits[i]?.paragraph).filter((p): p is Paragraph => !!p);
	const to = a.new.map((i) => newUnits[i]?.paragraph).filter((p): p is Paragraph => !!p);
	const before = joined(from);
	const after = joined(to);
	const notes = footnoteChange(from, to);
	const first = from[0];
	const last = to[0];
	let status: ChangeStatus;
	if (from.length === 0) status = "new";
	else if (to.length === 0) status = "removed";
	else if (from.length > 1) status = "merged";
	else if (to.length > 1) status = "split";
	// Extraction noise and quote styles aside, the same words are the same paragraph.
	else
		status =
			!notes && (before === after || cleanForComparison(before) === cleanForComparison(after))
				? "unchanged"
				: "reworded";
	const routine =
		status === "reworded" &&
		isRoutineChange(before, after) &&
		(!notes ||
			isRoutineChange(
				notes.from.map((n) => n.text).join(" "),
				notes.to.map((n) => n.text).join(" "),
			));
	return {
		status,
		moved,
		from: from.map(pointer),
		to: to.map(pointer),
		similarity: status === "unchanged" ? 1 : Math.round(a.similarity * 1000) / 1000,
		lead:
			first && last
				? { from: first.lead, to: last.lead, shift: leadShift(first.lemma, last.lemma) }
				: null,
		routine,
		segments: redline(before, after, deadline),
		...(notes ? { footnotes: notes } : {}),
		confidence:
			from.length > 0 && to.length > 0 ? confidenceOf(a, status, oldUnits, newUnits) : null,
		candidates,
		decidedBy: "engine",
	};
}

/**
 * The alignment's confidence, one step lower for a rewording in which no
 * word changed (a comma, a footnote): the pairing is sure, but a reader may
 * well call such a paragraph unchanged.
 */
function confidenceOf(
	a: Alignment,
	status: ChangeStatus,
	oldUnits: readonly Unit[],
	newUnits: readonly Unit[],
): Confidence {
	const c = a.confidence ?? "high";
	const [o, n] = [oldUnits[a.old[0] ?? -1], newUnits[a.new[0] ?? -1]];
	const wordless =
		status === "reworded" && a.old.length === 1 && a.new.length === 1 && o?.key === n?.key;
	if (!wordless) return c;
	return c === "high" ? "medium" : "low";
}

/** Counts per status, moves, routine rewordings and lead shifts over a list of changes. */
export function summarize(changes: readonly Change[]): DiffSummary {
	const summary: DiffSummary = {
		unchanged: 0,
		reworded: 0,
		new: 0,
		removed: 0,
		merged: 0,
		split: 0,
		moved: 0,
		routine: 0,
		leadShifts: { stronger: 0, weaker: 0, changed: 0 },
	};
	for (const c of changes) {
		summary[c.status]++;
		if (c.moved) summary.moved++;
		if (c.routine) summary.routine++;
		const shift = c.lead?.shift;
		if (shift && shift !== "same") summary.leadShifts[shift]++;
	}
	return summary;
}

/** A reviewer's `pair` decisions as unit indexes; decisions naming a paragraph the texts lack are left out. */
function forcedPairs(
	decisions: readonly PairingDecision[],
	oldUnits: readonly Unit[],
	newUnits: readonly Unit[],
): ForcedPair[] {
	const oldIndex = new Map(oldUnits.map((u) => [u.paragraph.ref, u.index]));
	const newIndex = new Map(newUnits.map((u) => [u.paragraph.ref, u.index]));
	return decisions.flatMap((d) => {
		if (d.action !== "pair") return [];
		const old = d.from.map((r) => oldIndex.get(r));
		const next = d.to.map((r) => newIndex.get(r));
		if (old.some((i) => i === undefined) || next.some((i) => i === undefined)) return [];
		return [{ old: old as number[], new: next as number[] }];
	});
}

/** Alignments that pair what a reviewer unpaired are dissolved: their paragraphs are new and removed. */
function withoutUnpaired(
	alignments: readonly Alignment[],
	decisions: readonly PairingDecision[],
	oldUnits: readonly Unit[],
	newUnits: readonly Unit[],
): Alignment[] {
	const apart = new Set(
		decisions
			.filter((d) => d.action === "unpair")
			.flatMap((d) => d.from.flatMap((f) => d.to.map((t) => `${f}\u0000${t}`))),
	);
	if (apart.size === 0) return [...alignments];
	return alignments.filter(
		(a) =>
			!a.old.some((o) =>
				a.new.some((n) =>
					apart.has(`${oldUnits[o]?.paragraph.ref}\u0000${newUnits[n]?.paragraph.ref}`),
				),
			),
	);
}

/**
 * Puts outcomes in the new text's order; a removed paragraph goes right after
 * the outcome holding the old paragraph that preceded it.
 */
function order(
	alignments: readonly Alignment[],
	removed: readonly number[],
	oldCount: number,
): Alignment[] {
	const paired = alignments
		.filter((a) => a.new.length > 0)
		.sort((a, b) => (a.new[0] ?? 0) - (b.new[0] ?? 0));
	const holder = new Array<number>(oldCount).fill(-1);
	paired.forEach((a, k) => {
		for (const o of a.old) holder[o] = k;
	});
	const after = new Map<number, number[]>();
	for (const o of removed) {
		let k = -1;
		for (let j = o - 1; j >= 0 && k === -1; j--) k = holder[j] ?? -1;
		const list = after.get(k) ?? [];
		list.push(o);
		after.set(k, list);
	}
	const removedAt = (k: number) =>
		(after.get(k) ?? []).map((o): Alignment => ({ old: [o], new: [], similarity: 0 }));
	return [...removedAt(-1), ...paired.flatMap((a, k) => [a, ...removedAt(k)])];
}

/**
 * The structured diff from `old` to `new`.
 *
 * @throws LimitError when either side has more paragraphs than the parser accepts.
 * @example
 * const diff = compare(parseResolution(text3439), parseResolution(text3739));
 * diff.summary.new // paragraphs with no counterpart in 34/39
 */
export interface CompareOptions {
	/**
	 * A Date.now() value after which word-level redlines are no longer computed
	 * (changed paragraphs show as wholly replaced); alignment is always complete.
	 */
	readonly deadline?: number;
	/** Word rarity over the stored series, so that words rare in it weigh more; by default over the two texts. */
	readonly rarity?: TermRarity;
	/** A reviewer's pairings and unpairings for this pair of texts; refs that are not in the texts are ignored. */
	readonly decisions?: readonly PairingDecision[];
}

export function compare(
	old: Resolution,
	next: Resolution,
	options: CompareOptions = {},
): StructuredDiff {
	for (const res of [old, next]) {
		if (res.paragraphs.length > MAX_PARAGRAPHS) {
			throw new LimitError(
				"paragraphs",
				`${res.symbol ?? "a text"} has ${res.paragraphs.length} paragraphs; the limit is ${MAX_PARAGRAPHS}`,
			);
		}
	}
	const oldUnits = toUnits(old.paragraphs);
	const newUnits = toUnits(next.paragraphs);
	const decisions = options.decisions ?? [];
	const alignments = withoutUnpaired(
		align(oldUnits, newUnits, {
			...(options.rarity ? { rarity: options.rarity } : {}),
			forced: forcedPairs(decisions, oldUnits, newUnits),
		}),
		decisions,
		oldUnits,
		newUnits,
	);
	const reviewed = {
		old: new Set(decisions.flatMap((d) => d.from)),
		new: new Set(decisions.flatMap((d) => d.to)),
	};

	const matchedOld = new Set(alignments.flatMap((a) => a.old));
	const matchedNew = new Set(alignments.flatMap((a) => a.new));
	const removed = oldUnits.map((u) => u.index).filter((i) => !matchedOld.has(i));
	const added = newUnits
		.map((u) => u.index)
		.filter((i) => !matchedNew.has(i))
		.map((i): Alignment => ({ old: [], new: [i], similarity: 0 }));

	const ordered = order([...alignments, ...added], removed, oldUnits.length);
	// Moves are judged over paired outcomes only; a merge or split counts by its first paragraphs.
	const paired = ordered.flatMap((a, i) => {
		const [o, n] = [a.old[0], a.new[0]];
		return o === undefined || n === undefined ? [] : [{ i, oldIndex: o, newIndex: n }];
	});
	const movedSet = new Set([...movedPairs(paired)].map((k) => paired[k]?.i));

	const deadline = options.deadline ?? Number.POSITIVE_INFINITY;
	const possible = candidatesFor(oldUnits, newUnits, alignments);
	const changes = ordered.map((a, i) => {
		const candidates =
			(a.old.length === 0
				? possible.new.get(a.new[0] ?? -1)
				: a.new.length === 0
					? possible.old.get(a.old[0] ?? -1)
					: undefined) ?? [];
		const change = describe(a, oldUnits, newUnits, movedSet.has(i), deadline, candidates);
		const byReviewer =
			change.from.some((p) => reviewed.old.has(p.ref)) ||
			change.to.some((p) => reviewed.new.has(p.ref));
		return byReviewer ? { ...change, decidedBy: "reviewer" as const } : change;
	});
	return { from: side(old), to: side(next), summary: summarize(changes), changes };
}
