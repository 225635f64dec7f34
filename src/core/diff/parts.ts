/**
 * Merges and splits, found by what each part takes of the whole. A paragraph
 * split in two while being reworded keeps little of its wording in either
 * half, so containment of the parts in the whole says little; what holds is
 * that each part carries its own stretch of the whole's wording, and that
 * the stretches together cover most of it. A merge is the same seen from the
 * other side. One paragraph found whole inside another that pairs with
 * nothing else was expanded into it (or, seen from the old side, shortened).
 */
import { bagOf, commonInOrder, coveredPositions, dice, sharedCount } from "./similarity.ts";
import type { Unit } from "./unit.ts";

/** A paragraph with fewer content words than this is never taken for part of a merge or split. */
export const MIN_PART_WORDS = 3;
/**
 * How many paragraphs may stand between two parts: a paragraph inserted
 * between the halves of a split leaves it a split.
 */
export const MAX_PART_GAP = 1;
/**
 * Words of the whole that a part must carry and no other part carries: at
 * least this share of the whole, and at least MIN_PART_GAIN_WORDS. On the
 * real pairs the smallest true part carries 14% of its whole (22/18 OP3's
 * reconciliation commission clause in 25/36 OP4); the generator's splits and
 * merges carry 30-70%. Below 0.12, stock phrases that two neighbours share
 * with one paragraph ("the Government of Mali to") start to pass.
 */
export const PART_GAIN = 0.12;
export const MIN_PART_GAIN_WORDS = 3;
/**
 * Share of the whole that the parts together must carry. Real splits with
 * rewording cover 0.70-0.95 of the old paragraph; a paragraph rewritten into
 * one new paragraph while a neighbour borrows a phrase covers far less
 * jointly with that neighbour than alone plus this margin.
 */
export const COVER = 0.6;
/** What the parts together must add over the best single one, as a share of the whole. */
export const EXTRA_COVER = 0.1;
/**
 * Share of a part's own words that must come from the whole. A new
 * paragraph that is mostly new matter with one borrowed phrase is new, not
 * part of a split; the true parts on the real pairs take 0.25-0.9 of their
 * words from the whole.
 */
export const PART_SHARE = 0.12;
/**
 * Most words a name counts for in a part's own share. 34/39 OP1's last
 * clause names the UN mission (seven words); 37/39 OP2 names it too but is a
 * new paragraph. Three keeps "the Charter of the United Nations" and "the
 * Human Rights Council", which true split parts carry (25/36 PP1, 28/31
 * OP18), worth what they are.
 */
export const NAME_WORDS = 3;
/** A paragraph this long (content words) found whole inside an unpaired one was expanded into it. */
export const MIN_EXPANDED_WORDS = 6;
/**
 * Share of such a paragraph's words, in order, that must reappear: strict,
 * since one shared phrase ("the Independent Expert on the situation of human
 * rights in Mali") must not pair two paragraphs.
 */
export const EXPAND_THRESHOLD = 0.8;

export interface PartsFound {
	/** The one paragraph: old for a split, new for a merge. */
	readonly whole: number;
	/** The several paragraphs on the other side, in order. */
	readonly parts: readonly number[];
	readonly similarity: number;
	/** Share of the whole's words the parts carry together. */
	readonly cover: number;
}

export interface Expansion {
	readonly whole: number;
	readonly part: number;
	readonly similarity: number;
	/** Share of the part's words found, in order, inside the whole. */
	readonly contained: number;
}

interface Candidate {
	readonly unit: Unit;
	readonly mask: Uint8Array;
	readonly covered: number;
}

function count(mask: Uint8Array): number {
	let n = 0;
	for (const v of mask) n += v;
	return n;
}

/**
 * The words of the whole that only this part carries. A name counts for at
 * most NAME_WORDS of them: a part sharing nothing but "the United Nations
 * Multidimensional Integrated Stabilization Mission in Mali" with the whole
 * mentions the same body; it does not carry the whole's wording.
 */
