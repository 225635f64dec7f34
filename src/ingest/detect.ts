/**
 * What kind of document a file is, from its first bytes: a file's name and a
 * server's content type are claims, the bytes are what will be read. The
 * patterns are the ones the formats define (the ZIP local header, `%PDF-`,
 * the OLE compound-file header of Word 97) and, for HTML, the WHATWG
 * sniffing table.
 */

import { ParseError } from "../core/errors.ts";

export type DocumentFormat =
	/** A ZIP archive: a DOCX when it holds a Word document. */
	| "zip"
	| "pdf"
	/** Word 97-2003 `.doc` (OLE compound file): refused, with advice to convert. */
	| "doc"
	| "rtf"
	| "html"
	| "text"
	/** Anything else that is not text. */
	| "binary";

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** An empty archive starts with its end-of-central-directory record. */
const EMPTY_ZIP = [0x50, 0x4b, 0x05, 0x06];

function startsWith(bytes: Uint8Array, pattern: readonly number[], at = 0): boolean {
	if (bytes.length < at + pattern.length) return false;
	return pattern.every((b, i) => bytes[at + i] === b);
}

/** The tags that open an HTML document, after optional whitespace (WHATWG MIME sniffing, 7.1). */
const HTML_OPENERS =
	/^<(?:!doctype html|html|head|script|iframe|h1|div|font|table|a|style|title|b|body|br|p|!--)[\s>]/i;

/** Where a PDF's header may sit: within the first 1024 bytes, as readers allow. */
const PDF_WINDOW = 1024;

/**
 * The document format of a file, from its first bytes.
 *
 * @example
 * sniffFormat(new TextEncoder().encode("%PDF-1.7\n...")) // "pdf"
 */
export function sniffFormat(bytes: Uint8Array): DocumentFormat {
	if (startsWith(bytes, OLE)) return "doc";
	if (startsWith(bytes, ZIP) || startsWith(bytes, EMPTY_ZIP)) return "zip";
	const head = new TextDecoder("latin1").decode(bytes.subarray(0, PDF_WINDOW));
	const text = looksLikeText(bytes);
	// A text that merely mentions "%PDF-" is still a text: the header must lead, or follow junk bytes.
	const pdfAt = head.indexOf("%PDF-");
	const before = head.slice(0, Math.max(0, pdfAt)).replace(/^\u00ef\u00bb\u00bf/, "");
	if (pdfAt >= 0 && (before.trim() === "" || !text)) return "pdf";
	if (head.startsWith("{\\rtf")) return "rtf";
	if (!text) return "binary";
	// Only a look at the start (which may end inside a character): the reader decodes strictly.
	const order = utf16Order(bytes);
	const start = new TextDecoder(order ?? "utf-8")
		.decode(bytes.subarray(order ? 2 : 0, 2048))
		.replace(/^[\ufeff\s]+/, "");
	if (HTML_OPENERS.test(start)) return "html";
	if (/^<\?xml/i.test(start) && /<html[\s>]/i.test(start)) return "html";
	return "text";
}

/** Whether the first 8 KB read as text: no NUL bytes (outside UTF-16) and few control characters. */
function looksLikeText(bytes: Uint8Array): boolean {
	if (utf16Order(bytes)) return true;
	const sample = bytes.subarray(0, 8192);
	let odd = 0;
	for (let i = 0; i < sample.length; i++) {
		const b = sample[i] ?? 0;
		if (b === 0) return false;
		if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12) odd++;
	}
	return sample.length === 0 || odd / sample.length <= 0.05;
}

function utf16Order(bytes: Uint8Array): "utf-16le" | "utf-16be" | null {
	if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
	if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
	return null;
}

/**
 * Decodes a text file: UTF-16 when it carries that byte-order mark, else
 * UTF-8 (its BOM dropped). Bytes that are not UTF-8 are refused with where
 * they are, rather than read silently as U+FFFD: a text in another encoding
 * would otherwise be stored and compared with its letters replaced.
 *
 * @throws ParseError "encoding" naming the line and byte offset of the first bad byte.
 */
export function decodeText(bytes: Uint8Array): string {
	const order = utf16Order(bytes);
	if (order) return new TextDecoder(order).decode(bytes.subarray(2));
	try {
		return new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\ufeff/, "");
	} catch {
		const offset = firstInvalidUtf8(bytes);
		let line = 1;
		for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
		const byte = (bytes[offset] ?? 0).toString(16).toUpperCase().padStart(2, "0");
		throw new ParseError(
			"encoding",
			`the text is not valid UTF-8: byte 0x${byte} at offset ${offset}; save it as UTF-8 and try again`,
			line,
		);
	}
}

/** The offset of the first byte that does not begin or continue a well-formed UTF-8 sequence. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
	let i = 0;
	while (i < bytes.length) {
		const b = bytes[i] ?? 0;
		const length =
			b < 0x80
				? 1
				: b >= 0xc2 && b <= 0xdf
					? 2
					: b >= 0xe0 && b <= 0xef
						? 3
						: b >= 0xf0 && b <= 0xf4
							? 4
							: 0;
		if (length === 0) return i;
		// The second byte's range rules out overlong forms, surrogates and code points past U+10FFFF.
		const low = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
		const high = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
		for (let k = 1; k < length; k++) {
			const c = bytes[i + k];
			if (c === undefined) return i;
			if (k === 1 ? c < low || c > high : c < 0x80 || c > 0xbf) return i;
		}
		i += length;
	}
	return bytes.length;
}

/**
 * The format a server's content type claims, or null when it names none
 * (`application/octet-stream`, missing).
 */
export function formatFromContentType(contentType: string | null): DocumentFormat | null {
	const type = (contentType ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
	if (type === "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
		return "zip";
	if (type === "application/zip") return "zip";
	if (type === "application/pdf") return "pdf";
	if (type === "application/msword") return "doc";
	if (type === "application/rtf" || type === "text/rtf") return "rtf";
	if (type === "text/html" || type === "application/xhtml+xml") return "html";
	if (type === "text/plain") return "text";
	return null;
}

/** The usual file extension for a format resdiff stores. */
export function extensionFor(format: "zip" | "pdf" | "html" | "text"): string {
	return { zip: "docx", pdf: "pdf", html: "html", text: "txt" }[format];
}

/** What to tell someone whose file is in a format resdiff does not read. */
export function conversionAdvice(format: DocumentFormat): string | null {
	switch (format) {
		case "doc":
			return "this is a Word 97-2003 document (.doc), which resdiff does not read: open it in Word or LibreOffice and save it as DOCX (or export it as PDF), then try again";
		case "rtf":
			return "this is an RTF document, which resdiff does not read: save it as DOCX or PDF, then try again";
		case "binary":
			return "this is not a document resdiff reads (DOCX, PDF, HTML or plain text)";
		default:
			return null;
	}
}
