/**
 * The naive comparisons the engine must beat, graded by the same scorer:
 * pairing paragraphs by position; `diffArrays` from the `diff` package over
 * exact paragraph strings (leftover runs paired in order, or left new and
 * removed); and that exact LCS followed by a greedy pairing of what is left,
 * best first, at a word similarity of 0.4 or more. None can see a merge or a
 * split; that is the point of measuring them.
 */
import { diffArrays } from "diff";
import type { ParagraphPointer } from "../../src/core/diff/schema.ts";
import { leadShift } from "../../src/core/lexicon/lexicon.ts";
import { type Paragraph, paragraphText, type Resolution } from "../../src/core/model.ts";
import type { Outcome } from "./score.ts";

function pointer(p: Paragraph): ParagraphPointer {
	return { ref: p.ref, kind: p.kind, number: p.number };
}

/** Equal text is unchanged, different text reworded; the lead shift is read off the lemmas. */
function paired(a: Paragraph, b: Paragraph): Outcome {
	const same = paragraphText(a) === paragraphText(b);
	return {
		status: same ? "unchanged" : "reworded",
		moved: false,
		from: [pointer(a)],
		to: [pointer(b)],
		lead: { shift: leadShift(a.lemma, b.lemma) },
		routine: false,
	};
}

function alone(p: Paragraph, side: "old" | "new"): Outcome {
	return {
		status: side === "old" ? "removed" : "new",
		moved: false,
		from: side === "old" ? [pointer(p)] : [],
		to: side === "new" ? [pointer(p)] : [],
		lead: null,
		routine: false,
	};
}

/** The i-th paragraph of each kind against the i-th; the extra ones are new or removed. */
export function byPosition(old: Resolution, next: Resolution): Outcome[] {
	const out: Outcome[] = [];
	for (const kind of ["preambular", "operative"] as const) {
		const a = old.paragraphs.filter((p) => p.kind === kind);
		const b = next.paragraphs.filter((p) => p.kind === kind);
		for (let i = 0; i < Math.max(a.length, b.length); i++) {
			const x = a[i];
			const y = b[i];
			if (x && y) out.push(paired(x, y));
			else if (x) out.push(alone(x, "old"));
			else if (y) out.push(alone(y, "new"));
		}
	}
	return out;
}

/**
 * `diffArrays` over the paragraph texts in document order: common runs are
 * unchanged; a removed run next to an added run is paired up in order as
 * reworded, and whatever is left over is removed or new.
 */
export function byDiffArrays(old: Resolution, next: Resolution): Outcome[] {
	const runs = diffArrays(old.paragraphs.map(paragraphText), next.paragraphs.map(paragraphText));
	const out: Outcome[] = [];
	let i = 0;
	let j = 0;
	let removed: Paragraph[] = [];
	let added: Paragraph[] = [];
	const flush = () => {
		for (let k = 0; k < Math.max(removed.length, added.length); k++) {
			const x = removed[k];
			const y = added[k];
			if (x && y) out.push(paired(x, y));
			else if (x) out.push(alone(x, "old"));
			else if (y) out.push(alone(y, "new"));
		}
		removed = [];
		added = [];
	};
	for (const run of runs) {
		if (run.removed) {
			removed.push(...old.paragraphs.slice(i, i + run.count));
			i += run.count;
		} else if (run.added) {
			added.push(...next.paragraphs.slice(j, j + run.count));
			j += run.count;
		} else {
			flush();
			for (let k = 0; k < run.count; k++) {
				const x = old.paragraphs[i++];
				const y = next.paragraphs[j++];
				if (x && y) out.push(paired(x, y));
			}
		}
	}
	flush();
	return out;
}

/** Exact paragraphs paired by LCS; everything else is new or removed. */
export function byExactLcs(old: Resolution, next: Resolution): Outcome[] {
	return exactThenGreedy(old, next, Number.POSITIVE_INFINITY);
}

/** Lower-cased words of a paragraph, for the greedy baseline's similarity. */
function wordBag(p: Paragraph): Map<string, number> {
	const bag = new Map<string, number>();
	for (const w of paragraphText(p)
		.toLowerCase()
		.match(/[\p{L}\p{N}]+/gu) ?? [])
		bag.set(w, (bag.get(w) ?? 0) + 1);
	return bag;
}

/** Dice coefficient over word bags: plain word similarity, every word counted. */
function wordSimilarity(a: Map<string, number>, b: Map<string, number>): number {
	let shared = 0;
	let size = 0;
	for (const [w, n] of a) {
		shared += Math.min(n, b.get(w) ?? 0);
		size += n;
	}
	for (const n of b.values()) size += n;
	return size === 0 ? 1 : (2 * shared) / size;
}

/**
 * The "fifteen-line" baseline: exact paragraphs paired by LCS, then what is
 * left paired greedily, best first, wherever word similarity reaches `floor`.
 */
export function byLcsGreedy(old: Resolution, next: Resolution, floor = 0.4): Outcome[] {
	return exactThenGreedy(old, next, floor);
}

function exactThenGreedy(old: Resolution, next: Resolution, floor: number): Outcome[] {
	const runs = diffArrays(old.paragraphs.map(paragraphText), next.paragraphs.map(paragraphText));
	const out: Outcome[] = [];
	const leftOld: Paragraph[] = [];
	const leftNew: Paragraph[] = [];
	let i = 0;
	let j = 0;
	for (const run of runs) {
		if (run.removed) {
			leftOld.push(...old.paragraphs.slice(i, i + run.count));
			i += run.count;
		} else if (run.added) {
			leftNew.push(...next.paragraphs.slice(j, j + run.count));
			j += run.count;
		} else
			for (let k = 0; k < run.count; k++) {
				const x = old.paragraphs[i++];
				const y = next.paragraphs[j++];
				if (x && y) out.push(paired(x, y));
			}
	}
	const bags = new Map([...leftOld, ...leftNew].map((p) => [p, wordBag(p)]));
	const edges = leftOld
		.flatMap((a) =>
			leftNew.map((b) => ({
				a,
				b,
				s: wordSimilarity(bags.get(a) ?? new Map(), bags.get(b) ?? new Map()),
			})),
		)
		.filter((e) => e.s >= floor)
		.sort((x, y) => y.s - x.s);
	const used = new Set<Paragraph>();
	for (const e of edges) {
		if (used.has(e.a) || used.has(e.b)) continue;
		used.add(e.a).add(e.b);
		out.push(paired(e.a, e.b));
	}
	for (const p of leftOld) if (!used.has(p)) out.push(alone(p, "old"));
	for (const p of leftNew) if (!used.has(p)) out.push(alone(p, "new"));
	return out;
}
