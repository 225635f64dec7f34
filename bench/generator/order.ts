/**
 * The generator's own account of moves, kept apart from the engine's
 * (src/core/diff/moves.ts) so that the benchmark can judge it. The generator
 * knows which paragraphs it relocated; one of them counts as moved when its
 * order against some other paired paragraph changed. That set is the truth
 * only when it is the one smallest set whose removal leaves the rest in
 * order; `clearMoves` says whether it is, and an edit that would make the
 * answer ambiguous (two equally small explanations) is undone by the caller.
 */

export interface Placed {
	/** Position of the entry's first old paragraph in the old text. */
	readonly oldIndex: number;
	/** Position of its first new paragraph in the new text. */
	readonly newIndex: number;
	/** Whether an edit put it somewhere else in the order. */
	readonly relocated: boolean;
}

/** Indexes (into `placed`) of relocated entries whose order against another entry changed. */
export function relocatedOutOfOrder(placed: readonly Placed[]): Set<number> {
	const out = new Set<number>();
	placed.forEach((a, i) => {
		if (!a.relocated) return;
		const crossed = placed.some(
			(b, j) =>
				j !== i && Math.sign(b.oldIndex - a.oldIndex) !== Math.sign(b.newIndex - a.newIndex),
		);
		if (crossed) out.add(i);
	});
	return out;
}

/** For each value, the longest strictly increasing run ending at it (values in sequence order). */
function runsEndingAt(values: readonly number[]): number[] {
	const tails: number[] = [];
	return values.map((v) => {
		let lo = 0;
		let hi = tails.length;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if ((tails[mid] ?? 0) < v) lo = mid + 1;
			else hi = mid;
		}
		tails[lo] = v;
		return lo + 1;
	});
}

/**
 * Whether `moved` (indexes into `placed`) is the unique smallest set of
 * entries whose removal leaves the others in the same order on both sides.
 */
export function clearMoves(placed: readonly Placed[], moved: ReadonlySet<number>): boolean {
	const order = placed.map((p, i) => ({ ...p, i })).sort((a, b) => a.oldIndex - b.oldIndex);
	const values = order.map((p) => p.newIndex);
	const ending = runsEndingAt(values);
	const starting = runsEndingAt(values.map((v) => -v).reverse()).reverse();
	const longest = Math.max(0, ...ending);
	const kept = order.filter((p) => !moved.has(p.i)).map((p) => p.newIndex);
	const keptInOrder = kept.every((v, k) => k === 0 || (kept[k - 1] ?? v) < v);
	if (!keptInOrder || kept.length !== longest) return false;
	// No moved entry may sit on a longest in-order run: else another set as small explains the order.
	return order.every(
		(p, k) => !moved.has(p.i) || (ending[k] ?? 0) + (starting[k] ?? 0) - 1 < longest,
	);
}
