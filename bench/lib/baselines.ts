/**
 * The naive comparisons the engine must beat, graded by the same scorer:
 * pairing paragraphs by position, and `diffArrays` from the `diff` package
 * over exact paragraph strings. Neither can see a move, a merge, a split or a
 * paragraph that changed kind; that is the point of measuring them.
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
