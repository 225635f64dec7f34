/**
 * Damage the PDF library would read past. It rebuilds what it can of a file
 * cut short and inflates a damaged compressed stream as far as it goes, so a
 * damaged PDF could read as a shorter or different text that passes for the
 * resolution's own. These checks refuse such a file instead, before the
 * library sees it.
 */
import { inflateSync } from "node:zlib";
import { UnreadableDocumentError } from "../errors.ts";
import { MAX_PDF_UNPACKED_BYTES } from "../limits.ts";

/** How far from the end a PDF's closing `%%EOF` may stand (the PDF reference's own allowance). */
const EOF_WINDOW = 1024;

const STREAM = /stream\r?\n/g;

function damaged(what: string): UnreadableDocumentError {
	return new UnreadableDocumentError(
		"pdf",
		"corrupt",
		`this PDF is damaged (${what}); download or export it again`,
	);
}

/** Refuses a PDF cut short: every complete PDF ends with `%%EOF`. */
export function checkComplete(bytes: Uint8Array): void {
	const tail = Buffer.from(
		bytes.buffer,
		bytes.byteOffset + Math.max(0, bytes.byteLength - EOF_WINDOW),
		Math.min(bytes.byteLength, EOF_WINDOW),
	).toString("latin1");
	if (!tail.includes("%%EOF")) throw damaged("it is cut short: it does not end with %%EOF");
}

/**
 * Refuses a PDF with a zlib stream that does not inflate whole: zlib checks
 * each stream's structure and its Adler-32 checksum, which the PDF library
 * does not. Run after the size guard, which has already refused bombs.
 */
export function checkStreams(bytes: Uint8Array): void {
	const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
	STREAM.lastIndex = 0;
	for (let m = STREAM.exec(text); m !== null; m = STREAM.exec(text)) {
		const start = m.index + m[0].length;
		const end = text.indexOf("endstream", start);
		const body = bytes.subarray(start, end < 0 ? bytes.length : end);
		// zlib data starts with a header byte of 0x78; other filters are left to the library.
		if (body[0] === 0x78) {
			try {
				inflateSync(body, { maxOutputLength: MAX_PDF_UNPACKED_BYTES });
			} catch (e) {
				const reason = (e as Error)?.message ?? String(e);
				throw damaged(`the compressed stream at byte ${start} does not unpack: ${reason}`);
			}
		}
		// Past "endstream", whose own "stream" would otherwise start a false body and hide the next one.
		STREAM.lastIndex = end < 0 ? text.length : end + "endstream".length;
	}
}
