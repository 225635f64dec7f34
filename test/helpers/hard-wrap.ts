/**
 * Hard-wraps text the way a PDF's column does, for tests of the reader of
 * PDF-copied text: each line broken at a width in characters, compounds
 * broken at their hyphen when the first part fits, and, when asked, long
 * words split with a hyphen at a seeded point, as a typesetter would.
 */

export interface WrapOptions {
	readonly width: number;
	/** Share of over-long words (10 letters or more) split with a hyphen, 0..1. */
	readonly hyphenate?: number;
	readonly seed?: number;
}

/** A small deterministic generator (mulberry32), so a failing wrap can be reproduced. */
export function seeded(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** Wraps every line of the text at the width. */
export function hardWrap(text: string, options: WrapOptions): string {
	const random = seeded(options.seed ?? 1);
	const out: string[] = [];
	for (const line of text.split("\n")) {
		let current = "";
		const room = () => options.width - current.length - (current ? 1 : 0);
		const push = (piece: string) => {
			current = current ? `${current} ${piece}` : piece;
		};
		for (const word of line.split(/\s+/).filter(Boolean)) {
			if (word.length <= room()) {
				push(word);
				continue;
			}
			const hyphen = word.indexOf("-");
			const letters = /^\p{L}{10,}[,.;:]?$/u.test(word);
			if (hyphen > 0 && hyphen + 1 <= room() && /\p{L}/u.test(word[hyphen + 1] ?? "")) {
				push(word.slice(0, hyphen + 1));
				out.push(current);
				current = word.slice(hyphen + 1);
			} else if (letters && room() >= 5 && random() < (options.hyphenate ?? 0)) {
				// Leave at least four letters on each side, as typesetters do.
				const cut = Math.min(room() - 1, word.replace(/[,.;:]$/, "").length - 4);
				if (cut >= 4) {
					push(`${word.slice(0, cut)}-`);
					out.push(current);
					current = word.slice(cut);
				} else {
					out.push(current);
					current = word;
				}
			} else {
				if (current) out.push(current);
				current = word;
			}
		}
		if (current) out.push(current);
	}
	return out.join("\n");
}
