/** Small pieces of English the pages share. */

/**
 * A count with its noun, singular for one.
 *
 * @example
 * plural(1, "stored member") // "1 stored member"
 */
export function plural(n: number, word: string): string {
	return `${n} ${word}${n === 1 ? "" : "s"}`;
}
