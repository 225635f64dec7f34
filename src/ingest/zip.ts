/**
 * Reading parts of a ZIP archive (a DOCX) without trusting it. The central
 * directory is read first and the archive refused, before anything is
 * inflated, when its entries declare more than the stated limits. Then only
 * the parts the reader asks for are inflated, one at a time, by zlib with a
 * cap on its output: a directory that lies about sizes is stopped one chunk
 * past the limit. Each part read is checked against its CRC-32 and its name
 * against its local header, so damage never passes for text. Node only: the
 * Worker reads drafts as plain text, never an archive.
 */
import { LimitError } from "../core/errors.ts";
import { UnreadableDocumentError } from "./errors.ts";
import {
	MAX_ZIP_DECLARED_BYTES,
	MAX_ZIP_ENTRIES,
	MAX_ZIP_PART_BYTES,
	MAX_ZIP_RATIO,
	MAX_ZIP_TOTAL_BYTES,
	megabytes,
	ZIP_RATIO_FLOOR_BYTES,
} from "./limits.ts";

export interface ZipLimits {
	/** Most bytes one part read may unpack to. */
	readonly partBytes: number;
	/** Most bytes all parts read may unpack to together. */
	readonly totalBytes: number;
	/** Most bytes every entry of the archive may declare together, read or not. */
	readonly declaredBytes: number;
	/** Most entries in the archive. */
	readonly entries: number;
	/** Highest ratio of unpacked to packed size for a part read of more than ZIP_RATIO_FLOOR_BYTES. */
	readonly ratio: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
	partBytes: MAX_ZIP_PART_BYTES,
	totalBytes: MAX_ZIP_TOTAL_BYTES,
	declaredBytes: MAX_ZIP_DECLARED_BYTES,
	entries: MAX_ZIP_ENTRIES,
	ratio: MAX_ZIP_RATIO,
};

/** An opened archive whose parts are read as UTF-8 text, within the limits. */
export interface ZipPackage {
	has(path: string): boolean;
	/** The part's text, or null when the archive has no such part. */
	readText(path: string): Promise<string | null>;
}

interface Entry {
	readonly name: string;
	readonly method: number;
	readonly crc: number;
	readonly packed: number;
	readonly unpacked: number;
	readonly localOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;

/** Names and parts are UTF-8; one decoder serves them all. */
const utf8 = new TextDecoder("utf-8");

function corrupt(detail: string): UnreadableDocumentError {
	return new UnreadableDocumentError(
		"zip",
		"corrupt",
		`the file is a damaged or truncated ZIP archive (${detail}); if it is a Word document, open and save it again as DOCX`,
	);
}

/** The entries listed in the central directory, read from the end of the file. */
function centralDirectory(bytes: Uint8Array, name: string, limits: ZipLimits): Entry[] {
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	let end = -1;
	for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
		if (view.getUint32(at, true) === EOCD) {
			end = at;
			break;
		}
	}
	if (end < 0) throw corrupt("no end of central directory");
	const count = view.getUint16(end + 10, true);
	const size = view.getUint32(end + 12, true);
	const offset = view.getUint32(end + 16, true);
	if (count === 0xffff || offset === 0xffffffff || size === 0xffffffff)
		throw new UnreadableDocumentError(
			"zip",
			"unsupported",
			"this is a ZIP64 archive, which no Word document of a readable size needs",
		);
	if (count > limits.entries)
		throw new LimitError(
			"zip-entries",
			`${name}: the archive lists ${count} entries; the limit is ${limits.entries}`,
		);
	if (offset + size > end) throw corrupt("central directory out of range");
	const entries: Entry[] = [];
	let declared = 0;
	for (let at = offset, k = 0; k < count; k++) {
		if (at + 46 > end || view.getUint32(at, true) !== CENTRAL)
			throw corrupt("central directory entry damaged");
		const flags = view.getUint16(at + 8, true);
		const nameLength = view.getUint16(at + 28, true);
		const extra = view.getUint16(at + 30, true);
		const comment = view.getUint16(at + 32, true);
		if (at + 46 + nameLength > end) throw corrupt("central directory entry damaged");
		const entry: Entry = {
			name: utf8.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
			method: view.getUint16(at + 10, true),
			crc: view.getUint32(at + 16, true),
			packed: view.getUint32(at + 20, true),
			unpacked: view.getUint32(at + 24, true),
			localOffset: view.getUint32(at + 42, true),
		};
		if (flags & 1)
			throw new UnreadableDocumentError(
				"zip",
				"encrypted",
				"the document is protected with a password; save an unprotected copy and try again",
			);
		declared += entry.unpacked;
		entries.push(entry);
		at += 46 + nameLength + extra + comment;
	}
	if (declared > limits.declaredBytes)
		throw new LimitError(
			"unpacked-size",
			`${name}: the archive declares ${megabytes(declared)} unpacked, over the ${megabytes(limits.declaredBytes)} limit for one document`,
		);
	return entries;
}

