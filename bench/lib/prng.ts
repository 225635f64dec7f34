/**
 * A small seeded pseudo-random generator (sfc32, seeded through splitmix32),
 * so that every generated pair, series and scaled text is reproducible from
 * one integer. Math.random is never used in the benchmarks.
 */

/** Mixes an integer into a well-spread 32-bit value; also used to derive sub-seeds. */
export function mix32(seed: number): number {
	let z = (seed + 0x9e3779b9) | 0;
	z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
	z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
	return (z ^ (z >>> 16)) >>> 0;
}

/** A seed for the k-th thing made from `seed` (pair k of a run, year k of a series). */
export function subSeed(seed: number, k: number): number {
	return mix32(mix32(seed) ^ Math.imul(k + 1, 0x27d4eb2d));
}

export interface Rng {
	/** A float in [0, 1). */
	next(): number;
	/** An integer in [min, max], both included. */
	int(min: number, max: number): number;
	/** True with probability p. */
	chance(p: number): boolean;
	/** One element; throws on an empty list, which is always a caller's bug. */
	pick<T>(items: readonly T[]): T;
	/** One element chosen by weight. */
	weighted<T>(items: readonly (readonly [T, number])[]): T;
	/** A shuffled copy. */
	shuffle<T>(items: readonly T[]): T[];
}

/**
 * @example
 * const rng = createRng(42);
 * rng.int(1, 6) // the same number on every run
 */
export function createRng(seed: number): Rng {
	let a = mix32(seed);
	let b = mix32(a);
	let c = mix32(b);
	let d = 1;
	const next = (): number => {
		// sfc32: small, fast and statistically sound for this use.
		const t = (((a + b) | 0) + d) | 0;
		d = (d + 1) | 0;
		a = b ^ (b >>> 9);
		b = (c + (c << 3)) | 0;
		c = (c << 21) | (c >>> 11);
		c = (c + t) | 0;
		return (t >>> 0) / 4294967296;
	};
	// Discard the first outputs: they still carry the seed's structure.
	for (let i = 0; i < 12; i++) next();
	const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
	const pick = <T>(items: readonly T[]): T => {
		if (items.length === 0) throw new Error("pick from an empty list");
		return items[int(0, items.length - 1)] as T;
	};
	return {
		next,
		int,
		chance: (p) => next() < p,
		pick,
		weighted: <T>(items: readonly (readonly [T, number])[]): T => {
			const total = items.reduce((s, [, w]) => s + w, 0);
			let r = next() * total;
			for (const [item, w] of items) {
				r -= w;
				if (r < 0) return item;
			}
			return pick(items)[0];
		},
		shuffle: <T>(items: readonly T[]): T[] => {
			const out = [...items];
			for (let i = out.length - 1; i > 0; i--) {
				const j = int(0, i);
				[out[i], out[j]] = [out[j] as T, out[i] as T];
			}
			return out;
		},
	};
}
