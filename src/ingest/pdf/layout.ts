/**
 * A PDF page's positioned text pieces -> its lines, top to bottom. Pieces
 * whose baselines are close form a line, read left to right with a space
 * where the gap between two pieces is wider than a letter's spacing. A
 * piece set smaller and raised above its line's baseline that is a number
 * or an asterisk is a footnote mark: after a word it becomes an explicit
 * reference (`[footnoteRef:N]`); at the start of a line it is the number
 * of a note at the page foot. A vertical gap clearly wider than the page's
 * usual line pitch is written as a blank line: paragraph spacing, which the
 * PDF-text reader takes as a hint that a paragraph ended.
 */

export interface TextPiece {
	readonly text: string;
	/** Left edge and baseline, in PDF units (y grows upward). */
	readonly x: number;
	readonly y: number;
	readonly width: number;
	/** Font size: the height of the piece. */
	readonly size: number;
}

interface Line {
	baseline: number;
	size: number;
	pieces: TextPiece[];
}

/** A gap wider than this share of the font size separates two words. */
const WORD_GAP = 0.12;

/** A gap between lines wider than this many times the usual pitch is paragraph spacing. */
const PARAGRAPH_GAP = 1.3;

const MARK = /^\s*(\d{1,3}|\*{1,3})\s*$/;

function groupLines(pieces: readonly TextPiece[]): Line[] {
	const sorted = pieces
		.filter((p) => p.text.trim() !== "" && p.size > 0)
		.sort((a, b) => b.y - a.y || a.x - b.x);
	const lines: Line[] = [];
	for (const piece of sorted) {
		const line = lines.find(
			(l) => Math.abs(l.baseline - piece.y) <= 0.45 * Math.max(l.size, piece.size),
		);
		if (!line) {
			lines.push({ baseline: piece.y, size: piece.size, pieces: [piece] });
			continue;
		}
		line.pieces.push(piece);
		// The line's baseline is that of its largest text, not of a raised mark.
		if (piece.size > line.size) {
			line.size = piece.size;
			line.baseline = piece.y;
		}
	}
	return lines.sort((a, b) => b.baseline - a.baseline);
}

function isMark(piece: TextPiece, line: Line): boolean {
	return (
		piece.size < 0.85 * line.size &&
		piece.y - line.baseline > 0.15 * line.size &&
		MARK.test(piece.text)
	);
}

function lineText(line: Line): string {
	const pieces = [...line.pieces].sort((a, b) => a.x - b.x);
	let text = "";
	let end: number | null = null;
	for (const [i, piece] of pieces.entries()) {
		const mark = isMark(piece, line) ? piece.text.trim() : null;
		let chunk = piece.text;
		if (mark !== null) {
			chunk = i === 0 ? `${mark} ` : /^\d+$/.test(mark) ? `[footnoteRef:${mark}]` : mark;
		}
		const gap = end === null ? 0 : piece.x - end;
		const spaced = /\s$/.test(text) || /^\s/.test(chunk);
		if (text !== "" && !spaced && gap > WORD_GAP * line.size && mark === null) text += " ";
		text += chunk;
		end = piece.x + piece.width;
	}
	return text.replace(/\s+/g, " ").trim();
}

/** The page's lines as text, with a blank line where paragraph spacing was. */
export function pageText(pieces: readonly TextPiece[]): string {
	const lines = groupLines(pieces);
	const pitches = lines
		.slice(1)
		.map((l, i) => (lines[i]?.baseline ?? 0) - l.baseline)
		.filter((p) => p > 0)
		.sort((a, b) => a - b);
	const usual = pitches[Math.floor(pitches.length / 2)] ?? 0;
	const out: string[] = [];
	for (const [i, line] of lines.entries()) {
		const prev = lines[i - 1];
		if (prev && usual > 0 && prev.baseline - line.baseline > PARAGRAPH_GAP * usual) out.push("");
		out.push(lineText(line));
	}
	return out.join("\n");
}
