/**
 * ZIP archives written byte by byte for the bomb tests, so that an entry can
 * declare any size (honest or not) and hold a deflate stream that inflates to
 * a gigabyte while it weighs about a megabyte. Built at test time; nothing
 * here is a real document.
 */
import { crc32, deflateRawSync, constants as zlib } from "node:zlib";
import JSZip from "jszip";

export interface ZipEntry {
	readonly name: string;
	/** The deflate stream as stored. */
	readonly packed: Uint8Array;
	/** What the central directory says it unpacks to. */
	readonly declared: number;
	readonly crc: number;
}

/** An honest deflated entry for `data`. */
export function deflated(name: string, data: Uint8Array): ZipEntry {
	return { name, packed: deflateRawSync(data), declared: data.length, crc: crc32(data) };
}

/**
 * A raw deflate stream that inflates to `megabytes` MB of zero bytes: one
 * flushed block for 1 MB of zeros, repeated (each copy stands alone after a
 * full flush), then an empty final block. 1 GB weighs about 1 MB.
 */
export function zeros(megabytes: number): Uint8Array {
	const block = deflateRawSync(Buffer.alloc(1024 * 1024), { finishFlush: zlib.Z_FULL_FLUSH });
	const out = Buffer.alloc(block.length * megabytes + 2);
	for (let k = 0; k < megabytes; k++) block.copy(out, k * block.length);
	// A final fixed-Huffman block holding only its end: bits 1, 01, then code 256 (seven zeros).
	out[block.length * megabytes] = 0x03;
	out[block.length * megabytes + 1] = 0x00;
	return out;
}

/** The entries of an existing archive (a DOCX made by the test helpers), each deflated anew. */
export async function entriesOf(archive: Uint8Array): Promise<ZipEntry[]> {
	const zip = await JSZip.loadAsync(archive);
	const out: ZipEntry[] = [];
	for (const name of Object.keys(zip.files)) {
		const file = zip.files[name];
		if (!file || file.dir) continue;
		out.push(deflated(name, await file.async("uint8array")));
	}
	return out;
}

/** A ZIP archive of the entries, in order, every one deflated (method 8). */
export function writeZip(entries: readonly ZipEntry[]): Uint8Array {
	const locals: Buffer[] = [];
	const centrals: Buffer[] = [];
	let offset = 0;
	for (const e of entries) {
		const name = Buffer.from(e.name, "utf8");
		const local = Buffer.alloc(30);
		local.writeUInt32LE(0x04034b50, 0);
		local.writeUInt16LE(20, 4);
		local.writeUInt16LE(8, 8);
		local.writeUInt32LE(e.crc >>> 0, 14);
		local.writeUInt32LE(e.packed.length, 18);
		local.writeUInt32LE(Math.min(e.declared, 0xfffffffe), 22);
		local.writeUInt16LE(name.length, 26);
		const central = Buffer.alloc(46);
		central.writeUInt32LE(0x02014b50, 0);
		central.writeUInt16LE(20, 4);
		central.writeUInt16LE(20, 6);
		central.writeUInt16LE(8, 10);
		central.writeUInt32LE(e.crc >>> 0, 16);
		central.writeUInt32LE(e.packed.length, 20);
		central.writeUInt32LE(Math.min(e.declared, 0xfffffffe), 24);
		central.writeUInt16LE(name.length, 28);
		central.writeUInt32LE(offset, 42);
		locals.push(local, name, Buffer.from(e.packed));
		centrals.push(central, name);
		offset += 30 + name.length + e.packed.length;
	}
	const directory = Buffer.concat(centrals);
	const end = Buffer.alloc(22);
	end.writeUInt32LE(0x06054b50, 0);
	end.writeUInt16LE(entries.length, 8);
	end.writeUInt16LE(entries.length, 10);
	end.writeUInt32LE(directory.length, 12);
	end.writeUInt32LE(offset, 16);
	return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

/** A gigabyte (`gigabytes` of them) of zeros in one entry, declared as `declared` (the truth by default). */
export function zeroEntry(
	name: string,
	megabytes: number,
	declared = megabytes * 1024 * 1024,
): ZipEntry {
	return { name, packed: zeros(megabytes), declared, crc: 0 };
}
