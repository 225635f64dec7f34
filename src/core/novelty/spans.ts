/**
 * paragraphSpans: one paragraph's text cut into `new` and `kept` spans.
 *
 * The rule, word by word over the paragraph's content words (function words
 * ride along with their neighbours):
 * 1. A content word is covered when one of the shingles containing it (a run
 *    of SHINGLE_WORDS content words) occurs in an earlier member of the series.
 * 2. A run of uncovered words is `new` only when it holds at least
 *    MIN_NEW_WORDS content words. Numbers, months and ordinals are not
 *    content words (every year bumps them), so a single changed word, a
 *    bumped year or session ordinal stays inside the `kept` wording around it.
 * 3. Covered words are `kept`; each knows where the member before has its
 *    wording (`source`; null when the wording skipped the member before and
 *    came back from an older one) and the earliest use (`first`), which is a
 *    resolution outside the series when one adopted before the series' first
 *    use holds the wording. A `new` span's `first` names another resolution
 *    when all or part of it was borrowed from one.
 * 4. Neighbouring words with the same status, source and first form a span;
 *    a stretch shorter than one shingle joins the span before it (or after
 *    it), so a span is never a stray word.
 * 5. A new span runs from its first new word to its last; the text between a
 *    new span and kept wording belongs to the kept span; text before the
 *    first word and after the last joins the first and last spans.
 * Joining the spans' text gives the paragraph text exactly.
 */
import type { EarlierLanguage, Sighting } from "./earlier.ts";
import { earlier } from "./earlier.ts";
import { contentWordsOf, SHINGLE_WORDS, shinglesOf } from "./shingles.ts";
import { readWords } from "./words.ts";

/** Content words an uncovered run needs to count as new wording. */
export const MIN_NEW_WORDS = 2;

export interface Place {
	readonly symbol: string;
	readonly ref: string;
}

export interface PhraseSpan {
	readonly text: string;
	readonly status: "new" | "kept";
	/** Where a kept span's wording stands in the member before; null when that member does not use it. */
	readonly source: Place | null;
	/** Where the wording first appeared: in the series, or in another stored resolution. */
	readonly first: Place | null;
}

interface Slot {
	status: "new" | "kept";
	/** Member index of the source (the member before); -1 when none. */
	source: number;
	/** Whether `source` and `first` are set (a kept word absorbed by rule 2 borrows them from a neighbour). */
	placed: boolean;
	/** "m<index>" for a series member, "e<symbol>" for another resolution, "" for none. */
	first: string;
	/** Shingle hashes that cover this word. */
	hits: number[];
}

interface Group extends Slot {
	from: number;
	to: number;
}

export function paragraphSpans(text: string, index: EarlierLanguage): PhraseSpan[] {
	if (text === "") return [];
	const content = contentWordsOf(readWords(text));
	if (content.length === 0) return [{ text, status: "kept", source: null, first: null }];

	const slots = coverage(content.length, shinglesOf(content), index);
	settleShortRuns(slots);
	fillAbsorbed(slots);
	const groups = smooth(groupsOf(slots));

	const spans: PhraseSpan[] = [];
	groups.forEach((g, k) => {
		const start = k === 0 ? 0 : groupStart(groups, k, content);
		const next = groups[k + 1];
		const end = next ? groupStart(groups, k + 1, content) : text.length;
		spans.push({
			text: text.slice(start, end),
			status: g.status,
			source: g.status === "kept" && g.source >= 0 ? seriesPlace(g, slots, index, g.source) : null,
			first: firstPlace(g, slots, index),
		});
	});
	return spans;
}

/** Rule 1 and 3: which words earlier members used, and where. */
function coverage(
	count: number,
	shingles: ReturnType<typeof shinglesOf>,
	index: EarlierLanguage,
): Slot[] {
	const slots: Slot[] = Array.from({ length: count }, () => ({
		status: "new",
		source: -1,
		placed: false,
		first: "",
		hits: [],
	}));
	for (const s of shingles) {
		if (!index.series.has(s.hash) && !index.elsewhere.has(s.hash)) continue;
		for (let i = s.at; i < s.at + s.length; i++) slots[i]?.hits.push(s.hash);
	}
	for (const slot of slots) {
		let latest = -1;
		let firstMember = Number.POSITIVE_INFINITY;
		let outside: { symbol: string; date: string | null } | null = null;
		for (const h of slot.hits) {
			for (const s of index.series.get(h) ?? []) {
				if (s.member > latest) latest = s.member;
				if (s.member < firstMember) firstMember = s.member;
			}
			const e = index.elsewhere.get(h);
			if (e && (!outside || earlier(e.date, outside.date))) outside = e;
		}
		if (latest >= 0) {
			slot.status = "kept";
			slot.placed = true;
			slot.source = latest === index.members.length - 1 ? latest : -1;
			const seriesDate = index.members[firstMember]?.date ?? null;
			slot.first =
				outside && seriesDate !== null && earlier(outside.date, seriesDate)
					? `e${outside.symbol}`
					: `m${firstMember}`;
		} else if (outside) {
			slot.first = `e${outside.symbol}`;
		}
	}
	return slots;
}

