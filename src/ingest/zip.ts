/**
 * Reading parts of a ZIP archive (a DOCX) with a hard cap on how much they
 * unpack to. A ZIP's own size fields can lie, so the cap is counted on the
 * bytes as they come out of the decompressor, and reading stops as soon as a
 * part or the archive as a whole passes it: a zip bomb costs at most one
 * decompression chunk beyond the limit.
 */
import JSZip from "jszip";
import { LimitError } from "../core/errors.ts";
import { UnreadableDocumentError } from "./errors.ts";
import { MAX_ZIP_PART_BYTES, MAX_ZIP_TOTAL_BYTES, megabytes } from "./limits.ts";

/** `internalStream` is documented JSZip API (a chunked, pausable reader) that its typings leave out. */
interface StreamingEntry {
	internalStream(type: "uint8array"): JSZip.JSZipStreamHelper<Uint8Array>;
}

export interface ZipLimits {
	readonly partBytes: number;
	readonly totalBytes: number;
}

/** An opened archive whose parts are read as UTF-8 text, within the limits. */
export interface ZipPackage {
	has(path: string): boolean;
	/** The part's text, or null when the archive has no such part. */
	readText(path: string): Promise<string | null>;
}

/**
 * Opens an archive, refusing one that is not a ZIP or is damaged.
 *
 * @param name the file's name, for messages.
 */
export async function openZip(
	bytes: Uint8Array,
	name: string,
	limits: ZipLimits = { partBytes: MAX_ZIP_PART_BYTES, totalBytes: MAX_ZIP_TOTAL_BYTES },
): Promise<ZipPackage> {
	let zip: JSZip;
	try {
		zip = await JSZip.loadAsync(bytes, { checkCRC32: true });
	} catch (e) {
		throw new UnreadableDocumentError(
			"zip",
			"corrupt",
			`the file is a damaged or truncated ZIP archive (${describe(e)}); if it is a Word document, open and save it again as DOCX`,
		);
	}
	let unpacked = 0;
	return {
		has: (path) => zip.file(path) !== null,
		async readText(path) {
			const entry = zip.file(path);
			if (!entry) return null;
			const chunks: Uint8Array[] = [];
			let size = 0;
			await new Promise<void>((resolve, reject) => {
				const stream = (entry as unknown as StreamingEntry).internalStream("uint8array");
				const stop = (error: Error) => {
					stream.pause();
					reject(error);
				};
				stream.on("data", (chunk) => {
					size += chunk.length;
					unpacked += chunk.length;
					if (size > limits.partBytes) {
						stop(
							new LimitError(
								"unpacked-size",
								`${name}: ${path} unpacks to more than ${megabytes(limits.partBytes)}, the limit for one part of a document`,
							),
						);
					} else if (unpacked > limits.totalBytes) {
						stop(
							new LimitError(
								"unpacked-size",
								`${name}: the archive unpacks to more than ${megabytes(limits.totalBytes)}, the limit for one document`,
							),
						);
					} else {
						chunks.push(chunk);
					}
				});
				stream.on("error", (e) =>
					reject(
						new UnreadableDocumentError(
							"zip",
							"corrupt",
							`${path} in the archive is damaged (${describe(e)})`,
						),
					),
				);
				stream.on("end", () => resolve());
				stream.resume();
			});
			return new TextDecoder("utf-8").decode(concat(chunks, size));
		},
	};
}

function concat(chunks: readonly Uint8Array[], size: number): Uint8Array {
	const out = new Uint8Array(size);
	let at = 0;
	for (const c of chunks) {
		out.set(c, at);
		at += c.length;
	}
	return out;
}

function describe(e: unknown): string {
	const message = e instanceof Error ? e.message : String(e);
	return message.replace(/\s+/g, " ").trim().slice(0, 120);
}