/** The packed bytes of an entry, found through its local header. */
function packedData(bytes: Uint8Array, entry: Entry): Uint8Array {
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const at = entry.localOffset;
	if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL)
		throw corrupt(`${entry.name} has no local header`);
	const nameLength = view.getUint16(at + 26, true);
	// The local header repeats the name: a mismatch means one of the two copies is damaged.
	const localName = bytes.subarray(at + 30, at + 30 + nameLength);
	if (utf8.decode(localName) !== entry.name)
		throw corrupt(`${entry.name} is named differently in its local header`);
	const start = at + 30 + nameLength + view.getUint16(at + 28, true);
	if (start + entry.packed > bytes.length) throw corrupt(`${entry.name} is cut short`);
	return bytes.subarray(start, start + entry.packed);
}

/** Node's zlib, loaded when an archive is first read (the Worker never reads one), then kept. */
let zlibModule: Promise<typeof import("node:zlib")> | undefined;
const zlib = () => {
	zlibModule ??= import("node:zlib");
	return zlibModule;
};

/**
 * Inflates `packed`, stopping as soon as the output passes `limit` bytes:
 * zlib works chunk by chunk and gives up at the first chunk past the limit,
 * never running to the end. Synchronous on purpose: it runs on a worker
 * thread, which a time limit stops, and a web DecompressionStream cost a
 * promise and a Blob read per chunk (most of a DOCX upload's time).
 */
async function inflateAtMost(
	packed: Uint8Array,
	limit: number,
	tooLarge: () => Error,
): Promise<Uint8Array> {
	const { inflateRawSync } = await zlib();
	try {
		return inflateRawSync(packed, { maxOutputLength: Math.max(1, limit) });
	} catch (error) {
		if ((error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") throw tooLarge();
		throw error;
	}
}

/**
 * Opens an archive, refusing one that is not a ZIP, is damaged, or declares
 * more than the limits.
 *
 * @param name the file's name, for messages.
 */
export async function openZip(
	bytes: Uint8Array,
	name: string,
	limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): Promise<ZipPackage> {
	const byName = new Map<string, Entry>();
	for (const e of centralDirectory(bytes, name, limits))
		if (!byName.has(e.name)) byName.set(e.name, e);
	let unpacked = 0;
	const partTooLarge = (path: string) =>
		new LimitError(
			"unpacked-size",
			`${name}: ${path} unpacks to more than ${megabytes(limits.partBytes)}, the limit for one part of a document`,
		);
	const totalTooLarge = () =>
		new LimitError(
			"unpacked-size",
			`${name}: the archive unpacks to more than ${megabytes(limits.totalBytes)}, the limit for one document`,
		);
	return {
		has: (path) => byName.has(path),
		async readText(path) {
			const entry = byName.get(path);
			if (!entry) return null;
			// What the directory declares is refused before any work; what it hides is counted below.
			if (entry.unpacked > limits.partBytes) throw partTooLarge(path);
			if (unpacked + entry.unpacked > limits.totalBytes) throw totalTooLarge();
			if (entry.unpacked > ZIP_RATIO_FLOOR_BYTES && entry.unpacked > entry.packed * limits.ratio)
				throw new LimitError(
					"compression-ratio",
					`${name}: ${path} declares ${megabytes(entry.unpacked)} packed into ${megabytes(entry.packed)}, a ratio over ${limits.ratio}:1 that no document needs`,
				);
			const packed = packedData(bytes, entry);
			const room = Math.min(limits.partBytes, limits.totalBytes - unpacked);
			let data: Uint8Array;
			if (entry.method === STORED) {
				if (packed.length > room)
					throw packed.length > limits.partBytes ? partTooLarge(path) : totalTooLarge();
				data = packed;
			} else if (entry.method === DEFLATED) {
				data = await inflateAtMost(packed, room, () =>
					unpacked + room >= limits.totalBytes && room < limits.partBytes
						? totalTooLarge()
						: partTooLarge(path),
				).catch((e: unknown) => {
					if (e instanceof LimitError) throw e;
					throw corrupt(`${path} does not inflate: ${describe(e)}`);
				});
			} else {
				throw new UnreadableDocumentError(
					"zip",
					"unsupported",
					`${path} is packed with ZIP method ${entry.method}; Word writes only stored or deflated parts`,
				);
			}
			unpacked += data.length;
			if (data.length !== entry.unpacked || (await zlib()).crc32(data) !== entry.crc)
				throw corrupt(`${path} does not match its checksum`);
			return utf8.decode(data);
		},
	};
}

function describe(e: unknown): string {
	const message = e instanceof Error ? e.message : String(e);
	return message.replace(/\s+/g, " ").trim().slice(0, 120);
}
