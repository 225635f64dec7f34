/**
 * Pairing what is left once the anchors are set: inside each slot (the gap
 * between two consecutive anchors) a paragraph rewritten in place pairs with
 * its old version on weighted evidence and a position prior; one slot over,
 * across a neighbour that moved; and anywhere, a paragraph moved and
 * rewritten that is still about the same thing.
 */
import { strengthOf } from "../lexicon/lexicon.ts";
import type { Pairing } from "./align.ts";
import type { Slots } from "./chain.ts";
import { weightedDice } from "./rarity.ts";
import { dice } from "./similarity.ts";
import type { Unit } from "./unit.ts";
import { WordIndex } from "./word-index.ts";

/**
 * Slot pairing (step 4). A pair's score is its rarity-weighted similarity
 * plus what else it has in common. The weights were read off the real pairs
 * and the generated ones together: true rewrites in place score 0.45-0.95
 * (34/39 OP25 -> 37/39 OP30, the High Commissioner's technical assistance,
 * 0.64), while an old and a new paragraph that merely share a slot score
 * under 0.35 (34/39 OP5 against 37/39 OP7, 0.21).
 */
export const SLOT_THRESHOLD = 0.4;
/** Least score for a pair one slot apart (step 4b), where no position speaks for it. */
export const ACROSS_THRESHOLD = 0.5;
/** Least score, and least likeness of the lead's object, for a pair moved and rewritten (step 4c). */
export const MOVED_THRESHOLD = 0.4;
export const OBJECT_FOR_MOVE = 0.5;
/**
 * Weight of what the lead addresses being the same ("the High Commissioner",
 * "the Malian authorities"), in the same words or in the same role
 * (addressee.ts): 25/36 OP13 "Encourages the States Members ... and all other
 * relevant international organizations" became 28/31 OP21 "Urges the
 * international community", a heavy rewrite that shares a slot with a new
 * paragraph and only stock words with either.
 */
export const OBJECT_WEIGHT = 0.15;
/** Weight of the same lead lemma (half of it for the same strength family). */
export const LEAD_WEIGHT = 0.1;
/** Weight of standing at the same relative place within the slot. */
export const POSITION_WEIGHT = 0.1;
/**
 * Added when a slot holds one old and one new paragraph, between two pairs:
 * the case of a heavy rewrite in place (34/39 OP11 -> 37/39 OP16, the G5
 * Sahel force, keeps little wording but nothing else could be its successor).
 */
export const ALONE_WEIGHT = 0.1;
/** Taken off a pair across kinds: a promotion usually keeps its words and pairs in step 2. */
export const KIND_PENALTY = 0.15;
/**
 * Least weighted similarity for a slot pair, whatever else it shares: two
 * paragraphs with the same lead and addressee but no rare word in common
 * (34/39 OP16 "Welcomes ... local elections" -> 37/39 OP21 on 2018's
 * elections shares only stock words) are not shown as one.
 */
export const MIN_SLOT_EVIDENCE = 0.12;

/**
 * A slot pair is `medium` when its paragraphs are the only two in their slot
 * and it scores SLOT_SURE or more (34/39 OP25 -> 37/39 OP30 scores 0.79);
 * otherwise `low`: paired mainly by where it stands, for a person to check.
 */
export const SLOT_SURE = 0.55;
/** How many candidates by shared words a paragraph is scored against in a large slot. */
const CANDIDATES = 10;
/** A slot with more possible pairs than this is scored on candidates by shared words only. */
const MAX_SLOT_PAIRS = 400;

function sameLead(a: Unit, b: Unit): number {
	const x = a.paragraph.lemma;
	const y = b.paragraph.lemma;
	if (x === "" || y === "") return 0;
	if (x === y) return 1;
	const fx = strengthOf(x)?.family;
	return fx !== undefined && fx === strengthOf(y)?.family ? 0.5 : 0;
}

/**
 * Unpaired paragraphs one slot apart, scored as in a slot but without the
 * position prior, paired best first when the score reaches ACROSS_THRESHOLD.
 * A move of one paragraph over a block of rewritten ones (25/36 OP7 -> 28/31
 * OP3, over the rewritten OP3-OP6) leaves the block one slot off its old
 * place.
 */
