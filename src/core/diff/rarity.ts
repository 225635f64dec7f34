/**
 * How rare each word (stem) is across a collection of paragraphs: the two
 * texts compared, or a whole stored series. Shared rare words (named bodies,
 * places, instruments, dates) say much more about two paragraphs being one
 * than shared stock words ("human", "rights", "Mali") do.
 */
import type { Bag } from "./similarity.ts";

export interface TermRarity {
	/** How many paragraphs the counts are over. */
	readonly paragraphs: number;
	/** In how many of them each stem occurs. */
	readonly frequency: ReadonlyMap<string, number>;
}

/** Counts, over paragraphs given as word bags, in how many each stem occurs. */
export function rarityOf(bags: Iterable<Bag>): TermRarity {
	const frequency = new Map<string, number>();
	let paragraphs = 0;
	for (const bag of bags) {
		paragraphs++;
		for (const w of bag.keys()) frequency.set(w, (frequency.get(w) ?? 0) + 1);
	}
	return { paragraphs, frequency };
}

/**
 * A stem's weight: the log of how many paragraphs there are per paragraph
 * holding it (inverse document frequency, smoothed so that an unseen stem
 * counts as the rarest).
 */
export function termWeight(rarity: TermRarity, stem: string): number {
	return Math.log(1 + rarity.paragraphs / (1 + (rarity.frequency.get(stem) ?? 0)));
}

/** A weight function over one rarity table, remembering what it computed. */
export function weigher(rarity: TermRarity): (stem: string) => number {
	const memo = new Map<string, number>();
	return (stem) => {
		let w = memo.get(stem);
		if (w === undefined) {
			w = termWeight(rarity, stem);
			memo.set(stem, w);
		}
		return w;
	};
}

/** Dice over bags where every shared occurrence counts by its stem's weight. */
export function weightedDice(a: Bag, b: Bag, weight: (stem: string) => number): number {
	let shared = 0;
	let total = 0;
	for (const [w, n] of a) {
		const x = weight(w);
		total += n * x;
		const m = b.get(w);
		if (m) shared += Math.min(n, m) * x;
	}
	for (const [w, n] of b) total += n * weight(w);
	return total === 0 ? 1 : (2 * shared) / total;
}
