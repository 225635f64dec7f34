/**
 * The first half of opening a PGlite folder, without drizzle or the schema:
 * the lock, the folder, and PGlite itself. `npm start` begins it before the
 * rest of the service has loaded (src/node.ts); openPglite finishes it.
 */
import { mkdir } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { DatabaseUnavailableError } from "./errors.ts";
import { acquireFolderLock, type FolderLock, type LockRecord } from "./folder-lock.ts";
import { createFolderApart, pgliteStartParams } from "./pglite-settings.ts";

export interface PgliteOptions {
	/** Who opens the folder, written into its lock (see folder-lock.ts). */
	readonly holder?: LockRecord["holder"];
	/** "npm start", "resdiff import": named to whoever finds the folder busy. */
	readonly what?: string;
}

/** A PGlite database open on its folder, and the folder's lock (none in memory). */
export interface StartedPglite {
	readonly client: PGlite;
	readonly lock?: FolderLock;
}

/**
 * Takes the lock of `dataDir` (creating the folder, and the database in it,
 * if need be), then opens PGlite there; "memory://" keeps it in memory,
 * unlocked. Throws FolderBusyError when another live process holds the
 * folder, before PGlite touches it.
 */
export async function startPglite(
	dataDir: string,
	options: PgliteOptions = {},
): Promise<StartedPglite> {
	let lock: FolderLock | undefined;
	if (!dataDir.startsWith("memory://")) {
		await mkdir(dataDir, { recursive: true });
		lock = acquireFolderLock(dataDir, options.holder ?? "command", options.what ?? "resdiff");
	}
	// While PGlite compiles its WebAssembly, nothing may keep Node's event loop alive; Node then
	// waits for all of V8's background work, PGlite's optimising compiles included (a second or
	// more), before it reads a file or takes a connection again. A pending timer keeps it running.
	const awake = setInterval(() => {}, 60_000);
	try {
		await createFolderApart(dataDir);
		const client = await PGlite.create(dataDir, {
			extensions: { pg_trgm },
			startParams: pgliteStartParams(),
		});
		return lock ? { client, lock } : { client };
	} catch (e) {
		lock?.release();
		throw new DatabaseUnavailableError(
			dataDir,
			`PGlite could not open its data folder: ${(e as Error).message}`,
		);
	} finally {
		clearInterval(awake);
	}
}