export function alignAcrossSlots(
	oldUnits: readonly Unit[],
	newUnits: readonly Unit[],
	oldMatch: Int32Array,
	newMatch: Int32Array,
	slots: Slots,
	weight: (stem: string) => number,
): Pairing[] {
	const byGap = new Map<number, Unit[]>();
	for (const n of newUnits) {
		if (newMatch[n.index] !== -1) continue;
		const g = slots.newGap[n.index] ?? 0;
		byGap.set(g, [...(byGap.get(g) ?? []), n]);
	}
	const scored: { o: Unit; n: Unit; score: number }[] = [];
	for (const o of oldUnits) {
		if (oldMatch[o.index] !== -1) continue;
		const g = slots.oldGap[o.index] ?? 0;
		for (const n of [...(byGap.get(g - 1) ?? []), ...(byGap.get(g + 1) ?? [])]) {
			const e = slotEvidence(o, n, weight);
			if (e && e.base >= ACROSS_THRESHOLD) scored.push({ o, n, score: e.base });
		}
	}
	scored.sort((a, b) => b.score - a.score || a.n.index - b.n.index);
	const out: Pairing[] = [];
	const used = new Set<Unit>();
	for (const c of scored) {
		if (used.has(c.o) || used.has(c.n)) continue;
		used.add(c.o).add(c.n);
		out.push({
			old: c.o.index,
			new: c.n.index,
			similarity: dice(c.o.bag, c.o.content.length, c.n.bag, c.n.content.length),
			basis: "slot",
			confidence: "low",
		});
	}
	return out;
}

/**
 * Unpaired paragraphs anywhere in the two texts that are each other's best
 * match, share what their lead is about (OBJECT_FOR_MOVE or more) and score
 * MOVED_THRESHOLD or more without any help from position: moved and
 * rewritten (25/36 OP6 -> 28/31 OP14, Mali's cooperation with the expert,
 * went from the middle of the operative part to its end). Confidence low.
 */
export function alignMovedRewrites(
	oldUnits: readonly Unit[],
	newUnits: readonly Unit[],
	oldMatch: Int32Array,
	newMatch: Int32Array,
	weight: (stem: string) => number,
): Pairing[] {
	const lonelyOld = oldUnits.filter((u) => oldMatch[u.index] === -1);
	const lonelyNew = newUnits.filter((u) => newMatch[u.index] === -1);
	if (lonelyOld.length === 0 || lonelyNew.length === 0) return [];
	const index = new WordIndex(lonelyOld, 0.05);
	const bestOf = new Map<Unit, { other: Unit; score: number }>();
	const note = (u: Unit, other: Unit, score: number) => {
		const seen = bestOf.get(u);
		if (!seen || score > seen.score) bestOf.set(u, { other, score });
	};
	const byIndex = new Map(lonelyOld.map((u) => [u.index, u]));
	for (const n of lonelyNew) {
		for (const i of index.candidates(n.bag, CANDIDATES)) {
			const o = byIndex.get(i);
			const e = o ? slotEvidence(o, n, weight) : undefined;
			if (!o || !e) continue;
			note(o, n, e.base);
			note(n, o, e.base);
		}
	}
	const out: Pairing[] = [];
	for (const o of lonelyOld) {
		const mine = bestOf.get(o);
		if (!mine || mine.score < MOVED_THRESHOLD || bestOf.get(mine.other)?.other !== o) continue;
		const n = mine.other;
		if (dice(o.object, sizeOf(o.object), n.object, sizeOf(n.object)) < OBJECT_FOR_MOVE) continue;
		out.push({
			old: o.index,
			new: n.index,
			similarity: dice(o.bag, o.content.length, n.bag, n.content.length),
			basis: "slot",
			confidence: "low",
		});
	}
	return out;
}

function slotEvidence(
	o: Unit,
	n: Unit,
	weight: (stem: string) => number,
): SlotEvidence | undefined {
	const evidence = weightedDice(o.bag, n.bag, weight);
	if (evidence < MIN_SLOT_EVIDENCE) return undefined;
	// The same addressee named in other words counts as much as the same words.
	const object = Math.max(
		dice(o.object, sizeOf(o.object), n.object, sizeOf(n.object)),
		o.addressee !== undefined && o.addressee === n.addressee ? 1 : 0,
	);
	const kind = o.paragraph.kind === n.paragraph.kind ? 0 : KIND_PENALTY;
	return {
		evidence,
		base: evidence + OBJECT_WEIGHT * object + LEAD_WEIGHT * sameLead(o, n) - kind,
	};
}

