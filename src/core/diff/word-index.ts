/**
 * An inverted index from word to the paragraphs holding it, so that each
 * paragraph is scored against a handful of likely partners and never against
 * all of the other text: the cost stays near linear in the paragraph count.
 */
import type { Bag } from "./similarity.ts";
import type { Unit } from "./unit.ts";

export class WordIndex {
	private readonly postings = new Map<string, number[]>();

	/** Words held by more than `maxShare` of the units (and more than 8) are left out: they do not discriminate. */
	constructor(units: Iterable<Unit>, maxShare: number) {
		let n = 0;
		for (const u of units) {
			n++;
			for (const w of u.bag.keys()) {
				const list = this.postings.get(w);
				if (list) list.push(u.index);
				else this.postings.set(w, [u.index]);
			}
		}
		const cap = Math.max(8, Math.ceil(n * maxShare));
		for (const [w, list] of this.postings) if (list.length > cap) this.postings.delete(w);
	}

	/** Units sharing the most indexed words with `bag`, best first. */
	candidates(bag: Bag, limit: number, usable: (index: number) => boolean = () => true): number[] {
		const counts = new Map<number, number>();
		for (const [w, n] of bag) {
			for (const i of this.postings.get(w) ?? [])
				if (usable(i)) counts.set(i, (counts.get(i) ?? 0) + n);
		}
		return [...counts.entries()]
			.sort((a, b) => b[1] - a[1] || a[0] - b[0])
			.slice(0, limit)
			.map(([i]) => i);
	}
}

/** Unit indexes in sorted `free` nearest to a position, `count` on each side. */
export function neighbours(free: readonly number[], at: number, count: number): number[] {
	let lo = 0;
	let hi = free.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if ((free[mid] ?? 0) < at) lo = mid + 1;
		else hi = mid;
	}
	return free.slice(Math.max(0, lo - count), lo + count);
}
