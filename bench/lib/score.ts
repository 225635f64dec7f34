/**
 * Grading a comparison against the known answer. An outcome is named by its
 * key, the sorted refs of its old side and of its new side ("OP20+OP21>OP21"),
 * and counts as found for a category when an outcome with the same key is in
 * that category on both sides. Precision, recall and F1 per category; micro
 * F1 over the statuses.
 */
import type { ChangeStatus, LeadShift, ParagraphPointer } from "../../src/core/diff/schema.ts";
import type { ExpectedChange } from "../generator/truth.ts";

/** What the scorer reads of a change: the engine's `Change`, a baseline's guess or the truth. */
export interface Outcome {
	readonly status: ChangeStatus;
	readonly moved: boolean;
	readonly from: readonly ParagraphPointer[];
	readonly to: readonly ParagraphPointer[];
	readonly lead: { readonly shift: LeadShift } | null;
	readonly routine: boolean;
}

export const STATUSES: readonly ChangeStatus[] = [
	"unchanged",
	"reworded",
	"new",
	"removed",
	"merged",
	"split",
];

export type Category =
	| ChangeStatus
	| "moved"
	| "preambular->operative"
	| "lead stronger"
	| "lead weaker"
	| "lead changed"
	| "routine";

export const CATEGORIES: readonly Category[] = [
	...STATUSES,
	"moved",
	"preambular->operative",
	"lead stronger",
	"lead weaker",
	"lead changed",
	"routine",
];

/** Whether an outcome belongs to a category. */
export function inCategory(o: Outcome, c: Category): boolean {
	switch (c) {
		case "moved":
			return o.moved;
		case "preambular->operative":
			return (
				o.status === "reworded" && o.from[0]?.kind === "preambular" && o.to[0]?.kind === "operative"
			);
		case "lead stronger":
			return o.lead?.shift === "stronger";
		case "lead weaker":
			return o.lead?.shift === "weaker";
		case "lead changed":
			return o.lead?.shift === "changed";
		case "routine":
			return o.status === "reworded" && o.routine;
		default:
			return o.status === c;
	}
}

/** "PP3>OP7", "OP20+OP21>OP21", ">OP5" for a new paragraph. */
export function keyOf(o: Pick<Outcome, "from" | "to">): string {
	const refs = (ps: readonly ParagraphPointer[]) =>
		ps
			.map((p) => p.ref)
			.sort()
			.join("+");
	return `${refs(o.from)}>${refs(o.to)}`;
}

export interface Tally {
	tp: number;
	fp: number;
	fn: number;
}

export type Board = Record<Category, Tally>;

export function emptyBoard(): Board {
	return Object.fromEntries(CATEGORIES.map((c) => [c, { tp: 0, fp: 0, fn: 0 }])) as Board;
}

/** Adds one pair's result to the board. */
export function scorePair(
	truth: readonly Outcome[],
	predicted: readonly Outcome[],
	board: Board,
): void {
	for (const c of CATEGORIES) {
		const want = new Set(truth.filter((o) => inCategory(o, c)).map(keyOf));
		const got = new Set(predicted.filter((o) => inCategory(o, c)).map(keyOf));
		const tally = board[c];
		for (const k of got) {
			if (want.has(k)) tally.tp++;
			else tally.fp++;
		}
		for (const k of want) if (!got.has(k)) tally.fn++;
	}
}

export interface Metrics {
	readonly precision: number;
	readonly recall: number;
	readonly f1: number;
	/** How many the truth has. */
	readonly support: number;
}

export function metrics(t: Tally): Metrics {
	// An empty category on both sides is perfect, not undefined.
	const precision = t.tp + t.fp === 0 ? 1 : t.tp / (t.tp + t.fp);
	const recall = t.tp + t.fn === 0 ? 1 : t.tp / (t.tp + t.fn);
	const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
	return { precision, recall, f1, support: t.tp + t.fn };
}

/** Micro average over the given categories (by default the six statuses). */
export function micro(board: Board, over: readonly Category[] = STATUSES): Metrics {
	const sum = over.reduce(
		(s, c) => ({ tp: s.tp + board[c].tp, fp: s.fp + board[c].fp, fn: s.fn + board[c].fn }),
		{ tp: 0, fp: 0, fn: 0 },
	);
	return metrics(sum);
}

/** Outcomes that say anything happened: the count that must be 0 on identity and renumbering pairs. */
export function nonUnchanged(predicted: readonly Outcome[]): number {
	return predicted.filter((o) => o.status !== "unchanged" || o.moved).length;
}

/** A truth entry the method got wrong, with what it said about the same paragraphs instead. */
export interface Miss {
	readonly expected: ExpectedChange;
	readonly got: readonly Outcome[];
	/** What was wrong: "status/refs", "moved", "lead", "routine". */
	readonly wrong: readonly string[];
}

/** Every truth entry not reproduced exactly (status, refs, moved, lead shift, routine). */
export function misses(truth: readonly ExpectedChange[], predicted: readonly Outcome[]): Miss[] {
	const byKey = new Map(predicted.map((o) => [`${o.status} ${keyOf(o)}`, o]));
	const out: Miss[] = [];
	for (const e of truth) {
		const match = byKey.get(`${e.status} ${keyOf(e)}`);
		const wrong: string[] = [];
		if (!match) wrong.push("status/refs");
		else {
			if (match.moved !== e.moved) wrong.push("moved");
			if ((match.lead?.shift ?? null) !== (e.lead?.shift ?? null)) wrong.push("lead");
			if (match.routine !== e.routine) wrong.push("routine");
		}
		if (wrong.length === 0) continue;
		const seenFrom = new Set(e.from.map((p) => p.ref));
		const seenTo = new Set(e.to.map((p) => p.ref));
		const got = predicted.filter(
			(o) => o.from.some((p) => seenFrom.has(p.ref)) || o.to.some((p) => seenTo.has(p.ref)),
		);
		out.push({ expected: e, got, wrong });
	}
	return out;
}

/** "merged OP20+OP21>OP21 (moved, lead stronger, routine)" */
export function describe(o: Outcome): string {
	const flags = [
		o.moved ? "moved" : null,
		o.lead && o.lead.shift !== "same" ? `lead ${o.lead.shift}` : null,
		o.routine ? "routine" : null,
	].filter((f) => f !== null);
	return `${o.status} ${keyOf(o)}${flags.length > 0 ? ` (${flags.join(", ")})` : ""}`;
}
