/**
 * The first half of opening a PGlite folder in this thread, without drizzle
 * or the schema: the lock, the folder, and PGlite itself. openPglite finishes
 * it. `npm start` opens PGlite in a thread of its own instead (pglite-remote.ts).
 */
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { DatabaseUnavailableError } from "./errors.ts";
import { lockDataDir, type PgliteOptions, type StartedPglite } from "./pglite-client.ts";
import { createFolderApart, pgliteStartParams } from "./pglite-settings.ts";

export type { PgliteClient, PgliteOptions, StartedPglite } from "./pglite-client.ts";

/** Opens PGlite in `dataDir` (creating its database if need be), in this thread. */
export async function createPglite(dataDir: string): Promise<PGlite> {
	// While PGlite compiles its WebAssembly, nothing may keep Node's event loop alive; Node then
	// waits for all of V8's background work, PGlite's optimising compiles included (a second or
	// more), before it reads a file or takes a connection again. A pending timer keeps it running.
	// In PGlite's own thread (pglite-thread.ts) it made no difference we could measure (warm start
	// 0.96 s with it, 1.01 s without, same run): kept, as the same code opens PGlite in this thread.
	const awake = setInterval(() => {}, 60_000);
	try {
		await createFolderApart(dataDir);
		return await PGlite.create(dataDir, {
			extensions: { pg_trgm },
			startParams: pgliteStartParams(),
		});
	} finally {
		clearInterval(awake);
	}
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
	const lock = await lockDataDir(dataDir, options);
	try {
		const client = await createPglite(dataDir);
		return lock ? { client, lock } : { client };
	} catch (e) {
		lock?.release();
		throw new DatabaseUnavailableError(
			dataDir,
			`PGlite could not open its data folder: ${(e as Error).message}`,
		);
	}
}
