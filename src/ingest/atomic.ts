/**
 * Writing a file so that readers see the old one or the new one, never half
 * of either: the bytes go to a temporary file in the same folder, are flushed
 * to disk, and the temporary file is renamed over the target (a rename
 * within one file system is atomic). On any failure the temporary is removed.
 */
import { randomBytes } from "node:crypto";
import { open, rename, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

/** The temporary name for a target: hidden, beside it, unique to this write. */
export function temporaryPath(target: string): string {
	const tag = `${process.pid}.${randomBytes(4).toString("hex")}`;
	return join(dirname(target), `.${basename(target)}.${tag}.tmp`);
}

/** Whether a file name is one of this module's temporaries, for tests and clean-ups. */
export function isTemporaryName(name: string): boolean {
	return /^\..+\.\d+\.[0-9a-f]{8}\.tmp$/.test(name);
}

/**
 * Writes bytes to a path atomically.
 *
 * @example
 * await writeFileAtomic("corpus/manifest.json", JSON.stringify(manifest, null, "\t"));
 */
export async function writeFileAtomic(target: string, data: Uint8Array | string): Promise<void> {
	const temp = temporaryPath(target);
	try {
		const file = await open(temp, "wx");
		try {
			await file.writeFile(data);
			await file.sync();
		} finally {
			await file.close();
		}
		await rename(temp, target);
	} catch (e) {
		await rm(temp, { force: true });
		throw e;
	}
}
