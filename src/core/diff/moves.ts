/**
 * Which matched paragraphs moved. Renumbering is not moving: a paragraph
 * moved only when its order relative to the others changed, and the moved
 * ones are the fewest that explain the new order, namely the pairs outside
 * the longest increasing subsequence of new positions taken in old order.
 */

export interface OrderedPair {
	/** Position of the paragraph in the old text (document order, preambular and operative together). */
	readonly oldIndex: number;
	/** Its position in the new text. */
	readonly newIndex: number;
}

/**
 * Returns the indexes (into `pairs`) of the pairs that moved.
 *
 * @example
 * movedPairs([{ oldIndex: 0, newIndex: 1 }, { oldIndex: 1, newIndex: 2 }, { oldIndex: 2, newIndex: 0 }])
 * // Set { 2 }: the last paragraph went to the top; the other two only shifted down.
 */
export function movedPairs(pairs: readonly OrderedPair[]): Set<number> {
	const order = pairs
		.map((p, i) => ({ ...p, i }))
		.sort((a, b) => a.oldIndex - b.oldIndex || a.newIndex - b.newIndex);
	// Patience sorting: tails[k] is the index in `order` ending the best increasing run of length k+1.
	const tails: number[] = [];
	const previous = new Array<number>(order.length).fill(-1);
	for (let j = 0; j < order.length; j++) {
		const value = order[j]?.newIndex ?? 0;
		let lo = 0;
		let hi = tails.length;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if ((order[tails[mid] ?? 0]?.newIndex ?? 0) < value) lo = mid + 1;
			else hi = mid;
		}
		if (lo > 0) previous[j] = tails[lo - 1] ?? -1;
		tails[lo] = j;
	}
	const kept = new Set<number>();
	for (let j = tails.at(-1) ?? -1; j >= 0; j = previous[j] ?? -1) kept.add(order[j]?.i ?? -1);
	const moved = new Set<number>();
	for (let i = 0; i < pairs.length; i++) if (!kept.has(i)) moved.add(i);
	return moved;
}