/** Rule 2: an uncovered run too thin to be new wording is kept. */
function settleShortRuns(slots: Slot[]): void {
	let i = 0;
	while (i < slots.length) {
		if (slots[i]?.status !== "new") {
			i++;
			continue;
		}
		let j = i;
		while (j < slots.length && slots[j]?.status === "new") j++;
		const weight = j - i;
		const anyKept = slots.some((s) => s.status === "kept");
		// A paragraph with nothing kept is wholly new however short: there is no wording around it to absorb it.
		if (weight < MIN_NEW_WORDS && anyKept) {
			for (let k = i; k < j; k++) {
				const s = slots[k];
				if (s) s.status = "kept";
			}
		}
		i = j;
	}
}

/** Kept words no earlier member used (rule 2's absorbed words) take the source of the kept word before them, or after. */
function fillAbsorbed(slots: Slot[]): void {
	let last: Slot | null = null;
	const pending: Slot[] = [];
	for (const s of slots) {
		if (s.status !== "kept") {
			last = null;
			continue;
		}
		if (s.placed) {
			for (const p of pending) {
				p.source = s.source;
				p.first = s.first;
				p.placed = true;
			}
			pending.length = 0;
			last = s;
		} else if (last) {
			s.source = last.source;
			s.first = last.first;
			s.placed = true;
		} else {
			pending.push(s);
		}
	}
}

function groupsOf(slots: readonly Slot[]): Group[] {
	const groups: Group[] = [];
	slots.forEach((s, i) => {
		const g = groups.at(-1);
		if (g && g.status === s.status && g.source === s.source && g.first === s.first) g.to = i;
		else groups.push({ ...s, hits: [], from: i, to: i });
	});
	return groups;
}

/** Rule 4: a group shorter than a shingle joins a neighbour of the same status. */
function smooth(groups: Group[]): Group[] {
	const out = [...groups];
	let changed = true;
	while (changed) {
		changed = false;
		for (let k = 0; k < out.length; k++) {
			const g = out[k];
			if (!g || g.to - g.from + 1 >= SHINGLE_WORDS) continue;
			const before = out[k - 1];
			const after = out[k + 1];
			if (before && before.status === g.status) {
				before.to = g.to;
				out.splice(k, 1);
				changed = true;
				break;
			}
			if (after && after.status === g.status) {
				after.from = g.from;
				out.splice(k, 1);
				changed = true;
				break;
			}
		}
		// Neighbours left with the same status, source and first after a merge become one.
		for (let k = 1; k < out.length; k++) {
			const a = out[k - 1];
			const b = out[k];
			if (a && b && a.status === b.status && a.source === b.source && a.first === b.first) {
				a.to = b.to;
				out.splice(k, 1);
				k--;
				changed = true;
			}
		}
	}
	return out;
}

/** Rule 5: where group k's text starts. */
function groupStart(
	groups: readonly Group[],
	k: number,
	content: readonly { start: number; end: number }[],
): number {
	const g = groups[k];
	const prev = groups[k - 1];
	if (!g) return 0;
	const own = content[g.from]?.start ?? 0;
	if (g.status === "kept" && prev?.status === "new") return content[prev.to]?.end ?? own;
	return own;
}

/** The paragraph of `member` whose sightings cover most of the group's words. */
function seriesPlace(
	g: Group,
	slots: readonly Slot[],
	index: EarlierLanguage,
	member: number,
): Place | null {
	const symbol = index.members[member]?.symbol;
	if (symbol === undefined) return null;
	const votes = new Map<string, number>();
	for (let i = g.from; i <= g.to; i++) {
		const seen = new Set<string>();
		for (const h of slots[i]?.hits ?? []) {
			for (const s of index.series.get(h) ?? ([] as Sighting[])) {
				if (s.member === member && !seen.has(s.ref)) {
					seen.add(s.ref);
					votes.set(s.ref, (votes.get(s.ref) ?? 0) + 1);
				}
			}
		}
	}
	const ref = best(votes);
	return ref === null ? null : { symbol, ref };
}

function firstPlace(g: Group, slots: readonly Slot[], index: EarlierLanguage): Place | null {
	if (g.first.startsWith("m")) return seriesPlace(g, slots, index, Number(g.first.slice(1)));
	if (!g.first.startsWith("e")) return null;
	const symbol = g.first.slice(1);
	const votes = new Map<string, number>();
	for (let i = g.from; i <= g.to; i++) {
		for (const h of slots[i]?.hits ?? []) {
			const e = index.elsewhere.get(h);
			if (e && e.symbol === symbol) votes.set(e.ref, (votes.get(e.ref) ?? 0) + 1);
		}
	}
	const ref = best(votes);
	return ref === null ? null : { symbol, ref };
}

/** The most voted key; ties go to the first counted. */
function best(votes: ReadonlyMap<string, number>): string | null {
	let top: string | null = null;
	let n = 0;
	for (const [k, v] of votes) {
		if (v > n) {
			top = k;
			n = v;
		}
	}
	return top;
}
