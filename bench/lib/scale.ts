/**
 * Scaled synthetic texts for the speed benchmark: the base's paragraphs
 * repeated `factor` times, every copy after the first varied with words from
 * the unrelated vocabulary, so that all paragraphs are distinct (as in a real
 * text) while keeping the base's lengths and structure. Built as Resolutions
 * directly: at 100x the text nears the parser's 2 MB limit.
 */
import type { Paragraph, Resolution } from "../../src/core/model.ts";
import { joinTokens, tokens } from "../generator/body-text.ts";
import { createRng } from "./prng.ts";
import { contentWord } from "./vocabulary.ts";

/** Share of a copy's words replaced: enough that copies are not near-duplicates of each other. */
const VARIED_SHARE = 0.2;

/**
 * @example
 * scaleResolution(base, 10, 1).paragraphs.length // 530 for 37/39
 */
export function scaleResolution(base: Resolution, factor: number, seed: number): Resolution {
	const rng = createRng(seed);
	const seen = new Set<string>();
	const vary = (p: Paragraph, copy: number): Paragraph => {
		if (copy === 0) return p;
		for (;;) {
			const ts = tokens(p.body);
			const words = ts.flatMap((t, i) => (/^\p{L}+$/u.test(t.core) ? [i] : []));
			const n = Math.max(2, Math.round(words.length * VARIED_SHARE));
			for (const i of rng.shuffle(words).slice(0, n)) {
				const t = ts[i];
				if (t) ts[i] = { ...t, core: contentWord(rng) };
			}
			const body = joinTokens(ts);
			if (!seen.has(body)) {
				seen.add(body);
				// Varied copies carry no footnotes: the note's offset would no longer mean anything.
				return { ...p, body, footnotes: [] };
			}
		}
	};
	const kinds = ["preambular", "operative"] as const;
	const paragraphs: Paragraph[] = [];
	for (const kind of kinds) {
		const same = base.paragraphs.filter((p) => p.kind === kind);
		for (let copy = 0; copy < factor; copy++) {
			for (const p of same) paragraphs.push(vary(p, copy));
		}
	}
	let pp = 0;
	let op = 0;
	const numbered = paragraphs.map((p): Paragraph => {
		if (p.kind === "preambular") return { ...p, ref: `PP${++pp}`, number: null, label: null };
		op++;
		return { ...p, ref: `OP${op}`, number: op, label: null };
	});
	return {
		...base,
		symbol: null,
		number: null,
		title: `Synthetic ${factor}x scaling of ${base.number ?? "the base text"}, seed ${seed} (not an official text)`,
		paragraphs: numbered,
		warnings: [],
	};
}
