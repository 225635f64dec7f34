/**
 * Shingles: runs of SHINGLE_WORDS consecutive content words in normal form,
 * the unit of "this wording was used before". Function words are skipped so
 * that "the violations of" and "violations in" do not differ; a shingle is
 * hashed to a number so that storage can index millions of them.
 */
import type { Word } from "./words.ts";

/**
 * Content words in a shingle. Three: two are too common in resolutions
 * ("human rights") to show that wording was reused; four let a single edited
 * word hide three neighbours from the match.
 */
export const SHINGLE_WORDS = 3;

/** One shingle: the content-word positions it covers and its hash. */
export interface Shingle {
	/** Index of its first word in the paragraph's content words. */
	readonly at: number;
	/** How many content words it covers (fewer than SHINGLE_WORDS only in a paragraph that short). */
	readonly length: number;
	readonly hash: number;
}

/** The content words of a word list. */
export function contentWordsOf(words: readonly Word[]): Word[] {
	return words.filter((w) => w.content);
}

/**
 * The shingles of a paragraph's content words; a paragraph shorter than one
 * shingle gives one short shingle. Its first and last SHINGLE_WORDS - 1
 * words also get an edge shingle ("^ strongly condemn", "itinerant trader $"):
 * without them a word changed near either end would leave two unchanged
 * neighbours at the edge in no matching shingle, and they would read as new.
 * (One uncovered word alone is absorbed anyway, so shorter edges are not needed,
 * and would match any paragraph opening with the same verb.)
 */
export function shinglesOf(content: readonly Word[]): Shingle[] {
	if (content.length === 0) return [];
	const n = Math.min(SHINGLE_WORDS, content.length);
	const key = (at: number, length: number) =>
		content
			.slice(at, at + length)
			.map((w) => w.norm)
			.join(" ");
	const out: Shingle[] = [];
	for (let at = 0; at + n <= content.length; at++) {
		out.push({ at, length: n, hash: shingleHash(key(at, n)) });
	}
	const edge = n - 1;
	if (edge > 0 && content.length > edge) {
		out.push({ at: 0, length: edge, hash: shingleHash(`^ ${key(0, edge)}`) });
		const at = content.length - edge;
		out.push({ at, length: edge, hash: shingleHash(`${key(at, edge)} $`) });
	}
	return out;
}

/**
 * A 52-bit hash of a shingle's key (two 32-bit FNV-1a passes with different
 * offsets): exact in a JavaScript number and in a PostgreSQL bigint, and with
 * millions of distinct shingles stored, a false match is about one in a
 * billion lookups.
 */
export function shingleHash(key: string): number {
	let a = 0x811c9dc5;
	let b = 0x01000193 ^ 0x5bd1e995;
	for (let i = 0; i < key.length; i++) {
		const c = key.charCodeAt(i);
		a = Math.imul(a ^ c, 0x01000193);
		b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 15);
	}
	return (a >>> 0) * 0x100000 + ((b >>> 0) >>> 12);
}
