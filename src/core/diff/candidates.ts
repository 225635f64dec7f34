/**
 * For a paragraph the alignment left new or removed, the paragraphs on the
 * other side it might be: a reviewer reading "OP13 new" wants to see
 * "possibly OP8" when the engine was unsure. Paired or not, any paragraph of
 * the other side can be a candidate; the likeliest come first.
 */
import type { Alignment } from "./align.ts";
import type { Candidate } from "./schema.ts";
import { dice } from "./similarity.ts";
import type { Unit } from "./unit.ts";
import { neighbours, WordIndex } from "./word-index.ts";

/**
 * Least similarity for a candidate. On the real pairs, every new or removed
 * paragraph whose true counterpart the engine missed shares at least 0.2 of
 * its wording with it, while unrelated paragraphs of one resolution share
 * 0.05-0.15 (the stock words of the genre).
 */
export const CANDIDATE_FLOOR = 0.2;
/** At most this many candidates are named. */
export const MAX_CANDIDATES = 3;

export interface Candidates {
	/** By old unit index, for removed paragraphs. */
	readonly old: ReadonlyMap<number, Candidate[]>;
	/** By new unit index, for new paragraphs. */
	readonly new: ReadonlyMap<number, Candidate[]>;
}

function near(
	lone: Unit,
	others: readonly Unit[],
	settled: ReadonlySet<number>,
	index: WordIndex,
	scale: number,
): Candidate[] {
	const around = neighbours(
		others.filter((u) => !settled.has(u.index)).map((u) => u.index),
		lone.index * scale,
		2,
	);
	const seen = new Set([...index.candidates(lone.bag, 10), ...around]);
	return [...seen]
		.map((i) => others[i])
		.filter((u): u is Unit => !!u)
		.map((u) => ({
			ref: u.paragraph.ref,
			kind: u.paragraph.kind,
			similarity:
				Math.round(dice(lone.bag, lone.content.length, u.bag, u.content.length) * 1000) / 1000,
		}))
		.filter((c) => c.similarity >= CANDIDATE_FLOOR)
		.sort((a, b) => b.similarity - a.similarity)
		.slice(0, MAX_CANDIDATES);
}

/** Candidates for every unit no alignment holds. */
export function candidatesFor(
	oldUnits: readonly Unit[],
	newUnits: readonly Unit[],
	alignments: readonly Alignment[],
): Candidates {
	const heldOld = new Set(alignments.flatMap((a) => a.old));
	const heldNew = new Set(alignments.flatMap((a) => a.new));
	// Paragraphs paired word for word are surely not another paragraph's counterpart; leaving
	// them out also spares reading their words.
	const identical = alignments.filter((a) => a.basis === "identical");
	const settledOld = new Set(identical.flatMap((a) => a.old));
	const settledNew = new Set(identical.flatMap((a) => a.new));
	const lonelyOld = oldUnits.filter((u) => !heldOld.has(u.index));
	const lonelyNew = newUnits.filter((u) => !heldNew.has(u.index));
	const out = { old: new Map<number, Candidate[]>(), new: new Map<number, Candidate[]>() };
	if (lonelyNew.length > 0) {
		const index = new WordIndex(
			oldUnits.filter((u) => !settledOld.has(u.index)),
			0.05,
		);
		const scale = oldUnits.length / Math.max(1, newUnits.length);
		for (const u of lonelyNew) out.new.set(u.index, near(u, oldUnits, settledOld, index, scale));
	}
	if (lonelyOld.length > 0) {
		const index = new WordIndex(
			newUnits.filter((u) => !settledNew.has(u.index)),
			0.05,
		);
		const scale = newUnits.length / Math.max(1, oldUnits.length);
		for (const u of lonelyOld) out.old.set(u.index, near(u, newUnits, settledNew, index, scale));
	}
	return out;
}
