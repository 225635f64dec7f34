/** Timing for the speed benchmark: warm-up runs first, then the median of several. */

export interface Timing {
	readonly median: number;
	readonly min: number;
	readonly runs: number;
}

export function median(xs: readonly number[]): number {
	const s = [...xs].sort((a, b) => a - b);
	const mid = s.length >> 1;
	return s.length % 2 === 1 ? (s[mid] ?? Number.NaN) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

/**
 * Times `fn`: `warmup` untimed calls (the JIT settles), then up to `runs`
 * timed ones, fewer when they would pass `budgetMs` (at least `minRuns`, 3 by default).
 */
export function measure(
	fn: () => unknown,
	options: { warmup: number; runs: number; budgetMs: number; minRuns?: number },
): Timing {
	for (let i = 0; i < options.warmup; i++) fn();
	const times: number[] = [];
	const least = options.minRuns ?? 3;
	let spent = 0;
	while (times.length < options.runs && (times.length < least || spent < options.budgetMs)) {
		const start = performance.now();
		fn();
		const t = performance.now() - start;
		times.push(t);
		spent += t;
	}
	return { median: median(times), min: Math.min(...times), runs: times.length };
}
