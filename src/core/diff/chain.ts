/**
 * Slots: the stretches of two texts between consecutive anchors. Once the
 * paragraphs that are surely one have been paired, the longest run of them
 * that keeps its order is the chain; every unpaired paragraph then sits in
 * one gap of that chain, on its side, and a paragraph rewritten in place sits
 * in the same gap as its old version.
 */

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
	const chain = longestInOrder(pairs);
	const oldGap = new Int32Array(oldCount);
	const newGap = new Int32Array(newCount);
	let g = 0;
	let o = 0;
	let n = 0;
	for (const anchor of chain) {
		while (o < anchor.old) oldGap[o++] = g;
		while (n < anchor.new) newGap[n++] = g;
		// The anchor itself closes gap g; what follows it opens g + 1.
		oldGap[o++] = g;
		newGap[n++] = g;
		g++;
	}
	while (o < oldCount) oldGap[o++] = g;
	while (n < newCount) newGap[n++] = g;
	return { oldGap, newGap, count: g + 1 };
}

/**
 * The longest run of pairs increasing on both sides (patience sorting over
 * the new index, pairs taken in old order), in order. The same run
 * `movedPairs` keeps; written over plain arrays because alignment asks for
 * it several times per comparison.
 */
function longestInOrder<T extends { readonly old: number; readonly new: number }>(
	pairs: readonly T[],
): T[] {
	const order = [...pairs].sort((a, b) => a.old - b.old || a.new - b.new);
	const tails = new Int32Array(order.length);
	const previous = new Int32Array(order.length).fill(-1);
	let length = 0;
	for (let j = 0; j < order.length; j++) {
		const value = order[j]?.new ?? 0;
		let lo = 0;
		let hi = length;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if ((order[tails[mid] ?? 0]?.new ?? 0) < value) lo = mid + 1;
			else hi = mid;
		}
		if (lo > 0) previous[j] = tails[lo - 1] ?? -1;
		tails[lo] = j;
		if (lo === length) length++;
	}
	const out: T[] = [];
	for (let j = length > 0 ? (tails[length - 1] ?? -1) : -1; j >= 0; j = previous[j] ?? -1) {
		const p = order[j];
		if (p) out.push(p);
	}
	return out.reverse();
}
