/**
 * Paragraph alignment: which paragraphs of the old text became which of the
 * new. In order of confidence:
 *
 * 1. identical wording (lead inflection aside) pairs at once, whatever the
 *    numbering or kind, so renumbering and promotion cost nothing;
 * 2. clearly similar wording pairs, best first, wherever the paragraphs
 *    stand (a paragraph may move); ties go to the same kind and slot;
 * 3. merges and splits, each part carrying its own stretch of the whole;
 * 4. what is left is aligned slot by slot: inside each gap between
 *    consecutive anchors, a paragraph rewritten in place pairs with its old
 *    version on weighted evidence (rare shared words, the lead's family, what
 *    the lead addresses) and a position prior, never crossing another pair;
 * 5. merges and splits again, now that rewritten halves have partners.
 *
 * Every outcome says how sure it is, from the evidence that paired it.
 */
import { slotsOf } from "./chain.ts";
import { findExpansions, findParts, sharesWithNeighbour } from "./parts.ts";
import { rarityOf, type TermRarity, weigher } from "./rarity.ts";
import { bagOf, dice } from "./similarity.ts";
import { alignAcrossSlots, alignMovedRewrites, alignSlot } from "./slots.ts";
import type { Unit } from "./unit.ts";
import { neighbours, WordIndex } from "./word-index.ts";

export { toUnits, Unit } from "./unit.ts";

/**
 * Least plain similarity for two paragraphs to pair wherever they stand.
 * Above it, real pairs are one paragraph reworded (the real labels have no
 * pair at 0.5 or more that is not one); below it, they are told apart by
 * slot and weighted evidence (step 4).
 */
export const MATCH_THRESHOLD = 0.5;
/**
 * Tie-breakers among clearly similar candidates: the same kind, then the
 * same slot. 20/17 OP6 is 0.71 like 22/18 PP7 and 0.69 like 22/18 OP13, its
 * true successor in the same slot; a promotion (34/39 PP14 -> 37/39 OP8,
 * 0.68) has no same-kind rival and keeps its pair.
 */
export const SAME_KIND_PREFERENCE = 0.05;
export const SAME_SLOT_PREFERENCE = 0.05;

/**
 * Confidence. `high` is kept for what the real labels never contradict:
 * identical wording, and similarity of HIGH_SIMILARITY or more with no rival
 * within RIVAL_MARGIN. Slot pairs are `medium` or `low` (see SLOT_SURE).
 */
export const HIGH_SIMILARITY = 0.6;
export const RIVAL_MARGIN = 0.15;

/** How many candidates by shared words each paragraph is scored against. */
export const CANDIDATES = 10;
/** How many unmatched neighbours by position are also scored, on each side. */
export const NEIGHBOURS = 3;

export type Basis = "identical" | "similar" | "slot" | "expanded" | "parts" | "reviewer";
export type Confidence = "high" | "medium" | "low";

/** One outcome of the alignment: old and new unit indexes (one each for a pair; several on one side for a merge or split). */
export interface Alignment {
	readonly old: readonly number[];
	readonly new: readonly number[];
	readonly similarity: number;
	/** What paired them; absent for new and removed. */
	readonly basis?: Basis;
	readonly confidence?: Confidence;
}

/** Paragraphs a reviewer declared one (unit indexes): one on a side, or several on one side for a merge or split. */
export interface ForcedPair {
	readonly old: readonly number[];
	readonly new: readonly number[];
}

export interface AlignOptions {
	/** Word rarity over a wider collection (a stored series); by default over the two texts. */
	readonly rarity?: TermRarity;
	/** Pairs a reviewer made: taken as they are, before anything else, and aligned around. */
	readonly forced?: readonly ForcedPair[];
}

export interface Pairing {
	readonly old: number;
	readonly new: number;
	readonly similarity: number;
	readonly basis: Basis;
	readonly confidence: Confidence;
}

/**
 * Aligns two texts' paragraphs. Every unit index of both sides appears in
 * exactly one alignment or in neither (then it is new or removed).
 */