function ownWords(whole: Unit, mask: Uint8Array, times: Uint8Array): number {
	const names = whole.names;
	let own = 0;
	let nameRun = 0;
	mask.forEach((v, i) => {
		const mine = v === 1 && times[i] === 1;
		nameRun = mine && names[i] ? nameRun + 1 : 0;
		if (mine && nameRun <= NAME_WORDS) own++;
	});
	return own;
}

/**
 * What each part of a run carries of the whole: the part that carries most
 * first, then each other part preferring words not yet carried.
 */
function runMasks(whole: Unit, run: readonly Candidate[]): Uint8Array[] {
	const order = run.map((c, k) => ({ c, k })).sort((a, b) => b.c.covered - a.c.covered);
	const taken = new Uint8Array(whole.content.length);
	const masks: Uint8Array[] = new Array(run.length);
	order.forEach(({ c, k }, rank) => {
		const mask = rank === 0 ? c.mask : coveredPositions(whole.content, c.unit.content, taken);
		mask.forEach((v, i) => {
			if (v) taken[i] = 1;
		});
		masks[k] = mask;
	});
	return masks;
}

/** Parts of `whole` among `candidates` (sorted by index): the run of neighbours that carries most of it. */
function bestRun(
	whole: Unit,
	candidates: readonly Candidate[],
	mustHold: number,
): { run: Candidate[]; cover: number } | undefined {
	const size = whole.content.length;
	const minGain = Math.max(MIN_PART_GAIN_WORDS, PART_GAIN * size);
	let best: { run: Candidate[]; cover: number } | undefined;
	for (let s = 0; s < candidates.length; s++) {
		for (let e = s + 1; e < candidates.length; e++) {
			const here = candidates[e];
			const before = candidates[e - 1];
			if (!here || !before || here.unit.index - before.unit.index > 1 + MAX_PART_GAP) break;
			const run = candidates.slice(s, e + 1);
			if (mustHold >= 0 && !run.some((c) => c.unit.index === mustHold)) continue;
			const masks = runMasks(whole, run);
			const times = new Uint8Array(size);
			for (const mask of masks)
				mask.forEach((v, i) => {
					if (v) times[i] = (times[i] ?? 0) + 1;
				});
			const joint = times.reduce((n, t) => n + (t > 0 ? 1 : 0), 0);
			const single = Math.max(...run.map((c) => c.covered));
			if (joint < COVER * size || joint - single < EXTRA_COVER * size) continue;
			// Every part must carry a stretch of the whole that no other part carries.
			const ownEnough = masks.every((mask) => ownWords(whole, mask, times) >= minGain);
			if (ownEnough && (!best || joint / size > best.cover)) best = { run, cover: joint / size };
		}
	}
	return best;
}

/**
 * Finds wholes (on one side) split into, or merged from, several parts (on
 * the other). A part is an unpaired paragraph, or the whole's own partner;
 * the parts sit in the whole's slot. `wholeMatch`/`partMatch` hold each
 * paragraph's partner index or -1; found ones are set to -2.
 */