interface SlotEvidence {
	/** Rarity-weighted similarity. */
	readonly evidence: number;
	/** Everything but the position prior. */
	readonly base: number;
}

/**
 * Pairs the unpaired paragraphs of one slot. The best-scoring pair is taken
 * first and splits the slot in two, whose paragraphs are then paired in
 * turn, each against the place it holds in its own smaller slot: a paragraph
 * left alone between two pairs, facing one paragraph, is the likeliest of
 * all to be that paragraph rewritten.
 */
export function alignSlot(
	olds: readonly Unit[],
	news: readonly Unit[],
	weight: (stem: string) => number,
): Pairing[] {
	const evidenceOf = (o: Unit, n: Unit) => slotEvidence(o, n, weight);
	const pairing = (o: Unit, n: Unit, score: number, alone: boolean): Pairing => ({
		old: o.index,
		new: n.index,
		similarity: dice(o.bag, o.content.length, n.bag, n.content.length),
		basis: "slot",
		confidence: alone && score >= SLOT_SURE ? "medium" : "low",
	});
	if (olds.length * news.length > MAX_SLOT_PAIRS)
		return alignLargeSlot(olds, news, evidenceOf, pairing);

	const table = olds.map((o) => news.map((n) => evidenceOf(o, n)));
	const out: Pairing[] = [];
	const split = (o0: number, o1: number, n0: number, n1: number) => {
		const p = o1 - o0;
		const q = n1 - n0;
		if (p <= 0 || q <= 0) return;
		const alone = p === 1 && q === 1;
		let best: { i: number; j: number; score: number } | undefined;
		for (let i = o0; i < o1; i++) {
			for (let j = n0; j < n1; j++) {
				const e = table[i]?.[j];
				if (!e) continue;
				const prior = 1 - Math.abs((i - o0 + 0.5) / p - (j - n0 + 0.5) / q);
				const score = e.base + POSITION_WEIGHT * prior + (alone ? ALONE_WEIGHT : 0);
				if (score >= SLOT_THRESHOLD && (!best || score > best.score)) best = { i, j, score };
			}
		}
		if (!best) return;
		const o = olds[best.i];
		const n = news[best.j];
		if (o && n) out.push(pairing(o, n, best.score, alone));
		split(o0, best.i, n0, best.j);
		split(best.i + 1, o1, best.j + 1, n1);
	};
	split(0, olds.length, 0, news.length);
	return out;
}

/** A slot too large to score every pair (hostile or unrelated texts): candidates by shared words, best first, never crossing. */
function alignLargeSlot(
	olds: readonly Unit[],
	news: readonly Unit[],
	evidenceOf: (o: Unit, n: Unit) => SlotEvidence | undefined,
	pairing: (o: Unit, n: Unit, score: number, alone: boolean) => Pairing,
): Pairing[] {
	const rank = new Map(olds.map((u, i) => [u.index, i]));
	const index = new WordIndex(olds, 0.05);
	const scored: { i: number; j: number; score: number }[] = [];
	news.forEach((n, j) => {
		for (const o of index.candidates(n.bag, CANDIDATES)) {
			const i = rank.get(o);
			const old = i === undefined ? undefined : olds[i];
			const e = old ? evidenceOf(old, n) : undefined;
			if (i === undefined || !e) continue;
			const prior = 1 - Math.abs((i + 0.5) / olds.length - (j + 0.5) / news.length);
			const score = e.base + POSITION_WEIGHT * prior;
			if (score >= SLOT_THRESHOLD) scored.push({ i, j, score });
		}
	});
	scored.sort((a, b) => b.score - a.score || a.j - b.j);
	// Pairs taken so far, by old rank, with their new rank: a new pair must keep the order.
	const taken = new Map<number, number>();
	const usedNew = new Set<number>();
	const crosses = (i: number, j: number) => {
		for (const [ti, tj] of taken) if (ti < i !== tj < j) return true;
		return false;
	};
	const out: Pairing[] = [];
	for (const c of scored) {
		if (taken.has(c.i) || usedNew.has(c.j) || (taken.size < 2_000 && crosses(c.i, c.j))) continue;
		taken.set(c.i, c.j);
		usedNew.add(c.j);
		const o = olds[c.i];
		const n = news[c.j];
		if (o && n) out.push(pairing(o, n, c.score, false));
	}
	return out;
}

function sizeOf(bag: ReadonlyMap<string, number>): number {
	let n = 0;
	for (const v of bag.values()) n += v;
	return n;
}
