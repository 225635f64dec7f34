/**
 * Footnotes in Tika text: a reference `[footnoteRef:2]` where the mark was,
 * and the note `[2: <TAB><TAB>S/2017/1105.]` at the end of the paragraph.
 * The number is Word's internal footnote id, not the printed mark; marks are
 * given later, in order of appearance. Asterisk notes (`*`) are also read,
 * whether Word wrote them as a custom mark or the text carries a bare `*`.
 */

export interface NoteText {
	readonly id: string;
	readonly text: string;
	readonly asterisk: boolean;
}

export interface MarkerRef {
	/** Word's id, or null for a bare asterisk in the text. */
	readonly id: string | null;
	/** Offset in the cleaned text. */
	readonly at: number;
}

const NOTE_START = /\[(\d+|\*):/g;
/** Whitespace that squashing would change: a run of two, or any but a plain space. */
const ODD_WHITESPACE = /[^\S ]|\s\s/;
const REF = /\[footnoteRef:(\d+)\]\*?|(?<=[\p{L}\p{N},.;:)\]’”'])\*+(?=\s|$|[,.;:])/gu;

/** Removes every `[N: ...]` note from a line, returning the line and the notes. */
export function takeNotes(line: string): { rest: string; notes: NoteText[] } {
	const notes: NoteText[] = [];
	let rest = "";
	let from = 0;
	NOTE_START.lastIndex = 0;
	for (let m = NOTE_START.exec(line); m !== null; m = NOTE_START.exec(line)) {
		// The note may itself contain brackets ("[not yet issued]"): find its own end.
		let depth = 1;
		let i = m.index + m[0].length;
		for (; i < line.length && depth > 0; i++) {
			if (line[i] === "[") depth++;
			else if (line[i] === "]") depth--;
		}
		if (depth > 0) continue;
		const inner = line.slice(m.index + m[0].length, i - 1).trim();
		const asterisk = m[1] === "*" || inner.startsWith("*");
		notes.push({
			id: m[1] ?? "",
			text: asterisk ? inner.replace(/^\*+\s*/, "") : inner,
			asterisk,
		});
		rest += line.slice(from, m.index);
		from = i;
		NOTE_START.lastIndex = i;
	}
	rest += line.slice(from);
	return { rest, notes };
}

/**
 * Removes references from text, collapsing whitespace as the body does, and
 * says where each stood in the result.
 */
export function takeRefs(text: string): { text: string; refs: MarkerRef[] } {
	const refs: MarkerRef[] = [];
	const parts: string[] = [];
	let length = 0;
	let endsInSpace = true;
	// Collapses each chunk's whitespace, and the space where two chunks meet, in linear time.
	const push = (chunk: string) => {
		// Most text already has single plain spaces; only a chunk with other runs is rewritten.
		let piece = ODD_WHITESPACE.test(chunk) ? chunk.replace(/\s+/g, " ") : chunk;
		if (endsInSpace && piece.startsWith(" ")) piece = piece.slice(1);
		if (piece === "") return;
		parts.push(piece);
		length += piece.length;
		endsInSpace = piece.endsWith(" ");
	};
	let from = 0;
	REF.lastIndex = 0;
	// Most lines hold no reference, and REF's lookbehind makes scanning for one slow.
	const mayHoldRef = text.includes("*") || text.includes("[footnoteRef:");
	for (let m = mayHoldRef ? REF.exec(text) : null; m !== null; m = REF.exec(text)) {
		push(text.slice(from, m.index));
		refs.push({ id: m[1] ?? null, at: length });
		from = m.index + m[0].length;
	}
	push(text.slice(from));
	const trimmed = parts.join("").trimEnd();
	return { text: trimmed, refs: refs.map((r) => ({ ...r, at: Math.min(r.at, trimmed.length) })) };
}