export function align(
	oldUnits: readonly Unit[],
	newUnits: readonly Unit[],
	options: AlignOptions = {},
): Alignment[] {
	const oldMatch = new Int32Array(oldUnits.length).fill(-1);
	const newMatch = new Int32Array(newUnits.length).fill(-1);
	const pairings = new Map<number, Pairing>();
	const pair = (p: Pairing) => {
		oldMatch[p.old] = p.new;
		newMatch[p.new] = p.old;
		pairings.set(p.new, p);
	};

	// 0. What a reviewer decided stands, and the rest is aligned around it.
	const merges: {
		whole: number;
		parts: readonly number[];
		similarity: number;
		cover: number;
		reviewer?: true;
	}[] = [];
	const splits: typeof merges = [];
	for (const f of options.forced ?? []) {
		const olds = f.old
			.map((i) => oldUnits[i])
			.filter((u): u is Unit => !!u && oldMatch[u.index] === -1);
		const news = f.new
			.map((i) => newUnits[i])
			.filter((u): u is Unit => !!u && newMatch[u.index] === -1);
		const [o, n] = [olds[0], news[0]];
		if (!o || !n || olds.length !== f.old.length || news.length !== f.new.length) continue;
		if (olds.length === 1 && news.length === 1) {
			pair({
				old: o.index,
				new: n.index,
				similarity: dice(o.bag, o.content.length, n.bag, n.content.length),
				basis: "reviewer",
				confidence: "high",
			});
			// Reserved: no merge or split found later may take either of them.
			oldMatch[o.index] = -2;
			newMatch[n.index] = -2;
			continue;
		}
		const [whole, parts, list] = olds.length === 1 ? [o, news, splits] : [n, olds, merges];
		const union = bagOf(parts.flatMap((u) => u.content));
		const size = parts.reduce((k, u) => k + u.content.length, 0);
		list.push({
			whole: whole.index,
			parts: parts.map((u) => u.index),
			similarity: dice(union, size, whole.bag, whole.content.length),
			cover: 1,
			reviewer: true,
		});
		for (const u of olds) oldMatch[u.index] = -2;
		for (const u of news) newMatch[u.index] = -2;
	}

	// 1. Identical wording: the raw text first (no tokenising), then the same words up to inflection.
	for (const keyOf of [(u: Unit) => u.rawKey, (u: Unit) => u.key]) {
		const byKey = new Map<string, number[]>();
		for (const u of oldUnits) {
			if (oldMatch[u.index] !== -1) continue;
			const list = byKey.get(keyOf(u));
			if (list) list.push(u.index);
			else byKey.set(keyOf(u), [u.index]);
		}
		for (const n of newUnits) {
			if (newMatch[n.index] !== -1) continue;
			const o = byKey.get(keyOf(n))?.shift();
			if (o !== undefined)
				pair({ old: o, new: n.index, similarity: 1, basis: "identical", confidence: "high" });
		}
	}
	const settledOld = new Set([...pairings.values()].map((p) => p.old));
	const settledNew = new Set(pairings.keys());
	const anchors = () => [...pairings.values()];
	const oldFree = (i: number) => oldMatch[i] === -1;
	const newFree = (i: number) => newMatch[i] === -1;

	// 2. Clearly similar wording, best pairs first.
	const identicalSlots = slotsOf(anchors(), oldUnits.length, newUnits.length);
	const oldIndex = new WordIndex(
		oldUnits.filter((u) => oldFree(u.index)),
		0.05,
	);
	const freeOldIndexes = oldUnits.filter((u) => oldFree(u.index)).map((u) => u.index);
	const scale = oldUnits.length / Math.max(1, newUnits.length);
	const edges: { o: number; n: number; s: number; score: number }[] = [];
	const best = { old: new Float64Array(oldUnits.length), new: new Float64Array(newUnits.length) };
	const rival = { old: new Float64Array(oldUnits.length), new: new Float64Array(newUnits.length) };
	const note = (side: Float64Array, second: Float64Array, i: number, s: number) => {
		if (s > (side[i] ?? 0)) {
			second[i] = side[i] ?? 0;
			side[i] = s;
		} else if (s > (second[i] ?? 0)) second[i] = s;
	};
	for (const n of newUnits) {
		if (!newFree(n.index)) continue;
		const near = neighbours(freeOldIndexes, n.index * scale, NEIGHBOURS);
		const shared = oldIndex.candidates(n.bag, CANDIDATES, oldFree);
		for (const o of new Set([...shared, ...near])) {
			const old = oldUnits[o];
			if (!old) continue;
			const s = dice(old.bag, old.content.length, n.bag, n.content.length);
			note(best.old, rival.old, o, s);
			note(best.new, rival.new, n.index, s);
			if (s < MATCH_THRESHOLD) continue;
			const sameKind = old.paragraph.kind === n.paragraph.kind ? SAME_KIND_PREFERENCE : 0;
			const sameSlot =
				identicalSlots.oldGap[o] === identicalSlots.newGap[n.index] ? SAME_SLOT_PREFERENCE : 0;
			edges.push({ o, n: n.index, s, score: s + sameKind + sameSlot });
		}
	}
	edges.sort((a, b) => b.score - a.score || a.n - b.n);
	for (const e of edges) {
		if (!oldFree(e.o) || !newFree(e.n)) continue;
		const rivalry = Math.max(
			e.s === best.old[e.o] ? (rival.old[e.o] ?? 0) : (best.old[e.o] ?? 0),
			e.s === best.new[e.n] ? (rival.new[e.n] ?? 0) : (best.new[e.n] ?? 0),
		);
		const sure = e.s >= HIGH_SIMILARITY && rivalry <= e.s - RIVAL_MARGIN;
		pair({
			old: e.o,
			new: e.n,
			similarity: e.s,
			basis: "similar",
			confidence: sure ? "high" : "medium",
		});
	}

	// 3. Merges and splits among what is paired so far, then paragraphs expanded or shortened.
	const findAllParts = () => {
		const slots = slotsOf(
			[
				...anchors(),
				...merges.map((m) => ({ old: m.parts[0] ?? 0, new: m.whole })),
				...splits.map((s) => ({ old: s.whole, new: s.parts[0] ?? 0 })),
			],
			oldUnits.length,
			newUnits.length,
		);
		const near = (
			units: readonly Unit[],
			match: Int32Array,
			gapOf: Int32Array,
			partnerGap: (whole: Unit) => ReadonlySet<number>,
		) => {
			const index = new WordIndex(
				units.filter((u) => match[u.index] === -1),
				0.05,
			);
			return (whole: Unit) => {
				const gaps = partnerGap(whole);
				return index
					.candidates(whole.bag, 2 * CANDIDATES, (i) => match[i] === -1)
					.filter((i) => gaps.has(gapOf[i] ?? -1));
			};
		};
		// A paired whole closes its slot, so parts that follow its partner sit in the next one.
		const around = (...gs: number[]) => new Set(gs.flatMap((g) => (g < 0 ? [] : [g, g + 1])));
		const gapsOfNew = (whole: Unit) => {
			const partner = newMatch[whole.index] ?? -1;
			return around(
				slots.newGap[whole.index] ?? -1,
				partner >= 0 ? (slots.oldGap[partner] ?? -1) : -1,
			);
		};
		const gapsOfOld = (whole: Unit) => {
			const partner = oldMatch[whole.index] ?? -1;
			return around(
				slots.oldGap[whole.index] ?? -1,
				partner >= 0 ? (slots.newGap[partner] ?? -1) : -1,
			);
		};
		const forget = (side: "old" | "new", i: number) => {
			// A pair broken up by a merge or split is no longer a pair.
			if (side === "new") pairings.delete(i);
			else for (const [n, p] of pairings) if (p.old === i) pairings.delete(n);
		};
		const before = { old: Int32Array.from(oldMatch), new: Int32Array.from(newMatch) };
		merges.push(
			...findParts(
				newUnits,
				oldUnits,
				newMatch,
				oldMatch,
				near(oldUnits, oldMatch, slots.oldGap, gapsOfNew),
			),
		);
		splits.push(
			...findParts(
				oldUnits,
				newUnits,
				oldMatch,
				newMatch,
				near(newUnits, newMatch, slots.newGap, gapsOfOld),
			),
		);
		// Whatever a merge or split took, or freed, leaves the simple pairs.
		newMatch.forEach((m, n) => {
			if (m !== (before.new[n] ?? -1)) forget("new", n);
		});
		oldMatch.forEach((m, o) => {
			if (m !== (before.old[o] ?? -1)) forget("old", o);
		});
		for (const [n, p] of pairings)
			if (p.basis !== "reviewer" && (oldMatch[p.old] !== n || newMatch[n] !== p.old))
				pairings.delete(n);
	};
	findAllParts();
	const expansionIndex = (units: readonly Unit[], match: Int32Array) => {
		const index = new WordIndex(
			units.filter((u) => match[u.index] === -1),
			0.05,
		);
		return (whole: Unit) => index.candidates(whole.bag, CANDIDATES, (i) => match[i] === -1);
	};
	for (const e of findExpansions(
		newUnits,
		oldUnits,
		newMatch,
		oldMatch,
		expansionIndex(oldUnits, oldMatch),
	))
		pair({
			old: e.part,
			new: e.whole,
			similarity: e.similarity,
			basis: "expanded",
			confidence: e.contained >= 0.95 ? "high" : "medium",
		});
	for (const e of findExpansions(
		oldUnits,
		newUnits,
		oldMatch,
		newMatch,
		expansionIndex(newUnits, newMatch),
	))
		pair({
			old: e.whole,
			new: e.part,
			similarity: e.similarity,
			basis: "expanded",
			confidence: e.contained >= 0.95 ? "high" : "medium",
		});

	// 4. Slot by slot, what is left.
	// Without a series to count over, rarity is counted over the paragraphs not paired word for
	// word: identical ones are never read (most of a new version is), and their words are the
	// stock ones anyway.
	const weight = weigher(
		options.rarity ??
			rarityOf(
				[
					...oldUnits.filter((u) => !settledOld.has(u.index)),
					...newUnits.filter((u) => !settledNew.has(u.index)),
				].map((u) => u.bag),
			),
	);
	const slots = slotsOf(
		[
			...anchors(),
			...merges.map((m) => ({ old: m.parts[0] ?? 0, new: m.whole })),
			...splits.map((s) => ({ old: s.whole, new: s.parts[0] ?? 0 })),
		],
		oldUnits.length,
		newUnits.length,
	);
	const gaps = new Map<number, { old: Unit[]; new: Unit[] }>();
	const gapOf = (g: number) => {
		let entry = gaps.get(g);
		if (!entry) {
			entry = { old: [], new: [] };
			gaps.set(g, entry);
		}
		return entry;
	};
	for (const u of oldUnits) if (oldFree(u.index)) gapOf(slots.oldGap[u.index] ?? 0).old.push(u);
	for (const u of newUnits) if (newFree(u.index)) gapOf(slots.newGap[u.index] ?? 0).new.push(u);
	for (const gap of gaps.values()) {
		if (gap.old.length === 0 || gap.new.length === 0) continue;
		for (const p of alignSlot(gap.old, gap.new, weight)) pair(p);
	}

	// 4b. A paragraph rewritten just across a neighbour that moved: the next slot over, on clear evidence.
	for (const p of alignAcrossSlots(oldUnits, newUnits, oldMatch, newMatch, slots, weight)) pair(p);

	// 4c. A paragraph moved and rewritten: about the same thing (its lead's object), each the other's best.
	for (const p of alignMovedRewrites(oldUnits, newUnits, oldMatch, newMatch, weight)) pair(p);

	// 5. Merges and splits whose halves were rewritten in place.
	findAllParts();

	const alignments: Alignment[] = [];
	for (const m of merges)
		alignments.push({
			old: m.parts,
			new: [m.whole],
			similarity: m.similarity,
			basis: m.reviewer ? "reviewer" : "parts",
			confidence: m.reviewer ? "high" : partsConfidence(m.cover),
		});
	for (const s of splits)
		alignments.push({
			old: [s.whole],
			new: s.parts,
			similarity: s.similarity,
			basis: s.reviewer ? "reviewer" : "parts",
			confidence: s.reviewer ? "high" : partsConfidence(s.cover),
		});
	const lonelyNeighbour = (units: readonly Unit[], match: Int32Array, at: number) =>
		[units[at - 1], units[at + 1]].filter((u): u is Unit => !!u && match[u.index] === -1);
	for (const p of pairings.values()) {
		const o = oldUnits[p.old];
		const n = newUnits[p.new];
		// A neighbour that took a stretch of the paragraph makes this a possible split or merge.
		const doubtful =
			p.basis !== "identical" &&
			p.basis !== "reviewer" &&
			!!o &&
			!!n &&
			(lonelyNeighbour(newUnits, newMatch, p.new).some((x) => sharesWithNeighbour(o, n, x)) ||
				lonelyNeighbour(oldUnits, oldMatch, p.old).some((x) => sharesWithNeighbour(n, o, x)));
		alignments.push({
			old: [p.old],
			new: [p.new],
			similarity: p.similarity,
			basis: p.basis,
			confidence: doubtful ? lower(p.confidence) : p.confidence,
		});
	}
	return alignments;
}

function lower(c: Confidence): Confidence {
	return c === "high" ? "medium" : "low";
}

/** A merge or split whose parts carry nearly all of the whole is as sure as a close rewording. */
function partsConfidence(cover: number): Confidence {
	return cover >= 0.85 ? "high" : "medium";
}
