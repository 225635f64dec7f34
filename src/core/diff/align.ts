/**
 * Paragraph alignment: which paragraphs of the old text became which of the
 * new. In order of confidence:
 *
 * 1. identical wording (lead inflection aside) pairs at once, whatever the
 *    numbering or kind, so renumbering and promotion cost nothing;
 * 2. the rest pair by similarity, best first, among candidates found through
 *    rare shared words and nearby positions (never all pairs, so the cost
 *    stays near linear in the paragraph count);
 * 3. one paragraph whose words contain two or more on the other side, in
 *    order, is a merge or a split.
 */
import type { Paragraph } from "../model.ts";
import { type Bag, bagOf, commonInOrder, dice, sharedCount } from "./similarity.ts";
import { contentOf, contentWords, words } from "./tokens.ts";

/** Least similarity for two different paragraphs to count as one reworded. */
export const MATCH_THRESHOLD = 0.5;
/** Share of a paragraph's words, in order, that must reappear inside another for a merge or split. */
export const CONTAIN_THRESHOLD = 0.6;
/** Share of the merged (or split) paragraph's words that its parts must account for. */
export const COVER_THRESHOLD = 0.7;
/**
 * How many paragraphs may stand between two parts of one merge or split: a
 * paragraph moved or inserted between the halves of a split leaves it a split.
 */
export const MAX_PART_GAP = 1;
/** A paragraph with fewer content words than this is never taken for part of a merge or split. */
export const MIN_PART_WORDS = 3;
/**
 * A paragraph this long (in content words) found whole inside a new one that
 * pairs with nothing else was expanded into it, and the two are one paragraph.
 */
export const MIN_EXPANDED_WORDS = 6;
/**
 * Share of such a paragraph's words, in order, that must reappear: stricter
 * than for merges and splits, since one shared phrase ("the Independent Expert
 * on the situation of human rights in Mali") must not pair two paragraphs.
 */
export const EXPAND_THRESHOLD = 0.8;
/** How many candidates by shared words each paragraph is scored against. */
export const CANDIDATES = 10;
/** How many unmatched neighbours by position are also scored, on each side. */
export const NEIGHBOURS = 3;

/**
 * A paragraph as the alignment sees it. Its words are read only when asked
 * for: most paragraphs of a new version are word for word the old ones and
 * pair on their raw text without ever being tokenised.
 */
export class Unit {
	#key: string | undefined;
	#content: string[] | undefined;
	#bag: Bag | undefined;
	/** Lemma and text exactly as written: equal raw keys mean the same paragraph, renumbering aside. */
	readonly rawKey: string;

	constructor(
		/** Document order, preambular and operative together. */
		readonly index: number,
		readonly paragraph: Paragraph,
	) {
		this.rawKey = `${paragraph.lemma}\u0000${this.body}`;
	}

	private get body(): string {
		const p = this.paragraph;
		return p.subparagraphs.length === 0
			? p.body
			: [p.body, ...p.subparagraphs.map((s) => `${s.label} ${s.text}`)].join(" ");
	}

	/** Words of lemma and body: equal keys mean equal wording up to inflection and punctuation. */
	get key(): string {
		this.#read();
		return this.#key ?? "";
	}

	get content(): readonly string[] {
		this.#read();
		return this.#content ?? [];
	}

	get bag(): Bag {
		this.#bag ??= bagOf(this.content);
		return this.#bag;
	}

	#read(): void {
		if (this.#content) return;
		const bodyWords = words(this.body);
		this.#key = `${this.paragraph.lemma}|${bodyWords.join(" ")}`;
		this.#content = [...contentWords(this.paragraph.lemma), ...contentOf(bodyWords)];
	}
}

export function toUnits(paragraphs: readonly Paragraph[]): Unit[] {
	return paragraphs.map((paragraph, index) => new Unit(index, paragraph));
}

/** One outcome of the alignment: old and new unit indexes (one each for a pair; several on one side for a merge or split). */
export interface Alignment {
	readonly old: readonly number[];
	readonly new: readonly number[];
	readonly similarity: number;
}

function similarity(a: Unit, b: Unit): number {
	return dice(a.bag, a.content.length, b.bag, b.content.length);
}

/** Inverted index from word to the units holding it, leaving out words too common to discriminate. */
class WordIndex {
	private readonly postings = new Map<string, number[]>();
	constructor(units: readonly Unit[], maxShare: number) {
		for (const u of units) {
			for (const w of u.bag.keys()) {
				const list = this.postings.get(w);
				if (list) list.push(u.index);
				else this.postings.set(w, [u.index]);
			}
		}
		const cap = Math.max(8, Math.ceil(units.length * maxShare));
		for (const [w, list] of this.postings) if (list.length > cap) this.postings.delete(w);
	}

