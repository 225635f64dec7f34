/**
 * Running a comparison method over generated pairs and grading it: the
 * board of edited pairs, the control pairs (identity, renumbering only) that
 * must come out with nothing but unchanged, and how each kind of edit fared.
 */
import type { Resolution } from "../../src/core/model.ts";
import { generatePair, identityPair, renumberingPair } from "../generator/pairs.ts";
import type { EditKind, GeneratedPair } from "../generator/truth.ts";
import { subSeed } from "./prng.ts";
import {
	type Board,
	emptyBoard,
	type Miss,
	misses,
	nonUnchanged,
	type Outcome,
	scorePair,
} from "./score.ts";

export type Method = (old: Resolution, next: Resolution) => readonly Outcome[];

export interface PairSet {
	readonly edited: readonly GeneratedPair[];
	readonly identity: readonly GeneratedPair[];
	readonly renumbering: readonly GeneratedPair[];
}

/** The pairs of one run, each from its own seed derived from `seed`. */
export function makePairs(
	base: Resolution,
	seed: number,
	counts: { edited: number; identity: number; renumbering: number },
): PairSet {
	const range = (n: number, offset: number) =>
		Array.from({ length: n }, (_, k) => subSeed(seed, offset + k));
	return {
		edited: range(counts.edited, 0).map((s) => generatePair(base, s)),
		identity: range(counts.identity, 1_000_000).map((s) => identityPair(base, s)),
		renumbering: range(counts.renumbering, 2_000_000).map((s) => renumberingPair(base, s)),
	};
}

export interface EditTally {
	/** Truth entries made by this edit. */
	n: number;
	/** Reproduced exactly: status, refs, moved, lead shift, routine. */
	exact: number;
	/** Misses by what was wrong. */
	wrong: Record<string, number>;
}

export interface ControlResult {
	readonly pairs: number;
	/** Pairs with at least one outcome other than unchanged (or moved). */
	readonly failing: number;
	/** Outcomes other than unchanged over all pairs. */
	readonly outcomes: number;
}

export interface Evaluation {
	readonly board: Board;
	readonly byEdit: Record<string, EditTally>;
	readonly misses: readonly { readonly pair: GeneratedPair; readonly miss: Miss }[];
	readonly identity: ControlResult;
	readonly renumbering: ControlResult;
	/** Errors thrown by the method, by pair. */
	readonly errors: readonly { readonly pair: GeneratedPair; readonly error: string }[];
	/** Total time the method took over all pairs. */
	readonly ms: number;
}

function control(pairs: readonly GeneratedPair[], method: Method): ControlResult {
	let failing = 0;
	let outcomes = 0;
	for (const pair of pairs) {
		const n = nonUnchanged(method(pair.old, pair.new));
		outcomes += n;
		if (n > 0) failing++;
	}
	return { pairs: pairs.length, failing, outcomes };
}

export function evaluate(set: PairSet, method: Method): Evaluation {
	const board = emptyBoard();
	const byEdit: Record<string, EditTally> = {};
	const missed: { pair: GeneratedPair; miss: Miss }[] = [];
	const errors: { pair: GeneratedPair; error: string }[] = [];
	let time = 0;
	for (const pair of set.edited) {
		let predicted: readonly Outcome[];
		const start = performance.now();
		try {
			predicted = method(pair.old, pair.new);
		} catch (e) {
			errors.push({ pair, error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) });
			predicted = [];
		}
		time += performance.now() - start;
		scorePair(pair.truth, predicted, board);
		const pairMisses = misses(pair.truth, predicted);
		for (const e of pair.truth) {
			const tally = byEdit[e.edit] ?? { n: 0, exact: 0, wrong: {} };
			byEdit[e.edit] = tally;
			tally.n++;
			const miss = pairMisses.find((m) => m.expected === e);
			if (!miss) tally.exact++;
			else for (const w of miss.wrong) tally.wrong[w] = (tally.wrong[w] ?? 0) + 1;
		}
		for (const miss of pairMisses) missed.push({ pair, miss });
	}
	return {
		board,
		byEdit,
		misses: missed,
		identity: control(set.identity, method),
		renumbering: control(set.renumbering, method),
		errors,
		ms: time,
	};
}

/** How many edits of each kind a set holds. */
export function editCounts(pairs: readonly GeneratedPair[]): Record<EditKind, number> {
	const counts = {} as Record<EditKind, number>;
	for (const p of pairs) for (const e of p.edits) counts[e] = (counts[e] ?? 0) + 1;
	return counts;
}