export function findParts(
	wholes: readonly Unit[],
	parts: readonly Unit[],
	wholeMatch: Int32Array,
	partMatch: Int32Array,
	/** Indexes of the parts worth trying for a whole: those in its slot that share its words. */
	nearby: (whole: Unit) => readonly number[],
): PartsFound[] {
	const found: PartsFound[] = [];
	for (const whole of wholes) {
		const partner = wholeMatch[whole.index] ?? -1;
		if (partner < -1) continue;
		const own = partner >= 0 ? parts[partner] : undefined;
		// A whole that pairs word for word cannot have absorbed or shed anything; most pairs are
		// such, and are told without reading their words.
		if (own && (own.rawKey === whole.rawKey || own.key === whole.key)) continue;
		if (whole.content.length < MIN_PART_WORDS) continue;
		const pool = [...new Set([...nearby(whole), ...(own ? [own.index] : [])])]
			.map((i) => parts[i])
			.filter((p): p is Unit => !!p)
			.filter(
				(p) =>
					(partMatch[p.index] === -1 || p.index === partner) && p.content.length >= MIN_PART_WORDS,
			)
			.filter((p) => sharedCount(p.bag, whole.bag) >= MIN_PART_GAIN_WORDS)
			.sort((a, b) => a.index - b.index);
		if (pool.length < 2) continue;
		const candidates = pool
			.map((unit): Candidate => {
				const mask = coveredPositions(whole.content, unit.content);
				return { unit, mask, covered: count(mask) };
			})
			.filter((c) => c.covered >= PART_SHARE * c.unit.content.length);
		const best = bestRun(whole, candidates, partner);
		if (!best) continue;
		const run = best.run;
		const union = bagOf(run.flatMap((c) => c.unit.content));
		const size = run.reduce((n, c) => n + c.unit.content.length, 0);
		found.push({
			whole: whole.index,
			parts: run.map((c) => c.unit.index),
			similarity: dice(union, size, whole.bag, whole.content.length),
			cover: best.cover,
		});
		wholeMatch[whole.index] = -2;
		if (own && !run.some((c) => c.unit.index === own.index)) partMatch[own.index] = -1;
		for (const c of run) partMatch[c.unit.index] = -2;
	}
	return found;
}

/**
 * Unpaired wholes that hold exactly one unpaired paragraph of the other side
 * almost whole, in order: that paragraph was expanded into it (or shortened
 * from it). Both are marked -2.
 */
export function findExpansions(
	wholes: readonly Unit[],
	parts: readonly Unit[],
	wholeMatch: Int32Array,
	partMatch: Int32Array,
	/** Indexes of the parts sharing most words with a whole. */
	nearby: (whole: Unit) => readonly number[],
): Expansion[] {
	const out: Expansion[] = [];
	for (const whole of wholes) {
		if (wholeMatch[whole.index] !== -1) continue;
		const inside = nearby(whole)
			.map((i) => parts[i])
			.filter(
				(p): p is Unit =>
					!!p && partMatch[p.index] === -1 && p.content.length >= MIN_EXPANDED_WORDS,
			)
			.filter((p) => sharedCount(p.bag, whole.bag) >= EXPAND_THRESHOLD * p.content.length)
			.map((p) => ({ p, common: commonInOrder(p.content, whole.content) }))
			.filter(({ p, common }) => common >= EXPAND_THRESHOLD * p.content.length);
		const only = inside[0];
		if (inside.length !== 1 || !only) continue;
		out.push({
			whole: whole.index,
			part: only.p.index,
			similarity: dice(only.p.bag, only.p.content.length, whole.bag, whole.content.length),
			contained: only.common / only.p.content.length,
		});
		wholeMatch[whole.index] = -2;
		partMatch[only.p.index] = -2;
	}
	return out;
}

/**
 * Whether `neighbour` carries a stretch of `whole` that `partner` does not:
 * a split or merge that fell short of the thresholds, where a reader could
 * well see one. The pair whole-partner is then less sure.
 */
export function sharesWithNeighbour(whole: Unit, partner: Unit, neighbour: Unit): boolean {
	if (neighbour.content.length < MIN_PART_WORDS) return false;
	const kept = coveredPositions(whole.content, partner.content);
	const taken = coveredPositions(whole.content, neighbour.content, kept);
	const times = new Uint8Array(whole.content.length);
	taken.forEach((v, i) => {
		if (v && !kept[i]) times[i] = 1;
	});
	// Doubt needs less than a split: MIN_PART_GAIN_WORDS words of its own, whatever the whole's length.
	return ownWords(whole, taken, times) >= MIN_PART_GAIN_WORDS;
}