	/** Units sharing the most indexed words with `bag`, best first. */
	candidates(bag: Bag, limit: number, usable: (index: number) => boolean): number[] {
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

/** Unmatched units next to a relative position, `count` on each side. */
function neighbours(free: readonly number[], at: number, count: number): number[] {
	let lo = 0;
	let hi = free.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if ((free[mid] ?? 0) < at) lo = mid + 1;
		else hi = mid;
	}
	return free.slice(Math.max(0, lo - count), lo + count);
}

/**
 * Aligns two texts' paragraphs. Every unit index of both sides appears in
 * exactly one alignment or in neither (then it is new or removed).
 */
export function align(oldUnits: readonly Unit[], newUnits: readonly Unit[]): Alignment[] {
	const oldMatch = new Array<number>(oldUnits.length).fill(-1);
	const newMatch = new Array<number>(newUnits.length).fill(-1);
	const pairSimilarity = new Map<number, number>();
	const pair = (o: number, n: number, s: number) => {
		oldMatch[o] = n;
		newMatch[n] = o;
		pairSimilarity.set(n, s);
	};

	// 1. Identical wording: the raw text first (no tokenising), then the same words up to inflection.
	for (const keyOf of [(u: Unit) => u.rawKey, (u: Unit) => u.key]) {
		const byKey = new Map<string, number[]>();
		for (const u of oldUnits) {
			if (oldMatch[u.index] !== -1) continue;
			const k = keyOf(u);
			const list = byKey.get(k);
			if (list) list.push(u.index);
			else byKey.set(k, [u.index]);
		}
		for (const n of newUnits) {
			if (newMatch[n.index] !== -1) continue;
			const o = byKey.get(keyOf(n))?.shift();
			if (o !== undefined) pair(o, n.index, 1);
		}
	}

	// 2. Similar wording, best pairs first.
	const freeOld = () => oldUnits.filter((u) => oldMatch[u.index] === -1);
	const index = new WordIndex(freeOld(), 0.05);
	const freeOldIndexes = freeOld().map((u) => u.index);
	const scale = oldUnits.length / Math.max(1, newUnits.length);
	const edges: { o: number; n: number; s: number; score: number }[] = [];
	for (const n of newUnits) {
		if (newMatch[n.index] !== -1) continue;
		const near = neighbours(freeOldIndexes, n.index * scale, NEIGHBOURS);
		const shared = index.candidates(n.bag, CANDIDATES, (i) => oldMatch[i] === -1);
		for (const o of new Set([...shared, ...near])) {
			const old = oldUnits[o];
			if (!old) continue;
			const s = similarity(old, n);
			if (s < MATCH_THRESHOLD) continue;
			// Ties go to the same kind, then to the nearer position.
			const sameKind = old.paragraph.kind === n.paragraph.kind ? 1e-3 : 0;
			const distance = Math.abs(
				o / Math.max(1, oldUnits.length) - n.index / Math.max(1, newUnits.length),
			);
			edges.push({ o, n: n.index, s, score: s + sameKind - distance * 1e-4 });
		}
	}
	edges.sort((a, b) => b.score - a.score);
	for (const e of edges) if (oldMatch[e.o] === -1 && newMatch[e.n] === -1) pair(e.o, e.n, e.s);

	// 3. Merges and splits.
	const merges = findContainments("new", newUnits, oldUnits, newMatch, oldMatch);
	const splits = findContainments("old", oldUnits, newUnits, oldMatch, newMatch, merges.claimed);

	const alignments: Alignment[] = [];
	for (const m of merges.found)
		alignments.push({ old: m.parts, new: [m.whole], similarity: m.similarity });
	for (const s of splits.found)
		alignments.push({ old: [s.whole], new: s.parts, similarity: s.similarity });
	for (const e of [...merges.expanded, ...splits.expanded]) {
		const [o, n] = e.whole.side === "new" ? [e.part, e.whole.index] : [e.whole.index, e.part];
		alignments.push({ old: [o], new: [n], similarity: e.similarity });
	}
	for (const n of newUnits) {
		const o = newMatch[n.index] ?? -1;
		if (o >= 0)
			alignments.push({ old: [o], new: [n.index], similarity: pairSimilarity.get(n.index) ?? 0 });
	}
	return alignments;
}

interface Containment {
	readonly whole: number;
	readonly parts: number[];
	readonly similarity: number;
}

/** One paragraph found whole inside another that pairs with nothing else: expanded (or shortened), not new. */
interface Expansion {
	readonly whole: { readonly side: "old" | "new"; readonly index: number };
	readonly part: number;
	readonly similarity: number;
}

/**
 * Finds wholes (on one side) that contain two or more parts (on the other),
 * in order: merges seen from the new side, splits from the old. A part is an
 * unmatched paragraph, or the whole's own current match. A whole with no
 * match that contains exactly one long unmatched part was expanded from it
 * (or, from the old side, shortened into it). Found wholes and parts are
 * marked -2 in `wholeMatch`/`partMatch`.
 */
function findContainments(
	wholeSide: "old" | "new",
	wholes: readonly Unit[],
	parts: readonly Unit[],
	wholeMatch: number[],
	partMatch: number[],
	claimed: ReadonlySet<number> = new Set(),
): { found: Containment[]; expanded: Expansion[]; claimed: Set<number> } {
	const found: Containment[] = [];
	const expanded: Expansion[] = [];
	const taken = new Set<number>();
	const index = new WordIndex(
		parts.filter((p) => partMatch[p.index] === -1 && !claimed.has(p.index)),
		0.05,
	);
	for (const whole of wholes) {
		const current = wholeMatch[whole.index] ?? -1;
		if (current === -2 || claimed.has(whole.index)) continue;
		// A whole that already pairs exactly cannot have absorbed anything.
		const partner = current >= 0 ? parts[current] : undefined;
		if (partner && (partner.rawKey === whole.rawKey || partner.key === whole.key)) continue;
		const candidates = index.candidates(
			whole.bag,
			CANDIDATES,
			(i) => partMatch[i] === -1 && !taken.has(i),
		);
		if (current >= 0) candidates.push(current);
		const contained = candidates
			.map((i) => parts[i])
			.filter((p): p is Unit => !!p && p.content.length >= MIN_PART_WORDS)
			.filter((p) => sharedCount(p.bag, whole.bag) >= CONTAIN_THRESHOLD * p.content.length)
			.map((p) => ({ p, common: commonInOrder(p.content, whole.content) }))
			.filter(({ p, common }) => common >= CONTAIN_THRESHOLD * p.content.length);
		const only = contained[0];
		if (
			contained.length === 1 &&
			only &&
			current === -1 &&
			only.p.content.length >= MIN_EXPANDED_WORDS &&
			only.common >= EXPAND_THRESHOLD * only.p.content.length
		) {
			const similarity = dice(only.p.bag, only.p.content.length, whole.bag, whole.content.length);
			expanded.push({
				whole: { side: wholeSide, index: whole.index },
				part: only.p.index,
				similarity,
			});
			wholeMatch[whole.index] = -2;
			partMatch[only.p.index] = -2;
			taken.add(only.p.index);
			continue;
		}
		// A merge joins neighbours, and a split leaves its parts side by side: only near neighbours count.
		const run = bestAdjacentRun(contained);
		if (run.length < 2) continue;
		const covered = run.reduce((sum, c) => sum + c.common, 0);
		if (covered < COVER_THRESHOLD * whole.content.length) continue;
		const partIndexes = run.map((c) => c.p.index);
		const union = bagOf(run.flatMap((c) => c.p.content));
		const size = run.reduce((n, c) => n + c.p.content.length, 0);
		found.push({
			whole: whole.index,
			parts: partIndexes,
			similarity: dice(union, size, whole.bag, whole.content.length),
		});
		// A match the whole had but that is not among its parts is free again (and reads as removed or new).
		if (current >= 0 && !partIndexes.includes(current)) partMatch[current] = -1;
		wholeMatch[whole.index] = -2;
		for (const i of partIndexes) {
			taken.add(i);
			partMatch[i] = -2;
		}
	}
	const wholesUsed = [...found.map((f) => f.whole), ...expanded.map((e) => e.whole.index)];
	return { found, expanded, claimed: new Set(wholesUsed) };
}

/**
 * Of paragraphs found inside another, the run of neighbours (at most
 * MAX_PART_GAP paragraphs apart) that accounts for the most words.
 */
function bestAdjacentRun<T extends { readonly p: Unit; readonly common: number }>(
	found: readonly T[],
): T[] {
	const sorted = [...found].sort((a, b) => a.p.index - b.p.index);
	let best: T[] = [];
	let run: T[] = [];
	const words = (r: readonly T[]) => r.reduce((n, c) => n + c.common, 0);
	for (const c of sorted) {
		const last = run.at(-1);
		run = last && c.p.index - last.p.index <= 1 + MAX_PART_GAP ? [...run, c] : [c];
		if (run.length >= 2 && words(run) > words(best)) best = run;
	}
	return best;
}
