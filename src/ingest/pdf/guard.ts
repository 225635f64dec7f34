/**
 * A cap on what a PDF's compressed streams unpack to, checked before the PDF
 * library sees the file: that library inflates streams in memory without a
 * limit, so a small file could ask for gigabytes (a "PDF bomb"). Each
 * `stream ... endstream` body is inflated here with zlib's own output cap;
 * a body that is not zlib data (another filter, an encrypted stream) is left
 * to the library, which reads those without such expansion.
 */
import { constants, inflateSync } from "node:zlib";
import { LimitError } from "../../core/errors.ts";
import { MAX_PDF_UNPACKED_BYTES, megabytes } from "../limits.ts";

const STREAM = /stream\r?\n/g;

/**
 * Throws a LimitError when the file's zlib streams unpack, together, to more
 * than the limit.
 *
 * @param name the file's name, for the message.
 */
export function checkUnpackedSize(
	bytes: Uint8Array,
	name: string,
	limit = MAX_PDF_UNPACKED_BYTES,
): void {
	const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
	let total = 0;
	STREAM.lastIndex = 0;
	for (let m = STREAM.exec(text); m !== null; m = STREAM.exec(text)) {
		const start = m.index + m[0].length;
		const end = text.indexOf("endstream", start);
		const body = bytes.subarray(start, end < 0 ? bytes.length : end);
		// zlib data starts with a header byte of 0x78 (deflate, 32K window or less).
		if (body[0] !== 0x78) continue;
		let size = 0;
		try {
			size = inflateSync(body, {
				maxOutputLength: limit - total + 1,
				// A stream cut short still counts for what it unpacks to.
				finishFlush: constants.Z_SYNC_FLUSH,
			}).length;
		} catch (e) {
			if ((e as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") size = limit - total + 1;
			else continue;
		}
		total += size;
		if (total > limit) {
			throw new LimitError(
				"unpacked-size",
				`${name}: the PDF's content unpacks to more than ${megabytes(limit)}, the limit for one document`,
			);
		}
		// Past "endstream", whose own "stream" would otherwise start a false body and hide the next one.
		STREAM.lastIndex = end < 0 ? text.length : end + "endstream".length;
	}
}
