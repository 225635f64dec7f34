/**
 * movedPairs on its own. Renumbering is not moving; the moved paragraphs are
 * the fewest whose removal leaves the rest in order. The property test checks
 * that against a longest increasing run computed here by a plain quadratic
 * search, independent of the engine's patience sorting.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { movedPairs } from "../../src/core/diff/moves.ts";

const pairs = (newOrder: number[]) =>
	newOrder.map((newIndex, oldIndex) => ({ oldIndex, newIndex }));

/** The length of the longest increasing run of `values`, by trying every predecessor. */
function longestRun(values: readonly number[]): number {
	const best = values.map(() => 1);
	for (let i = 0; i < values.length; i++)
		for (let j = 0; j < i; j++)
			if ((values[j] ?? 0) < (values[i] ?? 0)) best[i] = Math.max(best[i] ?? 1, (best[j] ?? 1) + 1);
	return Math.max(0, ...best);
}

describe("movedPairs", () => {
	it("finds nothing moved in nothing, in the same order, or in a renumbered order", () => {
		expect(movedPairs([])).toEqual(new Set());
		expect(movedPairs(pairs([0, 1, 2, 3]))).toEqual(new Set());
		// Paragraphs inserted and removed around them: positions change, order does not.
		expect(
			movedPairs([
				{ oldIndex: 0, newIndex: 2 },
				{ oldIndex: 3, newIndex: 4 },
				{ oldIndex: 4, newIndex: 9 },
			]),
		).toEqual(new Set());
	});

	it("names the one paragraph that went elsewhere, not those that shifted around it", () => {
		// The last of five goes to the top.
		expect(movedPairs(pairs([1, 2, 3, 4, 0]))).toEqual(new Set([4]));
		// The first goes three places down.
		expect(movedPairs(pairs([3, 0, 1, 2, 4]))).toEqual(new Set([0]));
		// Two go to the end, in the other order.
		expect(movedPairs(pairs([5, 0, 4, 1, 2, 3]))).toEqual(new Set([0, 2]));
	});

	it("answers by the index of each pair as given, whatever order the pairs come in", () => {
		const shuffled = [
			{ oldIndex: 4, newIndex: 0 },
			{ oldIndex: 0, newIndex: 1 },
			{ oldIndex: 2, newIndex: 3 },
			{ oldIndex: 1, newIndex: 2 },
			{ oldIndex: 3, newIndex: 4 },
		];
		expect(movedPairs(shuffled)).toEqual(new Set([0]));
	});

	it("moves the fewest: what is left is in order, and no smaller set would do", () => {
		fc.assert(
			fc.property(
				fc.uniqueArray(fc.integer({ min: 0, max: 200 }), { maxLength: 40 }),
				(newOrder) => {
					const moved = movedPairs(pairs(newOrder));
					const kept = newOrder.filter((_, i) => !moved.has(i));
					for (let k = 1; k < kept.length; k++)
						expect(kept[k] ?? 0).toBeGreaterThan(kept[k - 1] ?? 0);
					expect(moved.size).toBe(newOrder.length - longestRun(newOrder));
				},
			),
			{ numRuns: 300 },
		);
	});
});
