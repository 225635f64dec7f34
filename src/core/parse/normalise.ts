/**
 * What the parser does to raw text before reading structure, written down in
 * one place: limits, binary detection, line ends, invisible and odd spaces,
 * Word bookmarks.
 */
import { ParseError } from "../errors.ts";

/** Largest text accepted, in UTF-8 bytes. */
export const MAX_TEXT_BYTES = 2 * 1024 * 1024;

/** Most paragraphs accepted in one resolution; the longest real ones have under 100. */
export const MAX_PARAGRAPHS = 10_000;

const encoder = new TextEncoder();

function utf8Length(text: string): number {
	// Every UTF-16 unit is at most 3 UTF-8 bytes, so short texts need no count.
	if (text.length * 3 <= MAX_TEXT_BYTES) return text.length;
	return encoder.encode(text).length;
}

/** Throws unless the text is within the size limit, not binary and not empty. */
export function checkText(text: string): void {
	const bytes = utf8Length(text);
	if (bytes > MAX_TEXT_BYTES) {
		throw new ParseError(
			"too-large",
			`text is ${bytes} bytes; the limit is ${MAX_TEXT_BYTES} bytes (2 MB)`,
		);
	}
	const nul = text.indexOf("\u0000");
	if (nul >= 0) {
		const line = text.slice(0, nul).split("\n").length;
		throw new ParseError("binary", "this is a binary file (it contains NUL bytes), not text", line);
	}
	const sample = text.slice(0, 4096);
	let odd = 0;
	// Code units, not code points: the characters counted are all in the BMP.
	for (let i = 0; i < sample.length; i++) {
		const c = sample.charCodeAt(i);
		if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd) odd++;
	}
	if (sample.length > 0 && odd / sample.length > 0.05) {
		throw new ParseError(
			"binary",
			"this looks like a binary file (control characters or undecodable bytes), not text",
			1,
		);
	}
	// A search for one visible character, not a copy of the text without the others.
	if (!/[^\s\u00a0\u200b\ufeff]/.test(text)) {
		throw new ParseError("empty", "the text is empty", 1);
	}
}

/** Splits into lines, accepting LF, CRLF and lone CR. */
export function splitLines(text: string): string[] {
	return text.replace(/^\ufeff/, "").split(/\r\n|\r|\n/);
}

/**
 * Cleans one line: Word bookmarks dropped, odd spaces made plain, invisible
 * characters removed. Leading tabs stay: they are part of the format.
 */
export function cleanLine(line: string): string {
	return line
		.replace(/\[bookmark:[^\]]*\]/g, "")
		.replace(/[\u00a0\u2007\u202f\u2009\u200a\u2002\u2003]/g, " ")
		.replace(/\u200b|\u200c|\u200d|\u2060|\ufeff|\u00ad/g, "");
}

/** Collapses whitespace runs to one space and trims; the body form of a text. */
export function squash(text: string): string {
	return text.replace(/\s+/g, " ").trim();
}
