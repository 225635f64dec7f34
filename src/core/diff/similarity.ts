/**
 * How alike two paragraphs are, and how much of one is contained in another.
 * Similarity is the Dice coefficient over bags of content words: cheap,
 * linear, and insensitive to a clause moving inside a paragraph. Containment,
 * used for merges and splits, also respects word order.
 */

export type Bag = ReadonlyMap<string, number>;

export function bagOf(words: readonly string[]): Map<string, number> {
	const bag = new Map<string, number>();
	for (const w of words) bag.set(w, (bag.get(w) ?? 0) + 1);
	return bag;
}

/** Words two bags share, counted with multiplicity. */
export function sharedCount(a: Bag, b: Bag): number {
	const [small, large] = a.size <= b.size ? [a, b] : [b, a];
	let shared = 0;
	for (const [w, n] of small) shared += Math.min(n, large.get(w) ?? 0);
	return shared;
}

/** Dice coefficient over word bags: 2|A∩B| / (|A|+|B|); 1 for two empty texts. */
export function dice(a: Bag, sizeA: number, b: Bag, sizeB: number): number {
	if (sizeA + sizeB === 0) return 1;
	return (2 * sharedCount(a, b)) / (sizeA + sizeB);
}

/** Longest sequences compared word by word for containment; beyond it, bags decide. */
const MAX_LCS_CELLS = 4_000_000;

/**
 * Length of the longest common subsequence of two word sequences, or, when
 * that would take too long, the bag overlap (an upper bound that keeps the
 * cost linear on hostile input).
 */
export function commonInOrder(a: readonly string[], b: readonly string[]): number {
	if (a.length === 0 || b.length === 0) return 0;
	if (a.length * b.length > MAX_LCS_CELLS) return sharedCount(bagOf(a), bagOf(b));
	const row = new Uint32Array(b.length + 1);
	for (let i = 1; i <= a.length; i++) {
		let diagonal = 0;
		for (let j = 1; j <= b.length; j++) {
			const above = row[j] ?? 0;
			row[j] = a[i - 1] === b[j - 1] ? diagonal + 1 : Math.max(above, row[j - 1] ?? 0);
			diagonal = above;
		}
	}
	return row[b.length] ?? 0;
}

/**
 * Which words of `whole` a longest common subsequence with `part` uses, as
 * a mask over `whole`'s positions. Beyond the LCS budget, each word of
 * `whole` is marked while `part` still has an unused copy of it.
 */
export function coveredPositions(
	whole: readonly string[],
	part: readonly string[],
	/** Positions other parts already carry: among equally long subsequences, the one using fewest of them wins. */
	taken?: Uint8Array,
): Uint8Array {
	const mask = new Uint8Array(whole.length);
	if (whole.length === 0 || part.length === 0) return mask;
	if (whole.length * part.length > MAX_LCS_CELLS) {
		const left = bagOf(part);
		whole.forEach((w, i) => {
			const n = left.get(w) ?? 0;
			if (n > 0) {
				mask[i] = 1;
				left.set(w, n - 1);
			}
		});
		return mask;
	}
	// Each matched word scores 2, or 1 where another part already carries it, so the
	// subsequence chosen is the one that adds most to what the other parts carry.
	const gain = (i: number) => (taken?.[i] ? 1 : 2);
	const cols = part.length + 1;
	const table = new Uint32Array((whole.length + 1) * cols);
	for (let i = 1; i <= whole.length; i++) {
		for (let j = 1; j <= part.length; j++) {
			const skip = Math.max(table[(i - 1) * cols + j] ?? 0, table[i * cols + j - 1] ?? 0);
			table[i * cols + j] =
				whole[i - 1] === part[j - 1]
					? Math.max(skip, (table[(i - 1) * cols + j - 1] ?? 0) + gain(i - 1))
					: skip;
		}
	}
	let i = whole.length;
	let j = part.length;
	while (i > 0 && j > 0) {
		const here = table[i * cols + j] ?? 0;
		if (
			whole[i - 1] === part[j - 1] &&
			here === (table[(i - 1) * cols + j - 1] ?? 0) + gain(i - 1)
		) {
			mask[i - 1] = 1;
			i--;
			j--;
		} else if ((table[(i - 1) * cols + j] ?? 0) === here) i--;
		else j--;
	}
	return mask;
}
