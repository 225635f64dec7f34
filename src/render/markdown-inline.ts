/**
 * Markdown inline text: escaping paragraph texts so that they render
 * literally, and marking insertions and deletions so that the marks hold.
 *
 * Escaping: every ASCII character CommonMark or GitHub gives a meaning inside
 * a line (`\ * _ ` [ ] < > ~ | & $ @ # !`) is backslash-escaped, which
 * CommonMark, GitHub and pandoc all undo; at the start of a line, the
 * characters that would open a block (a list's `-`, `+` or `1.`, a setext
 * underline's `=`) are escaped too.
 *
 * Marks: `**inserted**` and `~~deleted~~`. CommonMark lets a delimiter run open
 * or close only where it "flanks" its text: `Mali**,**` does not make a bold
 * comma, because the `**` sits between a letter and a punctuation mark. Where
 * that happens a hair space (U+200A, whitespace to CommonMark, next to
 * invisible on the page) is put outside the mark, so the mark holds on GitHub
 * (cmark-gfm), in micromark and in pandoc alike. Spaces at the edges of a
 * change cannot be marked (`** and**` is not bold) and are written unmarked.
 */

/** Characters escaped wherever they stand. */
const INLINE_SPECIAL = /[\\`*_[\]<>~|&$@#!]/g;

/** What would open a block at the start of a line: list bullets, an ordered list's `1.`, a setext underline. */
const LINE_START_SPECIAL = /^(\s*)([-+=]|\d+[.)])/;

/** Escapes text for a Markdown inline context; `atLineStart` when it begins a line. */
export function escapeMarkdown(text: string, atLineStart = false): string {
	const escaped = text.replace(INLINE_SPECIAL, (c) => `\\${c}`);
	if (!atLineStart) return escaped;
	return escaped.replace(LINE_START_SPECIAL, (_m, space: string, mark: string) => {
		// `1.` is escaped at its dot: `1\.`; a bullet or `=` at the character itself.
		if (/^\d/.test(mark)) return `${space}${mark.slice(0, -1)}\\${mark.slice(-1)}`;
		return `${space}\\${mark}`;
	});
}

export const HAIR_SPACE = "\u200A";

const WHITESPACE = /\s/u;
/** Punctuation under any CommonMark version: 0.31 counts symbols (`€`, `→`) too. */
const PUNCTUATION_ANY = /[\p{P}\p{S}]/u;
/** Punctuation under every version: Unicode P, and ASCII punctuation (GitHub still follows 0.29 here). */
const PUNCTUATION_ALL = /[\p{P}!-/:-@[-`{-~]/u;

/**
 * Whether a delimiter between `outer` (the character outside the mark, or ""
 * at a line's edge) and `inner` (the marked text's first or last character)
 * might fail to flank: the inner character is punctuation and the outer one
 * is neither whitespace nor punctuation.
 */
function mayNotFlank(outer: string, inner: string): boolean {
	if (outer === "" || WHITESPACE.test(outer) || PUNCTUATION_ALL.test(outer)) return false;
	return PUNCTUATION_ANY.test(inner);
}

/** A piece of one rendered line: plain (already escaped) text, or marked text awaiting its delimiters. */
export type InlinePiece =
	| { readonly kind: "plain"; readonly text: string }
	| { readonly kind: "marked"; readonly delimiter: "**" | "~~"; readonly text: string };

/**
 * Joins the pieces of one line, wrapping marked pieces in their delimiter and
 * adding a hair space outside a delimiter wherever it might not flank.
 */
export function joinInline(pieces: readonly InlinePiece[]): string {
	let out = "";
	pieces.forEach((piece, i) => {
		if (piece.kind === "plain") {
			out += piece.text;
			return;
		}
		const next = pieces[i + 1];
		const before = out.at(-1) ?? "";
		const after = next?.kind === "plain" ? (next.text[0] ?? "") : "";
		const open = mayNotFlank(before, piece.text[0] ?? "") ? HAIR_SPACE : "";
		const close = mayNotFlank(after, piece.text.at(-1) ?? "") ? HAIR_SPACE : "";
		out += `${open}${piece.delimiter}${piece.text}${piece.delimiter}${close}`;
	});
	return out;
}
