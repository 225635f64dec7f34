/**
 * EarlierLanguage: every shingle the earlier members of a series used, with
 * where (member and paragraph), and the earliest sighting of each shingle in
 * other resolutions. Built from texts in memory by `earlierLanguage`, or by a
 * store from its shingle index with `earlierLanguageFrom`; the span reader
 * sees no difference.
 */
import { contentWordsOf, shinglesOf } from "./shingles.ts";
import { readWords } from "./words.ts";

/** A member of a series as the builder reads it. */
export interface MemberText {
	readonly symbol: string;
	/** ISO adoption date, when known: compared with other resolutions' dates for `first`. */
	readonly date?: string | null;
	readonly paragraphs: readonly { readonly ref: string; readonly text: string }[];
}

/** Where a shingle was seen in the series: an index into `members` and a paragraph ref. */
export interface Sighting {
	readonly member: number;
	readonly ref: string;
}

/** Where a shingle was first seen outside the series. */
export interface Elsewhere {
	readonly symbol: string;
	readonly ref: string;
	readonly date: string | null;
}

export interface EarlierLanguage {
	/** The earlier members of the series, oldest first; the last is "the member before". */
	readonly members: readonly { readonly symbol: string; readonly date: string | null }[];
	/** Shingle hash to its sightings in those members. */
	readonly series: ReadonlyMap<number, readonly Sighting[]>;
	/** Shingle hash to its earliest sighting in another resolution, adopted before the member read. */
	readonly elsewhere: ReadonlyMap<number, Elsewhere>;
}

/** The hashes of one paragraph text's shingles. */
export function paragraphShingles(text: string): number[] {
	return shinglesOf(contentWordsOf(readWords(text))).map((s) => s.hash);
}

/**
 * @param members earlier members of the series, oldest first
 * @param others other resolutions (another series, a thematic text); only
 *   those adopted before `before` count, and the earliest sighting wins
 * @param before the adoption date of the member that will be read, when known
 * @example
 *   const index = earlierLanguage([m2012, m2013]);
 *   paragraphSpans(text2014, index);
 */
export function earlierLanguage(
	members: readonly MemberText[],
	others: readonly MemberText[] = [],
	before: string | null = null,
): EarlierLanguage {
	const series = new Map<number, Sighting[]>();
	members.forEach((m, member) => {
		for (const p of m.paragraphs) {
			for (const hash of paragraphShingles(p.text)) {
				const list = series.get(hash);
				if (list) list.push({ member, ref: p.ref });
				else series.set(hash, [{ member, ref: p.ref }]);
			}
		}
	});
	const elsewhere = new Map<number, Elsewhere>();
	for (const o of others) {
		const date = o.date ?? null;
		if (before && (!date || date >= before)) continue;
		for (const p of o.paragraphs) {
			for (const hash of paragraphShingles(p.text)) {
				const seen = elsewhere.get(hash);
				if (!seen || earlier(date, seen.date))
					elsewhere.set(hash, { symbol: o.symbol, ref: p.ref, date });
			}
		}
	}
	return {
		members: members.map((m) => ({ symbol: m.symbol, date: m.date ?? null })),
		series,
		elsewhere,
	};
}

/**
 * The same index from a store's rows: each row is one shingle seen in one
 * paragraph, `member` the index into `members` for a member of the series or
 * null for another resolution (whose `date` must already be before the member read).
 */
export function earlierLanguageFrom(
	members: EarlierLanguage["members"],
	rows: Iterable<{
		hash: number;
		member: number | null;
		symbol: string;
		ref: string;
		date: string | null;
	}>,
): EarlierLanguage {
	const series = new Map<number, Sighting[]>();
	const elsewhere = new Map<number, Elsewhere>();
	for (const r of rows) {
		if (r.member !== null) {
			const list = series.get(r.hash);
			if (list) list.push({ member: r.member, ref: r.ref });
			else series.set(r.hash, [{ member: r.member, ref: r.ref }]);
		} else {
			const seen = elsewhere.get(r.hash);
			if (!seen || earlier(r.date, seen.date))
				elsewhere.set(r.hash, { symbol: r.symbol, ref: r.ref, date: r.date });
		}
	}
	return { members, series, elsewhere };
}

/** Whether date `a` is before `b`; an unknown date is later than any known one. */
export function earlier(a: string | null, b: string | null): boolean {
	if (a === null) return false;
	return b === null || a < b;
}
