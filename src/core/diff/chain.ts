/**
 * Slots: the stretches of two texts between consecutive anchors. Once the
 * paragraphs that are surely one have been paired, the longest run of them
 * that keeps its order is the chain; every unpaired paragraph then sits in
 * one gap of that chain, on its side, and a paragraph rewritten in place sits
 * in the same gap as its old version.
 */
import { movedPairs } from "./moves.ts";

export interface Slots {
	/** For each old index, the gap it sits in (anchors belong to the gap they close). */
	readonly oldGap: Int32Array;
	/** For each new index, the gap it sits in. */
	readonly newGap: Int32Array;
	/** How many gaps there are: anchors on the chain + 1. */
	readonly count: number;
}

/**
 * The gaps of the chain through `pairs` (old and new indexes in document
 * order). Pairs off the chain (moved ones) do not bound gaps.
 */
export function slotsOf(
	pairs: readonly { readonly old: number; readonly new: number }[],
	oldCount: number,
	newCount: number,
): Slots {
	const ordered = pairs.map((p) => ({ oldIndex: p.old, newIndex: p.new }));
	const moved = movedPairs(ordered);
	const chain = ordered.filter((_, i) => !moved.has(i)).sort((a, b) => a.oldIndex - b.oldIndex);
	const oldGap = new Int32Array(oldCount);
	const newGap = new Int32Array(newCount);
	let g = 0;
	let o = 0;
	let n = 0;
	for (const anchor of chain) {
		while (o < anchor.oldIndex) oldGap[o++] = g;
		while (n < anchor.newIndex) newGap[n++] = g;
		// The anchor itself closes gap g; what follows it opens g + 1.
		oldGap[o++] = g;
		newGap[n++] = g;
		g++;
	}
	while (o < oldCount) oldGap[o++] = g;
	while (n < newCount) newGap[n++] = g;
	return { oldGap, newGap, count: g + 1 };
}
